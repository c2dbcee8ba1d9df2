/*
 * traceback: writing to the output streams; traceback objects made as an
 * exception passes each frame (PyTraceBack_Here) and the frame objects
 * they keep, which take a frame's locals over when it ends while still
 * referenced (take_ownership); CPython-style printing of an exception with
 * its chain (cause, context) and the source line of each frame.
 */
#include <stdio.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"
#include "pyrun/modules/asyncio.h"
#include "pyrun/types/types.h"

#define S (I->sim)

void py_write(PyRun *I, int stream, const char *text, size_t n)
{
    if (I->out)
        I->out(I->out_ctx, stream, text, n);
}

static void source_line(PyRun *I, int line, Buf *out)
{
    const char *p = I->src, *end = I->src + I->srclen;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *e = p;
    while (e < end && *e != '\n')
        e++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
        e--;
    if (e > p)
        buf_printf(out, "    %.*s\n", (int)(e - p), p);
}

/* 3.11+: the line under the source line that marks the failing expression,
 * '^' on its anchor and '~' around it; none when it would be all '^' over
 * the whole line (CPython's _should_show_carets). */
static void carets(PyRun *I, int line, const PyPos *pos, Buf *out)
{
    if (pos->end <= pos->col && pos->end != -1)
        return;
    const char *p = I->src, *end = I->src + I->srclen;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    const char *e = p;
    while (e < end && *e != '\n')
        e++;
    int len = (int)(e - p);
    while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\r'))
        len--;
    int indent = 0;
    while (indent < len && (p[indent] == ' ' || p[indent] == '\t'))
        indent++;
    int stop = pos->end == -1 ? len : pos->end; /* -1: to the line's end */
    if (stop > len || pos->col < indent || stop <= pos->col)
        return;
    bool anchored = pos->end != -1 && (pos->anchor > pos->col || pos->anchor_end < pos->end);
    if (!anchored && pos->col == indent && stop == len)
        return;
    /* the offsets are UTF-8 bytes; one mark per character (_byte_offset_to_character_offset) */
    buf_adds(out, "    ");
    for (int k = indent; k < pos->col; k++)
        if (((unsigned char)p[k] & 0xC0) != 0x80)
            buf_addc(out, ' ');
    for (int k = pos->col; k < stop; k++)
        if (((unsigned char)p[k] & 0xC0) != 0x80)
            buf_addc(out, !anchored || (k >= pos->anchor && k < pos->anchor_end) ? '^' : '~');
    buf_addc(out, '\n');
}

/* ---- traceback and frame objects ------------------------------------ */

/* A list, set or dict comprehension on 3.12+ runs inside its enclosing
 * frame (PEP 709): the model's frame for it has no frame object nor
 * traceback entry of its own. */
static bool inlined(PyRun *I, const Frame *f)
{
    const PyCode *co = &I->codes[f->code];
    return S->prof->version >= SIM_V312 && co->kind == CODE_COMP && !co->is_gen;
}

SimId tb_frame_object(PyRun *I, int i)
{
    SIM_ASSERT(i >= 0 && i < I->ts->nframes);
    while (i > 0 && inlined(I, py_thread_frame(I->ts, i)))
        i--;
    Frame *f = py_thread_frame(I->ts, i);
    if (f->fobj)
        return f->fobj;
    /* _PyFrame_GetFrameObject: made on first use, untracked; its size
     * counts co_nlocalsplus + co_stacksize */
    const PyCode *co = &I->codes[f->code];
    bool known = co->framesize_known && co->framesize > 0;
    f->fobj = sim_frame_new(S, (uint32_t)(known ? co->framesize : co->nslots + 4));
    SIM_V(S, f->fobj, SK_FRAME, frame.code) = f->code + 1; /* for f_code */
    if (!known) { /* its size is the model's guess: refused where it shows */
        sim_obj(S, f->fobj)->flags |= SIM_F_SPECIAL;
        I->guessed_sizes++;
    }
    return f->fobj;
}

