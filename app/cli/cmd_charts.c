/*
 * cmd_charts: `pydive charts [--chart ID] [--json]` prints chapter 6's data
 * sets (assets/data/NAME.yaml) as labelled horizontal bars, each with its
 * value, unit, source, date, evidence and note: the same figures the charts
 * screen draws, for pipes, screen readers and handouts.  A data file with
 * errors is reported as file:line:col and makes the exit status 1.
 *
 * `pydive charts --check FILE...` checks the figures exercises quote with
 * flywheel-lab `data ID "LABEL" VALUE` lines: each must name a data set, one
 * of its labels and the value stored there, so a quoted figure cannot drift
 * from assets/data (tests/content runs it on exercises/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/printable.h"
#include "base/paths.h"
#include "cli/cli.h"
#include "course/chartdata.h"

#define TEXT_W 78   /* the width of the plain text */
#define LABEL_W 30  /* columns for a point's label */
#define BAR_W 32    /* columns for the bar at the chart's largest value */

/* Words of `s` wrapped to `width` columns, each line after `indent`. */
static void wrap(Buf *b, const char *indent, const char *s, int width)
{
    int col = 0;
    while (*s) {
        while (*s == ' ' || *s == '\n')
            s++;
        size_t n = strcspn(s, " \n");
        if (!n)
            break;
        if (col > 0 && col + 1 + (int)n > width) {
            buf_addc(b, '\n');
            col = 0;
        }
        if (col == 0)
            buf_printf(b, "%s", indent);
        else
            buf_addc(b, ' ');
        buf_printf(b, "%.*s", (int)n, s);
        col += (col ? 1 : 0) + (int)n;
        s += n;
    }
    if (col)
        buf_addc(b, '\n');
}

static void print_text(Buf *b, const Chart *c)
{
    buf_printf(b, "%s  [%s]\n", c->title, c->id);
    buf_printf(b, "  unit: %s (chapter %d)\n", c->unit, c->chapter);
    double max = chart_max(c);
    for (size_t i = 0; i < c->npoints; i++) {
        const ChartPoint *p = &c->points[i];
        int full = max > 0 && p->value > 0 ? (int)(p->value / max * BAR_W + 0.5) : 0;
        if (p->value > 0 && full == 0)
            full = 1; /* a small value still shows */
        char bar[BAR_W + 1];
        for (int k = 0; k < BAR_W; k++)
            bar[k] = k < full ? '#' : '.';
        bar[BAR_W] = '\0';
        if (strlen(p->label) > LABEL_W) /* a long label gets its own line, never cut */
            buf_printf(b, "  %s\n  %-*s %s %s\n", p->label, LABEL_W, "", bar, p->text);
        else
            buf_printf(b, "  %-*s %s %s\n", LABEL_W, p->label, bar, p->text);
    }
    Buf line = {0};
    buf_printf(&line, "source: %s (%s, %s; evidence: %s)", c->src_title, c->src_date,
               c->date_kind, c->evidence);
    wrap(b, "  ", buf_str(&line), TEXT_W - 2);
    buf_fini(&line);
    if (c->src_url)
        buf_printf(b, "  url: %s\n", c->src_url);
    if (c->note) {
        Buf note = {0};
        buf_printf(&note, "note: %s", c->note);
        wrap(b, "  ", buf_str(&note), TEXT_W - 2);
        buf_fini(&note);
    }
}

static void print_json(Buf *b, const Chart *c)
{
    buf_printf(b, "{\"id\":");
    printable_json(b, c->id);
    buf_printf(b, ",\"title\":");
    printable_json(b, c->title);
    buf_printf(b, ",\"unit\":");
    printable_json(b, c->unit);
    buf_printf(b, ",\"chapter\":%d,\"source\":{\"title\":", c->chapter);
    printable_json(b, c->src_title);
    buf_printf(b, ",\"url\":");
    printable_json(b, c->src_url);
    buf_printf(b, ",\"date\":");
    printable_json(b, c->src_date);
    buf_printf(b, ",\"date_kind\":");
    printable_json(b, c->date_kind);
    buf_printf(b, ",\"evidence\":");
    printable_json(b, c->evidence);
    buf_printf(b, "},\"note\":");
    printable_json(b, c->note);
    buf_printf(b, ",\"series\":[");
    for (size_t i = 0; i < c->npoints; i++) {
        buf_printf(b, "%s{\"label\":", i ? "," : "");
        printable_json(b, c->points[i].label);
        buf_printf(b, ",\"value\":%s}", c->points[i].text); /* as the file wrote it */
    }
    buf_printf(b, "]}");
}

