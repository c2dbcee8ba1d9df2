/*
 * interp_vm: the virtual machine's entry points (vm.c and its vm_*.c
 * files: calls, returns, frames, generators, with and match), split from
 * interp.h, which includes it where the types they take are complete.
 * Include pyrun/interp.h, never this file.
 */
#ifndef PYDIVE_PYRUN_INTERP_VM_H
#define PYDIVE_PYRUN_INTERP_VM_H

/* vm.c */
/* VM_SWITCH: the running thread let another one run (I->ts changes before
 * the next run; vm_threads.c). */
typedef enum VmStop { VM_RETURNED, VM_STEPPED, VM_ERROR, VM_SWITCH } VmStop;
VmStop vm_run(PyRun *I, int base_depth, bool step);
bool vm_push_module(PyRun *I);
/* vm_help.c */
SimId vm_name_const(PyRun *I, int arg);
void vm_name_error(PyRun *I, SimId name);
SimId vm_load_name(PyRun *I, SimId name, bool use_locals);
bool vm_unpack(PyRun *I, int n);
SimId vm_build_slice(PyRun *I, int n);
void vm_eval_breaker(PyRun *I);
/* long_to_decimal_string's SIGCHECK for a non-zero int v: 3.12+'s
 * PyErr_CheckSignals runs a collection an allocation scheduled, there and
 * then (in the middle of a str(), a print(), a format) */
void vm_decimal_sigcheck(PyRun *I, SimId v);
/* PyErr_CheckSignals as PyObject_Str and PyObject_Repr call it first: the
 * same in 3.12+ */
void vm_signals_check(PyRun *I);
/* The scheduler's look at an eval-breaker check once vs.now reached
 * vs.check_at (vm_threads.c): 1 when another thread runs now (the loop
 * returns VM_SWITCH), 0 to go on, -1 with a refusal when every thread
 * waits for ever. */
int vm_sched_check(PyRun *I);
/* What a blocked call's continuation (PyThreadState.resume) returns: its
 * result is ready, it blocked again (having called vm_block_resume for the
 * next look), or it raised.  The continuation's obj is released after it. */
enum { VM_RESUME_DONE, VM_RESUME_AGAIN, VM_RESUME_ERROR };
/* The running thread just blocked inside a call the loop made itself: once
 * it runs again, fn(obj, deadline) gives the call's result (obj's reference
 * stolen; deadline in ps of the simulated clock, VS_NEVER none). */
void vm_block_resume(PyRun *I, int (*fn)(PyRun *, SimId, int64_t, SimId *), SimId obj, int64_t deadline);
/* A call that must wait and cannot give a placeholder (an iterator's
 * next inside list(), a for loop's next) blocks the thread and asks for the
 * instruction that reached it (the CALL or FOR_ITER of the outermost loop)
 * to run again once the thread runs: it fails with a refusal that this
 * instruction withdraws (vm_retry_taken); anywhere else the refusal stands,
 * naming `what`.  Nothing may have been consumed on the way. */
bool vm_block_retry(PyRun *I, const char *what);
bool vm_retry_taken(PyRun *I);
/* After VM_SWITCH: I->ts becomes the thread the scheduler runs (a thread
 * that runs for the first time gets its first frame). */
void vm_thread_switch(PyRun *I);
/* The running thread blocked inside a call from C (asyncio's loop waiting
 * in its selector, a start() inside it): the other threads run, each in a
 * vm_run of its own, until this one runs again.  False when the run must
 * stop (a refusal, every thread waiting for ever, a thread's error). */
bool vm_wait_nested(PyRun *I);
/* A built-in that blocked inside a call from C where the thread may wait
 * there (I->ts->wait_nested: asyncio's loop thread, asyncio_wait_here):
 * the other threads run now until it runs again, and r (stolen) becomes
 * the call's settled result (0: an error, or a refusal) */
SimId vm_wait_call(PyRun *I, SimId r);
/* The outermost run returned: a thread's first frame ended (the thread
 * ends), or the main thread's module did (it waits for the non-daemon
 * threads).  1 when another thread runs now, 0 when the program ends as
 * before (no other thread), -1 refused. */
int vm_thread_returned(PyRun *I);
/* The costs of a profile's instructions into I->opcost. */
void vm_opcost_init(PyRun *I);
/* A thread was started: under 3.13t the threads run at once from now on,
 * with biased counting's costs (vm_threads.c). */
void vm_threads_spawned(PyRun *I);
/* An exception ends the running thread (not the main one): refused at the
 * line that raised it, since threading.excepthook's output is not modelled. */
void vm_thread_exception(PyRun *I);
/* 3.13t: the running thread stores `name` into the namespace `dict`; false
 * (refused) when another thread running at once stored it lately and one of
 * the two held no lock: a data race whose lost updates the model, which runs
 * each thread's instructions whole, cannot show (vm_threads.c). */