/* the instruction that raised: the one fetched last, and its line */
static uint32_t raised_at(PyRun *I, const Frame *f, int *line)
{
    uint32_t lasti = f->ip > 0 ? f->ip - 1 : 0;
    const PyCode *co = &I->codes[f->code];
    *line = lasti < co->nops && co->lines[lasti] > f->line ? co->lines[lasti] : f->line;
    return lasti;
}

bool tb_here(PyRun *I, Frame *f)
{
    int index = py_thread_frame_index(I->ts, f);
    if (inlined(I, f)) { /* the enclosing frame gets the entry, at this instruction */
        int outer = index;
        while (outer > 0 && inlined(I, py_thread_frame(I->ts, outer)))
            outer--;
        if (I->ts->inl_frame != outer + 1) { /* the innermost comprehension's instruction */
            I->ts->inl_frame = outer + 1;
            I->ts->inl_code = f->code;
            I->ts->inl_lasti = raised_at(I, f, &I->ts->inl_line);
        }
        return true;
    }
    SimId fo = tb_frame_object(I, index);
    SimId e = exc_instance(I);
    SimId next = sim_exc_get(S, e, SIM_EXC_TRACEBACK);
    if (next)
        sim_incref(S, next);
    sim_incref(S, fo);
    int line;
    uint32_t lasti = raised_at(I, f, &line), code = f->code;
    if (I->ts->inl_frame == index + 1) { /* the inlined comprehension's place: its code for the
                                          * position, the frame object's for the name */
        code = I->ts->inl_code, lasti = I->ts->inl_lasti, line = I->ts->inl_line;
    }
    I->ts->inl_frame = 0;
    if (I->err_library_tb) /* the entry of the line that called into the library */
        lasti |= TB_LASTI_LIBRARY | (uint32_t)I->err_library_kind << 24, I->err_library_tb = false;
    SimId tb = sim_traceback_new(S, next, fo, code, line, lasti);
    sim_exc_set(S, e, SIM_EXC_TRACEBACK, tb);
    sim_decref(S, e);
    return true;
}

void tb_frame_end(PyRun *I, Frame *f)
{
    SimId fo = f->fobj;
    if (!fo)
        return;
    f->fobj = 0;
    sim_timing_seen_refcount(S); /* garbage may hold the frame until the pin */
    if (sim_obj(S, fo)->refcnt > 1) { /* take_ownership: the object keeps the locals */
        uint32_t n = (uint32_t)I->codes[f->code].nslots;
        while (f->sp > f->base + n) {
            SimId v = I->ts->stack[--f->sp];
            I->ts->stack[f->sp] = 0;
            sim_xdecref(S, v);
        }
        int i = py_thread_frame_index(I->ts, f);
        /* f_back: the caller's frame object, made now if need be; a
         * generator's frame is unlinked from its caller first */
        SimId back = i > 0 && f->kind != FR_GEN ? tb_frame_object(I, i - 1) : 0;
        if (back)
            sim_incref(S, back);
        uint32_t own = n;
        if (f->flocals) { /* 3.11/3.12's f_locals goes with the slots (owned after them) */
            I->ts->stack[f->base + own++] = f->flocals;
            f->flocals = 0;
        }
        if (sim_frame_take(S, fo, &I->ts->stack[f->base], own, f->func, back)) {
            for (uint32_t k = 0; k < own; k++)
                I->ts->stack[f->base + k] = 0;
            f->func = 0;
        } else {
            if (own > n) { /* not taken: f_locals stays the frame's */
                f->flocals = I->ts->stack[f->base + n];
                I->ts->stack[f->base + n] = 0;
            }
            sim_xdecref(S, back);
        }
    }
    sim_decref(S, fo);
}

/* ---- printing --------------------------------------------------------- */

#define CHAIN_MAX 64
#define GROUP_WIDTH 15 /* max_group_width: the exceptions of a group shown */
#define GROUP_DEPTH 10 /* max_group_depth */

/* exception_print_context: the depth in groups (each level indents its
 * lines by two and marks them "| "), whether a group's closing line is
 * still owed, the exceptions already shown */
