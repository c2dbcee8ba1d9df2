/*
 * overlay: a pack over the shipped course (see overlay.h).
 */
#include "base/overlay.h"

#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/xalloc.h"

static char *pack;     /* owned; no trailing '/' */
static char *shipped;  /* owned */
static int chapters;   /* inherit chapters 1..chapters; 0 = all */

static char *trimmed(const char *dir)
{
    char *s = xstrdup(dir);
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/')
        s[--n] = '\0';
    return s;
}

/* True when both name one folder (a pack that is the shipped course). */
static bool same_dir(const char *a, const char *b)
{
    char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
    bool same = ra && rb && strcmp(ra, rb) == 0;
    free(ra);
    free(rb);
    return same;
}

void overlay_set(const char *pack_dir, const char *shipped_dir, int nchapters)
{
    free(pack);
    free(shipped);
    bool on = pack_dir && shipped_dir && !same_dir(pack_dir, shipped_dir);
    pack = on ? trimmed(pack_dir) : NULL;
    shipped = pack ? trimmed(shipped_dir) : NULL;
    chapters = nchapters > 0 ? nchapters : 0;
}

const char *overlay_pack(void) { return pack; }
const char *overlay_shipped(void) { return shipped; }

/* `path` relative to the pack ("" for the pack itself), or NULL when it is
 * not under the pack. */
static const char *rel_in_pack(const char *path)
{
    if (!pack)
        return NULL;
    size_t n = strlen(pack);
    if (strncmp(path, pack, n) != 0)
        return NULL;
    if (path[n] == '\0')
        return path + n;
    return path[n] == '/' ? path + n + 1 : NULL;
}

/* The chapter a content name belongs to: "03-gil.yaml" (lessons), "ch03"
 * (exercises), "ch03.yaml" (assessments); 0 when it names none. */
static int chapter_of(const char *name)
{
    if (name[0] == 'c' && name[1] == 'h')
        name += 2;
    if (name[0] < '0' || name[0] > '9' || name[1] < '0' || name[1] > '9')
        return 0;
    char end = name[2];
    return end == '\0' || end == '-' || end == '.' || end == '/' ? (name[0] - '0') * 10 + name[1] - '0'
                                                                  : 0;
}

/* May the pack inherit `rel` (relative to the pack)?  Everything but the
 * chapters past the pack's own course. */
static bool inherits(const char *rel)
{
    if (!chapters)
        return true;
    static const char *const numbered[] = {"lessons/", "exercises/", "assessments/"};
    for (size_t i = 0; i < sizeof numbered / sizeof *numbered; i++) {
        size_t n = strlen(numbered[i]);
        if (strncmp(rel, numbered[i], n) == 0)
            return chapter_of(rel + n) <= chapters;
    }
    return true;
}

/* The shipped place of a path under the pack, or NULL. */
static char *inherited(const char *path)
{
    const char *rel = rel_in_pack(path);
    if (!rel || !inherits(rel))
        return NULL;
    return *rel ? path_join(shipped, rel) : xstrdup(shipped);
}

static bool exists(const char *path) { return file_exists(path) || dir_exists(path); }

char *overlay_join(const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    if (exists(path))
        return path;
    char *up = inherited(path);
    if (up && exists(up)) {
        free(path);
        return up;
    }
    free(up);
    return path;
}

bool overlay_file_exists(const char *path)
{
    if (file_exists(path))
        return true;
    char *up = inherited(path);
    bool ok = up && file_exists(up);
    free(up);
    return ok;
}

bool overlay_dir_exists(const char *path)
{
    if (dir_exists(path))
        return true;
    char *up = inherited(path);
    bool ok = up && dir_exists(up);
    free(up);
    return ok;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds to (own, n) the inherited names that the pack does not hold. */
static size_t merge(const char *dir, char ***own, size_t n, char **up, size_t nup)
{
    size_t cap = n, nown = n; /* own[0..nown) is sorted: search only there */
    for (size_t i = 0; i < nup; i++) {
        char *mine = path_join(dir, up[i]);
        char *inh = inherited(mine); /* NULL: a chapter past the pack's course */
        bool held = nown && bsearch(&up[i], *own, nown, sizeof **own, cmp_names); /* no NULL base */
        if (inh && !held) {
            *own = xgrow(*own, &cap, n + 1, sizeof **own);
            (*own)[n++] = up[i];
            up[i] = NULL;
        }
        free(inh);
        free(mine);
    }
    for (size_t i = 0; i < nup; i++)
        free(up[i]);
    free(up);
    if (n > 1)
        qsort(*own, n, sizeof **own, cmp_names);
    return n;
}

size_t overlay_list(const char *dir, const char *suffix, char ***names)
{
    size_t n = dir_list(dir, suffix, names);
    char *up = inherited(dir);
    if (!up)
        return n;
    char **more;
    size_t nmore = dir_list(up, suffix, &more);
    free(up);
    return merge(dir, names, n, more, nmore);
}

size_t overlay_list_subdirs(const char *dir, char ***names)
{
    size_t n = dir_list_subdirs(dir, names);
    char *up = inherited(dir);
    if (!up)
        return n;
    char **more;
    size_t nmore = dir_list_subdirs(up, &more);
    free(up);
    return merge(dir, names, n, more, nmore);
}

bool overlay_each(const char *dir, const char *suffix,
                  bool (*fn)(const char *path, const char *name, void *ctx), void *ctx)
{
    char **names;
    size_t n = overlay_list(dir, suffix, &names);
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        char *path = overlay_join(dir, names[i]);
        ok = fn(path, names[i], ctx) && ok;
        free(path);
    }
    dir_list_free(names, n);
    return ok;
}

/* Appends the files under pack/rel (recursively, OVERLAY_DEPTH folders deep
 * at most: a linked loop must not recurse forever) to names. */
#define OVERLAY_DEPTH 8
static void walk(const char *rel, int depth, char ***names, size_t *n, size_t *cap)
{
    char *dir = *rel ? path_join(pack, rel) : xstrdup(pack);
    char **files, **dirs;
    size_t nf = dir_list(dir, "", &files), nd = dir_list_subdirs(dir, &dirs);
    for (size_t i = 0; i < nf; i++) {
        *names = xgrow(*names, cap, *n + 1, sizeof **names);
        (*names)[(*n)++] = *rel ? path_join(rel, files[i]) : xstrdup(files[i]);
    }
    for (size_t i = 0; i < nd && depth < OVERLAY_DEPTH; i++) {
        char *sub = *rel ? path_join(rel, dirs[i]) : xstrdup(dirs[i]);
        walk(sub, depth + 1, names, n, cap);
        free(sub);
    }
    dir_list_free(files, nf);
    dir_list_free(dirs, nd);
    free(dir);
}

size_t overlay_own_files(char ***names, bool **overrides)
{
    *names = NULL;
    *overrides = NULL;
    if (!pack)
        return 0;
    size_t n = 0, cap = 0;
    walk("", 0, names, &n, &cap);
    if (n > 1)
        qsort(*names, n, sizeof **names, cmp_names);
    *overrides = xcalloc(n ? n : 1, sizeof **overrides);
    for (size_t i = 0; i < n; i++) {
        char *up = path_join(shipped, (*names)[i]);
        (*overrides)[i] = file_exists(up);
        free(up);
    }
    return n;
}
