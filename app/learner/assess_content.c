/*
 * assess_content: loads and validates assessments/ (see assess.h and
 * docs/ASSESSMENTS.md) — the stage ladder, competencies, tracks, actions and
 * model parameters here; quiz items in assess_items.c.  Owns the rule that
 * every cross-file reference resolves, and the file discovery order.
 */
#include "learner/assess.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "base/overlay.h"
#include "base/xalloc.h"
#include "learner/ytree.h"

#define CONTENT_FILE_MAX (2u << 20)

bool assess_id_ok(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > ASSESS_ID_MAX || id[0] == '-')
        return false;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return false;
    return true;
}

static bool read_id(YtDoc *d, const YtNode *n, const char *key, char **out)
{
    if (!yt_string(d, n, key, out))
        return false;
    if (assess_id_ok(*out))
        return true;
    yt_error(d, n, "'%s' is not a usable id; expected 1-%d characters of a-z 0-9 -", *out,
             ASSESS_ID_MAX);
    free(*out); /* callers skip the entry: its slot is reused, so nothing may stay */
    *out = NULL;
    return false;
}

/* Reads a competency id and resolves it; -1 (reported) when unknown. */
static int read_competency(YtDoc *d, const YtNode *n, const AssessContent *c)
{
    char *id = NULL;
    int i = -1;
    if (yt_string(d, n, "competency", &id)) {
        i = assess_competency_index(c, id);
        if (i < 0)
            yt_error(d, n, "unknown competency '%s'; expected one of competencies.yaml", id);
    }
    free(id);
    return i;
}

static int read_stage(YtDoc *d, const YtNode *n, const char *key, const AssessContent *c)
{
    char *id = NULL;
    int i = -1;
    if (yt_string(d, n, key, &id)) {
        i = assess_stage_index(c, id);
        if (i < 0)
            yt_error(d, n, "unknown stage '%s' for '%s'; expected one of stages.yaml", id, key);
    }
    free(id);
    return i;
}

/* ---- stages.yaml ---------------------------------------------------------- */

static void read_stages(YtDoc *d, const YtNode *root, AssessContent *c)
{
    static const char *const top[] = {"model", "sources", "stages", NULL};
    static const char *const keys[] = {"id", "name", "description", NULL};
    if (!yt_check_keys(d, root, "stages.yaml", top, top))
        return;
    const YtNode *list = yt_get(root, "stages");
    if (!list || list->kind != YT_SEQ || list->nkids != ASSESS_NSTAGES) {
        yt_error(d, list ? list : root, "expected a list of exactly %d stages, lowest first",
                 ASSESS_NSTAGES);
        return;
    }
    for (size_t i = 0; i < ASSESS_NSTAGES; i++) {
        const YtNode *s = list->kids[i];
        if (!yt_check_keys(d, s, "a stage", keys, keys))
            continue;
        Stage *st = &c->stages[i];
        read_id(d, yt_get(s, "id"), "id", &st->id);
        yt_string(d, yt_get(s, "name"), "name", &st->name);
        yt_string(d, yt_get(s, "description"), "description", &st->description);
        for (size_t j = 0; j < i && st->id; j++)
            if (c->stages[j].id && strcmp(c->stages[j].id, st->id) == 0)
                yt_error(d, yt_get(s, "id"), "stage '%s' is listed twice", st->id);
    }
}

/* ---- competencies.yaml ---------------------------------------------------- */

