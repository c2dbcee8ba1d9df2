/*
 * exrun_internal: what exrun.c (Python programs) and exrun_lab.c (labs)
 * share inside the exercise engine.  Internal to app/script.
 */
#ifndef PYDIVE_SCRIPT_EXRUN_INTERNAL_H
#define PYDIVE_SCRIPT_EXRUN_INTERNAL_H

#include <lua.h>

#include "script/api_sim.h"
#include "script/exrun.h"

/* What a fix exercise's check(run) said. */
typedef struct CheckCall {
    bool passed;
    char *message; /* check's second value, malloc'ed, or NULL */
} CheckCall;

/* What `run` shows a script: a Python run on the model, or a lab. */
typedef struct Bound {
    SimRun *run;
    const Lab *lab;
} Bound;

/* Inside sandbox_protect: calls the exercise's check(run) (ud: CheckCall). */
int exrun_check_body(lua_State *L);
/* What the check said into *out (it takes c's message), or the script's own
 * error when it did not run; frees res.  Returns ran. */
bool exrun_check_result(ExCheck *out, bool ran, CheckCall *c, SandboxResult *res);
/* Sets the global `run` to what b shows. */
bool exrun_bind(Sandbox *sb, const Bound *b, SandboxResult *res);
/* Calls step i's model(run) and adds a diagnostic when it disagrees. */
void exrun_verify_step(ExHandle *h, const Bound *b, size_t i, DiagList *dl);

/* Adds a diagnostic when the program did not end as the exercise says
 * (normally, or in an error with `ends_in_error = true`); `what` names it. */
void exrun_check_ending(const Exercise *ex, int exit_code, const char *error, const char *what,
                        DiagList *dl);

/* Labs (exrun_lab.c). */
bool exrun_check_lab(ExHandle *h, const char *program, size_t len, const char *filename,
                     ExCheck *out);
void exrun_verify_predict_lab(ExHandle *h, DiagList *dl);
void exrun_verify_sandbox_lab(ExHandle *h, DiagList *dl);

#endif
