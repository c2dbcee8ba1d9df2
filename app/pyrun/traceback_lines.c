/*
 * traceback_lines: how 3.13 shows a failing expression that spans several
 * lines (Lib/traceback.py, StackSummary.format_frame_summary): every line
 * of it, dedented together, the first, the last and those around the
 * anchors kept and the others counted ("...<2 lines>..."), each with its
 * carets: '~' on the expression, '^' between the anchors that re-parsing
 * the expression's text gives (a binary operator, the brackets of a
 * subscript or a call), all '^' without anchors, none for `x = f(...)` or
 * `return f(...)` spanning whole lines.  3.11 and 3.12 show the first line
 * only (traceback.c).  Columns are bytes here: a line with non-ASCII text
 * keeps 3.13's count only where its characters are one byte wide.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"
#include "pyrun/parser.h"

#define MAX_LINES 64 /* beyond, the first line alone (as 3.11 shows it) */

typedef struct Lines {
    const char *p[MAX_LINES];
    int len[MAX_LINES];
    int n;
} Lines;

typedef struct Anchors {
    int left_line, left_col, right_line, right_col;
} Anchors;

/* The source's lines from..to, each without its trailing blanks. */
static bool read_lines(const PyRun *I, int from, int to, Lines *L)
{
    if (to - from + 1 > MAX_LINES)
        return false;
    const char *p = I->src, *end = I->src + I->srclen;
    for (int l = 1; l < from && p < end; p++)
        if (*p == '\n')
            l++;
    L->n = 0;
    for (int l = from; l <= to; l++) {
        const char *e = p;
        while (e < end && *e != '\n')
            e++;
        int len = (int)(e - p);
        while (len > 0 && isspace((unsigned char)p[len - 1]))
            len--;
        L->p[L->n] = p;
        L->len[L->n++] = len;
        p = e < end ? e + 1 : e;
    }
    return true;
}

static int indent_of(const char *p, int len)
{
    int k = 0;
    while (k < len && (p[k] == ' ' || p[k] == '\t'))
        k++;
    return k;
}

/* textwrap.dedent's margin: the leading blanks every non-blank line shares */
static int margin(const Lines *L)
{
    const char *first = NULL;
    int m = 0;
    for (int i = 0; i < L->n; i++) {
        if (L->len[i] == 0)
            continue;
        int k = indent_of(L->p[i], L->len[i]);
        if (!first) {
            first = L->p[i];
            m = k;
            continue;
        }
        int j = 0;
        while (j < m && j < k && L->p[i][j] == first[j])
            j++;
        m = j;
    }
    return m;
}

static bool parse_text(const PyRun *I, const char *text, size_t n, Ast *ast)
{
    PyError err = {0};
    int minor = I->sim->prof->version == SIM_V311 ? 11 : I->sim->prof->version == SIM_V312 ? 12 : 13;
    if (parse_module(text, n, minor, ast, &err))
        return true;
    ast_fini(ast);
    return false;
}

/* The segment's lines, positions in it (segment line = node line - 2, as
 * the text parsed is "(\n" segment "\n)"): Lines cut to the expression. */
typedef Lines Seg;

static void next_valid(const Seg *g, int *line, int *col)
{
    if (*line < 0)
        *line = g->n; /* a position the text does not have: nothing to find */
    while (*line < g->n && *col >= g->len[*line]) {
        *col = 0;
        (*line)++;
    }
}

/* increment_until: the next character, skipping to the next line at a
 * backslash or '#', where stop() holds */
static bool step_until(const Seg *g, int *line, int *col, int (*stop)(int))
{
    next_valid(g, line, col);
    while (*line < g->n) {
        char ch = g->p[*line][*col];
        if (ch == '\\' || ch == '#') {
            *col = 0;
            (*line)++;
        } else if (stop((unsigned char)ch)) {
            return true;
        } else {
            (*col)++;
        }
        next_valid(g, line, col);
    }
    return false;
}

static int is_operator_start(int c) { return !isspace(c) && c != ')'; }
static int is_lbracket(int c) { return c == '['; }
static int is_lparen(int c) { return c == '('; }