static void read_competencies(YtDoc *d, const YtNode *root, AssessContent *c)
{
    static const char *const top[] = {"competencies", NULL};
    static const char *const keys[] = {"id", "title", "summary", "stages", NULL};
    if (!yt_check_keys(d, root, "competencies.yaml", top, top))
        return;
    const YtNode *list = yt_get(root, "competencies");
    if (!list || list->kind != YT_SEQ || list->nkids == 0) {
        yt_error(d, list ? list : root, "expected a non-empty list of competencies");
        return;
    }
    c->competencies = xcalloc(list->nkids, sizeof *c->competencies);
    for (size_t i = 0; i < list->nkids; i++) {
        const YtNode *n = list->kids[i];
        if (!yt_check_keys(d, n, "a competency", keys, keys))
            continue;
        Competency *cp = &c->competencies[c->ncompetencies];
        const YtNode *idn = yt_get(n, "id");
        if (!read_id(d, idn, "id", &cp->id))
            continue;
        if (assess_competency_index(c, cp->id) >= 0) {
            yt_error(d, idn, "competency '%s' is listed twice", cp->id);
            free(cp->id);
            cp->id = NULL;
            continue;
        }
        c->ncompetencies++;
        yt_string(d, yt_get(n, "title"), "title", &cp->title);
        yt_string(d, yt_get(n, "summary"), "summary", &cp->summary);
        const YtNode *st = yt_get(n, "stages");
        const char *ids[ASSESS_NSTAGES + 1] = {0};
        for (int s = 0; s < ASSESS_NSTAGES; s++)
            ids[s] = c->stages[s].id ? c->stages[s].id : "?";
        if (!yt_check_keys(d, st, "a competency's stages", ids, ids))
            continue;
        for (int s = 0; s < ASSESS_NSTAGES; s++)
            if (yt_get(st, ids[s]))
                yt_string(d, yt_get(st, ids[s]), ids[s], &cp->looks_like[s]);
    }
}

/* ---- model.yaml ----------------------------------------------------------- */

static void num(YtDoc *d, const YtNode *map, const char *key, double lo, double hi, double *out)
{
    yt_number(d, yt_get(map, key), key, lo, hi, out);
}

static void whole(YtDoc *d, const YtNode *map, const char *key, int lo, int hi, int *out)
{
    int64_t v = 0;
    if (yt_int(d, yt_get(map, key), key, lo, hi, &v))
        *out = (int)v;
}

static void read_bkt(YtDoc *d, const YtNode *n, AssessModel *m)
{
    static const char *const keys[] = {"p_init", "p_learn", "p_guess", "p_slip",
                                       "guess_by_kind", NULL};
    static const char *const kinds[] = {"single", "multiple", "numeric", "ordering", "predict",
                                        NULL};
    if (!yt_check_keys(d, n, "'bkt'", keys, keys))
        return;
    num(d, n, "p_init", 0.001, 0.999, &m->bkt.p_init);
    num(d, n, "p_learn", 0.0, 0.999, &m->bkt.p_learn);
    num(d, n, "p_guess", 0.0, 0.999, &m->bkt.p_guess);
    num(d, n, "p_slip", 0.0, 0.999, &m->bkt.p_slip);
    const YtNode *g = yt_get(n, "guess_by_kind");
    if (yt_check_keys(d, g, "'guess_by_kind'", kinds, kinds))
        for (int k = 0; k < ITEM_NKINDS; k++)
            num(d, g, kinds[k], 0.0, 0.999, &m->guess_by_kind[k]);
    /* Baker, Corbett & Aleven (2008): a model is degenerate when a learner
     * who does not know the skill is likelier to answer right than one who
     * does, i.e. guess >= 1 - slip. */
    for (int k = 0; k < ITEM_NKINDS; k++)
        if (m->guess_by_kind[k] + m->bkt.p_slip >= 1.0)
            yt_error(d, g, "guess for '%s' plus p_slip is %g; expected less than 1 (a "
                     "degenerate model otherwise)", kinds[k], m->guess_by_kind[k] + m->bkt.p_slip);
}

static void read_rules(YtDoc *d, const YtNode *n, AssessContent *c)
{
    static const char *const keys[] = {"min_mastery", "min_correct", "at_difficulty",
                                       "min_exercises", NULL};
    const char *ids[ASSESS_NSTAGES] = {0};
    for (int s = 1; s < ASSESS_NSTAGES; s++)
        ids[s - 1] = c->stages[s].id ? c->stages[s].id : "?";
    if (!yt_check_keys(d, n, "'stages' (the rules for each stage above the first)", ids, ids))
        return;
    double prev = 0;
    for (int s = 1; s < ASSESS_NSTAGES; s++) {
        const YtNode *r = yt_get(n, ids[s - 1]);
        if (!yt_check_keys(d, r, "a stage rule", keys, keys))
            continue;
        StageRule *sr = &c->model.rules[s];
        num(d, r, "min_mastery", 0.0, 1.0, &sr->min_mastery);
        whole(d, r, "min_correct", 0, 100, &sr->min_correct);
        whole(d, r, "at_difficulty", 1, 3, &sr->at_difficulty);
        whole(d, r, "min_exercises", 0, 100, &sr->min_exercises);
        if (sr->min_mastery < prev)
            yt_error(d, r, "min_mastery %g is below the stage under it (%g); expected the "
                     "ladder to rise", sr->min_mastery, prev);
        prev = sr->min_mastery;
    }
}