typedef struct PrintCtx {
    const TbLibEntry *pre; /* the library's entries of the reported exception, top */
    int npre;
    SimId top;
    const TbLibEntry *mid; /* the library's entries after the flagged entry of exception mid_at */
    int nmid;
    SimId mid_at;
    bool mid_here;         /* print_one is printing mid_at */
    int depth;
    bool need_close;
    SimId seen[CHAIN_MAX];
    int nseen;
    TbModule *m; /* the traceback module's rendering (Lib/traceback.py), or NULL */
} PrintCtx;

/* the traceback module's pieces: one ends here */
static void cut(PrintCtx *c, const Buf *out)
{
    if (!c || !c->m)
        return;
    TbModule *m = c->m;
    if (m->ncuts == m->capcuts) {
        m->capcuts = m->capcuts ? 2 * m->capcuts : 16;
        m->cuts = xrealloc(m->cuts, (size_t)m->capcuts * sizeof *m->cuts);
    }
    m->cuts[m->ncuts++] = out->len;
}

/* the module's refusal (the first one wins); false */
static bool module_refuse(PrintCtx *c, const char *why)
{
    if (!c->m->refused)
        c->m->refused = why;
    return false;
}



#define TB_LIMIT 1000          /* 3.11, 3.12's PyTraceBack_LIMIT: the innermost entries only (3.13's
                                * traceback module shows them all; tracebacks r80) */
#define TB_RECURSIVE_CUTOFF 3  /* the same line more often is counted, not shown */

