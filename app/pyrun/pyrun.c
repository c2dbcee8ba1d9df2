/*
 * pyrun: the public face of the small Python — creating a run, stepping,
 * running to the end, and the interpreter-exit teardown; plus the hooks
 * through which the heap runs __del__ methods and weakref callbacks.
 */
#include "pyrun/pyrun.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/modules/asyncio.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/futures.h"
#include "pyrun/modules/threading.h"
#include "pyrun/types/native.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/parser.h"
#include "pyrun/refuse.h"
#include "sim/gc.h"
#include "pyrun/builtins.h"

#define S (I->sim)

void py_err_save(PyRun *I, SavedErr *sv)
{
    sv->err = I->ts->err;
    sv->err_exc = I->ts->err_exc;
    sv->err_obj = I->ts->err_obj;
    memcpy(sv->err_ctx, I->ts->err_ctx, sizeof sv->err_ctx);
    sv->reraise = I->ts->reraise;
    I->ts->err.set = false;
    I->ts->err_obj = 0;
    memset(I->ts->err_ctx, 0, sizeof I->ts->err_ctx);
    I->ts->reraise = false;
}

void py_err_restore(PyRun *I, SavedErr *sv)
{
    if (I->ts->err_obj)
        sim_decref(S, I->ts->err_obj);
    exc_context_set(I, 0, 0, 0);
    I->ts->err = sv->err;
    I->ts->err_exc = sv->err_exc;
    I->ts->err_obj = sv->err_obj;
    memcpy(I->ts->err_ctx, sv->err_ctx, sizeof sv->err_ctx);
    I->ts->reraise = sv->reraise;
}

void py_err_discard(PyRun *I, SavedErr *sv)
{
    sim_xdecref(S, sv->err_obj);
    sv->err_obj = 0;
    for (int i = 0; i < 3; i++) {
        sim_xdecref(S, sv->err_ctx[i]);
        sv->err_ctx[i] = 0;
    }
}

/* "Exception ignored in: ..." as PyErr_WriteUnraisable prints it */
static void unraisable(PyRun *I, SimId where)
{
    if (I->refused)
        return; /* not an exception: the run stops at its next instruction */
    Buf b = {0};
    buf_adds(&b, "Exception ignored in: ");
    op_repr(I, where, &b);
    buf_addc(&b, '\n');
    format_traceback(I, &b);
    py_write(I, 2, buf_str(&b), b.len);
    buf_fini(&b);
    I->ts->err.set = false;
}

/* An automatic collection that runs the program's code after an import
 * whose GC traffic the model does not know: when it runs is not known
 * either, so it is refused before the code runs (std_import.c). */
static bool collection_unknown(PyRun *I)
{
    if (!I->auto_collecting || !S->gc.count_pinned || !I->gc_count_unsure || !I->foreign_heap || I->refused)
        return false;
    if (weakref_made_unsure(I)) /* no import made it unsure: a method of weakref's classes,
                                 * whose transients the model keeps in step with CPython's */
        return false;
    py_not_modelled(I, 0, "an automatic collection that runs code (a __del__, a callback) after %s "
                    "without a gc.collect() since (when it runs depends on the import's own allocations)",
                    I->foreign_heap);
    return true;
}

static void hook_finalize(void *ctx, SimId obj)
{
    PyRun *I = ctx;
    if (collection_unknown(I))
        return;
    if (sim_kind(S, obj) == SK_GEN) { /* _PyGen_Finalize: close it, errors unraisable */
        SavedErr sv;
        py_err_save(I, &sv);
        if (sim_is_coro(S, obj) && sim_obj(S, obj)->sub == SIM_GEN_CREATED)
            vm_coro_unawaited(I, obj);
        if (!vm_gen_close(I, obj))
            unraisable(I, obj);
        py_err_restore(I, &sv);
        return;
    }
    SimId del = sim_type_lookup(S, sim_obj(S, obj)->type, "__del__");
    if (!del)
        return;
    SavedErr sv;
    py_err_save(I, &sv);
    sim_incref(S, del);
    SimId r = vm_call(I, del, &obj, 1);
    if (r)
        sim_decref(S, r);
    else
        unraisable(I, del);
    sim_decref(S, del);
    py_err_restore(I, &sv);
}