static void read_model(YtDoc *d, const YtNode *root, AssessContent *c)
{
    static const char *const top[] = {"sources", "bkt", "evidence", "confidence", "stages",
                                      "overall", "review", "quiz", NULL};
    static const char *const ev[] = {"exercise_weight", "hint_penalty", "min_exercise_weight",
                                     "self_rating_weight", "half_life_days", "stale_days", NULL};
    static const char *const conf[] = {"fairly_sure", "likely", NULL};
    static const char *const ov[] = {"min_assessed", NULL};
    static const char *const rv[] = {"algorithm", "initial_ease", "quality_correct",
                                     "quality_partial", "quality_wrong", NULL};
    static const char *const qz[] = {"stage_items_per_competency", "start_difficulty", NULL};
    AssessModel *m = &c->model;
    if (!yt_check_keys(d, root, "model.yaml", top, top))
        return;
    read_bkt(d, yt_get(root, "bkt"), m);
    const YtNode *n = yt_get(root, "evidence");
    if (yt_check_keys(d, n, "'evidence'", ev, ev)) {
        num(d, n, "exercise_weight", 0, 1, &m->exercise_weight);
        num(d, n, "hint_penalty", 0, 1, &m->hint_penalty);
        num(d, n, "min_exercise_weight", 0, 1, &m->min_exercise_weight);
        num(d, n, "self_rating_weight", 0, 1, &m->self_rating_weight);
        num(d, n, "half_life_days", 1, 3650, &m->half_life_days);
        whole(d, n, "stale_days", 1, 3650, &m->stale_days);
    }
    n = yt_get(root, "confidence");
    if (yt_check_keys(d, n, "'confidence'", conf, conf)) {
        num(d, n, "fairly_sure", 0, 1000, &m->fairly_sure);
        num(d, n, "likely", 0, 1000, &m->likely);
        if (m->likely > m->fairly_sure)
            yt_error(d, n, "'likely' is above 'fairly_sure'; expected likely <= fairly_sure");
    }
    read_rules(d, yt_get(root, "stages"), c);
    n = yt_get(root, "overall");
    if (yt_check_keys(d, n, "'overall'", ov, ov))
        whole(d, n, "min_assessed", 1, 100, &m->overall_min_assessed);
    n = yt_get(root, "review");
    if (yt_check_keys(d, n, "'review'", rv, rv)) {
        char *alg = NULL;
        if (yt_string(d, yt_get(n, "algorithm"), "algorithm", &alg) && strcmp(alg, "sm-2") != 0)
            yt_error(d, yt_get(n, "algorithm"), "unknown algorithm '%s'; expected sm-2", alg);
        free(alg);
        num(d, n, "initial_ease", 1.3, 5.0, &m->initial_ease);
        whole(d, n, "quality_correct", 3, 5, &m->quality_correct);
        whole(d, n, "quality_partial", 0, 5, &m->quality_partial);
        whole(d, n, "quality_wrong", 0, 2, &m->quality_wrong);
    }
    n = yt_get(root, "quiz");
    if (yt_check_keys(d, n, "'quiz'", qz, qz)) {
        whole(d, n, "stage_items_per_competency", 1, 20, &m->stage_items_per_competency);
        whole(d, n, "start_difficulty", 1, 3, &m->start_difficulty);
    }
}

/* ---- tracks.yaml ---------------------------------------------------------- */