enum { VM_RACE_GLOBAL, VM_RACE_ATTR, VM_RACE_ITEM };
bool vm_race_check(PyRun *I, SimId dict, SimId name, int what);
bool vm_format_value(PyRun *I, int arg);
bool vm_raise_op(PyRun *I, int arg);
/* MAP_ADD: pops a key and a value into the dict `depth` slots down; false
 * with TypeError for an unhashable key. */
bool vm_map_add(PyRun *I, int depth);
/* Calls a Python or built-in callable from C with borrowed args; returns a new
 * reference or 0 with I->ts->err set. */
SimId vm_call(PyRun *I, SimId callable, SimId *args, int nargs);
/* type(mgr).name bound to mgr as the with statement looks it up (a new
 * reference), or 0 with CPython's TypeError (exit: the __exit__ wording) */
SimId vm_special(PyRun *I, SimId mgr, const char *name, bool exit);
/* The same with the last len(kwnames) arguments named (kwnames borrowed, 0: none). */
SimId vm_call_kw(PyRun *I, SimId callable, SimId *args, int nargs, SimId kwnames);
void vm_unwind_frame(PyRun *I);
/* The CALL instruction: nargs arguments above [callable-or-NULL, self-or-callable]. */
bool vm_do_call(PyRun *I, int nargs);
/* RETURN_VALUE: pops the frame; 1 when the loop should return (C boundary
 * or end), 0 to continue, -1 on error. */
int vm_do_return(PyRun *I, SimId result);
/* vm_class.c: BUILD_CLASS (the body's frame pushed), and a class body's
 * return (its frame unwound, result consumed): the class, or 0 with the
 * error raised */
bool vm_build_class(PyRun *I, uint32_t ci);
SimId vm_class_return(PyRun *I, SimId result);
/* Pushes a frame for func with self (0 = none) and args bound; func, self
 * and args are moved in (owned references), whatever the outcome. */
bool vm_call_python(PyRun *I, SimId func, SimId self, SimId *args, int nargs, SimId kwnames, uint8_t kind);
/* The same without the RESUME check, for callers that finish the call
 * first; the frame is FR_NORMAL. */
bool vm_push_python(PyRun *I, SimId func, SimId self, SimId *args, int nargs, SimId kwnames);
/* vm_args.c: the arguments moved into frame f's parameter slots of func
 * (self first when given), or false with CPython's TypeError raised. */
bool vm_bind_args(PyRun *I, Frame *f, SimId func, SimId self, SimId *args, int nargs, SimId kwnames);
/* vm_call_ex.c: CALL_FUNCTION_EX (has_kw: a keyword dict above the tuple)
 * and the builders of star displays; false with the exception raised. */
bool vm_call_ex(PyRun *I, int has_kw);
/* vm_super.c: pops [super, class, obj]; pushes the attribute (and for a
 * method load, two values as LOAD_METHOD does) */
bool vm_super_attr(PyRun *I, int arg);
/* Releases the caller's slots of a finished CALL_FUNCTION_EX from base. */
void vm_call_ex_release(PyRun *I, uint32_t base);
bool vm_list_to_tuple(PyRun *I);
bool vm_list_extend(PyRun *I, int depth);
bool vm_dict_merge(PyRun *I, int depth, bool call);
bool vm_set_add(PyRun *I, int depth);
/* vm_build.c: BUILD_SET / BUILD_MAP of the n items (n key, value pairs)
 * at items, whose references they take over even when they fail; the new
 * set or dict, or 0 with the error raised. */
SimId vm_build_set(PyRun *I, SimId *items, int n);
SimId vm_build_map(PyRun *I, SimId *items, int n);
bool vm_set_extend(PyRun *I, int depth);
bool vm_unpack_ex(PyRun *I, int arg);
/* vm_special.c: LOAD_ATTR of owner (its reference consumed): 1 with the
 * value pushed, 2 when a getter's frame was pushed instead (its result
 * comes with its return), 0 on error. */
int vm_load_attr(PyRun *I, SimId owner, int arg);
/* The instructions run so far (vm_loop.c counts down check_left, not up). */
static inline uint64_t vm_steps(const PyRun *I) { return I->check_at - (uint64_t)I->check_left; }
/* The next instruction checks refusals, the step limit and a stop. */
static inline void vm_check_next(PyRun *I)
{
    I->check_at = vm_steps(I);
    I->check_left = 0;
    I->depth_left = 0;
}
/* The running thread's frame count in I->depth, which the dispatch loop
 * looks at only once check_left goes below 0 (vm_loop.c): what was left
 * of the count waits in depth_left, so a call or a return reloads the
 * frame without vm_checks' work (the steps stay as they were). */