static void print_repeated(Buf *out, long cnt)
{
    cnt -= TB_RECURSIVE_CUTOFF;
    buf_printf(out, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
}

static bool ascii_line(PyRun *I, int line)
{
    const char *p = I->src, *end = I->src + I->srclen;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    for (; p < end && *p != '\n'; p++)
        if ((unsigned char)*p >= 0x80)
            return false;
    return true;
}

/* a library's entries (TbLibEntry), with their caret lines */
static void lib_entries(PyRun *I, const TbLibEntry *e, int n, Buf *out)
{
    for (int i = 0; i < n; i++) {
        buf_printf(out, "  File \"%s\", line %d, in %s\n    %s\n", e[i].file, e[i].line, e[i].func, e[i].source);
        const char *marks = S->prof->version >= SIM_V313 ? e[i].marks313 : e[i].marks311;
        if (marks)
            buf_printf(out, "    %s\n", marks);
    }
}

/* tb_print_internal: the entries from the outermost frame in (the
 * library's `pre` first); for the traceback module (c->m, no `pre`)
 * StackSummary.extract and format: every entry (no PyTraceBack_LIMIT), the
 * first `limit` (the last -limit when negative), no header when none is
 * left */
static bool print_tb(PyRun *I, SimId tb, const TbLibEntry *pre, int npre, const char *header, PrintCtx *c,
                     Buf *out)
{
    TbModule *m = c ? c->m : NULL;
    if (!tb && !npre)
        return true;
    long depth = npre, cnt = 0, shown = -1;
    for (SimId t = tb; t; t = sim_obj(S, t)->v.tb.next)
        depth++;
    for (; npre && depth > TB_LIMIT && !m && S->prof->version < SIM_V313; depth--)
        pre++, npre--;
    for (; tb && depth > TB_LIMIT && !m && S->prof->version < SIM_V313; depth--)
        tb = sim_obj(S, tb)->v.tb.next;
    if (m && m->limited) {
        for (; tb && m->limit < 0 && depth > -m->limit; depth--)
            tb = sim_obj(S, tb)->v.tb.next;
        shown = m->limit < 0 ? depth : m->limit;
        if (shown == 0)
            return true;
    }
    if (header) {
        buf_printf(out, "%s (most recent call last):\n", header);
        cut(c, out);
    }
    lib_entries(I, pre, npre, out);
    SimId last_name = 0;
    uint32_t last_line = 0;
    for (; tb && shown != 0; tb = sim_obj(S, tb)->v.tb.next, shown -= shown > 0) {
        const SimObj *o = sim_obj(S, tb);
        if (m && (o->v.tb.lasti & TB_LASTI_LIBRARY))
            return module_refuse(c, "the frames of a library CPython writes in Python");
        if (m && S->prof->version < SIM_V313 && !ascii_line(I, (int)o->len))
            return module_refuse(c, "a source line with non-ASCII text (its carets count display widths)");
        SimId fo = o->v.tb.frame; /* its frame's code names it (an inlined comprehension's entry
                                   * keeps the comprehension's code for the position) */
        uint32_t fc = fo && sim_kind(S, fo) == SK_FRAME ? SIM_V(S, fo, SK_FRAME, frame.code) : 0;
        SimId name = I->codes[fc ? fc - 1 : o->cap].name;
        if (!last_name || o->len != last_line || !sim_equal(S, name, last_name)) {
            if (cnt > TB_RECURSIVE_CUTOFF) {
                print_repeated(out, cnt);
                cut(c, out);
            }
            last_name = name, last_line = o->len, cnt = 0;
        }
        if (++cnt > TB_RECURSIVE_CUTOFF)
            continue;
        size_t n;
        const char *nm = sim_str_data(S, name, &n);
        buf_printf(out, "  File \"%s\", line %u, in %.*s\n", I->filename, o->len, (int)n, nm);
        const PyCode *co = &I->codes[o->cap];
        uint32_t lasti = o->v.tb.lasti & TB_LASTI_MASK;
        const PyPos *pos = lasti < co->nops && co->lines[lasti] == (int)o->len ? &co->pos[lasti] : NULL;
        if (!(pos && pos->end_line && tb_lines_313(I, (int)o->len, pos, out))) {
            source_line(I, (int)o->len, out);
            if (pos && !pos->end_line)
                carets(I, (int)o->len, pos, out);
        }
        cut(c, out);
        if (c && c->mid_here && (o->v.tb.lasti & TB_LASTI_LIBRARY) && !TB_LASTI_KIND(o->v.tb.lasti)) {
            lib_entries(I, c->mid, c->nmid, out); /* the library's frames, once */
            c->mid_here = false;
        } else if ((o->v.tb.lasti & TB_LASTI_LIBRARY) && TB_LASTI_KIND(o->v.tb.lasti)) {
            TbLibEntry k[2]; /* the frames of a coroutine of asyncio's that the model knows */
            lib_entries(I, k, asyncio_tb_kind(I, (int)TB_LASTI_KIND(o->v.tb.lasti), k), out);
        }
    }
    if (cnt > TB_RECURSIVE_CUTOFF) {
        print_repeated(out, cnt);
        cut(c, out);
    }
    return true;
}

/* The traceback module's "Did you mean" (3.12+, _compute_suggestion_error
 * at format time; 3.11's module has none): an AttributeError's from its
 * obj and name; a NameError's from the locals, globals and builtins of its
 * innermost frame, known here while that frame is the running one.  False
 * (refused) where the model cannot tell. */
static bool module_hint(PyRun *I, SimId e, PrintCtx *c, char *hint, size_t cap)
{
    hint[0] = 0;
    if (S->prof->version < SIM_V312)
        return true;
    ExcType t = exc_builtin_base(I, sim_obj(S, e)->type);
    bool attr = exc_type_extends(t, EXC_AttributeError), name = exc_type_extends(t, EXC_NameError);
    if (!attr && !name && !exc_type_extends(t, EXC_ImportError))
        return true;
    bool found = false;
    SimId nm = exc_attr(I, e, attr || name ? "name" : "name_from", &found);
    if (!nm) /* no such field: no suggestion */
        return true;
    bool ok = true;
    if (sim_kind(S, nm) != SK_STR) {
        ok = sim_kind(S, nm) == SK_NONE || module_refuse(c, "an exception whose name is not a str");
        sim_decref(S, nm);
        return ok;
    }
    char saved[sizeof I->ts->err.hint];
    memcpy(saved, I->ts->err.hint, sizeof saved);
    I->ts->err.hint[0] = 0;
    if (attr) {
        SimId obj = exc_attr(I, e, "obj", &found);
        if (obj && sim_kind(S, obj) != SK_NONE)
            suggest_for_attr(I, obj, nm);
        else if (!obj || !found)
            ok = module_refuse(c, "the suggestion for an AttributeError without its obj");
        sim_xdecref(S, obj);
    } else if (name && c->m->no_tb) { /* no frame to look in */
    } else if (name) {
        SimId tb = sim_exc_get(S, e, SIM_EXC_TRACEBACK);
        while (tb && sim_obj(S, tb)->v.tb.next)
            tb = sim_obj(S, tb)->v.tb.next;
        if (tb && sim_obj(S, tb)->v.tb.frame == I->ts->top->fobj)
            suggest_for_name(I, nm);
        else
            ok = module_refuse(c, "the suggestion for a NameError raised in a frame that has ended");
    } else {
        ok = module_refuse(c, "the suggestion for an ImportError of `from ... import`");
    }
    snprintf(hint, cap, "%s", I->ts->err.hint);
    memcpy(I->ts->err.hint, saved, sizeof saved);
    sim_decref(S, nm);
    return ok;
}

/* a module's exception class: its module and a dot (asyncio.exceptions.),
 * as TracebackException names a class outside __main__ and builtins */
static void module_prefix(PyRun *I, SimId e, Buf *out)
{
    SimId t = e ? sim_obj(S, e)->type : 0;
    if (!t || sim_kind(S, t) != SK_TYPE || exc_is_builtin_type(I, t))
        return;
    SimId mod = sim_dict_get_str(S, SIM_V(S, t, SK_TYPE, type.dict), "__module__");
    size_t n = 0;
    const char *m = mod && sim_kind(S, mod) == SK_STR ? sim_str_data(S, mod, &n) : "";
    if (n && !(n == 8 && (memcmp(m, "__main__", 8) == 0 || memcmp(m, "builtins", 8) == 0)))
        buf_printf(out, "%.*s.", (int)n, m);
}

/* the last line: its class and str(e), then its notes */
static void print_value(PyRun *I, SimId e, bool pending, PrintCtx *c, Buf *out)
{
    char hint[sizeof I->ts->err.hint] = "";
    if (c->m && !module_hint(I, e, c, hint, sizeof hint))
        return;
    module_prefix(I, e, out);
    if (pending) {
        if (I->ts->err.msg[0])
            buf_printf(out, "%s: %s%s\n", I->ts->err.type, I->ts->err.msg, I->ts->err.hint);
        else
            buf_printf(out, "%s\n", I->ts->err.type);
    } else {
        Buf m = {0};
        bool ok = op_str(I, e, &m);
        if (!ok && c->m) {
            buf_fini(&m);
            module_refuse(c, "an exception whose str() fails");
            return;
        }
        buf_adds(out, sim_type_name(S, e));
        if (ok && m.len)
            buf_printf(out, ": %s", buf_str(&m));
        buf_printf(out, "%s\n", hint);
        buf_fini(&m);
    }
    cut(c, out);
    SimId d = sim_obj(S, e)->v.instance.dict;
    SimId notes = d ? sim_dict_get_str(S, d, "__notes__") : 0;
    if (notes && sim_kind(S, notes) != SK_LIST && c->m) {
        module_refuse(c, "__notes__ that is not a list");
        return;
    }
    if (notes && sim_kind(S, notes) == SK_LIST) {
        for (uint32_t i = 0; i < sim_obj(S, notes)->len; i++) {
            SimId note = sim_items(S, notes)[i];
            if (sim_kind(S, note) == SK_STR) {
                size_t n;
                const char *t = sim_str_data(S, note, &n);
                buf_printf(out, "%.*s\n", (int)n, t);
                cut(c, out);
            } else if (c->m) {
                module_refuse(c, "a note that is not a str");
                return;
            }
        }
    }
}

static void indent(const PrintCtx *c, Buf *out)
{
    for (int i = 0; i < 2 * c->depth; i++)
        buf_addc(out, ' ');
}

/* text's lines, each after the indent and margin (first_margin for the first) */
static void emit(const PrintCtx *c, Buf *out, const Buf *text, const char *first_margin)
{
    const char *p = buf_str(text), *end = p + text->len;
    for (bool first = true; p < end; first = false) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        indent(c, out);
        buf_adds(out, first && first_margin ? first_margin : c->depth ? "| " : "");
        buf_add(out, p, n);
        p += n;
    }
}