/* One `data ID "LABEL" VALUE` line (leading blanks allowed) against the set:
 * 0 when the line is not such a quote (Python's `data = ...`), 1 when it
 * matches, -1 after reporting a mismatch at file:line:col. */
static int check_quote(const ChartSet *set, const char *file, int line, const char *s,
                       DiagList *dl)
{
    const char *p = s + strspn(s, " \t");
    if (strncmp(p, "data ", 5) != 0)
        return 0;
    int col = (int)(p - s) + 6;
    p += 5;
    char id[128], label[256], value[64];
    int n1 = 0, n2 = 0, n3 = 0;
    if (sscanf(p, "%127s %n", id, &n1) != 1 || p[n1] != '"' ||
        sscanf(p + n1 + 1, "%255[^\"]\" %n", label, &n2) != 1 ||
        sscanf(p + n1 + 1 + n2, "%63s%n", value, &n3) != 1)
        return 0;
    const Chart *c = chartset_find(set, id);
    if (!c) {
        diag_add(dl, DIAG_ERROR, file, line, col, "no data set '%s' in assets/data", id);
        return -1;
    }
    const ChartPoint *pt = chart_point(c, label);
    if (!pt) {
        diag_add(dl, DIAG_ERROR, file, line, col + n1, "%s has no point labelled \"%s\"",
                 c->file, label);
        return -1;
    }
    if (strtod(value, NULL) != pt->value) {
        diag_add(dl, DIAG_ERROR, file, line, col + n1 + 1 + n2,
                 "\"%s\" is %s in %s, not %s", label, pt->text, c->file, value);
        return -1;
    }
    return 1;
}

static int check_files(const ChartSet *set, int argc, char **argv)
{
    DiagList dl = {0};
    size_t quotes = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");
        if (!f) {
            diag_add(&dl, DIAG_ERROR, argv[i], 0, 0, "cannot read this file");
            continue;
        }
        char line[1024];
        for (int no = 1; fgets(line, sizeof line, f); no++) {
            line[strcspn(line, "\n")] = '\0';
            quotes += check_quote(set, argv[i], no, line, &dl) != 0;
        }
        fclose(f);
    }
    diag_print(&dl, stderr);
    size_t bad = diag_count(&dl, DIAG_ERROR);
    printf("checked %zu quoted figure%s: %zu wrong\n", quotes, quotes == 1 ? "" : "s", bad);
    diag_fini(&dl);
    return bad ? 1 : 0;
}

int cmd_charts(int argc, char **argv)
{
    const char *only = NULL;
    if (cli_take_option(&argc, argv, "--chart", &only) < 0)
        return 2;
    bool json = cli_take_flag(&argc, argv, "--json");
    bool check = cli_take_flag(&argc, argv, "--check");
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (check && argc < 2)
        return cli_usage_error("charts --check needs the files to check");
    if (!check && argc != 1)
        return cli_usage_error("charts takes no arguments (--chart ID shows one)");
    Buf err = {0};
    char *dir = paths_content_dir(&err);
    if (!dir) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&err);
        return 1;
    }
    buf_fini(&err);
    ChartSet set;
    DiagList dl = {0};
    bool ok = chartset_load(dir, &set, &dl);
    diag_print(&dl, stderr);
    diag_fini(&dl);
    free(dir);
    if (check) {
        int rc = check_files(&set, argc, argv);
        chartset_fini(&set);
        return ok ? rc : 1;
    }
    const Chart *one = only ? chartset_find(&set, only) : NULL;
    if (only && !one) {
        fprintf(stderr, "pydive: no chart '%s' (see pydive charts for the ids)\n", only);
        chartset_fini(&set);
        return 2;
    }
    Buf out = {0};
    if (json)
        buf_printf(&out, "[");
    for (size_t i = 0, shown = 0; i < set.n; i++) {
        const Chart *c = &set.items[i];
        if (one && c != one)
            continue;
        if (json) {
            buf_printf(&out, "%s\n", shown ? "," : "");
            print_json(&out, c);
        } else {
            if (shown)
                buf_addc(&out, '\n');
            print_text(&out, c);
        }
        shown++;
    }
    if (json)
        buf_printf(&out, "\n]\n");
    else if (set.n == 0)
        buf_printf(&out, "No chart data (assets/data/NAME.yaml) in this course.\n");
    fwrite(out.data, 1, out.len, stdout);
    buf_fini(&out);
    chartset_fini(&set);
    return ok ? 0 : 1;
}
