/*
 * assess_items: reads and validates the quiz items of one chNN.yaml file
 * (schema in docs/ASSESSMENTS.md).  Owns the per-kind rules: which keys a
 * kind needs or forbids, that an answer names existing choices, that an
 * ordering answer is a true permutation, that a numeric answer carries its
 * tolerance, and that a predict item never carries a typed answer (its
 * expected output comes from the simulator).
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "learner/assess.h"
#include "learner/ytree.h"

static const char *const item_keys[] = {
    "id", "chapter", "competencies", "difficulty", "kind", "prompt", "choices", "answer",
    "tolerance", "unit", "program", "explanation", "sources", NULL,
};
static const char *const item_required[] = {
    "id", "chapter", "competencies", "difficulty", "kind", "prompt", "explanation", "sources",
    NULL,
};

static int find_choice(const Item *it, const char *text)
{
    for (size_t i = 0; i < it->nchoices; i++)
        if (strcmp(it->choices[i], text) == 0)
            return (int)i;
    return -1;
}

static bool read_kind(YtDoc *d, const YtNode *n, ItemKind *out)
{
    char *s = NULL;
    bool ok = yt_string(d, n, "kind", &s);
    for (int k = 0; ok && k < ITEM_NKINDS; k++)
        if (strcmp(s, assess_kind_name((ItemKind)k)) == 0) {
            *out = (ItemKind)k;
            free(s);
            return true;
        }
    if (ok)
        yt_error(d, n, "unknown kind '%s'; expected single, multiple, numeric, ordering or "
                 "predict", s);
    free(s);
    return false;
}

/* Keys a kind must not have: a stray key is almost always a mistake. */
static void forbid(YtDoc *d, const YtNode *n, const char *key, ItemKind k)
{
    const YtNode *v = yt_get(n, key);
    if (v)
        yt_error(d, v, "'%s' is not used by a %s item; expected it to be left out", key,
                 assess_kind_name(k));
}