static void hook_call1(void *ctx, SimId fn, SimId arg)
{
    PyRun *I = ctx;
    if (collection_unknown(I))
        return;
    SavedErr sv;
    py_err_save(I, &sv);
    SimId r = vm_call(I, fn, &arg, 1);
    if (r)
        sim_decref(S, r);
    else
        unraisable(I, fn);
    py_err_restore(I, &sv);
}

/* gc.callbacks around a collection the allocator or the eval breaker ran. */
static void hook_collecting(void *ctx, bool stop, int gen, long collected)
{
    PyRun *I = ctx;
    if (!S->gc.count_pinned && S->gc.callbacks && sim_obj(S, S->gc.callbacks)->len > 0)
        S->gc.timing_sensitive = true; /* the program hears of an automatic collection */
    I->auto_collecting = !stop;
    if (stop && collected > 0 && !S->gc.count_pinned &&
        (I->foreign_heap || I->gc_count_unsure || I->gc_garbage_unsure))
        S->gc.timing_sensitive = true; /* an import's unknown state meets garbage that went at its own moment */
    if (stop) {
        std_import_collected(I, gen, collected);
        tm_collected(I, gen);
    }
    if (!stop && S->gc.callbacks && sim_obj(S, S->gc.callbacks)->len > 0 && collection_unknown(I))
        return;
    SavedErr sv;
    py_err_save(I, &sv);
    gc_callbacks(I, stop ? "stop" : "start", gen, collected);
    py_err_restore(I, &sv);
}

/* A dict key or set item the program hashes met a stored one of the same
 * hash: PyObject_RichCompareBool, never with an exception pending. */
static int hook_key_equal(void *ctx, SimId a, SimId b)
{
    PyRun *I = ctx;
    if (I->ts->err.set || I->refused)
        return -1;
    return op_equal(I, a, b);
}

/* The grammar a profile reads: 3.<minor> */
static int grammar_minor(const Sim *sim)
{
    switch (sim->prof->version) {
    case SIM_V311: return 11;
    case SIM_V312: return 12;
    default: return 13;
    }
}

/* The SourceFileLoader __main__ holds: an object the model refuses to look into */
static SimId main_loader(PyRun *I) { return native_static(I, SIM_XT_MAIN_LOADER, 0); }

/* __main__'s dict as CPython leaves it before the script's first line, in
 * its order: the module's own five (PyModule_NewObject), __annotations__
 * and __builtins__ (add_main_module), __file__ and __cached__ (the file
 * runner), __loader__ then replaced by a SourceFileLoader (set_main_loader). */
static void main_globals(PyRun *I)
{
    I->globals = sim_dict(S);
    SimId g = I->globals;
    bi_dict_put(I, g, "__name__", sim_str_intern(S, "__main__", 8));
    bi_dict_put(I, g, "__doc__", sim_none(S));
    bi_dict_put(I, g, "__package__", sim_none(S));
    bi_dict_put(I, g, "__loader__", main_loader(I));
    bi_dict_put(I, g, "__spec__", sim_none(S));
    bi_dict_put(I, g, "__annotations__", sim_dict(S));
    sim_incref(S, I->builtins);
    bi_dict_put(I, g, "__builtins__", I->builtins);
    bi_dict_put(I, g, "__file__", sim_str(S, I->filename, strlen(I->filename)));
    bi_dict_put(I, g, "__cached__", sim_none(S));
}

/* A refused allocation: the next instruction takes the dispatch loop's
 * slow path, which looks for it (vm_loop.c: FETCH does not). */
static void refuse_seen(void *ctx) { vm_check_next(ctx); }

