/*
 * traceback_mod: the module `traceback` for the common cases (Lib/traceback.py,
 * 3.11-3.13): format_exc, print_exc, format_exception, print_exception,
 * format_exception_only, format_tb and print_tb, with limit and chain.
 * The text is TracebackException's (pyrun/traceback.c renders it: every
 * entry, no PyTraceBack_LIMIT, 3.11's module without "Did you mean", the
 * pieces format_exception lists); print_* write it piece by piece with
 * print(piece, file=file, end=""), as CPython does.
 *
 * CPython runs all of it in Python: TracebackException, StackSummary and
 * FrameSummary objects, linecache reading the source file and keeping its
 * lines, and on first use the import of ast (3.13: tokenize too), which
 * the model does not replay: after a call the young count, what the next
 * collection finds, the traced figures and the allocator's statistics are
 * refused until they are known again (a full gc.collect(), clear_traces()).
 * The objects the program sees (the exception, its traceback, their
 * refcounts) are left as CPython leaves them: none of those objects keeps
 * a reference (measured: sys.getrefcount of the exception, its class and
 * its traceback unchanged by format_exc on 3.11.7, 3.12.1, 3.13.0).
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* The tracked objects the first formatting leaves (the ast module, 3.13's
 * tokenize, linecache's entry): len(gc.get_objects()) after a gc.collect(),
 * minus before, around the first format_exc() (3.11.7, 3.12.1, 3.13.0). */
static const unsigned first_use_survivors[3] = {889, 921, 1369};

static void after_python_code(PyRun *I, const char *what)
{
    I->gc_count_unsure = true;
    I->count_unsure_what = what;
    I->gc_garbage_unsure = true;
    I->garbage_unsure_what = what;
    tm_note_unsure(I, what);
    if (!I->foreign_heap)
        I->foreign_heap = what;
    if (!I->traceback_used) {
        I->traceback_used = true;
        int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
        S->gc.startup_tracked += first_use_survivors[v];
    }
}

typedef struct Args {
    SimId v[6]; /* by the names' order; 0 when not given */
} Args;

/* Python-level parameters: `names` in order, the first npos_only
 * positional-only, at most maxpos positional; false (refused) otherwise */
static bool parse(PyRun *I, const char *fn, SimId *a, int n, SimId kw, const char *const *names, int nnames,
                  int maxpos, Args *out)
{
    memset(out, 0, sizeof *out);
    int np = bi_npos(I, n, kw);
    if (np > maxpos)
        return py_not_modelled(I, 0, "traceback.%s() with %d positional arguments", fn, np);
    for (int i = 0; i < np; i++)
        out->v[i] = a[i];
    for (int i = 0; i < nnames; i++) {
        SimId k = bi_kwarg(I, a, n, kw, names[i]);
        if (k && out->v[i])
            return py_not_modelled(I, 0, "traceback.%s() given %s twice", fn, names[i]);
        if (k)
            out->v[i] = k;
    }
    return true;
}

static bool is_none(PyRun *I, SimId v) { return !v || sim_kind(S, v) == SK_NONE; }

/* limit and chain into m */
static bool options(PyRun *I, const char *fn, SimId limit, SimId chain, TbModule *m)
{
    m->chain = true;
    if (!is_none(I, limit)) {
        int64_t l;
        if (sim_kind(S, limit) != SK_INT || !bi_int_arg(I, limit, &l))
            return py_not_modelled(I, 0, "traceback.%s() with a limit that is not an int", fn);
        m->limited = true;
        m->limit = (long)l;
    }
    if (chain) {
        int t = op_truth(I, chain);
        if (t < 0)
            return false;
        m->chain = t == 1;
    }
    return true;
}

/* the exception of (exc) or (exc, value, tb): the old form only with the
 * value's own traceback */
static SimId the_exception(PyRun *I, const char *fn, SimId exc, SimId value, SimId tb)
{
    if ((value == 0) != (tb == 0)) {
        py_raise(I, EXC_ValueError, "Both or neither of value and tb must be given");
        return 0;
    }
    SimId e = value ? value : exc;
    if (!e || !exc_is_instance(I, e))
        return py_not_modelled(I, 0, "traceback.%s() of something other than an exception instance", fn), 0;
    if (tb && tb != sim_exc_get(S, e, SIM_EXC_TRACEBACK))
        return py_not_modelled(I, 0, "traceback.%s() with a traceback other than the exception's own", fn), 0;
    if (sim_exc_get(S, e, SIM_EXC_SUPPRESS) & EXC_LIBRARY_ANY)
        return py_not_modelled(I, 0, "traceback.%s() of an exception raised and caught inside a module CPython "
                                     "writes in Python (its frames there)", fn), 0;
    return e;
}

