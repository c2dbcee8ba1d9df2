/*
 * datatable: comparison tables a learner can sort and filter
 * (assets/tables/NAME.yaml), read into plain structs with every figure's
 * sources named.  Format and rules: assets/tables/README.md; errors are
 * "file:line:col: error: what was expected", as for lessons.
 *
 * Sorting and filtering are here too (pure functions over the rows), so the
 * screen, `pydive tables` and the tests share them.
 */
#ifndef PYDIVE_COURSE_DATATABLE_H
#define PYDIVE_COURSE_DATATABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "course/course.h"

typedef struct TableColumn {
    char *id;
    char *title;
    bool numeric; /* sorts by the cell's first number; cells without one ("n/m") last */
} TableColumn;

typedef struct DataTable {
    char *id;       /* the file name without .yaml */
    char *file;     /* as named in diagnostics */
    char *title;
    int chapter;    /* the chapter whose prose the table gathers */
    char *section;  /* the section id it belongs to */
    char *note;     /* may be NULL */
    char **sources; /* ids of the chapter's sources */
    size_t nsources;
    SrcLoc sources_loc, section_loc;
    TableColumn *cols;
    size_t ncols;
    char **cells;   /* nrows * ncols, row-major */
    size_t nrows;
} DataTable;

typedef struct TableSet {
    DataTable *items; /* sorted by id */
    size_t n;
} TableSet;

bool table_parse(const char *display, const char *text, size_t len, DataTable *out,
                 DiagList *diags);
void table_fini(DataTable *t);
/* Every content_dir/assets/tables/NAME.yaml; files with errors are reported
 * and left out (false then).  A missing folder is an empty set. */
bool tableset_load(const char *content_dir, TableSet *out, DiagList *diags);
void tableset_fini(TableSet *s);
/* Checks that the chapter, the section and every source exist in course. */
bool table_check_refs(const DataTable *t, const Course *course, DiagList *diags);

static inline const char *table_cell(const DataTable *t, size_t row, size_t col)
{
    return t->cells[row * t->ncols + col];
}

/* The rows to show: those with a cell containing `filter` (case-insensitive;
 * NULL or "" keeps all), ordered by column `col` (ascending, or descending
 * when `desc`), ties kept in file order.  Writes row indices to out (room for
 * nrows); returns how many. */
size_t table_view(const DataTable *t, const char *filter, size_t col, bool desc, size_t *out);

#endif
