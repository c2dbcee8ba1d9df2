/*
 * workshop: workshop.yaml read into a Workshop and checked against the
 * pack's course and assessments (see workshop.h; schema in docs/WORKSHOP.md).
 *
 * The reader is the course's: ydoc for the tree (no anchors, tags or
 * duplicate keys) and the check_* helpers for types, so a workshop file's
 * errors read like a lesson's.  Sections: top level, policies, the agenda,
 * the lookups the screens use.
 */
#include "course/workshop.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "course/schema.h"

static const char *const TOP_KEYS[] = {"schema", "id",       "version", "title",
                                       "seed",   "defaults", "agenda",  NULL};
static const char *const ENTRY_KEYS[] = {"chapter", "minutes", "open", "sections", "policy",
                                         NULL};
static const char *const SECTION_KEYS[] = {"id", "minutes", NULL};
static const char *const POLICY_KEYS[] = {"skip", "solutions", "min_score", "min_stage", NULL};
static const char *const STAGE_KEYS[] = {"competency", "stage", NULL};
static const char *const SOLUTION_NAMES[] = {"never", "after-solving", "after-giving-up",
                                             "always", NULL};

static const WorkshopPolicy DEFAULT_POLICY = {
    .skip = true, .solutions = SOLUTIONS_AFTER_GIVING_UP, .min_score = -1,
    .competency = -1, .stage = -1,
};

/* ---- small readers ------------------------------------------------------- */

static bool read_bool(Check *ck, const YNode *v, const char *key, bool *out)
{
    if (!v)
        return false;
    if (v->kind == YNODE_SCALAR && v->style == YSTYLE_PLAIN) {
        if (strcmp(v->str, "true") == 0 || strcmp(v->str, "false") == 0) {
            *out = v->str[0] == 't';
            return true;
        }
    }
    check_error(ck, v->loc, "expected true or false for '%s'", key);
    return false;
}

static bool read_seed(Check *ck, const YNode *v, int64_t *out)
{
    if (v->kind == YNODE_SCALAR && v->style == YSTYLE_PLAIN && v->len > 0 &&
        strspn(v->str, "0123456789") == v->len) {
        errno = 0;
        long long x = strtoll(v->str, NULL, 10);
        if (errno != ERANGE) {
            *out = x;
            return true;
        }
    }
    check_error(ck, v->loc, "expected a whole number from 0 to 9223372036854775807 for 'seed'");
    return false;
}

static int find_name(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return (int)i;
    return -1;
}

/* ---- policies ------------------------------------------------------------ */

static void policy_copy(WorkshopPolicy *to, const WorkshopPolicy *from)
{
    *to = *from;
    to->min_competency = from->min_competency ? xstrdup(from->min_competency) : NULL;
    to->min_stage = from->min_stage ? xstrdup(from->min_stage) : NULL;
}

static void policy_fini(WorkshopPolicy *p)
{
    free(p->min_competency);
    free(p->min_stage);
}

static void read_min_stage(Check *ck, const YNode *v, const WorkshopRefs *refs,
                           WorkshopPolicy *p)
{
    if (!check_is_map(ck, v, "'min_stage'"))
        return;
    check_keys(ck, v, STAGE_KEYS, "'min_stage'");
    const YNode *cv = check_field(ck, v, "competency", "'min_stage'", true);
    const YNode *sv = check_field(ck, v, "stage", "'min_stage'", true);
    char *comp = check_str(ck, cv, "competency");
    char *stage = check_str(ck, sv, "stage");
    if (!comp || !stage) {
        free(comp);
        free(stage);
        return;
    }
    free(p->min_competency);
    free(p->min_stage);
    p->min_competency = comp;
    p->min_stage = stage;
    p->competency = p->stage = -1;
    if (!refs || !refs->has_assessments) {
        check_error(ck, v->loc, "'min_stage' needs the pack's assessments/ (it has none)");
        return;
    }
    p->competency = find_name(refs->competencies, refs->ncompetencies, comp);
    if (p->competency < 0)
        check_error(ck, cv->loc, "no competency '%s' in the pack's assessments/competencies.yaml",
                    comp);
    p->stage = find_name(refs->stages, refs->nstages, stage);
    if (p->stage < 0)
        check_error(ck, sv->loc, "no stage '%s' in the pack's assessments/stages.yaml", stage);
}

/* Overrides the fields of *p that the mapping `v` sets. */
static void read_policy(Check *ck, const YNode *v, const char *what, const WorkshopRefs *refs,
                        WorkshopPolicy *p)
{
    if (!check_is_map(ck, v, what))
        return;
    check_keys(ck, v, POLICY_KEYS, what);
    read_bool(ck, ymap_get(v, "skip"), "skip", &p->skip);
    const YNode *sol = ymap_get(v, "solutions");
    if (sol) {
        int k = check_enum(ck, sol, "solutions", SOLUTION_NAMES);
        if (k >= 0)
            p->solutions = (SolutionPolicy)k;
    }
    const YNode *score = ymap_get(v, "min_score");
    if (score && check_int(ck, score, "min_score", 0, 100, &p->min_score) &&
        (!refs || !refs->has_assessments))
        check_error(ck, score->loc, "'min_score' needs the pack's assessments/ (it has none)");
    const YNode *stage = ymap_get(v, "min_stage");
    if (stage)
        read_min_stage(ck, stage, refs, p);
}

