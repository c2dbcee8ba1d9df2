/*
 * chartdata: the data sets behind chapter 6's charts (assets/data/NAME.yaml)
 * read into plain structs, each figure with its source and date.
 *
 * The format and its rules are assets/data/README.md; this file is where
 * they are enforced, with "file:line:col: error: what was expected" for
 * every breach (unknown or missing keys, a date that is not YYYY[-MM[-DD]],
 * a url that is not http(s), fewer than two points, a value that is not a
 * plain decimal number, a label used twice, a title with figures in it).
 * Nothing here draws: view/screen_charts.c and `pydive charts` do.
 */
#ifndef PYDIVE_COURSE_CHARTDATA_H
#define PYDIVE_COURSE_CHARTDATA_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "course/course.h"

typedef struct ChartPoint {
    char *label;  /* what and when: "Python, 2025" */
    double value; /* in the chart's unit */
    char *text;   /* the value as written in the file ("57.9"), for exact comparisons */
    SrcLoc loc;   /* of the value */
} ChartPoint;

typedef struct Chart {
    char *id;        /* the file name without .yaml: "so2025-languages" */
    char *file;      /* as named in diagnostics: "assets/data/so2025-languages.yaml" */
    char *title;     /* no figures in it */
    char *unit;      /* shared by every value */
    int chapter;
    char *src_title, *src_url; /* src_url may be NULL */
    char *src_date;            /* YYYY, YYYY-MM or YYYY-MM-DD */
    char *date_kind;           /* published | snapshot | accessed */
    char *evidence;            /* primary | secondary */
    char *note;                /* may be NULL */
    ChartPoint *points;
    size_t npoints;            /* 2 or more once read without errors */
} Chart;

typedef struct ChartSet {
    Chart *items; /* sorted by id (file name) */
    size_t n;
} ChartSet;

/* Reads one data set from text; `display` names it in diagnostics and its
 * base name (without .yaml) becomes the id.  *out is filled as far as
 * possible (chart_fini frees it); true when there were no errors. */
bool chart_parse(const char *display, const char *text, size_t len, Chart *out,
                 DiagList *diags);
bool chart_read_file(const char *path, const char *display, Chart *out, DiagList *diags);
void chart_fini(Chart *c);

/* Reads every content_dir/assets/data/NAME.yaml (sorted by name).  Files with
 * errors are reported and left out; false when any file had one.  A missing
 * folder is not an error (an empty set). */
bool chartset_load(const char *content_dir, ChartSet *out, DiagList *diags);
void chartset_fini(ChartSet *s);
const Chart *chartset_find(const ChartSet *s, const char *id);
/* The point labelled `label`, or NULL. */
const ChartPoint *chart_point(const Chart *c, const char *label);
/* The largest value (0 when every value is below 0): the bars' full width. */
double chart_max(const Chart *c);
/* A value as the file wrote it would be read: 57.9, 191135 (no trailing zeros). */
void chart_format_value(double v, char *out, size_t len);

#endif