PyRun *py_new(Sim *sim, const char *src, size_t n, const char *filename, PyOutFn out, void *out_ctx)
{
    PyRun *I = xcalloc(1, sizeof *I);
    I->sim = sim;
    sim->pm.refuse_hook = refuse_seen;
    sim->pm.refuse_ctx = I;
    I->exit_code = -1;
    I->recursion_limit = VM_RECURSION_LIMIT;
    I->src = src;
    I->srclen = n;
    I->filename = xstrdup(filename);
    I->out = out;
    I->out_ctx = out_ctx;
    I->threads = xcalloc(1, sizeof *I->threads);
    I->threads[I->nthreads++] = I->ts = py_thread_new(0);
    vs_init(&I->vs);
    vm_opcost_init(I);
    I->ncores = PY_DEFAULT_CORES;
    SimHooks h = {.ctx = I, .finalize = hook_finalize, .call1 = hook_call1, .collecting = hook_collecting,
                 .key_equal = hook_key_equal};
    sim_set_hooks(sim, &h);
    builtins_init(I);
    main_globals(I);
    bool parsed = parse_module(src, n, grammar_minor(sim), &I->ast, &I->syntax);
    if (parsed)
        ast_mangle(&I->ast);
    for (size_t i = 0; parsed && grammar_minor(sim) >= 12 && i < I->ast.nwarn; i++) {
        char msg[64]; /* 3.11 makes it a DeprecationWarning, which a script does not show */
        snprintf(msg, sizeof msg, "invalid escape sequence '\\%c'", I->ast.warn_char[i]);
        py_add_warning(I, I->ast.warn_line[i], msg);
    }
    if (!parsed || !compile_module(I, &I->syntax)) {
        if (!I->syntax.set && !I->refused) {
            snprintf(I->syntax.type, sizeof I->syntax.type, "SyntaxError");
            snprintf(I->syntax.msg, sizeof I->syntax.msg, "invalid syntax");
        }
    } else {
        vm_push_module(I);
    }
    /* the interpreter's own start-up traffic is not the program's */
    S->gc.gen[0].count = (int)S->prof->startup_gc_count0;
    S->gc.gen[1].count = (int)S->prof->startup_gc_count1;
    S->gc.gen[2].count = 0;
    S->gc.count_pinned = false;
    S->gc.timing_exposed = S->gc.timing_sensitive = false;
    S->gc.garbage_moved = S->gc.timing_seen = false;
    S->gc.watching = false;
    S->gc.nreleased = 0;
    S->gc.unpinned_slack = parsed ? gc_timing_slack(I) : 0;
    return I;
}

/* CPython's report of a syntax error: file, line, the line with a caret,
 * "SyntaxError: msg"; or pydive's one line for a refusal (refuse.h). */
static void format_syntax(Buf *b, const char *filename, const char *src, size_t srclen, const PyError *e)
{
    if (e->refused) {
        buf_printf(b, "pydive: line %d: %s\n", e->line, e->msg);
        return;
    }
    /* CPython names no line for a source too deep to compile */
    bool located = strcmp(e->type, "MemoryError") != 0 && strcmp(e->type, "RecursionError") != 0;
    if (located)
        buf_printf(b, "  File \"%s\", line %d\n", filename, e->line);
    const char *p = src, *end = src + srclen;
    for (int l = 1; l < e->line && p < end; p++)
        if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
            l++;
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r')
        q++;
    int indent = 0;
    while (p + indent < q && (p[indent] == ' ' || p[indent] == '\t' || p[indent] == '\f'))
        indent++;
    if (q > p + indent && located) {
        buf_printf(b, "    %.*s\n", (int)(q - p - indent), p + indent);
        int caret = e->col - indent;
        /* CPython's range: to its end on the same line, else to the line's end;
         * none for an unexpected indent */
        int len = (int)(q - p), stop = e->col + 1;
        bool indentation = strcmp(e->type, "IndentationError") == 0;
        if (indentation && strcmp(e->msg, "unexpected indent") == 0)
            stop = e->col;
        else if (e->end_line == e->line && e->end_col > e->col)
            stop = e->end_col;
        else if (e->end_line > e->line)
            stop = len > e->col ? len : e->col + 1;
        if (stop > e->col) {
            buf_printf(b, "    %*s", caret > 0 ? caret : 0, "");
            for (int k = 0; k < stop - (caret > 0 ? e->col : indent); k++)
                buf_add(b, "^", 1);
            buf_add(b, "\n", 1);
        }
    }
    if (e->msg[0])
        buf_printf(b, "%s: %s\n", e->type, e->msg);
    else
        buf_printf(b, "%s\n", e->type);
}

