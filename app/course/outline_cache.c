/*
 * outline_cache: a course outline kept between runs (see outline_cache.h).
 *
 * The file is text: the key (one line per file the load read, with its
 * size, modification time and inode), a line "--", then the outline, one
 * tab-separated record a line, strings with \\, \t and \n escaped.
 */
#include "course/outline_cache.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "base/overlay.h"
#include "base/paths.h"
#include "base/printable.h"
#include "base/xalloc.h"

#define CACHE_MAX (1 << 20)

/* Seconds a file must have stood unchanged before its outline is kept: a
 * file's time is as coarse as the kernel's tick, so a second edit of the
 * same size right after the first could carry the same time (git's "racy"
 * index entries). */
#define SETTLE_SECONDS 2

/* Adds path's line to the key; false when it changed too recently to be
 * told apart from a later edit by its time. */
static bool key_file(Buf *key, const char *what, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        buf_printf(key, "%s %s missing\n", what, path);
        return true;
    }
    buf_printf(key, "%s %s %lld %lld.%09ld %llu %llu\n", what, path, (long long)st.st_size,
               (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
               (unsigned long long)st.st_ino, (unsigned long long)st.st_dev);
    return st.st_mtim.tv_sec + SETTLE_SECONDS < time(NULL);
}

/* What the outline was read from, as course_load reads it; false when a
 * file of it changed in the last SETTLE_SECONDS (the outline is then not
 * kept). */
static bool build_key(const char *dir, Buf *key)
{
    buf_adds(key, "pydive course outline 1\n");
    key_file(key, "exe", "/proc/self/exe"); /* another build may read lessons otherwise */
    char *lessons = path_join(dir, "lessons");
    char *series = overlay_join(lessons, "course.yaml");
    bool settled = key_file(key, "series", series);
    free(series);
    char **names;
    size_t n = course_list_modules(lessons, &names);
    for (size_t i = 0; i < n; i++) {
        char *path = overlay_join(lessons, names[i]);
        settled &= key_file(key, "chapter", path);
        free(path);
    }
    dir_list_free(names, n);
    free(lessons);
    return settled;
}

/* One cache file per content folder (and pack): outline-HASH. */
static char *cache_path(const char *dir)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a over the folder and what it inherits */
    const char *parts[] = {dir, overlay_shipped() ? overlay_shipped() : ""};
    for (size_t k = 0; k < 2; k++)
        for (const unsigned char *c = (const unsigned char *)parts[k]; *c; c++)
            h = (h ^ *c) * 1099511628211ull;
    char name[40];
    snprintf(name, sizeof name, "outline-%016llx", (unsigned long long)h);
    char *cache = paths_cache_dir();
    char *path = path_join(cache, name);
    free(cache);
    return path;
}

/* ---- writing ------------------------------------------------------------- */

static void put_str(Buf *b, const char *s)
{
    buf_addc(b, '\t');
    for (; s && *s; s++) {
        if (*s == '\\' || *s == '\t' || *s == '\n') {
            buf_addc(b, '\\');
            buf_addc(b, *s == '\t' ? 't' : *s == '\n' ? 'n' : '\\');
        } else {
            buf_addc(b, *s);
        }
    }
}

void outline_cache_write(const char *content_dir, const Course *c)
{
    Buf b = {0}, err = {0};
    if (!build_key(content_dir, &b)) {
        buf_fini(&b);
        return;
    }
    buf_adds(&b, "--\n");
    buf_printf(&b, "course\t%d\t%d", c->read_minutes, c->chapter_count);
    put_str(&b, c->title);
    buf_addc(&b, '\n');
    for (size_t i = 0; i < c->nchapters; i++) {
        const Chapter *ch = &c->chapters[i];
        buf_printf(&b, "chapter\t%d\t%d", ch->number, ch->read_minutes);
        put_str(&b, ch->id);
        put_str(&b, ch->title);
        put_str(&b, ch->file);
        buf_addc(&b, '\n');
        for (size_t k = 0; k < ch->nsections; k++) {
            buf_adds(&b, "section");
            put_str(&b, ch->sections[k].id);
            put_str(&b, ch->sections[k].title);
            buf_addc(&b, '\n');
        }
    }
    buf_adds(&b, "end\n");
    char *path = cache_path(content_dir);
    char *folder = paths_cache_dir();
    if (b.len < CACHE_MAX && dir_make(folder, &err))
        file_write_atomic(path, b.data, b.len, &err); /* a failure only costs the next start */
    free(folder);
    free(path);
    buf_fini(&b);
    buf_fini(&err);
}

