/*
 * progress_file: the progress file format, written and read (see store.h).
 *
 * A progress file is one YAML document, written by libyaml's emitter so that
 * quoting is always right, and read with libyaml's event API by a strict
 * reader: every key is known and required, every value has one type, ids are
 * strings of at most PROGRESS_ID_MAX bytes, no anchors, aliases or tags, and
 * the document must end with an explicit "..." marker, so a file cut short at
 * any byte is recognised as damaged rather than read as less progress.
 *
 *     schema: 1
 *     profile: "alice"
 *     updated: 1700000300
 *     last_chapter: "02-gc"
 *     chapters:
 *     - id: "02-gc"
 *       section: "generations"     (null = chapter start)
 *       block: 3
 *       line: 0
 *       first_opened: 1700000000
 *       last_opened: 1700000300
 *       read:
 *       - "intro"
 *     ...
 *
 * The reader is progress_parse.c.  A file with a newer schema is refused with
 * a message naming the schema this pydive reads; there is nothing older to
 * migrate from yet.
 */
#include "learner/progress.h"
#include "learner/store.h"
#include "learner/yemit.h"

/* Ids are written only when they are ids: anything else is null. */
static const char *id_or_null(const char *id)
{
    return id && progress_id_ok(id) ? id : NULL;
}

static void emit_chapter(YEmit *em, const ChapterProgress *c)
{
    yemit_open(em, true, false);
    yemit_str(em, "id", id_or_null(c->chapter_id));
    yemit_str(em, "section", id_or_null(c->section_id));
    yemit_int(em, "block", c->block);
    yemit_int(em, "line", c->line);
    yemit_int(em, "first_opened", c->first_opened);
    yemit_int(em, "last_opened", c->last_opened);
    yemit_scalar(em, "read", false);
    yemit_open(em, false, false);
    for (size_t i = 0; i < c->nread; i++)
        if (progress_id_ok(c->read[i]))
            yemit_scalar(em, c->read[i], true);
    yemit_close(em, false);
    yemit_close(em, true);
}

void progress_serialize(const Progress *p, Buf *out)
{
    YEmit em;
    yemit_begin(&em, out);
    yemit_open(&em, true, false);
    yemit_int(&em, "schema", PROGRESS_SCHEMA_VERSION);
    yemit_str(&em, "profile",
              id_or_null(p->profile && progress_id_ok(p->profile) ? p->profile : ""));
    yemit_int(&em, "updated", p->updated);
    yemit_str(&em, "last_chapter", id_or_null(p->last_chapter));
    yemit_scalar(&em, "chapters", false);
    yemit_open(&em, false, false);
    for (size_t i = 0; i < p->nchapters; i++)
        if (progress_id_ok(p->chapters[i].chapter_id))
            emit_chapter(&em, &p->chapters[i]);
    yemit_close(&em, false);
    yemit_close(&em, true);
    yemit_finish(&em); /* empty *out on failure: "could not write" */
}
