/*
 * labs: the Lua side of the line-driven models (lab/lab.h).
 *
 * A lab exercise's `model` and `check` functions read a global table `run`
 * describing the lab as it is now.  labs_push_run builds it as plain data
 * (no closures into C, so nothing dangles when the lab moves on): the fields
 * every lab shares, then the lab's own (one row per lab in labs.c):
 *
 *   run.model     "gil"            run.line      the line about to run, 0 at the end
 *   run.finished  true/false       run.exit      0, or 1 after an error
 *   run.stdout    list of lines    run.error     the last line of err, or ""
 *
 * A row may also open a library every exercise script can call (the GIL
 * lab's `gil.simulate{...}`), so scripts can build workloads themselves.
 * Internal to app/script: it speaks Lua.
 */
#ifndef PYDIVE_SCRIPT_LABS_H
#define PYDIVE_SCRIPT_LABS_H

#include <stdbool.h>

#include <lua.h>

#include "script/sandbox.h"
#include "lab/lab.h"

typedef struct LabBinding {
    const char *name; /* the LabClass name */
    /* Adds the lab's own fields to the table on top of the stack. */
    void (*fill_run)(lua_State *L, const Lab *lab);
    /* Sets global libraries for every exercise script; NULL for none. */
    void (*open_lib)(lua_State *L);
} LabBinding;

const LabBinding *lab_binding_find(const char *name);
/* Opens every lab's library (called when an exercise sandbox is made). */
void labs_open_libs(lua_State *L);
/* Pushes the `run` table for lab (shared fields + the lab's own). */
void labs_push_run(lua_State *L, const Lab *lab);

/* t[k] = v on the table on top of the stack: the bindings' field setters. */
void labs_set_int(lua_State *L, const char *k, long long v);
void labs_set_num(lua_State *L, const char *k, double v);
void labs_set_str(lua_State *L, const char *k, const char *v);
void labs_set_bool(lua_State *L, const char *k, bool v);

/* The same inside a protected call, for the engine (exrun.c): every lab's
 * library into sb, and the global `run` set to lab's table (NULL: nil). */
bool labs_register(Sandbox *sb, SandboxResult *res);
bool labs_bind(Sandbox *sb, const Lab *lab, SandboxResult *res);

/* Rows, one file each: script/lab_NAME_lua.c */
extern const LabBinding lab_gil_binding;
extern const LabBinding lab_flywheel_binding;
extern const LabBinding lab_capi_binding;
extern const LabBinding lab_roadmap_binding;
extern const LabBinding lab_loop_binding;

#endif