static void print_one(PyRun *I, SimId e, bool pending, PrintCtx *c, Buf *out)
{
    Buf t = {0};
    bool group = exc_is_group(I, e);
    if (c->m) { /* TracebackException.format: no groups, no margins */
        if (group)
            module_refuse(c, "an exception group");
        else if (exc_type_extends(exc_builtin_base(I, sim_obj(S, e)->type), EXC_SyntaxError))
            module_refuse(c, "a SyntaxError (its own lines)");
        else if (print_tb(I, sim_exc_get(S, e, SIM_EXC_TRACEBACK), NULL, 0, "Traceback", c, out))
            print_value(I, e, false, c, out);
        return;
    }
    int npre = e == c->top ? c->npre : 0;
    const TbLibEntry *pre = c->pre;
    TbLibEntry kpre[2]; /* the library's frames its traceback starts with, when the model knows them */
    int k = (int)EXC_PRE_KIND(sim_exc_get(S, e, SIM_EXC_SUPPRESS));
    if (!npre && k)
        pre = kpre, npre = asyncio_tb_kind(I, k, kpre);
    c->mid_here = c->nmid > 0 && e == c->mid_at;
    print_tb(I, sim_exc_get(S, e, SIM_EXC_TRACEBACK), pre, npre, group ? "Exception Group Traceback" : "Traceback",
             c, &t);
    size_t header = t.len ? (size_t)((const char *)memchr(buf_str(&t), '\n', t.len) - buf_str(&t)) + 1 : 0;
    Buf h = {0}, rest = {0};
    buf_add(&h, buf_str(&t), header);
    buf_add(&rest, buf_str(&t) + header, t.len - header);
    emit(c, out, &h, group && c->depth == 1 ? "+ " : NULL);
    emit(c, out, &rest, NULL);
    buf_fini(&rest);
    buf_fini(&h);
    buf_fini(&t);
    Buf v = {0};
    print_value(I, e, pending, c, &v);
    emit(c, out, &v, NULL);
    buf_fini(&v);
}

