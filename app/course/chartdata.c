/*
 * chartdata: assets/data/NAME.yaml into Charts (see chartdata.h).  The key
 * vocabulary and wording come from schema.c, so a data file's errors read
 * like a lesson's.
 */
#include "course/chartdata.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/xalloc.h"
#include "course/assetset.h"
#include "course/schema.h"
#include "course/ydoc.h"

static const char *const TOP_KEYS[] = {"title", "unit", "chapter", "source", "note", "series",
                                       NULL};
static const char *const SOURCE_KEYS[] = {"title", "url", "date", "date_kind", "evidence", NULL};
static const char *const POINT_KEYS[] = {"label", "value", NULL};
static const char *const DATE_KINDS[] = {"published", "snapshot", "accessed", NULL};
static const char *const EVIDENCE[] = {"primary", "secondary", NULL};

/* ---- field checks -------------------------------------------------------- */

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* YYYY, YYYY-MM or YYYY-MM-DD with a month 01-12 and a day 01-31. */
static bool date_ok(const char *s)
{
    size_t n = strlen(s);
    if ((n != 4 && n != 7 && n != 10) || !digits(s, 4))
        return false;
    if (n >= 7) {
        if (s[4] != '-' || !digits(s + 5, 2))
            return false;
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m < 1 || m > 12)
            return false;
    }
    if (n == 10) {
        if (s[7] != '-' || !digits(s + 8, 2))
            return false;
        int d = (s[8] - '0') * 10 + (s[9] - '0');
        if (d < 1 || d > 31)
            return false;
    }
    return true;
}

/* A plain decimal: -?digits(.digits)?  No exponents, no "nan", no "1_000":
 * a figure must read as the source printed it. */
static bool decimal_ok(const char *s)
{
    if (*s == '-')
        s++;
    size_t i = strspn(s, "0123456789");
    if (i == 0)
        return false;
    if (s[i] == '\0')
        return true;
    if (s[i] != '.')
        return false;
    size_t j = strspn(s + i + 1, "0123456789");
    return j > 0 && s[i + 1 + j] == '\0';
}

static void read_value(Check *ck, const YNode *v, ChartPoint *p)
{
    if (!v)
        return;
    p->loc = v->loc;
    if (v->kind != YNODE_SCALAR || v->style != YSTYLE_PLAIN || !decimal_ok(v->str)) {
        check_error(ck, v->loc,
                    "expected a number for 'value' (digits with an optional '.' and fraction, "
                    "as the source prints it), found '%s'",
                    v->kind == YNODE_SCALAR ? v->str : "a list or mapping");
        return;
    }
    p->value = strtod(v->str, NULL);
    if (!isfinite(p->value)) {
        check_error(ck, v->loc, "'value' %s is too large", v->str);
        return;
    }
    p->text = xstrdup(v->str);
}

static void read_source(Check *ck, const YNode *src, Chart *c)
{
    const char *what = "'source'";
    if (!src || !check_is_map(ck, src, what))
        return;
    check_keys(ck, src, SOURCE_KEYS, what);
    c->src_title = check_str(ck, check_field(ck, src, "title", what, true), "title");
    const YNode *v = check_field(ck, src, "url", what, false);
    c->src_url = check_str(ck, v, "url");
    if (c->src_url && strncmp(c->src_url, "http://", 7) != 0 &&
        strncmp(c->src_url, "https://", 8) != 0) {
        check_error(ck, v->loc, "expected a url starting with http:// or https:// for 'url'");
        free(c->src_url);
        c->src_url = NULL;
    }
    v = check_field(ck, src, "date", what, true);
    c->src_date = check_str(ck, v, "date");
    if (c->src_date && !date_ok(c->src_date)) {
        check_error(ck, v->loc, "expected a date YYYY, YYYY-MM or YYYY-MM-DD for 'date', found '%s'",
                    c->src_date);
        free(c->src_date);
        c->src_date = NULL;
    }
    v = check_field(ck, src, "date_kind", what, true);
    int k = check_enum(ck, v, "date_kind", DATE_KINDS);
    c->date_kind = k >= 0 ? xstrdup(DATE_KINDS[k]) : NULL;
    v = check_field(ck, src, "evidence", what, true);
    k = check_enum(ck, v, "evidence", EVIDENCE);
    c->evidence = k >= 0 ? xstrdup(EVIDENCE[k]) : NULL;
}

static void read_series(Check *ck, const YNode *v, Chart *c)
{
    if (!check_list(ck, v, "series"))
        return;
    if (v->nkids < 2)
        check_error(ck, v->loc, "expected at least 2 points in 'series', found %zu", v->nkids);
    c->points = xcalloc(v->nkids, sizeof *c->points);
    c->npoints = v->nkids;
    char **labels = xcalloc(v->nkids, sizeof *labels);
    SrcLoc *locs = xcalloc(v->nkids, sizeof *locs);
    for (size_t i = 0; i < v->nkids; i++) {
        const YNode *pt = v->kids[i];
        ChartPoint *p = &c->points[i];
        if (!check_is_map(ck, pt, "a point of 'series' ({label: ..., value: ...})"))
            continue;
        check_keys(ck, pt, POINT_KEYS, "a point of 'series'");
        const YNode *lv = check_field(ck, pt, "label", "a point of 'series'", true);
        p->label = check_str(ck, lv, "label");
        labels[i] = p->label;
        locs[i] = lv ? lv->loc : pt->loc;
        read_value(ck, check_field(ck, pt, "value", "a point of 'series'", true), p);
    }
    check_unique(ck, labels, locs, v->nkids, "label");
    free(labels);
    free(locs);
}