/* the text of e (or "NoneType: None" for none), in pieces */
static bool render(PyRun *I, const char *fn, SimId e, TbModule *m, Buf *out)
{
    bool ok;
    if (!e) {
        buf_adds(out, "NoneType: None\n");
        m->cuts = xrealloc(m->cuts, sizeof *m->cuts);
        m->cuts[0] = out->len, m->ncuts = 1;
        ok = true;
    } else {
        ok = tb_format_module(I, e, m, out);
    }
    if (!ok && m->refused)
        py_not_modelled(I, 0, "traceback.%s() of %s", fn, m->refused);
    return ok;
}

static SimId text_str(PyRun *I, const Buf *b, size_t from, size_t to)
{
    return sim_str(S, buf_str(b) + from, to - from);
}

/* print(piece, file=file, end="") for each piece; file None: sys.stderr */
static bool print_pieces(PyRun *I, const Buf *b, const TbModule *m, SimId file)
{
    if (!file && !(file = stdstream_current(I, 2)))
        return py_not_modelled(I, 0, "the traceback module's print functions without sys.stderr");
    SimId kw = sim_tuple(S, 2);
    sim_tuple_set(S, kw, 0, sim_str(S, "end", 3));
    sim_tuple_set(S, kw, 1, sim_str(S, "file", 4));
    SimId empty = sim_str(S, "", 0);
    bool ok = true;
    size_t from = 0;
    for (int i = 0; i < m->ncuts && ok; i++) {
        SimId args[3] = {text_str(I, b, from, m->cuts[i]), empty, file};
        SimId r = textio_print(I, args, 3, kw);
        sim_decref(S, args[0]);
        ok = r != 0;
        sim_xdecref(S, r);
        from = m->cuts[i];
    }
    sim_decref(S, empty);
    sim_decref(S, kw);
    return ok;
}

static SimId done(PyRun *I, const char *what, TbModule *m, Buf *b, SimId result)
{
    free(m->cuts);
    buf_fini(b);
    after_python_code(I, what);
    return result;
}

static SimId tb_format_exc(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"limit", "chain"};
    Args p;
    TbModule m = {0};
    Buf b = {0};
    if (!parse(I, "format_exc", a, n, kw, names, 2, 2, &p) || !options(I, "format_exc", p.v[0], p.v[1], &m))
        return 0;
    if (!render(I, "format_exc", exc_handled_top(I), &m, &b))
        return done(I, "traceback.format_exc()", &m, &b, 0);
    return done(I, "traceback.format_exc()", &m, &b, text_str(I, &b, 0, b.len));
}

static SimId tb_print_exc(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"limit", "file", "chain"};
    Args p;
    TbModule m = {0};
    Buf b = {0};
    if (!parse(I, "print_exc", a, n, kw, names, 3, 3, &p) || !options(I, "print_exc", p.v[0], p.v[2], &m))
        return 0;
    bool ok = render(I, "print_exc", exc_handled_top(I), &m, &b) &&
              print_pieces(I, &b, &m, is_none(I, p.v[1]) ? 0 : p.v[1]);
    return done(I, "traceback.print_exc()", &m, &b, ok ? bi_none(I) : 0);
}

static SimId tb_format_exception(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"exc", "value", "tb", "limit", "chain"};
    Args p;
    TbModule m = {0};
    Buf b = {0};
    if (!parse(I, "format_exception", a, n, kw, names, 5, 5, &p) ||
        !options(I, "format_exception", p.v[3], p.v[4], &m))
        return 0;
    SimId e = the_exception(I, "format_exception", p.v[0], p.v[1], p.v[2]);
    if (!e || !render(I, "format_exception", e, &m, &b))
        return done(I, "traceback.format_exception()", &m, &b, 0);
    SimId list = sim_list(S, 0);
    size_t from = 0;
    for (int i = 0; i < m.ncuts; i++) {
        sim_list_append(S, list, text_str(I, &b, from, m.cuts[i]));
        from = m.cuts[i];
    }
    return done(I, "traceback.format_exception()", &m, &b, list);
}