static void report_syntax(PyRun *I)
{
    Buf b = {0};
    format_syntax(&b, I->filename, I->src, I->srclen, &I->syntax);
    py_write(I, 2, buf_str(&b), b.len);
    buf_fini(&b);
}

int py_check(const char *src, size_t n, const char *filename, const Sim *sim, Buf *report)
{
    Ast ast;
    PyError err = {0};
    bool ok = parse_module(src, n, grammar_minor(sim), &ast, &err);
    ast_fini(&ast);
    if (ok)
        return 0;
    format_syntax(report, filename, src, n, &err);
    return 1;
}

/* _Py_HandleSystemExit: no traceback; its code None exits 0, an int is
 * the status, anything else is printed on stderr and exits 1 */
static void system_exit(PyRun *I)
{
    SimId e = exc_instance(I);
    bool found;
    SimId code = exc_layout_get(I, e, "code", &found);
    sim_decref(S, e);
    if (!code)
        return;
    if (code == S->none) {
        I->exit_code = 0;
    } else if (sim_kind(S, code) == SK_INT || sim_kind(S, code) == SK_BOOL) {
        I->exit_code = (int)(sim_obj(S, code)->v.i & 0xff); /* what the shell sees of exit() */
        if (sim_kind(S, code) == SK_INT && sim_obj(S, code)->sub == 1)
            py_not_modelled(I, 0, "SystemExit with an int code beyond a C long");
    } else {
        Buf b = {0};
        if (op_str(I, code, &b)) {
            buf_addc(&b, '\n');
            py_write(I, 2, buf_str(&b), b.len);
        }
        buf_fini(&b);
        I->exit_code = 1;
    }
    sim_decref(S, code);
}

static PyStatus after_run(PyRun *I, VmStop st)
{
    if (st == VM_STEPPED)
        return PY_PAUSED;
    if (st == VM_SWITCH) {
        vm_thread_switch(I);
        if (!I->refused)
            return PY_PAUSED;
        st = VM_ERROR;
    }
    if (st == VM_ERROR && I->ts->id > 0 && !I->refused && futures_is_worker(I, I->ts->id) &&
        futures_worker_raised(I)) /* _WorkItem.run's except: the future keeps it */
        st = VM_RETURNED;
    if (st == VM_ERROR && I->ts->id > 0 && !I->refused && threading_thread_raised(I))
        st = VM_RETURNED; /* threading.excepthook had it */
    if (st == VM_RETURNED) {
        int r = vm_thread_returned(I);
        if (r > 0)
            return PY_PAUSED;
        if (r < 0)
            st = VM_ERROR;
    } else if (st == VM_ERROR && I->ts->id > 0 && !I->refused) {
        vm_thread_exception(I);
    }
    I->done = true;
    if (st == VM_ERROR) {
        I->failed = true;
        I->interrupted = py_err_matches(I, EXC_KeyboardInterrupt);
        const char *lib = I->err_library;
        int line = I->err_library_line;
        for (SimId e = I->ts->err_obj, n = 0; !lib && e && I->lib_exc && n < 64; n++) { /* its causes and contexts */
            SimId cause = sim_exc_get(S, e, SIM_EXC_CAUSE);
            SimId next = cause && cause != S->none ? cause : sim_exc_get(S, e, SIM_EXC_CONTEXT);
            e = next && next != S->none ? next : 0;
            if (e == I->lib_exc)
                lib = I->lib_exc_library, line = I->lib_exc_line;
        }
        bool flagged = false; /* an entry the library's frames follow, in what the report shows */
        if (!lib && !py_err_matches(I, EXC_SystemExit) && (line = tb_library_line(I, I->ts->err_obj)) > 0)
            lib = "a module CPython writes in Python", flagged = true;
        TbLibEntry mid[3]; /* asyncio.run()'s frames, when they are all the library's */
        int nmid = 0;
        SimId mid_at = 0;
        if (!I->refused && lib &&
            !((flagged || strcmp(lib, "asyncio") == 0) && asyncio_run_tb(I, mid, &nmid, &mid_at)))
            py_not_modelled(I, line, "the traceback of an exception raised inside %s (CPython's frames in its "
                                  "Python code)", lib);
        if (!I->refused && py_err_matches(I, EXC_SystemExit)) {
            system_exit(I);
            py_err_clear(I);
            exc_handled_pop_to(I, 0);
            while (I->ts->nframes > 0)
                vm_unwind_frame(I);
            I->failed = I->exit_code != 0;
            return I->failed ? PY_FAILED : PY_DONE;
        }
        if (!I->refused && stdstream_fd(I, stdstream_current(I, 2)) != 2) { /* sys.excepthook writes there */
            int at = 0; /* the innermost entry's */
            SimId tb = I->ts->err_obj ? sim_exc_get(S, I->ts->err_obj, SIM_EXC_TRACEBACK) : 0;
            for (; tb; tb = sim_obj(S, tb)->v.tb.next)
                at = (int)sim_obj(S, tb)->len;
            py_err_clear(I);
            py_not_modelled(I, at, "an uncaught exception's traceback while sys.stderr is not CPython's own");
        }
        if (I->refused) {
            py_report_refusal(I);
        } else {
            Buf b = {0};
            format_traceback_mid(I, mid, nmid, mid_at, &b);
            py_write(I, 2, buf_str(&b), b.len);
            buf_fini(&b);
        }
        py_err_clear(I);
        exc_handled_pop_to(I, 0);
        while (I->ts->nframes > 0)
            vm_unwind_frame(I);
        return PY_FAILED;
    }
    return PY_DONE;
}