static bool read_choices(YtDoc *d, const YtNode *n, Item *it)
{
    const YtNode *cl = yt_get(n, "choices");
    if (!cl) {
        yt_error(d, n, "a %s item has no 'choices'; expected a list of at least two",
                 assess_kind_name(it->kind));
        return false;
    }
    if (!yt_strings(d, cl, "choices", &it->choices, &it->nchoices))
        return false;
    if (it->nchoices < 2 || it->nchoices > 9) {
        yt_error(d, cl, "%zu choices; expected from 2 to 9 (one digit each)", it->nchoices);
        return false;
    }
    for (size_t i = 0; i < it->nchoices; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(it->choices[i], it->choices[j]) == 0) {
                yt_error(d, cl->kids[i], "choice '%s' is given twice; expected distinct "
                         "choices", it->choices[i]);
                return false;
            }
    return true;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Resolves a list answer to choice indices.  Reports unknown and repeated
 * choices; for ordering, requires every choice exactly once. */
static void read_list_answer(YtDoc *d, const YtNode *a, Item *it)
{
    if (a->kind != YT_SEQ || a->nkids == 0) {
        yt_error(d, a, "expected a list of choices for the answer of a %s item, found %s",
                 assess_kind_name(it->kind), yt_kind_name(a));
        return;
    }
    it->answer = xcalloc(a->nkids, sizeof *it->answer);
    for (size_t i = 0; i < a->nkids; i++) {
        const YtNode *e = a->kids[i];
        int c = e->kind == YT_SCALAR ? find_choice(it, e->str) : -1;
        if (c < 0) {
            yt_error(d, e, "answer '%s' is not one of the choices; expected the exact text of "
                     "a choice", e->kind == YT_SCALAR ? e->str : "?");
            continue;
        }
        for (size_t j = 0; j < it->nanswer; j++)
            if (it->answer[j] == (size_t)c) {
                yt_error(d, e, "answer '%s' is given twice; expected each choice once", e->str);
                c = -1;
                break;
            }
        if (c >= 0)
            it->answer[it->nanswer++] = (size_t)c;
    }
    if (it->kind == ITEM_MULTIPLE) {
        qsort(it->answer, it->nanswer, sizeof *it->answer, cmp_size);
        return;
    }
    if (it->nanswer != it->nchoices) {
        yt_error(d, a, "an ordering answer lists %zu of %zu choices; expected all of them in "
                 "the right order", it->nanswer, it->nchoices);
        return;
    }
    bool same = true;
    for (size_t i = 0; i < it->nanswer; i++)
        same = same && it->answer[i] == i;
    if (same)
        yt_error(d, a, "the choices are already in the right order; expected them shown "
                 "shuffled");
}

static void read_answer(YtDoc *d, const YtNode *n, Item *it)
{
    const YtNode *a = yt_get(n, "answer");
    if (it->kind == ITEM_PREDICT) {
        if (a)
            yt_error(d, a, "a predict item has no typed answer: the simulator computes the "
                     "expected output (./pydive run); expected 'answer' to be left out");
        forbid(d, n, "choices", it->kind);
        forbid(d, n, "tolerance", it->kind);
        forbid(d, n, "unit", it->kind);
        if (!yt_get(n, "program"))
            yt_error(d, n, "a predict item has no 'program'; expected the Python source to run");
        else
            yt_string(d, yt_get(n, "program"), "program", &it->program);
        return;
    }
    forbid(d, n, "program", it->kind);
    if (!a) {
        yt_error(d, n, "a %s item has no 'answer'; expected one", assess_kind_name(it->kind));
        return;
    }
    if (it->kind == ITEM_NUMERIC) {
        forbid(d, n, "choices", it->kind);
        yt_number(d, a, "answer", -1e300, 1e300, &it->number);
        const YtNode *t = yt_get(n, "tolerance");
        if (!t)
            yt_error(d, n, "a numeric item has no 'tolerance'; expected the accepted absolute "
                     "error (0 for an exact answer)");
        else
            yt_number(d, t, "tolerance", 0, 1e300, &it->tolerance);
        if (yt_get(n, "unit"))
            yt_string(d, yt_get(n, "unit"), "unit", &it->unit);
        return;
    }
    forbid(d, n, "tolerance", it->kind);
    forbid(d, n, "unit", it->kind);
    if (!read_choices(d, n, it))
        return;
    if (it->kind != ITEM_SINGLE) {
        read_list_answer(d, a, it);
        return;
    }
    int c = a->kind == YT_SCALAR ? find_choice(it, a->str) : -1;
    if (c < 0) {
        yt_error(d, a, "the answer is not one of the choices; expected the exact text of one "
                 "choice");
        return;
    }
    it->answer = xmalloc(sizeof *it->answer);
    it->answer[0] = (size_t)c;
    it->nanswer = 1;
}

static void read_item_competencies(YtDoc *d, const YtNode *cl, Item *it,
                                   const AssessContent *c)
{
    if (!cl || cl->kind != YT_SEQ || cl->nkids == 0) {
        yt_error(d, cl, "expected a non-empty list of competency ids for 'competencies'");
        return;
    }
    it->competencies = xcalloc(cl->nkids, sizeof *it->competencies);
    for (size_t i = 0; i < cl->nkids; i++) {
        const YtNode *e = cl->kids[i];
        int ci = e->kind == YT_SCALAR ? assess_competency_index(c, e->str) : -1;
        if (ci < 0) {
            yt_error(d, e, "unknown competency '%s'; expected one of competencies.yaml",
                     e->kind == YT_SCALAR ? e->str : "?");
            continue;
        }
        it->competencies[it->ncompetencies++] = ci;
    }
}

/* Reads one item; true when it was added to c->items. */
static bool read_item(YtDoc *d, const YtNode *n, const char *file, int file_chapter,
                      AssessContent *c)
{
    if (!yt_check_keys(d, n, "an item", item_keys, item_required))
        return false;
    int before = d->errors;
    Item it = {.line = n->line, .file = xstrdup(file)};
    const YtNode *idn = yt_get(n, "id");
    if (idn && yt_string(d, idn, "id", &it.id)) {
        if (!assess_id_ok(it.id))
            yt_error(d, idn, "'%s' is not a usable id; expected 1-%d characters of a-z 0-9 -",
                     it.id, ASSESS_ID_MAX);
        const Item *dup = assess_item(c, it.id);
        if (dup)
            yt_error(d, idn, "item id '%s' is already used at %s:%d; expected ids unique "
                     "across all chapters", it.id, dup->file, dup->line);
    }
    int64_t v = 0;
    if (yt_get(n, "chapter") && yt_int(d, yt_get(n, "chapter"), "chapter", 1, 7, &v)) {
        it.chapter = (int)v;
        if (v != file_chapter)
            yt_error(d, yt_get(n, "chapter"), "chapter %d in a file of chapter %d; expected "
                     "the items of chNN.yaml to belong to chapter NN", it.chapter, file_chapter);
    }
    read_item_competencies(d, yt_get(n, "competencies"), &it, c);
    if (yt_get(n, "difficulty") && yt_int(d, yt_get(n, "difficulty"), "difficulty", 1, 3, &v))
        it.difficulty = (int)v;
    if (yt_get(n, "prompt"))
        yt_string(d, yt_get(n, "prompt"), "prompt", &it.prompt);
    if (yt_get(n, "explanation"))
        yt_string(d, yt_get(n, "explanation"), "explanation", &it.explanation);
    const YtNode *src = yt_get(n, "sources");
    if (src && yt_strings(d, src, "sources", &it.sources, &it.nsources) && it.nsources == 0)
        yt_error(d, src, "an empty list of sources; expected where the claim comes from");
    if (yt_get(n, "kind") && read_kind(d, yt_get(n, "kind"), &it.kind))
        read_answer(d, n, &it);
    if (d->errors != before || !it.id) {
        assess_item_fini(&it);
        return false;
    }
    c->items[c->nitems++] = it;
    return true;
}

bool assess_read_items(YtDoc *d, const YtNode *root, const char *file, int file_chapter,
                       AssessContent *c)
{
    static const char *const top[] = {"items", NULL};
    if (!yt_check_keys(d, root, "an item file", top, top))
        return false;
    if (file_chapter < 1 || file_chapter > 7) {
        yt_error(d, root, "chapter %d; expected item files ch01.yaml to ch07.yaml",
                 file_chapter);
        return false;
    }
    const YtNode *list = yt_get(root, "items");
    if (!list || list->kind != YT_SEQ || list->nkids == 0) {
        yt_error(d, list ? list : root, "expected a non-empty list of items");
        return false;
    }
    c->items = xrealloc(c->items, (c->nitems + list->nkids) * sizeof *c->items);
    bool ok = true;
    for (size_t i = 0; i < list->nkids; i++)
        ok = read_item(d, list->kids[i], file, file_chapter, c) && ok;
    return ok;
}
