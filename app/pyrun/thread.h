/*
 * thread: one interpreter state per thread (CPython's PyThreadState): the
 * frame stack, the value stack, the try blocks, the exception being raised
 * and those being handled.  PyRun holds every thread's state and a pointer
 * to the running one (I->ts); a thread switch is a change of that pointer
 * between two instructions of the outermost loop, never inside a call from
 * C, so a vm_run keeps the state it started with.
 *
 * Frames live in chunks that never move once allocated: a Frame * stays
 * valid for as long as its frame is on the stack, however deep the calls
 * above it go.  The value stack is one reservation of VM_STACK slots
 * (pages are touched only as deep as the program goes), so a cached
 * `SimId *stack` stays valid too.
 */
#ifndef PYDIVE_PYRUN_THREAD_H
#define PYDIVE_PYRUN_THREAD_H

#include <stdbool.h>
#include <stdint.h>

#include "pyrun/lexer.h"
#include "pyrun/types/exception.h"
#include "sim/sim.h"

struct PyRun;

enum { FR_NORMAL, FR_CLASS, FR_INIT, FR_EX, FR_GEN, FR_INIT_EX, FR_SLOTCALL };
/* How a frame was entered, for the recursion limits (vm_depth.c): from
 * Python's CALL, from CALL on a class (type_call, then __init__), or from C
 * code (a callback, a generator's resume, f(*args), a class body ...). */
enum { ENTERED_PY, ENTERED_INIT, ENTERED_C, ENTERED_WAYS };

typedef struct Frame {
    uint32_t code;
    SimId func;        /* owned; 0 for the module and class bodies */
    SimId globals;     /* borrowed */
    SimId locals;      /* owned dict for module and class bodies, else 0 */
    uint32_t base;     /* first slot in the thread's value stack */
    uint32_t sp;       /* next free stack slot */
    uint32_t ip;
    int line;
    uint8_t kind;      /* FR_* */
    bool c_boundary;   /* return to a C caller */
    uint8_t entered;   /* ENTERED_*: how it was called */
    SimId extra;       /* FR_CLASS: bases tuple; FR_INIT: the new instance */
    SimId classkw;     /* FR_CLASS: the class keywords (owned dict, `metaclass` taken out) or 0; */
    SimId classhold[3]; /*  then what the call to __build_class__ holds (class_keywords) */
    SimId classmeta;   /* FR_CLASS: the metaclass when the program made it (owned) or 0 */
    uint32_t callbase; /* FR_INIT, FR_SLOTCALL: caller slots to release on return */
    uint32_t ncallslots;
    uint32_t ntry;     /* active try blocks */
    uint32_t tbase;    /* its first entry in the thread's trys (room for the code's maxtry) */
    SimId gen;         /* FR_GEN: the generator it runs for (borrowed: the resumer holds it) */
    SimId argtuple, argdict; /* FR_INIT, FR_SLOTCALL: _PyObject_MakeTpCall's (owned) */
    SimId fobj;        /* its frame object once a traceback asked for it (owned), else 0 */
    SimId flocals;     /* 3.11/3.12: a function frame's f_locals once locals() made it (owned), else 0 */
    uint32_t hbase;    /* the thread's nhandled when it was entered */
} Frame;

/* An active try block: where its handler starts and the stack depth to
 * unwind to (relative to the frame's base). */
typedef struct TryBlock {
    uint32_t ip;
    uint32_t depth;
    uint32_t hdepth;   /* nhandled when it was set up: a handler entered drops the
                        * exceptions handled since, as CPython's cleanup handlers do */
} TryBlock;

#define VM_STACK (1u << 22)      /* value-stack slots per thread (a reservation) */
#define VM_FRAME_CHUNK 256       /* frames per chunk */
#define VM_MAX_FRAMES 200000     /* deeper recursion is refused (the model's memory) */
#define VM_RECURSION_LIMIT 1000
#define VM_DEPTH_FAST_C 64       /* vm_depth_ok's quick answer: fewer frames entered from C */