void py_add_warning(PyRun *I, int line, const char *msg)
{
    buf_printf(&I->warnings, "%s:%d: SyntaxWarning: %s\n", I->filename, line, msg);
    py_source_line(I, line, &I->warnings); /* the warnings module shows the line, stripped */
}

void py_source_line(PyRun *I, int line, Buf *out)
{
    const char *p = I->src, *end = I->src + I->srclen;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    const char *e = p;
    while (e < end && *e != '\n')
        e++;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    if (e > p)
        buf_printf(out, "  %.*s\n", (int)(e - p), p);
}

/* the compiler's warnings go to stderr before the program's first line runs */
static void show_warnings(PyRun *I)
{
    if (!I->warnings.len)
        return;
    py_write(I, 2, buf_str(&I->warnings), I->warnings.len);
    buf_fini(&I->warnings);
}

PyStatus py_step(PyRun *I)
{
    show_warnings(I);
    if (I->done)
        return I->failed ? PY_FAILED : PY_DONE;
    if (I->refused) { /* refused by the compiler */
        py_report_refusal(I);
        I->done = I->failed = true;
        return PY_FAILED;
    }
    if (I->syntax.set) {
        report_syntax(I);
        I->done = I->failed = true;
        return PY_FAILED;
    }
    return after_run(I, vm_run(I, 0, true));
}

PyStatus py_run(PyRun *I)
{
    PyStatus st = PY_PAUSED;
    show_warnings(I);
    while (st == PY_PAUSED) {
        if (I->done)
            st = I->failed ? PY_FAILED : PY_DONE;
        else if (I->syntax.set || I->refused)
            st = py_step(I);
        else
            st = after_run(I, vm_run(I, 0, false));
    }
    py_finalize(I);
    return st;
}

