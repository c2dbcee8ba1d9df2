/*
 * sys_frame: sys._getframe() and the frame objects of frames that still
 * run (Python/sysmodule.c sys__getframe_impl, Objects/frameobject.c).
 * The frame attributes below also serve a traceback's tb_frame.
 *
 * sys._getframe(depth) walks back from the caller's frame (3.12's inlined
 * comprehensions are no frames of their own) and hands out its frame
 * object, made on first use as a traceback makes it (traceback.c).  While
 * the frame runs the object answers f_code, f_lineno (the line it is on),
 * f_back (the caller's frame object, made then), f_globals and, on 3.11
 * and 3.12, a function's f_locals (the frame's one f_locals dict, refreshed
 * as locals() refreshes it).  3.13's f_locals is a FrameLocalsProxy:
 * refused, as are a module's or class body's f_locals, the frame of a
 * suspended generator and another thread's.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* 3.12+: a list, set or dict comprehension runs inside its function's frame */
static bool inlined(PyRun *I, int i)
{
    const PyCode *co = &I->codes[py_thread_frame(I->ts, i)->code];
    return S->prof->version >= SIM_V312 && co->kind == CODE_COMP && !co->is_gen;
}

/* the frame below i that CPython has (-1: none) */
static int back_of(PyRun *I, int i)
{
    for (i--; i >= 0 && inlined(I, i); i--)
        ;
    return i;
}

SimId sys_getframe(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t depth = 0;
    if (n && !bi_int_arg(I, a[0], &depth))
        return 0;
    int i = I->ts->nframes - 1;
    while (i >= 0 && inlined(I, i))
        i--;
    for (int64_t d = 0; d < depth && i >= 0; d++)
        i = back_of(I, i);
    if (i < 0 || depth < 0) {
        py_raise(I, EXC_ValueError, "call stack is not deep enough");
        return 0;
    }
    SimId fo = tb_frame_object(I, i);
    sim_incref(S, fo);
    return fo;
}

/* the running frame whose object fo is, or -1 */
static int frame_of(PyRun *I, SimId fo)
{
    for (int i = 0; i < I->ts->nframes; i++)
        if (py_thread_frame(I->ts, i)->fobj == fo)
            return i;
    return -1;
}

/* the line the frame is on: its last instruction's (PyFrame_GetLineNumber) */
static int line_of(PyRun *I, const Frame *f)
{
    const PyCode *co = &I->codes[f->code];
    uint32_t lasti = f->ip > 0 ? f->ip - 1 : 0;
    return lasti < co->nops && co->lines[lasti] > 0 ? co->lines[lasti] : f->line;
}

SimId sys_frame_live_attr(PyRun *I, SimId fo, const char *name, bool *found)
{
    *found = false;
    bool back = strcmp(name, "f_back") == 0, lineno = strcmp(name, "f_lineno") == 0,
         locals = strcmp(name, "f_locals") == 0, globals = strcmp(name, "f_globals") == 0;
    if (!back && !lineno && !locals && !globals)
        return 0;
    *found = true;
    int i = frame_of(I, fo);
    if (i < 0)
        return py_not_modelled(I, 0, "'frame.%s' of a suspended generator's or another thread's frame", name),
               (SimId)0;
    Frame *f = py_thread_frame(I->ts, i);
    if (lineno)
        return sim_int(S, line_of(I, f));
    if (globals) {
        sim_incref(S, f->globals);
        return f->globals;
    }
    if (locals) {
        if (f->locals) /* the module's globals, a class body's namespace: the model's differ in what it keeps */
            return py_not_modelled(I, 0, "'frame.f_locals' of a module or class body frame"), (SimId)0;
        if (S->prof->version >= SIM_V313)
            return py_not_modelled(I, 0, "'frame.f_locals' on 3.13 (a FrameLocalsProxy, PEP 667)"), (SimId)0;
        return builtin_frame_locals(I, f, "frame.f_locals");
    }
    int b = back_of(I, i);
    if (b < 0) {
        sim_incref(S, S->none);
        return S->none;
    }
    SimId prev = tb_frame_object(I, b);
    sim_incref(S, prev);
    return prev;
}
