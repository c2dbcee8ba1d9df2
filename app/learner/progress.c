/*
 * progress: the in-memory record of what a learner has read and where they
 * stopped (see progress.h).  Pure data: no I/O, no clock; the caller passes
 * the time.  Chapters and read lists are small (a course has seven chapters
 * of a few dozen sections), so plain arrays and linear search are enough.
 *
 * Every id stored here must survive a trip through the progress file, so ids
 * that could not (longer than PROGRESS_ID_MAX bytes, or not valid UTF-8) are
 * refused by progress_id_ok and the functions that record them do nothing.
 */
#include "learner/progress.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"

bool progress_id_ok(const char *id)
{
    if (!id)
        return false;
    size_t n = strlen(id);
    if (n > PROGRESS_ID_MAX)
        return false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t used = utf8_decode(id + i, n - i, &cp);
        if (cp == UTF8_REPLACEMENT && used == 1)
            return false; /* a genuine U+FFFD takes three bytes */
        i += used;
    }
    return true;
}

void progress_init(Progress *p, const char *profile)
{
    *p = (Progress){0};
    p->schema_version = PROGRESS_SCHEMA_VERSION;
    p->profile = xstrdup(profile ? profile : "");
}

static void chapter_fini(ChapterProgress *c)
{
    free(c->chapter_id);
    free(c->section_id);
    for (size_t i = 0; i < c->nread; i++)
        free(c->read[i]);
    free(c->read);
    *c = (ChapterProgress){0};
}

void progress_fini(Progress *p)
{
    for (size_t i = 0; i < p->nchapters; i++)
        chapter_fini(&p->chapters[i]);
    free(p->chapters);
    free(p->profile);
    free(p->last_chapter);
    *p = (Progress){0};
}

static ptrdiff_t chapter_index(const Progress *p, const char *chapter_id)
{
    for (size_t i = 0; i < p->nchapters; i++)
        if (strcmp(p->chapters[i].chapter_id, chapter_id) == 0)
            return (ptrdiff_t)i;
    return -1;
}

const ChapterProgress *progress_chapter_get(const Progress *p, const char *chapter_id)
{
    if (!chapter_id)
        return NULL;
    ptrdiff_t i = chapter_index(p, chapter_id);
    return i < 0 ? NULL : &p->chapters[i];
}

ChapterProgress *progress_chapter(Progress *p, const char *chapter_id, bool create)
{
    if (!chapter_id)
        return NULL;
    ptrdiff_t i = chapter_index(p, chapter_id);
    if (i >= 0)
        return &p->chapters[i];
    if (!create || !progress_id_ok(chapter_id))
        return NULL;
    /* Growing by one moves the array: callers must not keep record
     * pointers across a call that may create a chapter. */
    p->chapters = xrealloc(p->chapters, (p->nchapters + 1) * sizeof *p->chapters);
    ChapterProgress *c = &p->chapters[p->nchapters++];
    *c = (ChapterProgress){.chapter_id = xstrdup(chapter_id)};
    return c;
}

static void replace_str(char **slot, const char *value)
{
    char *copy = value ? xstrdup(value) : NULL;
    free(*slot);
    *slot = copy;
}

void progress_set_position(Progress *p, const char *chapter_id, const char *section_id,
                           int block, int line, int64_t now)
{
    if (section_id && !progress_id_ok(section_id))
        return;
    ChapterProgress *c = progress_chapter(p, chapter_id, true);
    if (!c)
        return;
    replace_str(&c->section_id, section_id);
    c->block = block < 0 ? 0 : block;
    c->line = line < 0 ? 0 : line;
    if (c->first_opened == 0)
        c->first_opened = now;
    c->last_opened = now;
    replace_str(&p->last_chapter, chapter_id);
    p->updated = now;
}

static bool chapter_has_read(const ChapterProgress *c, const char *section_id)
{
    for (size_t i = 0; i < c->nread; i++)
        if (strcmp(c->read[i], section_id) == 0)
            return true;
    return false;
}

void progress_mark_read(Progress *p, const char *chapter_id, const char *section_id,
                        int64_t now)
{
    if (!progress_id_ok(section_id))
        return;
    ChapterProgress *c = progress_chapter(p, chapter_id, true);
    if (!c || chapter_has_read(c, section_id))
        return; /* already read: nothing changes, not even the time */
    c->read = xrealloc(c->read, (c->nread + 1) * sizeof *c->read);
    c->read[c->nread++] = xstrdup(section_id);
    p->updated = now;
}

bool progress_is_read(const Progress *p, const char *chapter_id, const char *section_id)
{
    const ChapterProgress *c = progress_chapter_get(p, chapter_id);
    return c && section_id && chapter_has_read(c, section_id);
}

size_t progress_read_count(const Progress *p, const char *chapter_id)
{
    const ChapterProgress *c = progress_chapter_get(p, chapter_id);
    return c ? c->nread : 0;
}

void progress_reset_chapter(Progress *p, const char *chapter_id)
{
    ptrdiff_t i = chapter_id ? chapter_index(p, chapter_id) : -1;
    if (i < 0)
        return;
    /* Decide before freeing: chapter_id may be the record's own string. */
    if (p->last_chapter && strcmp(p->last_chapter, chapter_id) == 0)
        replace_str(&p->last_chapter, NULL);
    chapter_fini(&p->chapters[i]);
    memmove(&p->chapters[i], &p->chapters[i + 1],
            (p->nchapters - (size_t)i - 1) * sizeof *p->chapters);
    p->nchapters--;
}

void progress_reset_all(Progress *p)
{
    for (size_t i = 0; i < p->nchapters; i++)
        chapter_fini(&p->chapters[i]);
    free(p->chapters);
    p->chapters = NULL;
    p->nchapters = 0;
    replace_str(&p->last_chapter, NULL);
}
