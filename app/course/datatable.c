/*
 * datatable: assets/tables/NAME.yaml into DataTables (see datatable.h), with
 * the same checks and wording as the lessons and chart data.
 */
#include "course/datatable.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/fsutil.h"
#include "base/xalloc.h"
#include "course/assetset.h"
#include "course/schema.h"
#include "course/ydoc.h"

static const char *const TOP_KEYS[] = {"title", "chapter", "section", "note", "sources",
                                       "columns", "rows", NULL};
static const char *const COLUMN_KEYS[] = {"id", "title", "sort", NULL};
static const char *const SORTS[] = {"text", "number", NULL};

static void read_columns(Check *ck, const YNode *v, DataTable *t)
{
    if (!check_list(ck, v, "columns"))
        return;
    if (v->nkids < 2)
        check_error(ck, v->loc, "expected at least 2 columns, found %zu", v->nkids);
    t->cols = xcalloc(v->nkids ? v->nkids : 1, sizeof *t->cols);
    char **ids = xcalloc(v->nkids ? v->nkids : 1, sizeof *ids);
    SrcLoc *locs = xcalloc(v->nkids ? v->nkids : 1, sizeof *locs);
    for (size_t i = 0; i < v->nkids; i++) {
        const YNode *c = v->kids[i];
        const char *what = "a column ({id: ..., title: ..., sort: text|number})";
        if (!check_is_map(ck, c, what))
            continue;
        check_keys(ck, c, COLUMN_KEYS, what);
        const YNode *idn = check_field(ck, c, "id", what, true);
        TableColumn *col = &t->cols[t->ncols++];
        col->id = check_id(ck, idn, "id");
        ids[i] = col->id;
        locs[i] = idn ? idn->loc : c->loc;
        col->title = check_str(ck, check_field(ck, c, "title", what, true), "title");
        const YNode *s = check_field(ck, c, "sort", what, false);
        col->numeric = s && check_enum(ck, s, "sort", SORTS) == 1;
    }
    check_unique(ck, ids, locs, v->nkids, "column id");
    free(ids);
    free(locs);
}

static void read_rows(Check *ck, const YNode *v, DataTable *t)
{
    if (!check_list(ck, v, "rows") || t->ncols == 0)
        return;
    if (v->nkids < 1)
        check_error(ck, v->loc, "expected at least 1 row");
    t->cells = xcalloc(v->nkids * t->ncols + 1, sizeof *t->cells);
    for (size_t r = 0; r < v->nkids; r++) {
        const YNode *row = v->kids[r];
        if (row->kind != YNODE_SEQ) {
            check_error(ck, row->loc, "expected a row as a list of %zu cells", t->ncols);
            continue;
        }
        if (row->nkids != t->ncols) {
            check_error(ck, row->loc, "expected %zu cells in this row (one per column), found %zu",
                        t->ncols, row->nkids);
            continue;
        }
        for (size_t c = 0; c < t->ncols; c++) {
            const YNode *cell = row->kids[c];
            if (cell->kind != YNODE_SCALAR) {
                check_error(ck, cell->loc, "expected text in column '%s', found a list or mapping",
                            t->cols[c].id ? t->cols[c].id : "?");
                continue;
            }
            t->cells[t->nrows * t->ncols + c] = xstrdup(cell->str);
        }
        t->nrows++;
    }
}

static void read_table(Check *ck, const YNode *root, DataTable *t)
{
    const char *what = "a table file";
    if (!check_is_map(ck, root, "a table file (the top level)"))
        return;
    check_keys(ck, root, TOP_KEYS, what);
    t->title = check_str(ck, check_field(ck, root, "title", what, true), "title");
    check_int(ck, check_field(ck, root, "chapter", what, true), "chapter", 1, 99, &t->chapter);
    const YNode *v = check_field(ck, root, "section", what, true);
    t->section = check_id(ck, v, "section");
    if (v)
        t->section_loc = v->loc;
    t->note = check_str(ck, check_field(ck, root, "note", what, false), "note");
    v = check_field(ck, root, "sources", what, true);
    t->sources = check_str_list(ck, v, "sources", &t->nsources);
    if (v)
        t->sources_loc = v->loc;
    read_columns(ck, check_field(ck, root, "columns", what, true), t);
    read_rows(ck, check_field(ck, root, "rows", what, true), t);
}

bool table_parse(const char *display, const char *text, size_t len, DataTable *out,
                 DiagList *diags)
{
    *out = (DataTable){0};
    const char *base = strrchr(display, '/');
    base = base ? base + 1 : display;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
        n -= 5;
    out->id = xstrndup(base, n);
    out->file = xstrdup(display);
    DiagList local = {0};
    YDoc doc;
    Check ck = {&doc, &local};
    bool parsed = ydoc_parse(&doc, display, text, len, &local);
    if (parsed)
        read_table(&ck, doc.root, out);
    bool ok = parsed && doc.nerrors == 0;
    check_flush(&ck, diags);
    ydoc_fini(&doc);
    return ok;
}

