/*
 * check: the simulation's invariants, stated where they hold.
 *
 * SIM_ASSERT(cond) is compiled in when SIM_CHECKS is defined (the sanitizer
 * build, `make test-asan`, defines it) and compiled out otherwise, so the
 * model pays nothing for it in the program learners run.  A broken
 * invariant prints the condition and where it failed, then aborts: a wrong
 * refcount or allocator count is a bug in the model, never the learner's.
 * sim_audit() (audit.h) recounts what these assertions check piecemeal.
 */
#ifndef PYDIVE_SIM_CHECK_H
#define PYDIVE_SIM_CHECK_H

#ifdef SIM_CHECKS
_Noreturn void sim_assert_fail(const char *cond, const char *file, int line);
#define SIM_ASSERT(cond) ((cond) ? (void)0 : sim_assert_fail(#cond, __FILE__, __LINE__))
#else
#define SIM_ASSERT(cond) ((void)0)
#endif

#endif
