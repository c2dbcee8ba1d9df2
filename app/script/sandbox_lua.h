/*
 * sandbox_lua: the inside of the sandbox, for code in app/script/ only.
 *
 * This is the internal header of sandbox.c and sandbox_lib.c, and the door
 * through which the exercise reader and (later) the simulation bindings reach
 * the Lua state.  It holds the per-state context (limits and what was used
 * of them) and the one primitive every Lua-touching host call goes through:
 * sandbox_protect, which runs a C function inside a protected call with the
 * limits armed and turns whatever happens into a SandboxResult.
 *
 * Rule for C code run inside sandbox_protect: any Lua API call may raise
 * (longjmp), so validate first, then mutate; never hold malloc'ed memory in
 * locals across a Lua call -- attach it to a longer-lived struct first.
 */
#ifndef PYDIVE_SCRIPT_SANDBOX_LUA_H
#define PYDIVE_SCRIPT_SANDBOX_LUA_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>

#include "base/buf.h"
#include "script/sandbox.h"

/* One per Lua state, reached as the allocator's user data (lua_getallocf),
 * so hooks and C functions find it from any coroutine in O(1). */
typedef struct SandboxCtx {
    SandboxLimits lim;
    /* memory */
    size_t used;         /* bytes Lua holds now */
    size_t peak;         /* most bytes held at once */
    bool refused;        /* a growth was refused and Lua did not recover */
    bool retry_pending;  /* a growth was refused; Lua may retry it after a full GC */
    void *retry_ptr;     /* the refused request, to recognise the retry */
    size_t retry_osize, retry_nsize;
    /* instructions and time */
    bool armed;          /* inside a protected run: limits apply */
    long steps;          /* instructions counted in this run */
    unsigned slices;     /* hook calls in this run */
    struct timespec deadline;
    SandboxOutcome tripped;  /* sticky: the first limit crossed in this run */
    volatile sig_atomic_t abort_requested;
    bool syntax;         /* the error being raised is a compile error */
    bool host_error;     /* the error being raised is the host's (no such function) */
    char trip_msg[256];  /* the message of the limit that tripped */
    char where[96];      /* "file:line" of the last place the hook saw */
    char trip_where[96]; /* "file:line" where the limit tripped, "" when unknown */
    char chunk[96];      /* short name of the chunk being run, for messages */
    /* output */
    Buf out;
    size_t out_total;    /* bytes printed over the sandbox's life */
} SandboxCtx;

/* Registry key of the value the last chunk returned. */
#define SANDBOX_RETURNED_KEY "pydive.returned"

SandboxCtx *sandbox_ctx(lua_State *L);
lua_State *sandbox_state(Sandbox *sb);

/* Runs fn inside a protected call with the limits armed: fresh instruction
 * budget and deadline, limits cleared of the last run's trip.  fn receives
 * `ud` as a light userdata at index 1 and may push and call freely; its
 * first result (if any) becomes res->value.  Errors anywhere below go
 * through a message handler that turns any error object into
 * "file:line: text".  Returns true when res->outcome is SANDBOX_OK.
 * Not reentrant: fn must not call sandbox_protect (or run/call) itself. */
bool sandbox_protect(Sandbox *sb, lua_CFunction fn, void *ud, SandboxResult *res);

/* Inside sandbox_protect: compiles src in text mode and leaves the function
 * on the stack; on a compile error, marks it as a syntax error and raises. */
void sandbox_load_chunk(lua_State *L, const char *src, size_t len, const char *chunkname);

/* Marks the run as having crossed a limit, re-arms the hook so every later
 * instruction raises again, and raises `msg` from the caller's position. */
int sandbox_trip(lua_State *L, SandboxOutcome why, const char *msg);

/* Host work the count hook cannot see: a binding that did `work` units of C
 * work growing with the model (objects visited) calls this afterwards.  It
 * spends one instruction of the budget per SANDBOX_WORK_PER_INSTRUCTION
 * units and reads the clock at once, raising the limit crossed (as
 * sandbox_trip), so a script that loops over a costly binding stops near its
 * deadline instead of once per 8 hook steps of such calls.  No-op outside a
 * protected run or after a trip. */
#define SANDBOX_WORK_PER_INSTRUCTION 16
void sandbox_charge(lua_State *L, uint64_t work);
/* The same count without raising, for a binding that works in slices and
 * must free what it holds first: returns the limit crossed (SANDBOX_OK when
 * none); the binding then cleans up and calls sandbox_charge(L, 0). */
SandboxOutcome sandbox_spend(lua_State *L, uint64_t work);
/* (Both do nothing on a Lua state that is not a sandbox's.) */

/* Registers functions as fields of the global table `table` (created when
 * missing), for host bindings.  Runs protected; false with res on failure. */
bool sandbox_register(Sandbox *sb, const char *table, const luaL_Reg *fns,
                      SandboxResult *res);

/* sandbox_lib.c: opens the allowed libraries, installs the wrappers and
 * locks the globals.  A lua_CFunction, run protected during sandbox_new. */
int sandbox_open_libs(lua_State *L);

#endif
