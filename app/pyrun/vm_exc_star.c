/*
 * vm_exc_star: the run-time half of `except*` (PEP 654), laid out by
 * compile_trystar.c as CPython 3.11-3.13 compile it: the exception being
 * handled (orig), the list of what the clauses raised (res) and the part
 * not matched yet (rest) sit on the value stack; each clause splits rest
 * (CHECK_EG_MATCH, exc_group.c) and runs with its match as the exception
 * being handled; an exception a clause raises is caught by the clause's
 * own try block and appended to res; at the end, what the statement
 * raises is computed from orig and res (_PyExc_PrepReraiseStar) and
 * raised again without a traceback entry for this frame (RERAISE 0).
 */
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define F (I->ts->top)
#define PUSH(v) do { SimId pv_ = (v); I->ts->stack[F->sp++] = pv_; } while (0)
#define POP() (I->ts->stack[--F->sp])
#define TOP(k) (I->ts->stack[F->sp - 1 - (k)])

static void set_handled(PyRun *I, SimId e)
{
    sim_incref(S, e);
    SimId old = I->ts->handled[I->ts->nhandled - 1];
    I->ts->handled[I->ts->nhandled - 1] = e;
    sim_decref(S, old);
}

bool vm_exc_star(PyRun *I, int arg)
{
    switch (arg) {
    case ES_BEGIN: { /* COPY 1, BUILD_LIST 0, SWAP 2 */
        SimId orig = exc_handled_top(I);
        sim_incref(S, orig);
        PUSH(orig);
        PUSH(sim_list(S, 0));
        sim_incref(S, orig);
        PUSH(orig);
        return true;
    }
    case ES_MATCH: {
        SimId type = POP(), match, rest;
        bool ok = exc_group_match(I, TOP(0), type, &match, &rest);
        sim_decref(S, type);
        if (!ok)
            return false;
        SimId old = TOP(0);
        TOP(0) = rest;
        sim_decref(S, old);
        PUSH(match);
        if (match != S->none) /* PyErr_SetHandledException(match) */
            set_handled(I, match);
        return true;
    }
    case ES_APPEND_RAISED: { /* LIST_APPEND 3: the raised exception, being handled, to res */
        SimId e = I->ts->handled[--I->ts->nhandled];
        sim_list_append(S, TOP(1), e);
        return true;
    }
    case ES_APPEND_REST: {
        SimId rest = POP();
        sim_list_append(S, TOP(0), rest);
        return true;
    }
    case ES_PREP: {
        SimId res = POP(), orig = POP();
        SimId r = exc_group_prep_reraise(I, orig, res);
        sim_decref(S, res);
        sim_decref(S, orig);
        if (!r)
            return false;
        PUSH(r);
        return true;
    }
    case ES_RERAISE: {
        SimId e = POP();
        exc_handled_pop_to(I, I->ts->nhandled ? I->ts->nhandled - 1 : 0);
        return exc_reraise_value(I, e);
    }
    default:
        py_raise(I, EXC_SystemError, "bad except* operation %d", arg);
        return false;
    }
}
