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
