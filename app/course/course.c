/*
 * course: loading a whole course (see course.h).  Reads the series page and
 * every chapter module, then makes the checks that need all of them at once:
 * unique chapter ids, numbers 1..N without gaps or repeats, the declared
 * chapter count and total reading time.  Owns freeing and the lookups.
 */
#include "course/course.h"

#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/overlay.h"
#include "base/xalloc.h"
#include "course/refs.h"
#include "course/schema.h"

typedef struct Module {
    Chapter ch;
    ChapterMeta meta;
    bool ok;
} Module;

bool course_module_name(const char *name, int *number)
{
    size_t len = strlen(name);
    if (len < 8 || name[0] < '0' || name[0] > '9' || name[1] < '0' || name[1] > '9' ||
        name[2] != '-' || strcmp(name + len - 5, ".yaml") != 0)
        return false;
    *number = (name[0] - '0') * 10 + (name[1] - '0');
    return true;
}

size_t course_list_modules(const char *lessons_dir, char ***names)
{
    size_t n = overlay_list(lessons_dir, ".yaml", names), kept = 0;
    for (size_t i = 0; i < n; i++) {
        int nn;
        if (course_module_name((*names)[i], &nn))
            (*names)[kept++] = (*names)[i];
        else
            free((*names)[i]);
    }
    return kept;
}

/* ---- cross-file checks -------------------------------------------------- */

static void check_ids(Module *mods, size_t n, DiagList *diags)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i && mods[i].meta.has_id; j++)
            if (mods[j].meta.has_id && strcmp(mods[i].ch.id, mods[j].ch.id) == 0) {
                diag_add(diags, DIAG_ERROR, mods[i].ch.file, mods[i].meta.id_loc.line,
                         mods[i].meta.id_loc.col, "chapter id '%s' is already used by %s",
                         mods[i].ch.id, mods[j].ch.file);
                mods[i].ok = false;
                break;
            }
}

static bool number_used(const Module *mods, size_t n, int number)
{
    for (size_t i = 0; i < n; i++)
        if (mods[i].meta.has_number && mods[i].ch.number == number)
            return true;
    return false;
}

/* Numbers must be exactly 1..n, n being the count of module files. */
static void check_numbers(Module *mods, size_t n, DiagList *diags)
{
    for (size_t i = 0; i < n; i++) {
        Module *m = &mods[i];
        if (!m->meta.has_number)
            continue;
        for (size_t j = 0; j < i; j++)
            if (mods[j].meta.has_number && mods[j].ch.number == m->ch.number) {
                diag_add(diags, DIAG_ERROR, m->ch.file, m->meta.number_loc.line,
                         m->meta.number_loc.col, "chapter number %d is already used by %s",
                         m->ch.number, mods[j].ch.file);
                m->ok = false;
                break;
            }
        if ((size_t)m->ch.number <= n)
            continue;
        int missing = 1;
        while (missing <= (int)n && number_used(mods, n, missing))
            missing++;
        diag_add(diags, DIAG_ERROR, m->ch.file, m->meta.number_loc.line, m->meta.number_loc.col,
                 "chapter number %d leaves a gap: %zu chapter modules must be numbered 1 to "
                 "%zu (%d is missing)",
                 m->ch.number, n, n, missing);
    }
}

static void check_series(const Course *c, const CourseMeta *meta, const char *series,
                         const Module *mods, size_t n, DiagList *diags)
{
    if (meta->has_chapters && (size_t)c->chapter_count != n)
        diag_add(diags, DIAG_ERROR, series, meta->chapters_loc.line, meta->chapters_loc.col,
                 "'chapters' says %d but lessons/ holds %zu chapter module%s (NN-name.yaml)",
                 c->chapter_count, n, n == 1 ? "" : "s");
    if (!meta->has_minutes)
        return;
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (!mods[i].meta.has_minutes)
            return; /* that module is already reported; a sum would mislead */
        sum += mods[i].ch.read_minutes;
    }
    if (sum != meta->declared_minutes)
        diag_add(diags, DIAG_ERROR, series, meta->minutes_loc.line, meta->minutes_loc.col,
                 "'read_minutes' says %d but the chapters' read_minutes add up to %d",
                 meta->declared_minutes, sum);
}

/* ---- loading ------------------------------------------------------------ */

static int cmp_chapter_number(const void *a, const void *b)
{
    const Chapter *x = a, *y = b;
    return (x->number > y->number) - (x->number < y->number);
}

