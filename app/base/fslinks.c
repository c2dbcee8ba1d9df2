/*
 * fslinks: refusing symbolic links that leave a folder (see fslinks.h).
 */
#include "base/fslinks.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/fsutil.h"
#include "base/xalloc.h"

typedef struct Walk {
    const char *root;  /* as given, for messages */
    char *real;        /* realpath of root */
    size_t entries;
    Buf *where, *err;
} Walk;

/* True when `path` (a link) resolves inside w->real, or nowhere at all. */
static bool link_inside(const Walk *w, const char *path)
{
    char *to = realpath(path, NULL);
    if (!to)
        return true; /* dangling: reading it fails with its own message */
    size_t n = strlen(w->real);
    bool inside = strncmp(to, w->real, n) == 0 && (to[n] == '/' || to[n] == '\0' ||
                                                    strcmp(w->real, "/") == 0);
    free(to);
    return inside;
}

static bool walk(Walk *w, const char *dir, int depth);

/* One entry of a folder: a link must stay inside, a folder is walked. */
static bool check_entry(Walk *w, const char *path, int depth)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return true; /* missing, or vanished meanwhile: nothing to follow */
    if (S_ISLNK(st.st_mode) && !link_inside(w, path)) {
        buf_adds(w->where, path);
        buf_printf(w->err, "a symbolic link that leads outside the pack's folder %s; "
                   "a pack must hold its own files (copy the file in)", w->root);
        return false;
    }
    return S_ISDIR(st.st_mode) ? walk(w, path, depth + 1) : true;
}

static bool walk(Walk *w, const char *dir, int depth)
{
    if (depth > FSLINKS_MAX_DEPTH) {
        buf_adds(w->where, dir);
        buf_printf(w->err, "folders nested deeper than %d levels; a pack is flatter",
                   FSLINKS_MAX_DEPTH);
        return false;
    }
    DIR *d = opendir(dir);
    if (!d) {
        buf_adds(w->where, dir);
        buf_printf(w->err, "cannot read the folder: %s", strerror(errno));
        return false;
    }
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (++w->entries > FSLINKS_MAX_ENTRIES) {
            buf_adds(w->where, w->root);
            buf_printf(w->err, "more than %d files and folders; a pack holds fewer",
                       FSLINKS_MAX_ENTRIES);
            ok = false;
            break;
        }
        char *path = path_join(dir, e->d_name);
        ok = check_entry(w, path, depth);
        free(path);
    }
    closedir(d);
    return ok;
}

const char *const FSLINKS_CONTENT_PARTS[] = {"lessons", "exercises", "assessments", "assets",
                                             "workshop.yaml", NULL};

/* Walks all of root (parts NULL) or only the named entries of it. */
static bool check_root(const char *root, const char *const *parts, Buf *where, Buf *err)
{
    buf_clear(where);
    buf_clear(err);
    const char *dir = root[0] ? root : "."; /* "" is how callers show the current folder */
    Walk w = {.root = root, .real = realpath(dir, NULL), .where = where, .err = err};
    if (!w.real) {
        buf_adds(where, dir);
        buf_printf(err, "cannot read the folder: %s", strerror(errno));
        return false;
    }
    bool ok = true;
    if (!parts) {
        ok = walk(&w, dir, 0);
    } else {
        for (size_t i = 0; ok && parts[i]; i++) {
            char *path = path_join(dir, parts[i]);
            ok = check_entry(&w, path, 0);
            free(path);
        }
    }
    free(w.real);
    return ok;
}

bool dir_links_stay_inside(const char *root, Buf *where, Buf *err)
{
    return check_root(root, NULL, where, err);
}

bool content_links_stay_inside(const char *root, Buf *where, Buf *err)
{
    return check_root(root, FSLINKS_CONTENT_PARTS, where, err);
}
