/*
 * sandbox: runs untrusted Lua (exercise scripts) with hard limits.
 *
 * A Sandbox owns one fresh Lua state with a reduced library (base, string,
 * table, math, utf8, coroutine; no io, os, package, debug, require, dofile,
 * loadfile, string.dump, binary chunks or __gc metatables).  Every run or
 * call is measured against an instruction budget, a wall-clock deadline, a
 * cap on the bytes Lua may hold and a cap on printed output.  A limit, once
 * crossed, is sticky for the rest of that call, so `pcall` cannot swallow it.
 *
 * Errors are values: every function fills a SandboxResult and nothing here
 * aborts the process.  This header has no Lua types, so any layer may use it;
 * app/script/sandbox_lua.h is the internal side for code that pushes values.
 */
#ifndef PYDIVE_SCRIPT_SANDBOX_H
#define PYDIVE_SCRIPT_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>

typedef struct Sandbox Sandbox;

/* Zero in any field means "use the default" (see sandbox_limits_default). */
typedef struct SandboxLimits {
    size_t mem_bytes;       /* cap on bytes held by Lua, libraries included */
    long instructions;      /* VM instructions per run or call */
    int hook_step;          /* instructions between two checks of the limits */
    int wall_ms;            /* wall-clock deadline per run or call, in ms */
    size_t output_bytes;    /* bytes `print` may produce over the sandbox's life */
    size_t pattern_subject; /* longest subject string.find/match/gmatch/gsub accept */
} SandboxLimits;

#define SANDBOX_DEFAULT_MEM ((size_t)8 << 20)
#define SANDBOX_DEFAULT_INSTRUCTIONS 2000000L
#define SANDBOX_DEFAULT_STEP 1000
#define SANDBOX_DEFAULT_WALL_MS 1000
#define SANDBOX_DEFAULT_OUTPUT ((size_t)64 << 10)
#define SANDBOX_DEFAULT_PATTERN_SUBJECT ((size_t)16 << 10)

/* Fills *lim with the defaults above. */
void sandbox_limits_default(SandboxLimits *lim);

typedef enum SandboxOutcome {
    SANDBOX_OK,
    SANDBOX_SYNTAX,       /* the chunk does not compile */
    SANDBOX_RUNTIME,      /* error(), a failed operation, a refused library call */
    SANDBOX_INSTRUCTIONS, /* the instruction budget was spent */
    SANDBOX_TIME,         /* the wall-clock deadline passed (slow C work) */
    SANDBOX_MEMORY,       /* Lua needed more than the byte cap */
    SANDBOX_OUTPUT,       /* print went over the output budget */
    SANDBOX_ABORTED,      /* sandbox_abort was called during the run */
    SANDBOX_HOST,         /* not the script's fault: unreadable file, no such function */
} SandboxOutcome;

typedef struct SandboxResult {
    SandboxOutcome outcome;
    char *message; /* owned; NULL when ok.  "file:line: text" when the place is known,
                      at most about 1 KiB (longer messages are cut with "...") */
    char *file;    /* owned; the file part of message, NULL when unknown */
    int line;      /* the line part of message, 0 when unknown */
    char *value;   /* owned; first returned value when it is a string, number or
                      boolean (as text), otherwise NULL */
    long steps;    /* instructions counted, to a precision of one hook step */
    size_t mem_peak; /* most bytes Lua held at once so far */
} SandboxResult;

/* Frees the strings of *res and zeroes it.  Safe on a zeroed result. */
void sandbox_result_fini(SandboxResult *res);
/* "ok", "syntax error", "runtime error", "instruction limit", ... */
const char *sandbox_outcome_name(SandboxOutcome outcome);

/* Creates a sandbox.  `lim` may be NULL for the defaults.  Returns NULL only
 * when the state cannot be set up (res then says why); res may be NULL. */
Sandbox *sandbox_new(const SandboxLimits *lim, SandboxResult *res);
void sandbox_free(Sandbox *sb);

/* Compiles `src` (text only) under `chunkname` and runs it.  Use a chunk name
 * of the form "@exercises/ch01/arena-hold.lua" so messages name the file.
 * The chunk's first returned value is kept: sandbox_call looks there first.
 * Returns true when res->outcome is SANDBOX_OK. */
bool sandbox_run_string(Sandbox *sb, const char *src, size_t len, const char *chunkname,
                        SandboxResult *res);
/* Same for a file; chunkname NULL means "@" followed by `path`. */
bool sandbox_run_file(Sandbox *sb, const char *path, const char *chunkname,
                      SandboxResult *res);

/* Calls the function `name` with no arguments: a field of the table the last
 * chunk returned, or else a global.  Fresh budget and deadline for the call. */
bool sandbox_call(Sandbox *sb, const char *name, SandboxResult *res);

/* Asks the current run to stop as soon as possible (outcome SANDBOX_ABORTED).
 * Only sets a flag, so it is safe from a signal handler or another thread. */
void sandbox_abort(Sandbox *sb);

/* What `print` wrote so far (NUL-terminated, never NULL) and its length. */
const char *sandbox_output(const Sandbox *sb, size_t *len);
/* Empties the output; the budget is not given back. */
void sandbox_output_clear(Sandbox *sb);

/* Bytes Lua holds now. */
size_t sandbox_mem_used(const Sandbox *sb);

#endif
