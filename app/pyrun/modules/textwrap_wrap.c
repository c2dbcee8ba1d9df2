/*
 * textwrap_wrap: textwrap.wrap, fill and shorten as Lib/textwrap.py's
 * TextWrapper computes them (the same code in 3.11, 3.12 and 3.13), on
 * the text's code points: _munge_whitespace (str.expandtabs, then each of
 * textwrap's six whitespace characters made a space), _split (wordsep_re's
 * chunks, followed here by hand: every position starts a match of it, so
 * the split is the list of its matches; wordsep_simple_re's when
 * break_on_hyphens is not True), _fix_sentence_endings, _wrap_chunks and
 * _handle_long_word line for line, max_lines and the placeholder
 * included.  The regex's \w and \d are Unicode's (the profile's
 * database).  The TextWrapper object, the chunk lists and the Python
 * frames are not replayed: the young count and the traced figures are
 * refused after a call (tw_python_level).
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/modules/textwrap_int.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"
#include "pyrun/types/unicode_db.h"

#define S (I->sim)

/* ---- code point strings ------------------------------------------------------ */

typedef struct Cps {
    uint32_t *p;
    size_t n, cap;
} Cps;

static void cps_put(Cps *c, const uint32_t *p, size_t n)
{
    if (c->n + n + 1 > c->cap) {
        c->cap = (c->n + n + 1) * 2;
        c->p = realloc(c->p, c->cap * sizeof *c->p);
    }
    if (n)
        memcpy(c->p + c->n, p, n * sizeof *p);
    c->n += n;
}

static Cps cps_of(const uint32_t *p, size_t n)
{
    Cps c = {0};
    cps_put(&c, p, n);
    return c;
}

/* str.strip() == '' (Unicode whitespace) */
static bool all_space(const Cps *c)
{
    for (size_t i = 0; i < c->n; i++)
        if (!str_cp_space(c->p[i]))
            return false;
    return true;
}

/* ---- the options: TextWrapper.__init__'s parameters ----------------------------- */

typedef struct Opts {
    int64_t width, tabsize, max_lines;
    bool has_max, expand_tabs, replace_ws, fix_endings, break_long, drop_ws, hyphens;
    Cps initial, subsequent, placeholder;
} Opts;

static const char *const wrapper_kw[] = {"width", "initial_indent", "subsequent_indent", "expand_tabs",
                                         "replace_whitespace", "fix_sentence_endings", "break_long_words",
                                         "drop_whitespace", "break_on_hyphens", "tabsize", "max_lines", "placeholder"};
enum { NWK = sizeof wrapper_kw / sizeof wrapper_kw[0] };

static bool str_opt(PyRun *I, SimId v, const char *name, Cps *out)
{
    if (sim_kind(S, v) != SK_STR || sim_is_subinst(S, v))
        return py_not_modelled(I, 0, "textwrap's %s given as a %s", name, op_typename(I, v));
    size_t n;
    uint32_t *cp = str_decode(I, v, &n);
    *out = cps_of(cp, n);
    free(cp);
    return true;
}

static bool int_opt(PyRun *I, SimId v, const char *name, int64_t *out)
{
    SimKind k = sim_kind(S, v);
    if ((k != SK_INT && k != SK_BOOL) || sim_is_subinst(S, v))
        return py_not_modelled(I, 0, "textwrap's %s given as a %s", name, op_typename(I, v));
    return bi_int_arg(I, v, out);
}

static bool flag_opt(PyRun *I, SimId v, bool *out)
{
    int t = op_truth(I, v);
    *out = t > 0;
    return t >= 0;
}

static void opts_free(Opts *o)
{
    free(o->initial.p);
    free(o->subsequent.p);
    free(o->placeholder.p);
}

/* TextWrapper(width=width, **kwargs) with `fn`'s own parameters taken out
 * (wrap's and fill's text and width; shorten's, and max_lines=1) */