static SimId tb_print_exception(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"exc", "value", "tb", "limit", "file", "chain"};
    Args p;
    TbModule m = {0};
    Buf b = {0};
    if (!parse(I, "print_exception", a, n, kw, names, 6, 6, &p) ||
        !options(I, "print_exception", p.v[3], p.v[5], &m))
        return 0;
    SimId e = the_exception(I, "print_exception", p.v[0], p.v[1], p.v[2]);
    bool ok = e && render(I, "print_exception", e, &m, &b) &&
              print_pieces(I, &b, &m, is_none(I, p.v[4]) ? 0 : p.v[4]);
    return done(I, "traceback.print_exception()", &m, &b, ok ? bi_none(I) : 0);
}

/* format_exception_only(exc): the last pieces of the exception alone */
static SimId tb_format_exception_only(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"exc", "value"};
    Args p;
    TbModule m = {.chain = false, .limited = true, .limit = 0, .no_tb = true};
    Buf b = {0};
    if (!parse(I, "format_exception_only", a, n, kw, names, 2, 2, &p))
        return 0;
    SimId e = p.v[1] ? p.v[1] : p.v[0];
    if (!e || !exc_is_instance(I, e))
        return py_not_modelled(I, 0, "traceback.format_exception_only() of something other than an exception "
                                     "instance"), 0;
    if (!render(I, "format_exception_only", e, &m, &b))
        return done(I, "traceback.format_exception_only()", &m, &b, 0);
    SimId list = sim_list(S, 0);
    size_t from = 0;
    for (int i = 0; i < m.ncuts; i++) {
        sim_list_append(S, list, text_str(I, &b, from, m.cuts[i]));
        from = m.cuts[i];
    }
    return done(I, "traceback.format_exception_only()", &m, &b, list);
}

/* format_tb(tb, limit) / print_tb(tb, limit, file): the entries alone */
static SimId tb_entries(PyRun *I, SimId *a, int n, SimId kw, bool print)
{
    static const char *const names[] = {"tb", "limit", "file"};
    const char *fn = print ? "print_tb" : "format_tb";
    Args p;
    TbModule m = {0};
    Buf b = {0};
    if (!parse(I, fn, a, n, kw, names, print ? 3 : 2, print ? 3 : 2, &p) || !options(I, fn, p.v[1], 0, &m))
        return 0;
    SimId tb = p.v[0];
    if (!tb || (sim_kind(S, tb) != SK_TRACEBACK && sim_kind(S, tb) != SK_NONE))
        return py_not_modelled(I, 0, "traceback.%s() of something other than a traceback", fn), 0;
    if (sim_kind(S, tb) == SK_NONE)
        tb = 0;
    if (!tb_format_entries(I, tb, &m, &b)) {
        py_not_modelled(I, 0, "traceback.%s() of %s", fn, m.refused ? m.refused : "this traceback");
        return done(I, print ? "traceback.print_tb()" : "traceback.format_tb()", &m, &b, 0);
    }
    if (print) {
        bool ok = print_pieces(I, &b, &m, is_none(I, p.v[2]) ? 0 : p.v[2]);
        return done(I, "traceback.print_tb()", &m, &b, ok ? bi_none(I) : 0);
    }
    SimId list = sim_list(S, 0);
    size_t from = 0;
    for (int i = 0; i < m.ncuts; i++) {
        sim_list_append(S, list, text_str(I, &b, from, m.cuts[i]));
        from = m.cuts[i];
    }
    return done(I, "traceback.format_tb()", &m, &b, list);
}

static SimId tb_format_tb(PyRun *I, SimId *a, int n, SimId kw) { return tb_entries(I, a, n, kw, false); }
static SimId tb_print_tb(PyRun *I, SimId *a, int n, SimId kw) { return tb_entries(I, a, n, kw, true); }

#define F(nm, f, kws) BUILTIN(nm, 0, BM_TRACEBACK, f, .style = ARGS_OWN, .kw = kws)

const BuiltinDef traceback_functions[] = {
    F("format_exc", tb_format_exc, "limit chain"),
    F("print_exc", tb_print_exc, "limit file chain"),
    F("format_exception", tb_format_exception, "value tb limit chain"),
    F("print_exception", tb_print_exception, "value tb limit file chain"),
    F("format_exception_only", tb_format_exception_only, "value"),
    F("format_tb", tb_format_tb, "tb limit"),
    F("print_tb", tb_print_tb, "tb limit file"),
};
const int traceback_nfunctions = (int)(sizeof traceback_functions / sizeof traceback_functions[0]);

void traceback_module_init(PyRun *I, SimId d) { (void)I, (void)d; }

void traceback_on_import(PyRun *I) { std_import(I, STD_TRACEBACK); }