void table_fini(DataTable *t)
{
    free(t->id);
    free(t->file);
    free(t->title);
    free(t->section);
    free(t->note);
    for (size_t i = 0; i < t->nsources; i++)
        free(t->sources[i]);
    free(t->sources);
    for (size_t i = 0; i < t->ncols; i++) {
        free(t->cols[i].id);
        free(t->cols[i].title);
    }
    free(t->cols);
    for (size_t i = 0; t->cells && i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    *t = (DataTable){0};
}

static bool read_table_file(const char *path, const char *display, void *item, DiagList *diags)
{
    Buf text = {0}, err = {0};
    bool ok = file_read(path, 1 << 20, &text, &err);
    if (!ok)
        diag_add(diags, DIAG_ERROR, display, 0, 0, "%s", buf_str(&err));
    else
        ok = table_parse(display, buf_str(&text), text.len, item, diags);
    buf_fini(&text), buf_fini(&err);
    return ok;
}

static void fini_table(void *item)
{
    table_fini(item);
}

static const AssetKind table_files = {"assets/tables", sizeof(DataTable), read_table_file,
                                      fini_table};

bool tableset_load(const char *content_dir, TableSet *out, DiagList *diags)
{
    void *items;
    bool ok = assetset_load(&table_files, content_dir, &items, &out->n, diags);
    out->items = items;
    return ok;
}

void tableset_fini(TableSet *s)
{
    assetset_fini(&table_files, s->items, s->n);
    *s = (TableSet){0};
}

bool table_check_refs(const DataTable *t, const Course *course, DiagList *diags)
{
    size_t before = diag_count(diags, DIAG_ERROR);
    const Chapter *ch = course_chapter_by_number(course, t->chapter);
    if (!ch) {
        diag_add(diags, DIAG_ERROR, t->file, 0, 0, "no chapter %d in the course", t->chapter);
        return false;
    }
    bool found = false;
    for (size_t i = 0; i < ch->nsections && !found; i++)
        found = strcmp(ch->sections[i].id, t->section) == 0;
    if (!found)
        diag_add(diags, DIAG_ERROR, t->file, t->section_loc.line, t->section_loc.col,
                 "no section '%s' in chapter %d", t->section, t->chapter);
    for (size_t k = 0; k < t->nsources; k++) {
        bool known = false;
        for (size_t i = 0; i < ch->nsources && !known; i++)
            known = strcmp(ch->sources[i].id, t->sources[k]) == 0;
        if (!known)
            diag_add(diags, DIAG_ERROR, t->file, t->sources_loc.line, t->sources_loc.col,
                     "no source '%s' in chapter %d's sources", t->sources[k], t->chapter);
    }
    return diag_count(diags, DIAG_ERROR) == before;
}

/* ---- sorting and filtering --------------------------------------------------- */

static bool contains_folded(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *h = hay; *h; h++) {
        size_t i = 0;
        while (i < n && h[i] && tolower((unsigned char)h[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

/* The first number in a cell ("137 to 321" -> 137); false when it has none. */
static bool first_number(const char *s, double *out)
{
    for (; *s; s++)
        if (isdigit((unsigned char)*s)) {
            *out = strtod(s, NULL);
            return true;
        }
    return false;
}

typedef struct SortCtx {
    const DataTable *t;
    size_t col;
    bool desc;
} SortCtx;

static int compare_rows(const SortCtx *c, size_t a, size_t b)
{
    const char *x = table_cell(c->t, a, c->col), *y = table_cell(c->t, b, c->col);
    int r;
    if (c->t->cols[c->col].numeric) {
        double u, v;
        bool hu = first_number(x, &u), hv = first_number(y, &v);
        if (hu != hv)
            return hu ? -1 : 1; /* cells without a number go last either way */
        r = !hu ? 0 : u < v ? -1 : u > v ? 1 : 0;
    } else {
        r = strcasecmp(x, y);
    }
    if (c->desc)
        r = -r;
    return r ? r : (a < b ? -1 : a > b ? 1 : 0); /* stable: file order */
}

size_t table_view(const DataTable *t, const char *filter, size_t col, bool desc, size_t *out)
{
    size_t n = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        bool keep = !filter || !*filter;
        for (size_t c = 0; c < t->ncols && !keep; c++)
            keep = contains_folded(table_cell(t, r, c), filter);
        if (keep)
            out[n++] = r;
    }
    if (col >= t->ncols)
        return n;
    SortCtx ctx = {t, col, desc};
    for (size_t i = 1; i < n; i++) { /* insertion sort: tables are small, and it is stable */
        size_t v = out[i], j = i;
        while (j > 0 && compare_rows(&ctx, out[j - 1], v) > 0) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = v;
    }
    return n;
}