static bool opts_read(PyRun *I, Opts *o, SimId width, SimId *a, int nargs, SimId kw, bool shorten)
{
    static const uint32_t dots[] = {' ', '[', '.', '.', '.', ']'};
    *o = (Opts){.width = 70, .tabsize = 8, .expand_tabs = true, .replace_ws = true, .break_long = true,
                .drop_ws = true, .hyphens = true, .has_max = shorten, .max_lines = 1};
    o->placeholder = cps_of(dots, 6);
    o->initial = cps_of(dots, 0);
    o->subsequent = cps_of(dots, 0);
    if (width && !int_opt(I, width, "width", &o->width))
        return false;
    int nk = kw ? (int)sim_obj(S, kw)->len : 0;
    for (int i = 0; i < nk; i++) {
        size_t n;
        const char *w = sim_str_data(S, sim_items(S, kw)[i], &n);
        SimId v = a[nargs - nk + i];
        int which = -1;
        for (int j = 0; j < NWK && which < 0; j++)
            if (strlen(wrapper_kw[j]) == n && memcmp(wrapper_kw[j], w, n) == 0)
                which = j;
        if ((n == 4 && memcmp(w, "text", 4) == 0) || which == 0)
            continue; /* the function's own parameters */
        if (which < 0) {
            if (S->prof->version > SIM_V312) /* 3.13 adds a "Did you mean" the model does not compute */
                return py_not_modelled(I, 0, "an unexpected keyword argument to textwrap's TextWrapper (3.13's "
                                             "suggestion)");
            py_raise(I, EXC_TypeError, "TextWrapper.__init__() got an unexpected keyword argument '%.*s'", (int)n, w);
            return false;
        }
        if (which == 10 && shorten) {
            py_raise(I, EXC_TypeError, "textwrap.TextWrapper() got multiple values for keyword argument 'max_lines'");
            return false;
        }
        bool ok = true;
        switch (which) {
        case 1: free(o->initial.p), ok = str_opt(I, v, "initial_indent", &o->initial); break;
        case 2: free(o->subsequent.p), ok = str_opt(I, v, "subsequent_indent", &o->subsequent); break;
        case 3: ok = flag_opt(I, v, &o->expand_tabs); break;
        case 4: ok = flag_opt(I, v, &o->replace_ws); break;
        case 5: ok = flag_opt(I, v, &o->fix_endings); break;
        case 6: ok = flag_opt(I, v, &o->break_long); break;
        case 7: ok = flag_opt(I, v, &o->drop_ws); break;
        case 8: o->hyphens = v == S->true_; break; /* `self.break_on_hyphens is True` */
        case 9: ok = int_opt(I, v, "tabsize", &o->tabsize); break;
        case 10:
            o->has_max = sim_kind(S, v) != SK_NONE;
            ok = !o->has_max || int_opt(I, v, "max_lines", &o->max_lines);
            break;
        default: free(o->placeholder.p), ok = str_opt(I, v, "placeholder", &o->placeholder); break;
        }
        if (!ok) {
            if (which <= 2 || which == 11) /* str_opt failed before it filled the field */
                (which == 1 ? &o->initial : which == 2 ? &o->subsequent : &o->placeholder)->p = NULL;
            return false;
        }
    }
    return true;
}

/* ---- _munge_whitespace and _split --------------------------------------------------- */

static bool tw_space(uint32_t c) { return c == '\t' || c == '\n' || c == 0x0b || c == 0x0c || c == '\r' || c == ' '; }

static int ucd(PyRun *I) { return S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2; }

/* re's \w and \d on a str pattern */
static bool re_word(PyRun *I, uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return uc_lookup(ucd(I), c)->flags & (UC_ALPHA | UC_DECIMAL | UC_DIGIT | UC_NUMERIC);
}

static bool re_digit(PyRun *I, uint32_t c)
{
    return c < 0x80 ? c >= '0' && c <= '9' : (uc_lookup(ucd(I), c)->flags & UC_DECIMAL) != 0;
}

typedef struct Text {
    const uint32_t *p;
    size_t n;
} Text;

static uint32_t at(Text t, size_t i) { return i < t.n ? t.p[i] : 0; }
static bool in_set(uint32_t c, const char *set) { return c && c < 0x80 && strchr(set, (int)c); }
/* letter = [^\d\W] and word_punct = [\w!"'&.,?], at index i (out of range: no) */
static bool letter(PyRun *I, Text t, int64_t i)
{
    return i >= 0 && (size_t)i < t.n && re_word(I, t.p[i]) && !re_digit(I, t.p[i]);
}
static bool wpunct(PyRun *I, Text t, int64_t i)
{
    return i >= 0 && (size_t)i < t.n && (re_word(I, t.p[i]) || in_set(t.p[i], "!\"'&.,?"));
}

/* -{2,}\w at i: a run of two dashes or more, then a word character */
static bool dashes_then_word(PyRun *I, Text t, size_t i)
{
    size_t e = i;
    while (e < t.n && t.p[e] == '-')
        e++;
    return e - i >= 2 && e < t.n && re_word(I, t.p[e]);
}