static void read_chart(Check *ck, const YNode *root, Chart *c)
{
    const char *what = "a chart data file";
    if (!check_is_map(ck, root, "a chart data file (the top level)"))
        return;
    check_keys(ck, root, TOP_KEYS, what);
    const YNode *v = check_field(ck, root, "title", what, true);
    c->title = check_str(ck, v, "title");
    if (c->title && strpbrk(c->title, "0123456789"))
        check_error(ck, v->loc, "expected a 'title' without figures (the values go in 'series')");
    c->unit = check_str(ck, check_field(ck, root, "unit", what, true), "unit");
    check_int(ck, check_field(ck, root, "chapter", what, true), "chapter", 1, 99, &c->chapter);
    read_source(ck, check_field(ck, root, "source", what, true), c);
    c->note = check_str(ck, check_field(ck, root, "note", what, false), "note");
    read_series(ck, check_field(ck, root, "series", what, true), c);
}

/* ---- files --------------------------------------------------------------- */

static void set_names(Chart *c, const char *display)
{
    const char *base = strrchr(display, '/');
    base = base ? base + 1 : display;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
        n -= 5;
    c->id = xmalloc(n + 1);
    memcpy(c->id, base, n);
    c->id[n] = '\0';
    c->file = xstrdup(display);
}

static bool finish(YDoc *doc, Check *ck, bool parsed, Chart *out, DiagList *diags)
{
    if (parsed)
        read_chart(ck, doc->root, out);
    bool ok = parsed && doc->nerrors == 0;
    check_flush(ck, diags);
    ydoc_fini(doc);
    return ok;
}

bool chart_parse(const char *display, const char *text, size_t len, Chart *out,
                 DiagList *diags)
{
    *out = (Chart){0};
    set_names(out, display);
    DiagList local = {0};
    YDoc doc;
    Check ck = {&doc, &local};
    bool parsed = ydoc_parse(&doc, display, text, len, &local);
    return finish(&doc, &ck, parsed, out, diags);
}

bool chart_read_file(const char *path, const char *display, Chart *out, DiagList *diags)
{
    *out = (Chart){0};
    set_names(out, display);
    DiagList local = {0};
    YDoc doc;
    Check ck = {&doc, &local};
    bool parsed = ydoc_read_file(&doc, path, display, &local);
    return finish(&doc, &ck, parsed, out, diags);
}

void chart_fini(Chart *c)
{
    free(c->id);
    free(c->file);
    free(c->title);
    free(c->unit);
    free(c->src_title);
    free(c->src_url);
    free(c->src_date);
    free(c->date_kind);
    free(c->evidence);
    free(c->note);
    for (size_t i = 0; i < c->npoints; i++) {
        free(c->points[i].label);
        free(c->points[i].text);
    }
    free(c->points);
    *c = (Chart){0};
}

static bool read_chart_file(const char *path, const char *display, void *item, DiagList *diags)
{
    return chart_read_file(path, display, item, diags);
}

static void fini_chart(void *item)
{
    chart_fini(item);
}

static const AssetKind chart_files = {"assets/data", sizeof(Chart), read_chart_file, fini_chart};

bool chartset_load(const char *content_dir, ChartSet *out, DiagList *diags)
{
    void *items;
    bool ok = assetset_load(&chart_files, content_dir, &items, &out->n, diags);
    out->items = items;
    return ok;
}

void chartset_fini(ChartSet *s)
{
    assetset_fini(&chart_files, s->items, s->n);
    *s = (ChartSet){0};
}

const Chart *chartset_find(const ChartSet *s, const char *id)
{
    for (size_t i = 0; id && i < s->n; i++)
        if (strcmp(s->items[i].id, id) == 0)
            return &s->items[i];
    return NULL;
}

const ChartPoint *chart_point(const Chart *c, const char *label)
{
    for (size_t i = 0; label && i < c->npoints; i++)
        if (c->points[i].label && strcmp(c->points[i].label, label) == 0)
            return &c->points[i];
    return NULL;
}

double chart_max(const Chart *c)
{
    double m = 0;
    for (size_t i = 0; i < c->npoints; i++)
        if (c->points[i].value > m)
            m = c->points[i].value;
    return m;
}

void chart_format_value(double v, char *out, size_t len)
{
    snprintf(out, len, "%.6f", v);
    char *dot = strchr(out, '.');
    if (!dot)
        return;
    char *end = out + strlen(out) - 1;
    while (end > dot && *end == '0')
        *end-- = '\0';
    if (end == dot)
        *end = '\0';
}