void py_finalize(PyRun *I)
{
    if (I->finalized)
        return;
    I->finalized = true;
    gc_timing_at_exit(I);
    weakref_at_exit(I); /* atexit: weakref.finalize's _exitfunc */
    /* interpreter exit: __main__ goes away; its dict is freed by reference
     * counting, or, when functions keep it alive, by the final collection */
    /* the syntax tree goes first (run_mod frees the AST arena) */
    for (size_t i = 0; i < I->nast_consts; i++)
        sim_decref(S, I->ast_consts[i]);
    I->nast_consts = 0;
    SimId g = I->globals;
    if (!I->syntax.set) /* the module's function (vm_push_module) */
        sim_decref(S, g);
    /* Py_FinalizeEx's _PyGC_CollectIfEnabled: __main__ is still in
     * sys.modules, and that its dict is reached late reorders what it holds */
    if (S->gc.enabled && S->prof->version <= SIM_V313)
        gc_shutdown_collect(S, g);
    I->globals = 0;
    sim_decref(S, g);
    /* finalize_remove_modules: sys.modules lets go of every module, so a
     * module's state that holds __main__'s functions (weakref.finalize's
     * registry) is garbage with them for the final collection; sys and
     * builtins stay (the interpreter holds their dicts until later) */
    for (size_t m = 0; py_modules[m].name; m++) {
        if (strcmp(py_modules[m].name, "sys") == 0 || strcmp(py_modules[m].name, "builtins") == 0)
            continue;
        SimId mod = I->modules[m];
        I->modules[m] = 0;
        if (mod)
            sim_decref(S, mod);
    }
    S->gc.enabled = true;
    gc_collect(S, 2);
}

void py_free(PyRun *I)
{
    if (!I)
        return;
    if (I->sim->pm.refuse_ctx == I) /* the sim may outlive this run */
        I->sim->pm.refuse_hook = NULL, I->sim->pm.refuse_ctx = NULL;
    tracemalloc_free(I); /* first: its tracer asks this run where the program stands */
    free(I->attr_names);
    ast_fini(&I->ast);
    for (size_t i = 0; i < I->ncodes; i++) {
        PyCode *c = &I->codes[i];
        free(c->ops), free(c->lines), free(c->pos), free(c->consts), free(c->names);
        free(c->slotnames), free(c->slotkind), free(c->defidx), free(c->warm);
        free(c->inl_names), free(c->inl_at), free(c->vorder); /* their strs are interned: slotnames' too */
        free(c->ncache), free(c->acache);
    }
    free(I->codes);
    free(I->ast_consts);
    buf_fini(&I->warnings);
    free(I->fold);
    free(I->builtin_methods);
    free(I->static_tuples);
    free(I->method_slots);
    free(I->random);
    free(I->ids_seen);
    for (int t = 0; t < I->nthreads; t++)
        py_thread_free(I->threads[t]);
    free(I->threads);
    free(I->races);
    vs_fini(&I->vs);
    threading_free(I);
    futures_free(I);
    multiprocessing_free(I);
    asyncio_free(I);
    free(I->filename);
    free(I);
}

int py_exit_code(const PyRun *I)
{
    if (I->syntax.refused || I->refused)
        return PY_EXIT_REFUSED;
    if (I->exit_code >= 0)
        return I->exit_code;
    return I->failed ? 1 : 0;
}

bool py_refused(const PyRun *I) { return I->syntax.refused || I->refused; }

bool py_interrupted(const PyRun *I) { return I->interrupted; }

void py_set_step_limit(PyRun *I, uint64_t steps) { I->step_limit = steps; }
void py_set_cores(PyRun *I, int n) { I->ncores = n < 1 ? 1 : n > 256 ? 256 : n; }

uint64_t py_steps(const PyRun *I) { return vm_steps(I); }
const struct VmSched *py_vmsched(const PyRun *I) { return &I->vs; }

void py_set_stop_flag(PyRun *I, volatile sig_atomic_t *flag) { I->stop = flag; }

int py_current_line(const PyRun *I)
{
    if (I->done || I->ts->nframes == 0)
        return 0;
    const Frame *f = I->ts->top;
    const PyCode *c = &I->codes[f->code];
    return f->ip < c->nops ? c->lines[f->ip] : f->line;
}

int py_depth(const PyRun *I) { return I->ts->nframes; }

const char *py_frame_name(const PyRun *I, int i)
{
    if (i < 0 || i >= I->ts->nframes)
        return "";
    size_t n;
    return sim_str_data(I->sim, I->codes[py_thread_frame(I->ts, i)->code].name, &n);
}

SimId py_globals(const PyRun *I) { return I->globals; }