/* ---- reading ------------------------------------------------------------- */

/* The next tab-separated field of *line, unescaped; NULL when there is
 * none or an escape is broken.  Raw tabs are only ever separators. */
static char *take_str(char **line)
{
    if (!*line || **line != '\t')
        return NULL;
    const char *s = *line + 1;
    size_t n = strcspn(s, "\t");
    char *out = xmalloc(n + 1), *w = out;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\\') {
            c = ++i < n ? s[i] : '\0';
            if (c != 't' && c != 'n' && c != '\\') {
                free(out);
                return NULL;
            }
            c = c == 't' ? '\t' : c == 'n' ? '\n' : '\\';
        }
        *w++ = c;
    }
    *w = '\0';
    *line = (char *)s + n; /* at the next tab, or the end */
    return out;
}

static bool take_int(char **line, int *out)
{
    if (!*line || **line != '\t')
        return false;
    char *end;
    long v = strtol(*line + 1, &end, 10);
    if (end == *line + 1 || (*end != '\t' && *end != '\0'))
        return false;
    *out = (int)v;
    *line = end;
    return true;
}

/* A string pydive may print: set, and free of controls. */
static bool clean(const char *s)
{
    return s && printable_clean(s, strlen(s), PRINTABLE_LINE);
}

static bool read_section(Chapter *ch, size_t *cap, char *rest)
{
    ch->sections = xgrow(ch->sections, cap, ch->nsections + 1, sizeof *ch->sections);
    Section *s = &ch->sections[ch->nsections++];
    *s = (Section){0};
    s->id = take_str(&rest);
    s->title = take_str(&rest);
    return clean(s->id) && clean(s->title);
}

static bool read_chapter(Course *c, size_t *cap, char *rest)
{
    c->chapters = xgrow(c->chapters, cap, c->nchapters + 1, sizeof *c->chapters);
    Chapter *ch = &c->chapters[c->nchapters++];
    *ch = (Chapter){0};
    if (!take_int(&rest, &ch->number) || !take_int(&rest, &ch->read_minutes))
        return false;
    ch->id = take_str(&rest);
    ch->title = take_str(&rest);
    ch->file = take_str(&rest);
    return clean(ch->id) && clean(ch->title) && clean(ch->file);
}

static bool parse(char *text, Course *out)
{
    size_t chapters_cap = 0, sections_cap = 0;
    bool ended = false, ok = true;
    for (char *line = text, *next; ok && line && *line && !ended; line = next) {
        next = strchr(line, '\n');
        if (!next)
            return false; /* cut short */
        *next++ = '\0';
        if (strncmp(line, "course\t", 7) == 0) {
            char *rest = line + 6;
            ok = take_int(&rest, &out->read_minutes) && take_int(&rest, &out->chapter_count) &&
                 (out->title = take_str(&rest)) != NULL && clean(out->title);
        } else if (strncmp(line, "chapter\t", 8) == 0) {
            ok = read_chapter(out, &chapters_cap, line + 7);
            sections_cap = 0;
        } else if (strncmp(line, "section\t", 8) == 0) {
            ok = out->nchapters > 0 &&
                 read_section(&out->chapters[out->nchapters - 1], &sections_cap, line + 7);
        } else {
            ended = strcmp(line, "end") == 0;
            ok = ended;
        }
    }
    return ok && ended && out->title && out->nchapters > 0;
}

bool outline_cache_read(const char *content_dir, Course *out)
{
    *out = (Course){0};
    char *path = cache_path(content_dir);
    Buf text = {0}, err = {0}, key = {0};
    bool ok = file_exists(path) && file_read(path, CACHE_MAX, &text, &err);
    if (ok) {
        build_key(content_dir, &key);
        buf_adds(&key, "--\n");
        ok = text.len > key.len && memcmp(text.data, key.data, key.len) == 0;
    }
    if (ok) {
        out->dir = xstrdup(content_dir);
        ok = parse(text.data + key.len, out);
        if (!ok)
            course_fini(out);
    }
    free(path);
    buf_fini(&text);
    buf_fini(&err);
    buf_fini(&key);
    return ok;
}