/* _extract_caret_anchors_from_line_segment */
static bool find_anchors(const PyRun *I, const Seg *g, const char *segment, size_t seglen, Anchors *out)
{
    Buf text = {0};
    buf_adds(&text, "(\n");
    buf_add(&text, segment, seglen);
    buf_adds(&text, "\n)");
    Ast ast = {0};
    bool ok = parse_text(I, buf_str(&text), text.len, &ast);
    buf_fini(&text);
    if (!ok)
        return false;
    int stmt = ast.n[ast.root].a;
    bool found = false;
    if (stmt >= 0 && ast.n[stmt].next < 0 && ast.n[stmt].kind == N_EXPR && ast.n[stmt].a >= 0) {
        const Node *e = &ast.n[ast.n[stmt].a];
        const Node *sub = e->a >= 0 ? &ast.n[e->a] : NULL;
        int sub_end_line = sub ? sub->end_line : 0, sub_end_col = sub ? sub->end_col : 0;
        if (sub && sub_end_line == 0 && sub->kind == N_NAME) /* a name keeps no end: its text has it */
            sub_end_line = sub->line, sub_end_col = sub->col + (int)sub->strlen;
        if (sub && sub_end_line >= 2 && (e->kind == N_BINOP || e->kind == N_SUBSCRIPT || e->kind == N_CALL)) {
            int line = sub_end_line - 2, col = sub_end_col;
            bool stop = step_until(g, &line, &col, e->kind == N_BINOP ? is_operator_start
                                   : e->kind == N_SUBSCRIPT ? is_lbracket : is_lparen);
            if (stop && e->kind == N_BINOP) {
                const Node *right = &ast.n[e->b];
                int rc = col + 1;
                if (rc < g->len[line] && (right->line - 2 > line || rc < right->col) &&
                    !isspace((unsigned char)g->p[line][rc]) && g->p[line][rc] != '\\' && g->p[line][rc] != '#')
                    rc++;
                *out = (Anchors){line, col, line, rc};
                found = true;
            } else if (stop && e->end_line >= 2) {
                *out = (Anchors){line, col, e->end_line - 2, e->end_col};
                found = true;
            }
        }
    }
    ast_fini(&ast);
    return found;
}

/* _should_show_carets: not under `x = f(...)` / `return f(...)` spanning
 * all the lines; else with anchors, or when the expression is not all the
 * text of its lines */
static bool show_carets(const PyRun *I, const Lines *L, int m, int start, int stop, bool anchors)
{
    Buf text = {0};
    for (int i = 0; i < L->n; i++) {
        if (i)
            buf_addc(&text, '\n');
        if (L->len[i] > m)
            buf_add(&text, L->p[i] + m, (size_t)(L->len[i] - m));
    }
    Ast ast = {0};
    bool bare = false;
    if (parse_text(I, buf_str(&text), text.len, &ast)) {
        int s = ast.n[ast.root].a;
        const Node *st = s >= 0 ? &ast.n[s] : NULL;
        int value = -1;
        if (st && st->kind == N_RETURN)
            value = st->a;
        else if (st && st->kind == N_ASSIGN && st->a >= 0 && ast.n[st->a].next < 0 && ast.n[st->a].kind == N_NAME)
            value = st->b;
        if (value >= 0 && ast.n[value].kind == N_CALL && ast.n[ast.n[value].a].kind == N_NAME) {
            const Node *v = &ast.n[value], *f = &ast.n[v->a]; /* a call's node starts at its '(' */
            bare = f->line == 1 && v->end_line == L->n && f->col == start && v->end_col == stop;
        }
        ast_fini(&ast);
    }
    buf_fini(&text);
    if (bare)
        return false;
    if (anchors)
        return true;
    const char *first = L->p[0] + m;
    for (int k = 0; k < start; k++)
        if (!isspace((unsigned char)first[k]))
            return true;
    return L->len[L->n - 1] - m > stop;
}