/* the end of wordsep_re's match at p (p < n) */
static size_t wordsep_match(PyRun *I, Text t, size_t p)
{
    size_t e = p;
    if (tw_space(t.p[p])) { /* %(ws)s+ */
        while (e < t.n && tw_space(t.p[e]))
            e++;
        return e;
    }
    if (t.p[p] == '-' && wpunct(I, t, (int64_t)p - 1) && dashes_then_word(I, t, p)) { /* an em-dash */
        while (t.p[e] == '-')
            e++;
        return e;
    }
    for (e = p + 1;; e++) { /* %(nws)s+? and what may follow it */
        int64_t x = (int64_t)e;
        if (at(t, e) == '-' && e < t.n &&
            ((letter(I, t, x - 2) && letter(I, t, x - 1)) ||
             (letter(I, t, x - 3) && at(t, e - 2) == '-' && letter(I, t, x - 1))) &&
            letter(I, t, x + 1) && (letter(I, t, x + 2) || (at(t, e + 2) == '-' && letter(I, t, x + 3))))
            return e + 1; /* a hyphenated word's part, its hyphen included */
        if (e == t.n || tw_space(t.p[e]))
            return e; /* the end of the word */
        if (wpunct(I, t, x - 1) && dashes_then_word(I, t, e))
            return e; /* before an em-dash */
    }
}

typedef struct Chunks {
    Cps *c;
    size_t n, cap;
} Chunks;

static void chunk_add(Chunks *ch, const uint32_t *p, size_t n)
{
    if (ch->n == ch->cap) {
        ch->cap = ch->cap ? ch->cap * 2 : 16;
        ch->c = realloc(ch->c, ch->cap * sizeof *ch->c);
    }
    ch->c[ch->n++] = cps_of(p, n);
}

static void chunks_free(Chunks *ch)
{
    for (size_t i = 0; i < ch->n; i++)
        free(ch->c[i].p);
    free(ch->c);
}

static Chunks split_chunks(PyRun *I, const Opts *o, const uint32_t *cp, size_t n)
{
    Cps m = {0}; /* _munge_whitespace */
    size_t col = 0;
    static const uint32_t space = ' ';
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        if (c == '\t' && o->expand_tabs) { /* str.expandtabs(tabsize) */
            if (o->tabsize > 0) {
                size_t k = (size_t)o->tabsize - col % (size_t)o->tabsize;
                for (size_t j = 0; j < k; j++)
                    cps_put(&m, &space, 1);
                col += k;
            }
            continue;
        }
        col = c == '\n' || c == '\r' ? 0 : col + 1;
        cps_put(&m, o->replace_ws && tw_space(c) ? &space : &c, 1);
    }
    Chunks ch = {0};
    Text t = {m.p, m.n};
    for (size_t p = 0; p < m.n;) {
        size_t e;
        if (o->hyphens) {
            e = wordsep_match(I, t, p);
        } else { /* wordsep_simple_re.split: the runs of whitespace and what lies between them */
            bool sp = tw_space(m.p[p]);
            for (e = p; e < m.n && tw_space(m.p[e]) == sp;)
                e++;
        }
        chunk_add(&ch, m.p + p, e - p);
        p = e;
    }
    free(m.p);
    if (o->fix_endings) /* _fix_sentence_endings: sentence_end_re is [a-z][.!?]["']?\Z */
        for (size_t i = 0; i + 1 < ch.n;) {
            Cps *c = &ch.c[i];
            size_t k = c->n;
            if (k && (c->p[k - 1] == '"' || c->p[k - 1] == '\''))
                k--;
            bool end = k >= 2 && in_set(c->p[k - 1], ".!?") && c->p[k - 2] >= 'a' && c->p[k - 2] <= 'z';
            if (ch.c[i + 1].n == 1 && ch.c[i + 1].p[0] == ' ' && end) {
                cps_put(&ch.c[i + 1], &space, 1);
                i += 2;
            } else {
                i++;
            }
        }
    return ch;
}

/* ---- _wrap_chunks ----------------------------------------------------------------- */

typedef struct Lines {
    Cps *l;
    size_t n, cap;
} Lines;

static void line_add(Lines *ls, const Cps *indent, const Cps *parts, size_t nparts)
{
    if (ls->n == ls->cap) {
        ls->cap = ls->cap ? ls->cap * 2 : 8;
        ls->l = realloc(ls->l, ls->cap * sizeof *ls->l);
    }
    Cps c = cps_of(indent->p, indent->n);
    for (size_t i = 0; i < nparts; i++)
        cps_put(&c, parts[i].p, parts[i].n);
    ls->l[ls->n++] = c;
}