static void read_tracks(YtDoc *d, const YtNode *root, AssessContent *c)
{
    static const char *const top[] = {"tracks", NULL};
    static const char *const keys[] = {"id", "title", "description", "weights", NULL};
    static const char *const wkeys[] = {"competency", "weight", "target", NULL};
    if (!yt_check_keys(d, root, "tracks.yaml", top, top))
        return;
    const YtNode *list = yt_get(root, "tracks");
    if (!list || list->kind != YT_SEQ || list->nkids == 0) {
        yt_error(d, list ? list : root, "expected a non-empty list of tracks");
        return;
    }
    c->tracks = xcalloc(list->nkids, sizeof *c->tracks);
    for (size_t i = 0; i < list->nkids; i++) {
        const YtNode *n = list->kids[i];
        if (!yt_check_keys(d, n, "a track", keys, keys))
            continue;
        Track *t = &c->tracks[c->ntracks];
        if (!read_id(d, yt_get(n, "id"), "id", &t->id))
            continue;
        if (assess_track(c, t->id)) {
            yt_error(d, yt_get(n, "id"), "track '%s' is listed twice", t->id);
            free(t->id);
            t->id = NULL;
            continue;
        }
        c->ntracks++;
        yt_string(d, yt_get(n, "title"), "title", &t->title);
        yt_string(d, yt_get(n, "description"), "description", &t->description);
        const YtNode *w = yt_get(n, "weights");
        if (!w || w->kind != YT_SEQ || w->nkids == 0) {
            yt_error(d, w, "expected a non-empty list of weights");
            continue;
        }
        t->weights = xcalloc(w->nkids, sizeof *t->weights);
        for (size_t j = 0; j < w->nkids; j++) {
            const YtNode *e = w->kids[j];
            if (!yt_check_keys(d, e, "a weight", wkeys, wkeys))
                continue;
            TrackWeight tw = {.competency = read_competency(d, yt_get(e, "competency"), c)};
            num(d, e, "weight", 0.1, 10, &tw.weight);
            tw.target = read_stage(d, yt_get(e, "target"), "target", c);
            for (size_t k = 0; k < t->nweights && tw.competency >= 0; k++)
                if (t->weights[k].competency == tw.competency) {
                    yt_error(d, e, "competency '%s' is weighted twice in track '%s'",
                             c->competencies[tw.competency].id, t->id);
                    tw.competency = -1;
                }
            if (tw.competency >= 0 && tw.target >= 0 && tw.weight > 0)
                t->weights[t->nweights++] = tw;
        }
    }
}

/* ---- actions.yaml --------------------------------------------------------- */

/* "chNN" with NN 01..07, optionally "#section-id". */
static bool ref_ok(const char *r)
{
    if (strncmp(r, "ch0", 3) != 0 || r[3] < '1' || r[3] > '7')
        return false;
    if (r[4] == '\0')
        return true;
    return r[4] == '#' && assess_id_ok(r + 5);
}