bool tb_lines_313(PyRun *I, int line, const PyPos *pos, Buf *out)
{
    Lines L;
    if (pos->end_line <= line || !read_lines(I, line, pos->end_line, &L))
        return false;
    int m = margin(&L);
    for (int i = 0; i < L.n; i++)
        if (L.len[i] > 0 && L.len[i] < m)
            return false;
    int start = pos->col - m, stop = pos->end - m;
    if (start < 0 || stop < 0 || L.len[0] <= m)
        return false;
    /* the dedented lines, and the segment the expression spans */
    Seg g = {.n = L.n};
    for (int i = 0; i < L.n; i++) {
        g.p[i] = L.p[i] + (L.len[i] > m ? m : L.len[i]) + (i == 0 ? start : 0);
        g.len[i] = (L.len[i] > m ? L.len[i] - m : 0) - (i == 0 ? start : 0);
    }
    if (g.len[0] < 0 || stop > (L.len[L.n - 1] > m ? L.len[L.n - 1] - m : 0))
        return false;
    g.len[L.n - 1] = stop - (L.n == 1 ? start : 0);
    Buf segment = {0};
    for (int i = 0; i < g.n; i++) {
        if (i)
            buf_addc(&segment, '\n');
        buf_add(&segment, g.p[i], (size_t)g.len[i]);
    }
    Anchors a = {0, 0, 0, 0};
    bool anchored = find_anchors(I, &g, buf_str(&segment), segment.len, &a);
    buf_fini(&segment);
    bool carets = show_carets(I, &L, m, start, stop, anchored);
    if (anchored) {
        if (a.left_line == 0)
            a.left_col += start;
        if (a.right_line == 0)
            a.right_col += start;
    }
    bool sig[MAX_LINES] = {false};
    sig[0] = sig[L.n - 1] = true;
    for (int d = -1; anchored && d <= 1; d++) {
        if (a.left_line + d >= 0 && a.left_line + d < L.n)
            sig[a.left_line + d] = true;
        if (a.right_line + d >= 0 && a.right_line + d < L.n)
            sig[a.right_line + d] = true;
    }
    /* the block, then dedented once more as a whole and indented by four */
    Buf block = {0};
    int last = -1;
    for (int i = 0; i < L.n; i++) {
        if (!sig[i])
            continue;
        if (last >= 0 && i - last == 2)
            sig[i - 1] = true;
        last = i;
    }
    last = -1;
    for (int i = 0; i < L.n; i++) {
        if (!sig[i])
            continue;
        if (last >= 0 && i - last > 2)
            buf_printf(&block, "...<%d lines>...\n", i - last - 1);
        last = i;
        const char *text = L.p[i] + (L.len[i] > m ? m : L.len[i]);
        int len = L.len[i] > m ? L.len[i] - m : 0;
        buf_add(&block, text, (size_t)len);
        buf_addc(&block, '\n');
        if (!carets)
            continue;
        int spaces = indent_of(text, len), n = i == L.n - 1 ? stop : len;
        for (int col = 0; col < n; col++) {
            char c;
            if (((unsigned char)text[col] & 0xC0) == 0x80)
                continue; /* UTF-8 offsets: one mark per character */
            if (col < spaces || (i == 0 && col < start))
                c = ' ';
            else if (!anchored)
                c = '^';
            else if ((i > a.left_line || (i == a.left_line && col >= a.left_col)) &&
                     (i < a.right_line || (i == a.right_line && col < a.right_col)))
                c = '^';
            else
                c = '~';
            buf_addc(&block, c);
        }
        buf_addc(&block, '\n');
    }
    /* textwrap.dedent over lines and carets, then textwrap.indent */
    const char *b = buf_str(&block);
    int common = -1;
    for (const char *p = b; *p;) {
        const char *e = strchr(p, '\n');
        int len = (int)(e - p), k = indent_of(p, len);
        if (k < len && (common < 0 || k < common))
            common = k;
        p = e + 1;
    }
    for (const char *p = b; *p;) {
        const char *e = strchr(p, '\n');
        int len = (int)(e - p), k = indent_of(p, len);
        buf_adds(out, "    ");
        if (k < len)
            buf_add(out, p + common, (size_t)(len - common));
        buf_addc(out, '\n');
        p = e + 1;
    }
    buf_fini(&block);
    return true;
}