static void lines_free(Lines *ls)
{
    for (size_t i = 0; i < ls->n; i++)
        free(ls->l[i].p);
    free(ls->l);
}

static size_t lstripped(const Cps *c)
{
    size_t i = 0;
    while (i < c->n && str_cp_space(c->p[i]))
        i++;
    return i;
}

/* _handle_long_word: the stack's top is ch->c[*next] */
static void long_word(const Opts *o, Chunks *ch, size_t *next, Cps *line, size_t *nline, size_t cur_len,
                      int64_t width)
{
    int64_t space_left = width < 1 ? 1 : width - (int64_t)cur_len;
    Cps *chunk = &ch->c[*next];
    if (o->break_long) {
        int64_t end = space_left;
        if (o->hyphens && (int64_t)chunk->n > space_left) { /* after the last hyphen with a non-hyphen before it */
            int64_t hyphen = -1;
            for (int64_t i = 0; i < space_left && i < (int64_t)chunk->n; i++)
                if (chunk->p[i] == '-')
                    hyphen = i;
            bool other = false;
            for (int64_t i = 0; i < hyphen && !other; i++)
                other = chunk->p[i] != '-';
            if (hyphen > 0 && other)
                end = hyphen + 1;
        }
        size_t cut = end < 0 ? 0 : (size_t)end > chunk->n ? chunk->n : (size_t)end;
        line[(*nline)++] = cps_of(chunk->p, cut);
        Cps rest = cps_of(chunk->p + cut, chunk->n - cut);
        free(chunk->p);
        *chunk = rest;
    } else if (*nline == 0) {
        line[(*nline)++] = *chunk;
        chunk->p = NULL;
        (*next)++;
    }
}

/* the lines, or false with ValueError raised */
static bool wrap_chunks(PyRun *I, const Opts *o, Chunks *ch, Lines *ls)
{
    if (o->width <= 0) {
        py_raise(I, EXC_ValueError, "invalid width %lld (must be > 0)", (long long)o->width);
        return false;
    }
    if (o->has_max) {
        const Cps *indent = o->max_lines > 1 ? &o->subsequent : &o->initial;
        if ((int64_t)(indent->n + o->placeholder.n - lstripped(&o->placeholder)) > o->width) {
            py_raise(I, EXC_ValueError, "placeholder too large for max width");
            return false;
        }
    }
    size_t next = 0;
    Cps *line = malloc((ch->n + 2) * sizeof *line);
    while (next < ch->n) {
        size_t nline = 0, cur_len = 0, was_next = next, was_len = ch->c[next].n;
        const Cps *indent = ls->n ? &o->subsequent : &o->initial;
        int64_t width = o->width - (int64_t)indent->n;
        if (o->drop_ws && all_space(&ch->c[next]) && ls->n)
            next++;
        while (next < ch->n && (int64_t)(cur_len + ch->c[next].n) <= width) {
            cur_len += ch->c[next].n;
            line[nline++] = ch->c[next];
            ch->c[next++].p = NULL;
        }
        if (next < ch->n && (int64_t)ch->c[next].n > width) {
            long_word(o, ch, &next, line, &nline, cur_len, width);
            cur_len = 0;
            for (size_t i = 0; i < nline; i++)
                cur_len += line[i].n;
        }
        if (o->drop_ws && nline && all_space(&line[nline - 1])) {
            cur_len -= line[nline - 1].n;
            free(line[--nline].p);
        }
        if (next == was_next && ch->c[next].n == was_len && (!o->has_max || o->max_lines > 10000)) {
            for (size_t i = 0; i < nline; i++) /* an empty piece of a long word, over and over: */
                free(line[i].p);            /* CPython's loop never ends */
            free(line);
            return py_not_modelled(I, 0, "a textwrap call that never returns in CPython (an indent as wide as "
                                         "the width and a long word)");
        }
        if (!nline)
            continue;
        size_t left = ch->n - next;
        if (!o->has_max || (int64_t)ls->n + 1 < o->max_lines ||
            ((!left || (o->drop_ws && left == 1 && all_space(&ch->c[ch->n - 1]))) && (int64_t)cur_len <= width)) {
            line_add(ls, indent, line, nline);
        } else {
            bool placed = false;
            while (nline && !placed) {
                if (!all_space(&line[nline - 1]) && (int64_t)(cur_len + o->placeholder.n) <= width) {
                    line[nline++] = o->placeholder;
                    line_add(ls, indent, line, nline);
                    nline--; /* the placeholder is the options' */
                    placed = true;
                    break;
                }
                cur_len -= line[nline - 1].n;
                free(line[--nline].p);
            }
            if (!placed) {
                Cps *prev = ls->n ? &ls->l[ls->n - 1] : NULL;
                size_t pn = prev ? prev->n : 0;
                while (prev && pn && str_cp_space(prev->p[pn - 1]))
                    pn--;
                if (prev && (int64_t)(pn + o->placeholder.n) <= o->width) {
                    prev->n = pn;
                    cps_put(prev, o->placeholder.p, o->placeholder.n);
                } else {
                    size_t k = lstripped(&o->placeholder);
                    Cps ph = {o->placeholder.p + k, o->placeholder.n - k, 0};
                    line_add(ls, indent, &ph, 1);
                }
            }
            for (size_t i = 0; i < nline; i++)
                free(line[i].p);
            break;
        }
        for (size_t i = 0; i < nline; i++)
            free(line[i].p);
    }
    free(line);
    return true;
}

