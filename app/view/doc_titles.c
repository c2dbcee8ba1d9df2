/*
 * doc_titles: the kind and title of every exercise, so a lesson's reference
 * reads "Exercise (predict): Four threads, four cores: how much faster?"
 * rather than an id.  Read once per session (all 37 load in ~20 ms); an
 * exercise that does not load keeps its id (its errors show when opened).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "script/exrun.h"
#include "view/doc.h"
#include "view/styled.h"

void doc_titles_load(DocTitles *t, const char *content_dir)
{
    *t = (DocTitles){0};
    ExEntry *entries = NULL;
    size_t n = content_dir ? exrun_index(content_dir, &entries) : 0;
    t->ids = xcalloc(n + 1, sizeof *t->ids);
    t->titles = xcalloc(n + 1, sizeof *t->titles);
    t->kinds = xcalloc(n + 1, sizeof *t->kinds);
    static const char *const kinds[] = {"predict", "fix it", "sandbox"};
    for (size_t i = 0; i < n; i++) {
        ExHandle h;
        DiagList dl = {0};
        if (exrun_load(&h, entries[i].path, &dl) && h.ex.title) {
            t->ids[t->n] = xstrdup(entries[i].id);
            t->kinds[t->n] = kinds[h.ex.kind];
            t->titles[t->n++] = xstrdup(h.ex.title);
        }
        exrun_fini(&h);
        diag_fini(&dl);
    }
    exrun_index_free(entries, n);
}

void doc_titles_fini(DocTitles *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->ids[i]);
        free(t->titles[i]);
    }
    free(t->ids);
    free(t->titles);
    free(t->kinds);
    *t = (DocTitles){0};
}

/* LinkLookup over a course: "ch02#cycles" -> "§2.3 Cycles". */
static bool course_link(int chapter, const char *id, size_t len, char *out, size_t cap,
                        const void *ctx)
{
    const Course *c = ctx;
    for (size_t i = 0; c && i < c->nchapters; i++) {
        const Chapter *ch = &c->chapters[i];
        if (ch->number != chapter)
            continue;
        for (size_t s = 0; s < ch->nsections; s++)
            if (strlen(ch->sections[s].id) == len && memcmp(ch->sections[s].id, id, len) == 0) {
                snprintf(out, cap, "\xc2\xa7%d.%zu %s", ch->number, s + 1, ch->sections[s].title);
                return true;
            }
        snprintf(out, cap, "chapter %d", chapter); /* a section renamed: its chapter still */
        return true;
    }
    return false;
}

void doc_links_use(const Course *course)
{
    markup_set_links(course ? course_link : NULL, course);
}
