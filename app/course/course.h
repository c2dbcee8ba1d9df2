/*
 * course: the content model, loaded from YAML and validated.
 *
 * A Course is the series page (lessons/course.yaml) plus the chapter modules
 * (lessons/NN-*.yaml) that loaded cleanly, sorted by number.  Everything here
 * is plain data owned by the Course; course_fini frees it all.  Every node
 * remembers where it came from (SrcLoc) so later checks can point at the line.
 *
 * Loading never stops at the first broken module: a module with errors is
 * reported through the DiagList and left out; the rest of the course works.
 */
#ifndef PYDIVE_COURSE_COURSE_H
#define PYDIVE_COURSE_COURSE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

typedef struct SrcLoc {
    int line, col; /* 1-based */
} SrcLoc;

typedef enum BlockKind {
    BLOCK_TEXT,     /* prose with light markup (see docs/AUTHORING.md) */
    BLOCK_CODE,     /* preformatted code, shown as is */
    BLOCK_CALLOUT,  /* a boxed aside: note, tip, warning, misconception */
    BLOCK_EXERCISE, /* reference to an exercise by id */
    BLOCK_QUIZ,     /* reference to an assessment item by id */
} BlockKind;

typedef enum CalloutKind {
    CALLOUT_NOTE,
    CALLOUT_TIP,
    CALLOUT_WARNING,
    CALLOUT_MISCONCEPTION,
} CalloutKind;

typedef struct Block {
    BlockKind kind;
    CalloutKind callout; /* BLOCK_CALLOUT only */
    char *text;          /* prose, code or callout body; the id for references */
    char *lang;          /* BLOCK_CODE: language tag, may be NULL */
    char *title;         /* BLOCK_CALLOUT: optional heading, may be NULL */
    SrcLoc loc;
} Block;

typedef struct Section {
    char *id; /* stable id, unique in its chapter; progress is kept by it */
    char *title;
    Block *blocks;
    size_t nblocks;
    SrcLoc loc;
} Section;

typedef struct Source {
    char *id;    /* unique in its chapter */
    char *title; /* what it is: document, author, date */
    char *url;   /* may be NULL for print sources */
    SrcLoc loc;
} Source;

typedef struct Chapter {
    char *file; /* path it was loaded from */
    char *id;   /* unique across the course */
    int number; /* 1..N without gaps */
    char *title;
    char *subtitle;
    char *difficulty; /* beginner | intermediate | advanced | expert */
    int read_minutes;
    char **objectives;
    size_t nobjectives;
    Section *sections;
    size_t nsections;
    Source *sources;
    size_t nsources;
} Chapter;

typedef struct Course {
    char *dir; /* content directory (holds lessons/, exercises/, ...) */
    char *title;
    char *subtitle;
    char *status;
    char *difficulty;
    int chapter_count;   /* as declared in course.yaml */
    int read_minutes;    /* sum of the loaded chapters' read_minutes */
    char *guide;         /* prose with light markup */
    char **readers;      /* target readers */
    size_t nreaders;
    char **path;         /* the learning path, one step per entry */
    size_t npath;
    Chapter *chapters;   /* loaded modules, sorted by number */
    size_t nchapters;
} Course;

/* Loads dir/lessons/course.yaml and every dir/lessons/NN-*.yaml.  Returns
 * false only when the series page itself cannot be used; broken chapter
 * modules add errors to *diags and are skipped.  Cross-file checks (ids,
 * numbering, references to exercises and quiz items) are reported too. */
bool course_load(const char *dir, Course *out, DiagList *diags);
/* As course_load without the references to exercises and quiz items checked
 * (building their index reads every exercise name and assessment file),
 * for commands that show the outline: a chapter whose only error is such a
 * reference is kept here where course_load leaves it out. */
bool course_load_outline(const char *dir, Course *out, DiagList *diags);

/* Loads and validates one chapter module on its own (for `pydive validate
 * FILE`).  References are resolved against `content_dir`. */
bool chapter_load_file(const char *path, const char *content_dir, Chapter *out,
                       DiagList *diags);

void chapter_fini(Chapter *ch);
void course_fini(Course *c);

/* The `chapters` count a series page (lessons/course.yaml) declares; 0 when
 * it declares none or cannot be read (its errors are reported by
 * course_load).  A workshop pack inherits the shipped chapters 1..count. */
int course_declared_chapters(const char *series_path);

/* Lists the chapter module file names (NN-*.yaml) in `lessons_dir`, sorted
 * by name; returns the count.  Free *names with dir_list_free (fsutil.h). */
size_t course_list_modules(const char *lessons_dir, char ***names);

/* Lookups; NULL or -1 when absent. */
const Chapter *course_chapter_by_number(const Course *c, int number);
const Chapter *course_chapter_by_id(const Course *c, const char *id);
int chapter_section_index(const Chapter *ch, const char *section_id);

#endif