static void read_action(YtDoc *d, const YtNode *n, AssessContent *c)
{
    static const char *const keys[] = {"id", "kind", "title", "steps", "ref", "minutes",
                                       "competencies", "stages", NULL};
    static const char *const req[] = {"id", "kind", "title", "steps", "minutes",
                                      "competencies", "stages", NULL};
    static const char *const kinds[] = {"reread", "exercise", "project", "practice", NULL};
    if (!yt_check_keys(d, n, "an action", keys, req))
        return;
    Action *a = &c->actions[c->nactions];
    const YtNode *idn = yt_get(n, "id");
    if (!read_id(d, idn, "id", &a->id))
        return;
    for (size_t i = 0; i < c->nactions; i++)
        if (strcmp(c->actions[i].id, a->id) == 0) {
            yt_error(d, idn, "action '%s' is listed twice", a->id);
            free(a->id);
            a->id = NULL;
            return;
        }
    c->nactions++;
    if (yt_string(d, yt_get(n, "kind"), "kind", &a->kind)) {
        bool known = false;
        for (const char *const *k = kinds; *k; k++)
            known = known || strcmp(*k, a->kind) == 0;
        if (!known)
            yt_error(d, yt_get(n, "kind"), "unknown action kind '%s'; expected reread, "
                     "exercise, project or practice", a->kind);
    }
    yt_string(d, yt_get(n, "title"), "title", &a->title);
    yt_string(d, yt_get(n, "steps"), "steps", &a->steps);
    const YtNode *r = yt_get(n, "ref");
    if (r && yt_string(d, r, "ref", &a->ref) && !ref_ok(a->ref))
        yt_error(d, r, "ref '%s' is not a lesson reference; expected chNN or chNN#section-id "
                 "(NN from 01 to 07)", a->ref);
    whole(d, n, "minutes", 1, 600, &a->minutes);
    const YtNode *cl = yt_get(n, "competencies");
    if (!cl || cl->kind != YT_SEQ || cl->nkids == 0) {
        yt_error(d, cl, "expected a non-empty list of competency ids for 'competencies'");
    } else {
        a->competencies = xcalloc(cl->nkids, sizeof *a->competencies);
        for (size_t i = 0; i < cl->nkids; i++) {
            int ci = read_competency(d, cl->kids[i], c);
            if (ci >= 0)
                a->competencies[a->ncompetencies++] = ci;
        }
    }
    const YtNode *sl = yt_get(n, "stages");
    if (!sl || sl->kind != YT_SEQ || sl->nkids == 0) {
        yt_error(d, sl, "expected a non-empty list of stage ids for 'stages'");
        return;
    }
    for (size_t i = 0; i < sl->nkids; i++) {
        int si = read_stage(d, sl->kids[i], "stages", c);
        if (si >= 0)
            a->stages[si] = true;
    }
}

static void read_actions(YtDoc *d, const YtNode *root, AssessContent *c)
{
    static const char *const top[] = {"actions", NULL};
    if (!yt_check_keys(d, root, "actions.yaml", top, top))
        return;
    const YtNode *list = yt_get(root, "actions");
    if (!list || list->kind != YT_SEQ || list->nkids == 0) {
        yt_error(d, list ? list : root, "expected a non-empty list of actions");
        return;
    }
    c->actions = xcalloc(list->nkids, sizeof *c->actions);
    for (size_t i = 0; i < list->nkids; i++)
        read_action(d, list->kids[i], c);
    /* Every competency needs a next step at every stage below expert,
     * or the roadmap would have nothing to offer. */
    for (size_t ci = 0; ci < c->ncompetencies; ci++)
        for (int s = 0; s + 1 < ASSESS_NSTAGES; s++) {
            bool found = false;
            for (size_t a = 0; a < c->nactions && !found; a++)
                for (size_t k = 0; k < c->actions[a].ncompetencies && !found; k++)
                    found = c->actions[a].competencies[k] == (int)ci && c->actions[a].stages[s];
            if (!found)
                yt_error(d, list, "no action for competency '%s' at stage '%s'; expected at "
                         "least one", c->competencies[ci].id, c->stages[s].id);
        }
}

/* ---- files ---------------------------------------------------------------- */

typedef void (*ReadFn)(YtDoc *d, const YtNode *root, AssessContent *c);

/* Reads one file and runs `fn` on it (or the item reader when fn is NULL). */
static bool load_file(AssessContent *c, const char *name, ReadFn fn, int chapter,
                      DiagList *diags)
{
    char *path = overlay_join(c->dir, name);
    Buf text = {0}, err = {0};
    YtDoc d = {0};
    bool ok = file_read(path, CONTENT_FILE_MAX, &text, &err);
    if (!ok) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "%s", buf_str(&err));
    } else if ((ok = ytree_parse(&d, buf_str(&text), text.len, path, diags)) && d.root) {
        yt_refuse_controls(&d, d.root);
        if (fn)
            fn(&d, d.root, c);
        else
            assess_read_items(&d, d.root, path, chapter, c);
        ok = d.errors == 0;
    } else if (ok) {
        diag_add(diags, DIAG_ERROR, path, 1, 1, "the file is empty; expected a mapping");
        ok = false;
    }
    ytree_fini(&d);
    buf_fini(&text);
    buf_fini(&err);
    free(path);
    return ok;
}