typedef struct PyThreadState {
    int id;                 /* 0: the main thread, then in order of start() */
    SimId *stack;           /* the value stack, VM_STACK slots (owned; never moves) */
    Frame **chunks;         /* frame i is chunks[i / VM_FRAME_CHUNK][i % VM_FRAME_CHUNK] (owned) */
    int nchunks;
    int nframes;
    Frame *top;             /* frame nframes - 1, NULL when none */
    int entered[ENTERED_WAYS]; /* of those, how many were entered each way (ENTERED_PY's unused) */
    bool init_pending;      /* the frame being pushed is a class call's __init__ (vm_tpcall.c) */
    TryBlock *trys;         /* the frames' try blocks, each frame's from its tbase (owned) */
    size_t captrys;
    SimId *handled;         /* the exceptions being handled, innermost last (CPython's exc_info
                             * chain; each owned): what sys.exc_info() and a bare raise see */
    uint32_t nhandled, caphandled;
    PyError err;            /* the exception being raised: err.type is its class's name */
    ExcType err_exc;        /* its built-in type, when err_obj is 0 */
    SimId err_obj;          /* its exception instance, once made (it holds the traceback) */
    SimId err_ctx[3];       /* what a failed lookup named, set on the instance when it is made:
                             * name, obj and name_from (exc_layout.c; owned, 0 when none) */
    bool reraise;           /* the error is a re-raise: no traceback entry for this frame */
    int nested;             /* C-level calls into Python (finalizers, callbacks) */
    int clearing;           /* 1 + the frame vm_unwind_frame is releasing, else 0: a warning
                             * then names the line of the frame below (CPython's is popped) */
    SimId kwnames;          /* pending KW_NAMES tuple */
    SimId c_result;         /* result of a frame called from C */
    bool gen_yielded;       /* the frame that returned to C yielded c_result (vm_gen.c) */
    SimId gen_made;         /* the generator a call made instead of pushing a frame */
    SimId call_ex;          /* the next built-in call comes from f(*args): its tuple (vm_call_ex.c) */
    SimId ex_args;          /* the running built-in came from f(*args): the tuple CPython passed it
                             * (borrowed; 0 for an ordinary call) */
    int cmp_depth;          /* nesting of == between containers (ops.c) */
    bool repr_once;         /* Py_ReprEnter ran once on this thread */
    bool repr_stock_owed;   /* made early (import tracemalloc): its dict, keys and list still owed to the free lists */
    SimId repr_state[2];    /* its thread-state dict and the dict's Py_Repr list */
    SimId dc_repr_stack[8]; /* the dataclasses whose __repr__ runs (reprlib.recursive_repr) */
    uint32_t dc_repr_depth;
    bool wait_nested;       /* the running built-in may block inside a call from C (vm_wait_call) */
    bool wait_result;       /* the call that blocked returns whether its wait succeeded: the
                             * value on the stack's top is settled when the thread runs again */
    /* A blocked call's continuation, run when the thread runs again
     * (vm_threads.c): it computes the call's result (a queue's item), raises
     * (queue.Empty after a timeout) or blocks once more; resume_obj is what it
     * works on (owned), resume_at its deadline (VS_NEVER none). */
    int (*resume)(struct PyRun *I, SimId obj, int64_t deadline, SimId *result);
    SimId resume_obj;
    int64_t resume_at;
    bool resume_failed;     /* the continuation raised: the thread's loop starts at its error */
    bool retry;             /* the failing call asks for its instruction to run again (vm_block_retry) */
    bool booted;            /* a started thread's first frame was pushed (vm_threads.c) */
    bool own_run;           /* ... by Thread.run (not a subclass's run) */
    /* An exception leaving a 3.12+ inlined comprehension: where in it it was
     * (its code, instruction, line), for the entry its enclosing frame
     * (index inl_frame + 1, 0 none) adds next (traceback.c) */
    int inl_frame;
    uint32_t inl_code, inl_lasti;
    int inl_line;
} PyThreadState;

/* A new thread state with no frames (its stack reserved). */
PyThreadState *py_thread_new(int id);
/* Frees what ts holds itself; its frames must be gone (their references
 * released by vm_unwind_frame). */
void py_thread_free(PyThreadState *ts);
/* Frame i (0: the outermost) of a thread. */
static inline Frame *py_thread_frame(const PyThreadState *ts, int i)
{
    unsigned u = (unsigned)i;
    return &ts->chunks[u / VM_FRAME_CHUNK][u % VM_FRAME_CHUNK];
}
/* Where frame f (one of ts's) stands: 0 for the outermost. */
int py_thread_frame_index(const PyThreadState *ts, const Frame *f);
/* A new chunk of frames (py_thread_push_frame's slow path). */
void py_thread_grow(PyThreadState *ts);
/* Room for one more frame, zeroed and made the top (the caller checked
 * nframes against VM_MAX_FRAMES). */
static inline Frame *py_thread_push_frame(PyThreadState *ts)
{
    if (ts->nframes == ts->nchunks * VM_FRAME_CHUNK)
        py_thread_grow(ts);
    Frame *f = py_thread_frame(ts, ts->nframes++);
    *f = (Frame){0};
    ts->top = f;
    return f;
}
/* Drops the top frame (what it held must be released already). */
static inline void py_thread_pop_frame(PyThreadState *ts)
{
    ts->entered[ts->top->entered]--;
    ts->nframes--;
    ts->top = ts->nframes ? py_thread_frame(ts, ts->nframes - 1) : NULL;
}

#endif
