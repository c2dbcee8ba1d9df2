/*
 * cmd_tables: `pydive tables [ID] [--sort COLUMN] [--desc] [--filter TEXT]
 * [--check]` prints a comparison table (assets/tables/ID.yaml) as text,
 * sorted and filtered as on the tables screen (D); --check also checks each
 * table's chapter, section and sources against the course.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/paths.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "course/datatable.h"

/* Prints a cell padded to `w` columns (display width). */
static void pad(const char *s, size_t w)
{
    size_t n = utf8_width(s, strlen(s));
    fputs(s, stdout);
    for (; n < w; n++)
        putchar(' ');
}

static void print_table(const DataTable *t, const char *filter, size_t col, bool desc)
{
    size_t *rows = xcalloc(t->nrows + 1, sizeof *rows);
    size_t n = table_view(t, filter, col, desc, rows);
    size_t *w = xcalloc(t->ncols, sizeof *w);
    for (size_t c = 0; c < t->ncols; c++) {
        w[c] = utf8_width(t->cols[c].title, strlen(t->cols[c].title));
        for (size_t i = 0; i < n; i++) {
            const char *cell = table_cell(t, rows[i], c);
            size_t cw = utf8_width(cell, strlen(cell));
            w[c] = cw > w[c] ? cw : w[c];
        }
    }
    printf("%s (chapter %d, %s)\n", t->title, t->chapter, t->section);
    if (col < t->ncols)
        printf("sorted by %s%s", t->cols[col].title, desc ? ", descending" : "");
    if (filter && *filter)
        printf("%srows containing '%s': %zu of %zu", col < t->ncols ? "; " : "", filter, n,
               t->nrows);
    if (col < t->ncols || (filter && *filter))
        putchar('\n');
    for (size_t c = 0; c < t->ncols; c++) {
        pad(t->cols[c].title, c + 1 < t->ncols ? w[c] + 2 : 0);
    }
    putchar('\n');
    for (size_t i = 0; i < n; i++) {
        for (size_t c = 0; c < t->ncols; c++)
            pad(table_cell(t, rows[i], c), c + 1 < t->ncols ? w[c] + 2 : 0);
        putchar('\n');
    }
    if (t->note)
        printf("Note: %s\n", t->note);
    printf("Sources (chapter %d): ", t->chapter);
    for (size_t k = 0; k < t->nsources; k++)
        printf("%s%s", k ? ", " : "", t->sources[k]);
    putchar('\n');
    free(rows);
    free(w);
}

int cmd_tables(int argc, char **argv)
{
    const char *sort = NULL, *filter = NULL;
    bool desc = cli_take_flag(&argc, argv, "--desc");
    bool check = cli_take_flag(&argc, argv, "--check");
    if (cli_take_option(&argc, argv, "--sort", &sort) < 0 ||
        cli_take_option(&argc, argv, "--filter", &filter) < 0 || cli_reject_unknown(argc, argv))
        return 2;
    if (argc > 2)
        return cli_usage_error("'tables' takes at most one table id");
    Buf err = {0};
    char *dir = paths_content_dir(&err);
    if (!dir) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&err);
        return 2;
    }
    buf_fini(&err);
    TableSet set;
    DiagList dl = {0};
    bool ok = tableset_load(dir, &set, &dl);
    if (check && ok) {
        Course course;
        DiagList cdl = {0};
        if (course_load(dir, &course, &cdl))
            for (size_t i = 0; i < set.n; i++)
                ok = table_check_refs(&set.items[i], &course, &dl) && ok;
        else
            ok = false;
        diag_move(&dl, &cdl);
        diag_fini(&cdl);
        course_fini(&course);
    }
    diag_print(&dl, stderr);
    int rc = ok ? 0 : 1;
    if (check) {
        printf("tables: %zu checked, %s\n", set.n, ok ? "0 errors" : "errors above");
    } else if (argc == 2 || set.n) {
        for (size_t i = 0; i < set.n; i++) {
            const DataTable *t = &set.items[i];
            if (argc == 2 && strcmp(t->id, argv[1]) != 0)
                continue;
            size_t col = t->ncols; /* file order */
            for (size_t c = 0; sort && c < t->ncols; c++)
                if (strcmp(t->cols[c].id, sort) == 0)
                    col = c;
            if (sort && col == t->ncols) {
                Buf names = {0};
                for (size_t c = 0; c < t->ncols; c++)
                    buf_printf(&names, "%s%s", c ? ", " : "", t->cols[c].id);
                rc = cli_usage_error("--sort takes a column id of %s: %s", t->id, buf_str(&names));
                buf_fini(&names);
                break;
            }
            print_table(t, filter, col, desc);
            argc = 3; /* found */
        }
        if (argc == 2) {
            fprintf(stderr, "pydive: no table '%s' in assets/tables\n", argv[1]);
            rc = 2;
        }
    }
    diag_fini(&dl);
    tableset_fini(&set);
    free(dir);
    return rc;
}
