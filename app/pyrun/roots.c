/*
 * roots: every reference the interpreter itself owns, for sim_audit — the
 * VM stack of each frame, the frames' function, locals and extras, the
 * __main__ and builtins dicts, the modules, static descriptors and
 * exception classes, the code objects' constants and names, the objects a
 * traceback keeps, and the caches (print's keyword tuple, the repr state,
 * the pending output chunk).  A field that owns a reference and is missing
 * here makes the audit fail, which is the point.
 */
#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/modules/asyncio.h"
#include "pyrun/modules/futures.h"
#include "pyrun/modules/threading.h"
#include "sim/audit.h"

static void root(Sim *s, SimId ref, SimVisit visit, void *arg)
{
    if (ref)
        visit(s, ref, arg);
}

/* What a thread's state holds: its frames, their slots, the exceptions. */
static void thread_roots(Sim *s, const PyThreadState *ts, SimVisit visit, void *arg)
{
    uint32_t done = 0; /* frames' slot ranges may touch: each slot once */
    for (int k = 0; k < ts->nframes; k++) {
        const Frame *f = py_thread_frame(ts, k);
        for (uint32_t i = f->base > done ? f->base : done; i < f->sp; i++)
            root(s, ts->stack[i], visit, arg);
        if (f->sp > done)
            done = f->sp;
        root(s, f->func, visit, arg);
        root(s, f->locals, visit, arg);
        root(s, f->extra, visit, arg);
        root(s, f->classkw, visit, arg);
        root(s, f->classmeta, visit, arg);
        for (int i = 0; i < 3; i++)
            root(s, f->classhold[i], visit, arg);
        root(s, f->fobj, visit, arg);
        root(s, f->flocals, visit, arg);
    }
    SimId single[] = {ts->err_obj,     ts->kwnames,       ts->c_result,      ts->repr_state[0],
                      ts->repr_state[1], ts->err_ctx[0], ts->err_ctx[1], ts->err_ctx[2], ts->resume_obj};
    for (size_t i = 0; i < sizeof single / sizeof single[0]; i++)
        root(s, single[i], visit, arg);
    for (uint32_t i = 0; i < ts->nhandled; i++)
        root(s, ts->handled[i], visit, arg);
}

static void stack_roots(PyRun *I, SimVisit visit, void *arg)
{
    for (int t = 0; t < I->nthreads; t++)
        thread_roots(I->sim, I->threads[t], visit, arg);
}

static void code_roots(PyRun *I, SimVisit visit, void *arg)
{
    for (size_t c = 0; c < I->ncodes; c++) {
        const PyCode *co = &I->codes[c];
        for (size_t i = 0; i < co->nconsts; i++)
            root(I->sim, co->consts[i], visit, arg);
        for (size_t i = 0; i < co->nnames; i++)
            root(I->sim, co->names[i], visit, arg);
        for (int i = 0; i < co->nslots; i++)
            root(I->sim, co->slotnames[i], visit, arg);
        root(I->sim, co->name, visit, arg);
        root(I->sim, co->qualname, visit, arg);
        root(I->sim, co->obj, visit, arg);
        for (int i = 0; i < 3; i++)
            root(I->sim, co->names_cache[i], visit, arg);
    }
}

static void py_visit_roots(void *ctx, Sim *s, SimVisit visit, void *arg)
{
    PyRun *I = ctx;
    stack_roots(I, visit, arg);
    code_roots(I, visit, arg);
    SimId single[] = {I->globals, I->builtins, I->print_kwtuple, I->io_pending[0],
                      I->minmax_kwtuple[0], I->minmax_kwtuple[1], I->bool_text[0],
                      I->bool_text[1], I->io_pending[1]};
    for (size_t i = 0; i < sizeof single / sizeof single[0]; i++)
        root(s, single[i], visit, arg);
    for (size_t i = 0; i < sizeof I->builtin_subclasses / sizeof I->builtin_subclasses[0]; i++)
        root(s, I->builtin_subclasses[i], visit, arg);
    for (int i = 0; i < I->nclinic_kw; i++)
        root(s, I->clinic_kw[i].names, visit, arg);
    for (size_t i = 0; i < sizeof I->modules / sizeof I->modules[0]; i++)
        root(s, I->modules[i], visit, arg);
    root(s, I->version_info_type, visit, arg);
    for (size_t i = 0; i < sizeof I->chainmap_views / sizeof I->chainmap_views[0]; i++)
        root(s, I->chainmap_views[i], visit, arg);
    for (int i = 0; I->version_info && i < sys_version_startup_refs(I); i++)
        root(s, I->version_info, visit, arg);
    for (int k = 0; k < 2; k++)
        for (int i = 0; I->sys_text[k] && i < sys_text_startup_refs(I); i++)
            root(s, I->sys_text[k], visit, arg);
    if (!I->syntax.set) /* the function PyEval_EvalCode runs the module as (vm_push_module) */
        root(s, I->globals, visit, arg);
    for (int i = 0; I->builtin_methods && i < bi_count(); i++)
        root(s, I->builtin_methods[i], visit, arg);
    for (size_t i = 0; i < sizeof I->exc_types / sizeof I->exc_types[0]; i++)
        root(s, I->exc_types[i], visit, arg);
    for (size_t i = 0; i < I->nast_consts; i++)
        root(s, I->ast_consts[i], visit, arg);
    threading_roots(I, visit, arg);
    futures_roots(I, visit, arg);
    multiprocessing_roots(I, visit, arg);
    asyncio_roots(I, visit, arg);
}

bool py_audit(PyRun *I, Buf *report)
{
    return sim_audit(I->sim, py_visit_roots, I, report);
}