/* ---- the agenda ---------------------------------------------------------- */

static const Chapter *read_chapter_ref(Check *ck, const YNode *v, const Course *course)
{
    const Chapter *ch = NULL;
    if (v->kind == YNODE_SCALAR && v->style == YSTYLE_PLAIN && v->len > 0 &&
        strspn(v->str, "0123456789") == v->len) {
        ch = course_chapter_by_number(course, atoi(v->str));
        if (!ch)
            check_error(ck, v->loc, "no chapter %s in the pack's course (it has %zu)", v->str,
                        course->nchapters);
        return ch;
    }
    char *id = check_str(ck, v, "chapter");
    if (!id)
        return NULL;
    ch = course_chapter_by_id(course, id);
    if (!ch) {
        Buf known = {0};
        for (size_t i = 0; i < course->nchapters; i++)
            buf_printf(&known, "%s%s", i ? ", " : "", course->chapters[i].id);
        check_error(ck, v->loc, "no chapter '%s' in the pack's course (its chapters: %s)", id,
                    buf_str(&known));
        buf_fini(&known);
    }
    free(id);
    return ch;
}

static void read_sections(Check *ck, const YNode *list, const Chapter *ch, WorkshopChapter *wc)
{
    if (!check_list(ck, list, "sections"))
        return;
    wc->sections = xcalloc(list->nkids, sizeof *wc->sections);
    int sum = 0;
    for (size_t i = 0; i < list->nkids; i++) {
        const YNode *s = list->kids[i];
        if (!check_is_map(ck, s, "a section time box"))
            continue;
        check_keys(ck, s, SECTION_KEYS, "a section time box");
        const YNode *idv = check_field(ck, s, "id", "a section time box", true);
        const YNode *mv = check_field(ck, s, "minutes", "a section time box", true);
        char *id = check_str(ck, idv, "id");
        int minutes = 0;
        bool has_min = check_int(ck, mv, "minutes", 1, 600, &minutes);
        if (!id)
            continue;
        if (ch && chapter_section_index(ch, id) < 0) {
            check_error(ck, idv->loc, "chapter %d has no section '%s'", ch->number, id);
            free(id);
            continue;
        }
        for (size_t k = 0; k < wc->nsections; k++)
            if (strcmp(wc->sections[k].id, id) == 0)
                check_error(ck, idv->loc, "section '%s' has a time box already (line %d)", id,
                            wc->sections[k].loc.line);
        wc->sections[wc->nsections++] = (WorkshopSection){id, has_min ? minutes : 0, s->loc};
        sum += has_min ? minutes : 0;
    }
    if (wc->minutes > 0 && sum > wc->minutes)
        check_error(ck, list->loc, "the section time boxes add up to %d minutes, more than the "
                    "chapter's %d", sum, wc->minutes);
}

static void read_entry(Check *ck, const YNode *e, const Course *course, const WorkshopRefs *refs,
                       const WorkshopPolicy *defaults, Workshop *w)
{
    if (!check_is_map(ck, e, "an agenda entry"))
        return;
    check_keys(ck, e, ENTRY_KEYS, "an agenda entry");
    const YNode *cv = check_field(ck, e, "chapter", "an agenda entry", true);
    const Chapter *ch = cv ? read_chapter_ref(ck, cv, course) : NULL;
    WorkshopChapter wc = {.open = true, .loc = e->loc};
    policy_copy(&wc.policy, defaults);
    if (ch) {
        const WorkshopChapter *dup = workshop_chapter(w, ch->id);
        if (dup)
            check_error(ck, cv->loc, "chapter '%s' is on the agenda already (line %d)", ch->id,
                        dup->loc.line);
        wc.chapter_id = xstrdup(ch->id);
        wc.number = ch->number;
    }
    check_int(ck, ymap_get(e, "minutes"), "minutes", 1, 600, &wc.minutes);
    read_bool(ck, ymap_get(e, "open"), "open", &wc.open);
    const YNode *secs = ymap_get(e, "sections");
    if (secs)
        read_sections(ck, secs, ch, &wc);
    const YNode *pol = ymap_get(e, "policy");
    if (pol)
        read_policy(ck, pol, "'policy'", refs, &wc.policy);
    if (!wc.chapter_id) { /* nothing to attach it to; the error is reported */
        for (size_t i = 0; i < wc.nsections; i++)
            free(wc.sections[i].id);
        free(wc.sections);
        policy_fini(&wc.policy);
        return;
    }
    w->total_minutes += wc.minutes;
    w->agenda[w->nagenda++] = wc;
}