bool assess_content_load(const char *dir, AssessContent *c, DiagList *diags)
{
    *c = (AssessContent){.dir = xstrdup(dir)};
    bool ok = load_file(c, "stages.yaml", read_stages, 0, diags);
    ok = ok && load_file(c, "competencies.yaml", read_competencies, 0, diags);
    ok = ok && load_file(c, "model.yaml", read_model, 0, diags);
    if (c->ncompetencies > 0) { /* both refer to competencies */
        ok = load_file(c, "tracks.yaml", read_tracks, 0, diags) && ok;
        ok = load_file(c, "actions.yaml", read_actions, 0, diags) && ok;
    }
    char **names;
    size_t n = overlay_list(dir, ".yaml", &names);
    int chapters = 0;
    for (size_t i = 0; i < n; i++) {
        const char *f = names[i];
        if (!(f[0] == 'c' && f[1] == 'h' && f[2] >= '0' && f[2] <= '9' && f[3] >= '0' &&
              f[3] <= '9' && strcmp(f + 4, ".yaml") == 0))
            continue;
        chapters++;
        if (c->ncompetencies > 0)
            ok = load_file(c, f, NULL, (f[2] - '0') * 10 + (f[3] - '0'), diags) && ok;
    }
    dir_list_free(names, n);
    if (chapters == 0) {
        diag_add(diags, DIAG_ERROR, dir, 0, 0, "no chNN.yaml item files; expected ch01.yaml "
                 "and the other chapters");
        ok = false;
    }
    return ok;
}

static void strings_free(char **s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(s[i]);
    free(s);
}

void assess_item_fini(Item *it)
{
    free(it->id);
    free(it->file);
    free(it->competencies);
    free(it->prompt);
    strings_free(it->choices, it->nchoices);
    free(it->answer);
    free(it->unit);
    free(it->program);
    free(it->explanation);
    strings_free(it->sources, it->nsources);
}

void assess_content_fini(AssessContent *c)
{
    for (int s = 0; s < ASSESS_NSTAGES; s++) {
        free(c->stages[s].id);
        free(c->stages[s].name);
        free(c->stages[s].description);
    }
    for (size_t i = 0; i < c->ncompetencies; i++) {
        Competency *cp = &c->competencies[i];
        free(cp->id);
        free(cp->title);
        free(cp->summary);
        for (int s = 0; s < ASSESS_NSTAGES; s++)
            free(cp->looks_like[s]);
    }
    free(c->competencies);
    for (size_t i = 0; i < c->ntracks; i++) {
        free(c->tracks[i].id);
        free(c->tracks[i].title);
        free(c->tracks[i].description);
        free(c->tracks[i].weights);
    }
    free(c->tracks);
    for (size_t i = 0; i < c->nactions; i++) {
        Action *a = &c->actions[i];
        free(a->id);
        free(a->kind);
        free(a->title);
        free(a->steps);
        free(a->ref);
        free(a->competencies);
    }
    free(c->actions);
    for (size_t i = 0; i < c->nitems; i++)
        assess_item_fini(&c->items[i]);
    free(c->items);
    free(c->dir);
    *c = (AssessContent){0};
}

int assess_stage_index(const AssessContent *c, const char *id)
{
    for (int s = 0; s < ASSESS_NSTAGES; s++)
        if (c->stages[s].id && strcmp(c->stages[s].id, id) == 0)
            return s;
    return -1;
}

int assess_competency_index(const AssessContent *c, const char *id)
{
    for (size_t i = 0; i < c->ncompetencies; i++)
        if (c->competencies[i].id && strcmp(c->competencies[i].id, id) == 0)
            return (int)i;
    return -1;
}

const Track *assess_track(const AssessContent *c, const char *id)
{
    for (size_t i = 0; i < c->ntracks; i++)
        if (c->tracks[i].id && strcmp(c->tracks[i].id, id) == 0)
            return &c->tracks[i];
    return NULL;
}

const Item *assess_item(const AssessContent *c, const char *id)
{
    for (size_t i = 0; i < c->nitems; i++)
        if (strcmp(c->items[i].id, id) == 0)
            return &c->items[i];
    return NULL;
}

const char *assess_kind_name(ItemKind k)
{
    static const char *const names[] = {"single", "multiple", "numeric", "ordering", "predict"};
    return k < ITEM_NKINDS ? names[k] : "?";
}