static void print_recursive(PyRun *I, SimId e, bool pending, PrintCtx *c, Buf *out);

/* print_exception_group: the group, then each of its exceptions framed */
static void print_group(PyRun *I, SimId e, bool pending, PrintCtx *c, Buf *out)
{
    if (c->depth > GROUP_DEPTH) {
        indent(c, out);
        buf_printf(out, "| ... (max_group_depth is %d)\n", GROUP_DEPTH);
        return;
    }
    if (c->depth == 0)
        c->depth++;
    print_one(I, e, pending, c, out);
    SimId excs = exc_group_excs(I, e);
    uint32_t num = sim_obj(S, excs)->len, n = num <= GROUP_WIDTH ? num : GROUP_WIDTH + 1;
    c->need_close = false;
    for (uint32_t i = 0; i < n; i++) {
        bool last = i == n - 1, truncated = i >= GROUP_WIDTH;
        if (last)
            c->need_close = true;
        indent(c, out);
        if (truncated)
            buf_printf(out, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        else
            buf_printf(out, "%s+---------------- %u ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        c->depth++;
        if (!truncated) {
            print_recursive(I, sim_items(S, excs)[i], false, c, out);
        } else {
            uint32_t left = num - GROUP_WIDTH;
            indent(c, out);
            buf_printf(out, "| and %u more exception%s\n", left, left > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            indent(c, out);
            buf_adds(out, "+------------------------------------\n");
            c->need_close = false;
        }
        c->depth--;
    }
    if (c->depth == 1)
        c->depth--;
}

/* print_exception_recursive: the cause, or else the context unless
 * suppressed, first; each exception once */
static void print_recursive(PyRun *I, SimId e, bool pending, PrintCtx *c, Buf *out)
{
    if (c->nseen < CHAIN_MAX)
        c->seen[c->nseen++] = e;
    SimId cause = sim_exc_get(S, e, SIM_EXC_CAUSE), ctx = sim_exc_get(S, e, SIM_EXC_CONTEXT);
    SimId next = cause ? cause : !(sim_exc_get(S, e, SIM_EXC_SUPPRESS) & 1) ? ctx : 0;
    for (int i = 0; next && i < c->nseen; i++)
        if (c->seen[i] == next) {
            if (c->m && next == cause) /* TracebackException goes on to the context */
                module_refuse(c, "a chain of exceptions that loops");
            next = 0;
        }
    if (c->m && (c->m->refused || !c->m->chain))
        next = 0;
    if (c->m && next && c->nseen >= CHAIN_MAX)
        module_refuse(c, "a chain of more than 64 exceptions");
    if (next && c->nseen < CHAIN_MAX) { /* print_chained */
        bool need_close = c->need_close;
        print_recursive(I, next, false, c, out);
        c->need_close = need_close;
        Buf m = {0};
        buf_adds(&m, next == cause ? "\nThe above exception was the direct cause of the following exception:\n\n"
                                   : "\nDuring handling of the above exception, another exception occurred:\n\n");
        emit(c, out, &m, NULL);
        cut(c, out);
        buf_fini(&m);
    }
    if (c->m && c->m->refused)
        return;
    if (exc_is_group(I, e) && !c->m)
        print_group(I, e, pending, c, out);
    else
        print_one(I, e, pending, c, out);
}

void format_traceback(PyRun *I, Buf *out)
{
    format_traceback_lib(I, NULL, 0, out);
}

void format_traceback_lib(PyRun *I, const TbLibEntry *pre, int npre, Buf *out)
{
    if (!I->ts->err_obj) {
        print_tb(I, 0, pre, npre, "Traceback", NULL, out);
        if (I->ts->err.msg[0])
            buf_printf(out, "%s: %s%s\n", I->ts->err.type, I->ts->err.msg, I->ts->err.hint);
        else
            buf_printf(out, "%s\n", I->ts->err.type);
        return;
    }
    PrintCtx c = {.pre = pre, .npre = npre, .top = I->ts->err_obj};
    print_recursive(I, I->ts->err_obj, true, &c, out);
}

void format_traceback_mid(PyRun *I, const TbLibEntry *mid, int nmid, SimId at, Buf *out)
{
    if (!I->ts->err_obj) {
        format_traceback(I, out);
        return;
    }
    PrintCtx c = {.top = I->ts->err_obj, .mid = mid, .nmid = nmid, .mid_at = at};
    print_recursive(I, I->ts->err_obj, true, &c, out);
}

int tb_library_line(PyRun *I, SimId e)
{
    for (int n = 0; e && n < CHAIN_MAX; n++) {
        int line = 0; /* the innermost flagged entry's */
        for (SimId tb = sim_exc_get(S, e, SIM_EXC_TRACEBACK); tb; tb = sim_obj(S, tb)->v.tb.next)
            if ((sim_obj(S, tb)->v.tb.lasti & TB_LASTI_LIBRARY) && !TB_LASTI_KIND(sim_obj(S, tb)->v.tb.lasti))
                line = (int)sim_obj(S, tb)->len;
        if (line)
            return line;
        SimId cause = sim_exc_get(S, e, SIM_EXC_CAUSE), ctx = sim_exc_get(S, e, SIM_EXC_CONTEXT);
        SimId next = cause && cause != S->none ? cause : !(sim_exc_get(S, e, SIM_EXC_SUPPRESS) & 1) ? ctx : 0;
        e = next && next != S->none ? next : 0;
    }
    return 0;
}

void format_exception_lib(PyRun *I, SimId e, const TbLibEntry *pre, int npre, Buf *out)
{
    PrintCtx c = {.pre = pre, .npre = npre, .top = e};
    print_recursive(I, e, false, &c, out);
}

bool tb_format_module(PyRun *I, SimId e, TbModule *m, Buf *out)
{
    PrintCtx c = {.m = m};
    if (exc_is_group(I, e))
        return module_refuse(&c, "an exception group");
    print_recursive(I, e, false, &c, out);
    return !m->refused;
}

bool tb_format_entries(PyRun *I, SimId tb, TbModule *m, Buf *out)
{
    PrintCtx c = {.m = m};
    return print_tb(I, tb, NULL, 0, NULL, &c, out) && !m->refused;
}