static void keep_good_modules(Course *c, Module *mods, size_t n)
{
    c->chapters = xcalloc(n ? n : 1, sizeof *c->chapters);
    c->nchapters = 0;
    c->read_minutes = 0;
    for (size_t i = 0; i < n; i++) {
        if (!mods[i].ok) {
            chapter_fini(&mods[i].ch);
            continue;
        }
        c->read_minutes += mods[i].ch.read_minutes;
        c->chapters[c->nchapters++] = mods[i].ch;
    }
    qsort(c->chapters, c->nchapters, sizeof *c->chapters, cmp_chapter_number);
}

static bool load(const char *dir, bool check_refs, Course *out, DiagList *diags)
{
    *out = (Course){.dir = xstrdup(dir)};
    char *lessons = path_join(dir, "lessons");
    char *series = overlay_join(lessons, "course.yaml");
    CourseMeta meta;
    bool ok = course_read_series(series, series, out, &meta, diags);

    RefIndex refs;
    refs_build(&refs, check_refs ? dir : NULL, diags); /* NULL: an index that accepts all */
    char **names;
    size_t n = course_list_modules(lessons, &names);
    Module *mods = xcalloc(n ? n : 1, sizeof *mods);
    for (size_t i = 0; i < n; i++) {
        char *path = overlay_join(lessons, names[i]);
        mods[i].ok = chapter_read(path, path, &refs, &mods[i].ch, &mods[i].meta, diags);
        free(path);
    }
    check_ids(mods, n, diags);
    check_numbers(mods, n, diags);
    if (ok)
        check_series(out, &meta, series, mods, n, diags);
    keep_good_modules(out, mods, n);

    free(mods);
    dir_list_free(names, n);
    refs_fini(&refs);
    free(series);
    free(lessons);
    if (!ok)
        course_fini(out);
    return ok;
}

bool course_load(const char *dir, Course *out, DiagList *diags)
{
    return load(dir, true, out, diags);
}

bool course_load_outline(const char *dir, Course *out, DiagList *diags)
{
    return load(dir, false, out, diags);
}

int course_declared_chapters(const char *series_path)
{
    Course c = {0};
    CourseMeta meta;
    DiagList ignored = {0}; /* course_load reports them where they belong */
    int n = 0;
    if (course_read_series(series_path, series_path, &c, &meta, &ignored) && meta.has_chapters)
        n = c.chapter_count;
    course_fini(&c);
    diag_fini(&ignored);
    return n;
}

bool chapter_load_file(const char *path, const char *content_dir, Chapter *out,
                       DiagList *diags)
{
    RefIndex refs;
    refs_build(&refs, content_dir, diags);
    ChapterMeta meta;
    bool ok = chapter_read(path, path, &refs, out, &meta, diags);
    refs_fini(&refs);
    if (!ok)
        chapter_fini(out);
    return ok;
}

/* ---- freeing and lookups ------------------------------------------------ */

static void strv_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void chapter_fini(Chapter *ch)
{
    for (size_t i = 0; i < ch->nsections; i++) {
        Section *s = &ch->sections[i];
        for (size_t j = 0; j < s->nblocks; j++) {
            free(s->blocks[j].text);
            free(s->blocks[j].lang);
            free(s->blocks[j].title);
        }
        free(s->blocks);
        free(s->id);
        free(s->title);
    }
    free(ch->sections);
    for (size_t i = 0; i < ch->nsources; i++) {
        free(ch->sources[i].id);
        free(ch->sources[i].title);
        free(ch->sources[i].url);
    }
    free(ch->sources);
    strv_free(ch->objectives, ch->nobjectives);
    free(ch->file);
    free(ch->id);
    free(ch->title);
    free(ch->subtitle);
    free(ch->difficulty);
    *ch = (Chapter){0};
}

void course_fini(Course *c)
{
    for (size_t i = 0; i < c->nchapters; i++)
        chapter_fini(&c->chapters[i]);
    free(c->chapters);
    strv_free(c->readers, c->nreaders);
    strv_free(c->path, c->npath);
    free(c->dir);
    free(c->title);
    free(c->subtitle);
    free(c->status);
    free(c->difficulty);
    free(c->guide);
    *c = (Course){0};
}

const Chapter *course_chapter_by_number(const Course *c, int number)
{
    for (size_t i = 0; i < c->nchapters; i++)
        if (c->chapters[i].number == number)
            return &c->chapters[i];
    return NULL;
}

const Chapter *course_chapter_by_id(const Course *c, const char *id)
{
    for (size_t i = 0; i < c->nchapters; i++)
        if (c->chapters[i].id && strcmp(c->chapters[i].id, id) == 0)
            return &c->chapters[i];
    return NULL;
}

int chapter_section_index(const Chapter *ch, const char *section_id)
{
    for (size_t i = 0; i < ch->nsections; i++)
        if (ch->sections[i].id && strcmp(ch->sections[i].id, section_id) == 0)
            return (int)i;
    return -1;
}