/* ---- top level ----------------------------------------------------------- */

static void read_workshop(Check *ck, const YNode *root, const Course *course,
                          const WorkshopRefs *refs, Workshop *w)
{
    const char *what = "workshop.yaml";
    if (!check_is_map(ck, root, "the top level of workshop.yaml"))
        return;
    check_keys(ck, root, TOP_KEYS, what);
    const YNode *v = ymap_get(root, "schema");
    int schema = WORKSHOP_SCHEMA_VERSION;
    if (v && check_int(ck, v, "schema", 1, 1000, &schema) && schema > WORKSHOP_SCHEMA_VERSION)
        check_error(ck, v->loc, "schema %d is newer than this pydive reads (%d); update pydive",
                    schema, WORKSHOP_SCHEMA_VERSION);
    w->id = check_id(ck, check_field(ck, root, "id", what, true), "id");
    w->version = 1;
    check_int(ck, ymap_get(root, "version"), "version", 1, 1000000, &w->version);
    w->title = check_str(ck, check_field(ck, root, "title", what, true), "title");
    v = ymap_get(root, "seed");
    if (v)
        w->has_seed = read_seed(ck, v, &w->seed);

    WorkshopPolicy defaults;
    policy_copy(&defaults, &DEFAULT_POLICY);
    v = ymap_get(root, "defaults");
    if (v)
        read_policy(ck, v, "'defaults'", refs, &defaults);

    v = check_field(ck, root, "agenda", what, true);
    if (v && check_list(ck, v, "agenda")) {
        w->agenda = xcalloc(v->nkids, sizeof *w->agenda);
        for (size_t i = 0; i < v->nkids; i++)
            read_entry(ck, v->kids[i], course, refs, &defaults, w);
        if (w->nagenda > 0) {
            const WorkshopChapter *last = &w->agenda[w->nagenda - 1];
            if (last->policy.min_score >= 0 || last->policy.min_competency)
                diag_add(ck->diags, DIAG_WARNING, ck->doc->file, last->loc.line, last->loc.col,
                         "chapter '%s' is last on the agenda: its gate opens nothing",
                         last->chapter_id);
        }
    }
    policy_fini(&defaults);
}

bool workshop_load(const char *path, const char *display, const Course *course,
                   const WorkshopRefs *refs, Workshop *out, DiagList *diags)
{
    *out = (Workshop){.file = xstrdup(path), .version = 1};
    DiagList local = {0};
    YDoc doc;
    Check ck = {&doc, &local};
    bool read = ydoc_read_file(&doc, path, display, &local);
    if (read)
        read_workshop(&ck, doc.root, course, refs, out);
    bool ok = read && doc.nerrors == 0 && diag_count(&local, DIAG_ERROR) == 0;
    check_flush(&ck, diags);
    ydoc_fini(&doc);
    return ok;
}

void workshop_fini(Workshop *w)
{
    for (size_t i = 0; i < w->nagenda; i++) {
        WorkshopChapter *c = &w->agenda[i];
        for (size_t k = 0; k < c->nsections; k++)
            free(c->sections[k].id);
        free(c->sections);
        free(c->chapter_id);
        policy_fini(&c->policy);
    }
    free(w->agenda);
    free(w->file);
    free(w->id);
    free(w->title);
    *w = (Workshop){0};
}

/* ---- lookups ------------------------------------------------------------- */

int workshop_agenda_index(const Workshop *w, const char *chapter_id)
{
    for (size_t i = 0; w && i < w->nagenda; i++)
        if (w->agenda[i].chapter_id && strcmp(w->agenda[i].chapter_id, chapter_id) == 0)
            return (int)i;
    return -1;
}

const WorkshopChapter *workshop_chapter(const Workshop *w, const char *chapter_id)
{
    int i = workshop_agenda_index(w, chapter_id);
    return i < 0 ? NULL : &w->agenda[i];
}

bool workshop_is_open(const Workshop *w, const char *chapter_id)
{
    if (!w)
        return true;
    const WorkshopChapter *c = workshop_chapter(w, chapter_id);
    return c && c->open;
}

const WorkshopPolicy *workshop_policy(const Workshop *w, const char *chapter_id)
{
    const WorkshopChapter *c = w ? workshop_chapter(w, chapter_id) : NULL;
    return c ? &c->policy : &DEFAULT_POLICY;
}

bool workshop_solution_visible(const WorkshopPolicy *p, bool solved, bool gave_up)
{
    switch (p->solutions) {
    case SOLUTIONS_NEVER:
        return false;
    case SOLUTIONS_AFTER_SOLVING:
        return solved;
    case SOLUTIONS_AFTER_GIVING_UP:
        return solved || gave_up;
    case SOLUTIONS_ALWAYS:
        return true;
    }
    return false;
}

const char *workshop_solutions_name(SolutionPolicy s)
{
    return (unsigned)s < 4 ? SOLUTION_NAMES[s] : "?";
}
