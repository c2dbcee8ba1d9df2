/*
 * vm_threads: the scheduler driving the VM (sim/vmsched.h).  Each
 * instruction adds its cost to the simulated clock (I->vs.now, from the
 * per-profile table vm_opcost_table.h, calibrated against the interpreters
 * by tests/tools/calibrate-opcost.py); at an eval-breaker check (after a
 * backward jump, a call, a with statement's __enter__) the loop asks the
 * scheduler once the clock reached vs.check_at, which is never while one
 * thread runs alone.  A thread switch happens only between two instructions
 * of the outermost loop (ts->nested == 0): the loop returns VM_SWITCH and
 * its caller runs the next thread's frames (vm_thread_switch).
 */
#include "pyrun/interp.h"
#include "pyrun/vm_opcost_table.h"

enum { PROFILES = 3 };

void vm_opcost_init(PyRun *I)
{
    static const uint32_t deflt[PROFILES] = VM_OPCOST_DEFAULT;
    static const struct {
        int op;
        uint32_t ps[PROFILES];
    } measured[] = {
#define X(op, a, b, c) {op, {a, b, c}},
        VM_OPCOST_MEASURED
#undef X
    };
    SimVersion v = I->sim->prof->version;
    int p = v == SIM_V311 ? 0 : v == SIM_V312 ? 1 : 2;
    for (int op = 0; op < OP_COUNT; op++)
        I->opcost[op] = deflt[p];
    for (size_t i = 0; i < sizeof measured / sizeof measured[0]; i++)
        I->opcost[measured[i].op] = measured[i].ps[p];
    /* the model's own markers; 3.11+'s try blocks cost nothing until they catch */
    I->opcost[OP_LINE] = I->opcost[OP_NOP] = 0;
    I->opcost[OP_SETUP_TRY] = I->opcost[OP_POP_TRY] = 0;
}

int vm_sched_check(PyRun *I)
{
    int next = vs_check(&I->vs, I->ts->nested == 0);
    if (next < 0) {
        py_not_modelled(I, 0, "a program whose every thread waits for ever (CPython hangs here)");
        return -1;
    }
    return next != I->ts->id;
}

void vm_thread_switch(PyRun *I)
{
    I->ts = I->threads[I->vs.running];
    I->depth = I->ts->nframes;
}
