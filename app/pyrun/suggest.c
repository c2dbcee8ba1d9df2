/*
 * suggest: "Did you mean: 'count'?" — the nearest name by the weighted
 * Levenshtein distance CPython 3.11's Python/suggestions.c describes
 * (moves cost 2, a case change 1; at most a third of the characters may
 * change; locals, then globals, then builtins), and 3.12's "Did you forget
 * to import 'gc'?" for standard modules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/cpython_names.h"

#define S (I->sim)
#define MOVE_COST 2
#define CASE_COST 1
#define MAX_STRING 40

static int sub_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a = (char)(a + 32);
    if (b >= 'A' && b <= 'Z')
        b = (char)(b + 32);
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t distance(const char *a, size_t na, const char *b, size_t nb, size_t max)
{
    while (na && nb && a[0] == b[0])
        a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (na == 0 || nb == 0)
        return (na + nb) * MOVE_COST;
    if (na > MAX_STRING || nb > MAX_STRING)
        return max + 1;
    if (na > nb) {
        const char *t = a;
        a = b, b = t;
        size_t tn = na;
        na = nb, nb = tn;
    }
    if ((nb - na) * MOVE_COST > max)
        return max + 1;
    size_t row[MAX_STRING + 1];
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diag = j * MOVE_COST, left = diag + MOVE_COST, best = (size_t)-1;
        result = left;
        for (size_t i = 0; i < na; i++) {
            size_t up = row[i];
            size_t v = diag + (size_t)sub_cost(a[i], b[j]);
            if (v > up + MOVE_COST)
                v = up + MOVE_COST;
            if (v > left + MOVE_COST)
                v = left + MOVE_COST;
            diag = up;
            row[i] = v;
            left = v;
            result = v;
            if (v < best)
                best = v;
        }
        if (best > max)
            return max + 1;
    }
    return result;
}

typedef struct Best {
    char name[64];
    size_t dist;
    bool found;
} Best;

static void consider_text(Best *b, const char *c, size_t cn, const char *name, size_t n)
{
    if (cn == n && memcmp(c, name, n) == 0)
        return;
    size_t max = (n + cn + 3) * MOVE_COST / 6;
    if (b->found && b->dist - 1 < max)
        max = b->dist - 1;
    size_t d = distance(name, n, c, cn, max);
    if (d > max)
        return;
    if (!b->found || d < b->dist) {
        snprintf(b->name, sizeof b->name, "%.*s", (int)cn, c);
        b->dist = d;
        b->found = true;
    }
}

static void consider(PyRun *I, Best *b, SimId cand, const char *name, size_t n)
{
    if (sim_kind(S, cand) != SK_STR)
        return;
    size_t cn;
    const char *c = sim_str_data(S, cand, &cn);
    consider_text(b, c, cn, name, n);
}

bool suggest_keyword(const char *words, const char *name, size_t n, char *out, size_t size)
{
    Best b = {0};
    for (const char *p = words; p && *p;) {
        size_t len = strcspn(p, " ");
        if (len && !(len == 1 && (*p == '/' || *p == '*')))
            consider_text(&b, p, len, name, n);
        p += len;
        p += *p == ' ';
    }
    if (b.found)
        snprintf(out, size, "%s", b.name);
    return b.found;
}

static bool from_dict(PyRun *I, Best *b, SimId d, const char *name, size_t n)
{
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, d, &pos, &k, &v))
        consider(I, b, k, name, n);
    return b->found;
}

static void set_hint(PyRun *I, const Best *b)
{
    if (b->found)
        snprintf(I->ts->err.hint, sizeof I->ts->err.hint, ". Did you mean: '%s'?", b->name);
}

void suggest_for_name(PyRun *I, SimId nm)
{
    size_t n;
    const char *name = sim_str_data(S, nm, &n);
    Best b = {0};
    const Frame *f = I->ts->top;
    const PyCode *co = &I->codes[f->code];
    for (int i = 0; i < co->nslots; i++)
        if (co->slotkind[i] == SLOT_LOCAL || i < co->nargs)
            consider(I, &b, co->slotnames[i], name, n);
    if (!b.found && !from_dict(I, &b, f->globals, name, n))
        from_dict(I, &b, I->builtins, name, n);
    set_hint(I, &b);
    if (!b.found && S->prof->version != SIM_V311) {
        static const char *stdlib[] = {"gc", "sys", "weakref", "os", "math", "re", "time",
                                       "random", "json", "collections", "itertools", NULL};
        for (int i = 0; stdlib[i]; i++)
            if (strlen(stdlib[i]) == n && memcmp(stdlib[i], name, n) == 0)
                snprintf(I->ts->err.hint, sizeof I->ts->err.hint, ". Did you forget to import '%s'?",
                         stdlib[i]);
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* dir() of a built-in type or module as the profile's CPython has it */
static int add_cpython_names(PyRun *I, const CpyNameSet *set, char **names, int cnt)
{
    for (size_t i = 0; i < set->n && cnt < 500; i++)
        if (cpython_has(set, set->names[i].name, strlen(set->names[i].name), S->prof->version))
            names[cnt++] = strdup(set->names[i].name);
    return cnt;
}

void suggest_for_attr(PyRun *I, SimId obj, SimId nm)
{
    size_t n;
    /* a copy: sim_str() below may move the slab the name's text lives in */
    const char *text = sim_str_data(S, nm, &n);
    char *name = strndup(text, n);
    char *names[512];
    int cnt = 0;
    const CpyNameSet *set;
    SimObj *o = sim_obj(S, obj);
    if (o->kind == SK_INSTANCE) {
        for (uint32_t i = 0; i < o->len && cnt < 500; i++) {
            size_t kn;
            const char *k = sim_str_data(S, sim_items(S, obj)[2 * i], &kn);
            names[cnt++] = strndup(k, kn);
        }
        for (SimId c = o->type; c && sim_obj(S, c)->kind == SK_TYPE && sim_obj(S, c)->sub == SK_INSTANCE;
             c = SIM_V(S, c, SK_TYPE, type.base)) {
            uint32_t pos = 0;
            SimId k, v;
            while (sim_dict_next(S, SIM_V(S, c, SK_TYPE, type.dict), &pos, &k, &v) && cnt < 500) {
                size_t kn;
                const char *ks = sim_str_data(S, k, &kn);
                names[cnt++] = strndup(ks, kn);
            }
        }
    } else if (o->kind == SK_MODULE && (set = cpython_module_names(sim_str_data(S, o->v.module.name, &(size_t){0})))) {
        cnt = add_cpython_names(I, set, names, cnt);
    } else if ((set = cpython_type_names(sim_kind_name((SimKind)o->kind))) != NULL) {
        cnt = add_cpython_names(I, set, names, cnt);
    } else {
        int first, end;
        bi_method_range(&first, &end);
        for (int i = first; i < end && cnt < 500; i++)
            if (bi_def((uint32_t)i)->owner == o->kind)
                names[cnt++] = strdup(bi_def((uint32_t)i)->name);
    }
    qsort(names, (size_t)cnt, sizeof *names, cmp_str);
    Best b = {0};
    for (int i = 0; i < cnt; i++) {
        if (i == 0 || strcmp(names[i], names[i - 1]) != 0) {
            SimId str = sim_str(S, names[i], strlen(names[i]));
            consider(I, &b, str, name, n);
            sim_decref(S, str);
        }
    }
    for (int i = 0; i < cnt; i++)
        free(names[i]);
    set_hint(I, &b);
    free(name);
}