static inline void vm_set_depth(PyRun *I, int depth)
{
    I->depth = depth;
    if (I->check_left > 0) {
        I->depth_left += I->check_left;
        I->check_at -= (uint64_t)I->check_left;
        I->check_left = 0;
    }
}
/* Drops the running thread's top frame (its references released already). */
static inline void vm_pop_frame(PyRun *I)
{
    py_thread_pop_frame(I->ts);
    vm_set_depth(I, I->ts->nframes);
}
/* vm_depth.c: may one more frame be pushed?  false with RecursionError
 * raised (or the depth refused) as the profile's CPython would. */
bool vm_depth_check(PyRun *I);
/* Far from every limit of vm_depth_check: nothing to count. */
static inline bool vm_depth_far(const PyRun *I)
{
    const PyThreadState *ts = I->ts;
    int from_c = ts->entered[ENTERED_INIT] + ts->entered[ENTERED_C] + 1; /* + the one pushed */
    return from_c < VM_DEPTH_FAST_C && ts->nframes + 8 * from_c + 16 < I->recursion_limit &&
           ts->nframes < VM_MAX_FRAMES;
}
static inline bool vm_depth_ok(PyRun *I) { return vm_depth_far(I) || vm_depth_check(I); }
/* Frame f was entered from C (ENTERED_INIT, ENTERED_C): counted on its
 * thread until it is popped; the first way marked holds. */
void vm_frame_entered(PyRun *I, Frame *f, int way);
/* The frame of code ci, pushed above the current one with its slots
 * empty; NULL with RecursionError raised. */
Frame *vm_new_frame(PyRun *I, uint32_t ci, SimId globals);
/* Unwinds to the pending exception's handler in the frames above base and
 * runs on from there (a generator's throw): as vm_run. */
VmStop vm_run_throw(PyRun *I, int base);
/* Raises exception e (a class or an instance: reference stolen), as
 * `raise e` does; always returns false. */
bool vm_raise_value(PyRun *I, SimId e);
/* generators (vm_gen.c) */
/* A call of a generator function: the frame vm_call_python pushed becomes
 * a new generator (its locals move in); the frame is popped. */
SimId vm_gen_create(PyRun *I);
/* YIELD_VALUE: suspends the top frame into its generator with `value`
 * (owned) for the resumer; false with the error raised. */
bool vm_gen_yield(PyRun *I, SimId value, bool again);
/* vm_coro.c: GET_AWAITABLE's iterator of v (new reference), or 0 with the
 * error raised */
SimId vm_get_awaitable(PyRun *I, SimId v);
/* _PyGen_Finalize's RuntimeWarning for a coroutine that never ran */
void vm_coro_unawaited(PyRun *I, SimId coro);
/* ... for a coroutine of a module's (asyncio.sleep's), by its qualname */
void vm_warn_unawaited(PyRun *I, const char *qualname);
/* YIELD_FROM: 1 when the frame yielded (suspended), 0 when the
 * sub-iterator finished (its value pushed), -1 on error. */
int vm_gen_yield_from(PyRun *I);
/* gen.send(value) (value borrowed; None for next()): the value yielded,
 * or 0 with StopIteration(return value) or the generator's error raised. */
SimId vm_gen_send(PyRun *I, SimId gen, SimId value);
/* Next item for a loop: the value yielded, or 0 at the end (no error
 * set: the return value is dropped) or on error (I->ts->err set). */
SimId vm_gen_next(PyRun *I, SimId gen);
/* gen.throw(): the pending exception is raised inside gen; as vm_gen_send. */
SimId vm_gen_throw(PyRun *I, SimId gen);
/* gen.close(); false with the error raised. */
bool vm_gen_close(PyRun *I, SimId gen);
/* The iterator a suspended `yield from` delegates to (borrowed), or 0. */
SimId vm_gen_yield_from_target(PyRun *I, SimId gen);
/* Would throwing into gen (suspended or not started) run none of its own
 * code: no try block active (no except, finally or with), and no slot
 * holding an instance whose type defines __del__ or another generator
 * (what the unwinding frees runs nothing visible)?  Its yield-from target
 * is not looked at. */
bool vm_gen_unwinds_quietly(PyRun *I, SimId gen);
/* with statements (vm_with.c): BEFORE_WITH, WITH_EXIT (k items above
 * __exit__ stay), WITH_EXCEPT; false with the exception raised. */
bool vm_before_with(PyRun *I, int async);
bool vm_with_exit(PyRun *I, int k);
bool vm_with_except(PyRun *I);
/* vm_match.c: OP_MATCH (arg: PM_* | n << 4); false with the error raised */
bool vm_match_op(PyRun *I, int arg);
bool vm_exc_star(PyRun *I, int arg); /* vm_exc_star.c */

#endif
