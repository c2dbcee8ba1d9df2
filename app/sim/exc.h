/*
 * sim/exc: exceptions, tracebacks and frames (exc.c).
 * Included by sim.h, which it extends; include sim.h.
 */
#ifndef PYDIVE_SIM_EXC_H
#define PYDIVE_SIM_EXC_H

/* ---- exceptions, tracebacks, frames (exc.c) ------------------------------ */
/* An exception's fields (PyBaseExceptionObject); SUPPRESS holds 0 or 1. */
typedef enum SimExcField {
    SIM_EXC_ARGS, SIM_EXC_TRACEBACK, SIM_EXC_CONTEXT, SIM_EXC_CAUSE, SIM_EXC_SUPPRESS, SIM_EXC_NFIELDS
} SimExcField;
/* A new exception of class cls (tracked, fields empty); heap_type: a class
 * the program made (its size differs); nextra: the words its built-in base
 * adds to BaseException's, fields SIM_EXC_NFIELDS.. (objects or 0). */
SimId sim_exc_new(Sim *s, SimId cls, bool heap_type, uint32_t nextra);
bool sim_is_exc(const Sim *s, SimId id);
/* A field (borrowed; 0 when unset) */
SimId sim_exc_get(const Sim *s, SimId e, SimExcField f);
/* Sets a field, stealing v (SUPPRESS: 0 or 1, no reference) */
void sim_exc_set(Sim *s, SimId e, SimExcField f, SimId v);
/* Its __dict__, made on first use (borrowed) */
SimId sim_exc_dict(Sim *s, SimId e);
/* A traceback object for code index `code` at lineno: next and frame stolen. */
SimId sim_traceback_new(Sim *s, SimId next, SimId frame, uint32_t code, int lineno, uint32_t lasti);
/* A frame object of a running frame with nslots slots (untracked). */
SimId sim_frame_new(Sim *s, uint32_t nslots);
/* A code object for pyrun's code `index`: static (CPython made it while
 * compiling, before the program's first line), untracked, never freed. */
SimId sim_code_new(Sim *s, uint32_t index);
/* take_ownership: the frame ends while its object lives on; the object
 * takes the n slots (references moved in), func and back (stolen) and is
 * tracked. False (refused memory) with nothing taken. */
bool sim_frame_take(Sim *s, SimId frame, const SimId *slots, uint32_t n, SimId func, SimId back);

#endif
