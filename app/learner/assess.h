/*
 * assess: the assessment content model — the skill-stage ladder, the
 * competencies, the learner goals (tracks), the next-step actions, the
 * model parameters and the quiz items — loaded from assessments/ and
 * validated (schemas in docs/ASSESSMENTS.md).
 *
 * Everything here is plain data owned by AssessContent; assess_content_fini
 * frees it.  References between files (an item's competencies, a track's
 * target stage, an action's stages) are resolved to indices at load time,
 * so the engine never compares strings.  Loading reports every problem as
 * "file:line:col: error: ..." and fails when there is any: a quiz built on
 * half-valid content would score learners wrongly.
 */
#ifndef PYDIVE_LEARNER_ASSESS_H
#define PYDIVE_LEARNER_ASSESS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/skill.h" /* BktParams, StageRule: shared with the roadmap lab */

#define ASSESS_NSTAGES SKILL_NSTAGES /* the Dreyfus ladder has five rungs */
#define ASSESS_ID_MAX 64       /* bytes in any id */

typedef enum ItemKind {
    ITEM_SINGLE,   /* one choice is right */
    ITEM_MULTIPLE, /* a set of choices is right; scored as the exact set */
    ITEM_NUMERIC,  /* a number within an absolute tolerance */
    ITEM_ORDERING, /* every choice in the right order; partial credit reported */
    ITEM_PREDICT,  /* the output of a Python program, computed by the simulator */
    ITEM_NKINDS
} ItemKind;

typedef struct Stage {
    char *id;          /* "novice", "advanced-beginner", ... */
    char *name;        /* "Advanced beginner" */
    char *description; /* what a learner at this stage does */
} Stage;

typedef struct Competency {
    char *id;
    char *title;
    char *summary;
    char *looks_like[ASSESS_NSTAGES]; /* what each stage looks like here */
} Competency;

typedef struct TrackWeight {
    int competency; /* index into AssessContent.competencies */
    double weight;  /* > 0 */
    int target;     /* stage index the goal asks for */
} TrackWeight;

typedef struct Track {
    char *id;
    char *title;
    char *description;
    TrackWeight *weights;
    size_t nweights;
} Track;

typedef struct Action {
    char *id;
    char *kind;         /* reread | exercise | project | practice */
    char *title;
    char *steps;        /* what to do, concretely */
    char *ref;          /* "chNN" or "chNN#section-id"; NULL when none */
    int minutes;        /* rough time it takes */
    int *competencies;  /* indices */
    size_t ncompetencies;
    bool stages[ASSESS_NSTAGES]; /* the stages at which it is the right next step */
} Action;

typedef struct Item {
    char *id;
    char *file;          /* which chNN.yaml, for messages */
    int line;            /* where the item starts */
    int chapter;         /* 1..7 */
    int *competencies;   /* indices */
    size_t ncompetencies;
    int difficulty;      /* 1..3 */
    ItemKind kind;
    char *prompt;
    char **choices;      /* single, multiple, ordering */
    size_t nchoices;
    size_t *answer;      /* choice indices: one (single), a sorted set
                          * (multiple) or a permutation (ordering) */
    size_t nanswer;
    double number;       /* numeric */
    double tolerance;    /* numeric, absolute, >= 0 */
    char *unit;          /* numeric, may be NULL */
    char *program;       /* predict: Python source */
    char *explanation;
    char **sources;
    size_t nsources;
} Item;

typedef struct AssessModel {
    BktParams bkt;
    double guess_by_kind[ITEM_NKINDS]; /* p(G) per item kind */
    double exercise_weight;            /* evidence weight of a solved exercise */
    double hint_penalty;               /* weight lost per hint used */
    double min_exercise_weight;        /* floor after hints */
    double self_rating_weight;         /* weight of a self-rating */
    double half_life_days;             /* evidence weight halves after this */
    int stale_days;                    /* newest evidence older: "stale" */
    double fairly_sure;                /* effective evidence for "fairly sure" */
    double likely;                     /* ... for "likely" */
    StageRule rules[ASSESS_NSTAGES];   /* rules[0] (novice) is unused */
    int overall_min_assessed;          /* competencies needed for an overall stage */
    double initial_ease;               /* SM-2 */
    int quality_correct, quality_partial, quality_wrong; /* SM-2 grades 0..5 */
    int stage_items_per_competency;    /* stage assessment length */
    int start_difficulty;              /* adaptive start */
} AssessModel;

typedef struct AssessContent {
    char *dir;
    Stage stages[ASSESS_NSTAGES];
    Competency *competencies;
    size_t ncompetencies;
    Track *tracks;
    size_t ntracks;
    Action *actions;
    size_t nactions;
    Item *items;
    size_t nitems;
    AssessModel model;
} AssessContent;

/* Loads dir/{stages,competencies,tracks,actions,model}.yaml and every
 * dir/chNN.yaml.  False when anything is wrong (all problems reported);
 * *c is then still safe to assess_content_fini. */
bool assess_content_load(const char *dir, AssessContent *c, DiagList *diags);
void assess_content_fini(AssessContent *c);

/* Lookups; -1 / NULL when unknown. */
int assess_stage_index(const AssessContent *c, const char *id);
int assess_competency_index(const AssessContent *c, const char *id);
const Track *assess_track(const AssessContent *c, const char *id);
const Item *assess_item(const AssessContent *c, const char *id);
const char *assess_kind_name(ItemKind k);

/* Internal to the loader (assess_content.c and assess_items.c). */
struct YtDoc;
struct YtNode;
bool assess_id_ok(const char *id);
bool assess_read_items(struct YtDoc *d, const struct YtNode *root, const char *file,
                       int file_chapter, AssessContent *c);
void assess_item_fini(Item *it);

#endif