/* ---- the functions ------------------------------------------------------------------ */

/* wrap(text, width=70, **kwargs)'s lines (false: raised or refused) */
static bool wrap_text(PyRun *I, const char *fn, SimId *a, int nargs, SimId kw, bool shorten, Lines *ls)
{
    static const char *const names[] = {"text", "width"};
    SimId v[2];
    if (!tw_py_args(I, fn, a, nargs, kw, names, 2, shorten ? 2 : 1, v))
        return false;
    Opts o;
    if (!opts_read(I, &o, v[1], a, nargs, kw, shorten)) {
        opts_free(&o);
        return false;
    }
    if (sim_kind(S, v[0]) != SK_STR || sim_is_subinst(S, v[0])) {
        opts_free(&o);
        return py_not_modelled(I, 0, "textwrap.%s() of a %s", fn, op_typename(I, v[0]));
    }
    tw_python_level(I, shorten ? "textwrap.shorten() (Lib/textwrap.py's TextWrapper)"
                               : "textwrap.wrap() (Lib/textwrap.py's TextWrapper)");
    size_t n;
    uint32_t *cp = str_decode(I, v[0], &n);
    if (shorten) { /* ' '.join(text.strip().split()) */
        size_t m = 0;
        for (size_t i = 0; i < n;) {
            while (i < n && str_cp_space(cp[i]))
                i++;
            if (i < n && m)
                cp[m++] = ' ';
            while (i < n && !str_cp_space(cp[i]))
                cp[m++] = cp[i++];
        }
        n = m;
    }
    Chunks ch = split_chunks(I, &o, cp, n);
    free(cp);
    *ls = (Lines){0};
    bool ok = wrap_chunks(I, &o, &ch, ls);
    chunks_free(&ch);
    opts_free(&o);
    if (!ok)
        lines_free(ls);
    return ok;
}

SimId tw_wrap(PyRun *I, SimId *a, int nargs, SimId kw)
{
    Lines ls;
    if (!wrap_text(I, "wrap", a, nargs, kw, false, &ls))
        return 0;
    SimId list = sim_list(S, 0); /* lines = [], then lines.append(...) */
    for (size_t i = 0; i < ls.n; i++)
        sim_list_append(S, list, str_encode(I, ls.l[i].p, ls.l[i].n, false));
    lines_free(&ls);
    return list;
}

/* "\n".join(lines): '' for none, the line itself for one */
static SimId joined(PyRun *I, Lines *ls)
{
    Cps all = {0};
    static const uint32_t nl = '\n';
    for (size_t i = 0; i < ls->n; i++) {
        if (i)
            cps_put(&all, &nl, 1);
        cps_put(&all, ls->l[i].p, ls->l[i].n);
    }
    SimId r = str_encode(I, all.p, all.n, false);
    free(all.p);
    lines_free(ls);
    return r;
}

SimId tw_fill(PyRun *I, SimId *a, int nargs, SimId kw)
{
    Lines ls;
    return wrap_text(I, "fill", a, nargs, kw, false, &ls) ? joined(I, &ls) : 0;
}

SimId tw_shorten(PyRun *I, SimId *a, int nargs, SimId kw)
{
    Lines ls;
    return wrap_text(I, "shorten", a, nargs, kw, true, &ls) ? joined(I, &ls) : 0;
}
