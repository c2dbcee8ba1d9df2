/*
 * fuzz_sandbox: libFuzzer target for the Lua sandbox (app/script/sandbox.h)
 * and the exercise reader on top of it, with tight limits so every input
 * ends in a result within a few hundred milliseconds.
 *
 * An input whose first byte is 0x01 is not Lua: its other bytes drive a
 * small generator (fuzz_sandbox_generate) that strings together the
 * constructs hostile scripts are made of (loops, deep recursion, pcall,
 * coroutines, metatables, string bombs, error values of every type), so the
 * fuzzer reaches the limit paths far more often than random text would.
 * Any other input runs as Lua source.  Either way the chunk is run, its
 * `check` is called, and the same text is read as an exercise file.
 *
 * tests/unit/test_fuzz_regressions.c includes this file to replay
 * tests/fuzz/regressions/sandbox/ through the same entry point.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "script/exercise.h"
#include "script/sandbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bytes of a generator input, read one choice at a time. */
typedef struct FuzzSandboxGen {
    const uint8_t *p, *end;
    Buf out;
    int depth;
} FuzzSandboxGen;

static unsigned fuzz_sandbox_pick(FuzzSandboxGen *g, unsigned n)
{
    return g->p < g->end ? (unsigned)(*g->p++) % n : 0;
}

static int fuzz_sandbox_number(FuzzSandboxGen *g)
{
    static const int nums[] = {0, 1, -1, 2, 7, 100, 4096, 65536, 1 << 20, 1 << 30, 2147483647};
    return nums[fuzz_sandbox_pick(g, sizeof nums / sizeof nums[0])];
}

static void fuzz_sandbox_expr(FuzzSandboxGen *g);
static void fuzz_sandbox_block(FuzzSandboxGen *g);

static void fuzz_sandbox_expr(FuzzSandboxGen *g)
{
    Buf *o = &g->out;
    if (g->depth > 6) {
        buf_printf(o, "%d", fuzz_sandbox_number(g));
        return;
    }
    g->depth++;
    switch (fuzz_sandbox_pick(g, 14)) {
    case 0: buf_printf(o, "%d", fuzz_sandbox_number(g)); break;
    case 1: buf_adds(o, "'x'"); break;
    case 2: buf_adds(o, "nil"); break;
    case 3: buf_printf(o, "string.rep('ab', %d)", fuzz_sandbox_number(g)); break;
    case 4: buf_adds(o, "{"); fuzz_sandbox_expr(g); buf_adds(o, ", "); fuzz_sandbox_expr(g);
            buf_adds(o, "}"); break;
    case 5: buf_adds(o, "("); fuzz_sandbox_expr(g); buf_adds(o, " .. "); fuzz_sandbox_expr(g);
            buf_adds(o, ")"); break;
    case 6: buf_adds(o, "("); fuzz_sandbox_expr(g); buf_adds(o, " + "); fuzz_sandbox_expr(g);
            buf_adds(o, ")"); break;
    case 7: buf_adds(o, "setmetatable({}, {__index = function(t, k) return t[k] end, "
                        "__tostring = function() return "); fuzz_sandbox_expr(g);
            buf_adds(o, " end})"); break;
    case 8: buf_adds(o, "select('#', pcall(function() "); fuzz_sandbox_block(g);
            buf_adds(o, " end))"); break;
    case 9: buf_adds(o, "coroutine.wrap(function() "); fuzz_sandbox_block(g);
            buf_adds(o, " return 1 end)()"); break;
    case 10: buf_adds(o, "string.format('%5.2f%q', 1.5, "); fuzz_sandbox_expr(g);
             buf_adds(o, ")"); break;
    case 11: buf_adds(o, "tostring("); fuzz_sandbox_expr(g); buf_adds(o, ")"); break;
    case 12: buf_adds(o, "#t"); break;
    default: buf_adds(o, "load('return ' .. "); fuzz_sandbox_expr(g);
             buf_adds(o, ")"); break;
    }
    g->depth--;
}

static void fuzz_sandbox_block(FuzzSandboxGen *g)
{
    Buf *o = &g->out;
    unsigned n = 1 + fuzz_sandbox_pick(g, 3);
    for (unsigned i = 0; i < n && g->depth <= 6; i++) {
        g->depth++;
        switch (fuzz_sandbox_pick(g, 16)) {
        case 0: buf_adds(o, "while true do "); fuzz_sandbox_block(g); buf_adds(o, " end "); break;
        case 1: buf_printf(o, "for i = 1, %d do ", fuzz_sandbox_number(g));
                fuzz_sandbox_block(g); buf_adds(o, " end "); break;
        case 2: buf_adds(o, "local function r(n) return r(n + 1) + 1 end r(1) "); break;
        case 3: buf_adds(o, "pcall(function() "); fuzz_sandbox_block(g); buf_adds(o, " end) ");
                break;
        case 4: buf_adds(o, "t[#t + 1] = "); fuzz_sandbox_expr(g); buf_adds(o, " "); break;
        case 5: buf_adds(o, "s = (s or 'a') .. s "); break;
        case 6: buf_adds(o, "print("); fuzz_sandbox_expr(g); buf_adds(o, ") "); break;
        case 7: buf_adds(o, "error("); fuzz_sandbox_expr(g); buf_adds(o, ") "); break;
        case 8: buf_adds(o, "string.find(string.rep('a', 3000), '(a*)*b') "); break;
        case 9: buf_adds(o, "table.sort(t, function(a, b) return true end) "); break;
        case 10: buf_adds(o, "x = "); fuzz_sandbox_expr(g); buf_adds(o, " "); break;
        case 11: buf_adds(o, "xpcall(function() "); fuzz_sandbox_block(g);
                 buf_adds(o, " end, function(e) return e end) "); break;
        case 12: buf_adds(o, "t = {} "); break;
        case 13: buf_adds(o, "table.insert(t, "); fuzz_sandbox_expr(g); buf_adds(o, ") "); break;
        case 14: buf_adds(o, "s = string.gsub(tostring(s), '.', '%0%0') "); break;
        default: buf_adds(o, "collectgarbage() "); break;
        }
        g->depth--;
    }
}

static void fuzz_sandbox_generate(const uint8_t *data, size_t size, Buf *out)
{
    FuzzSandboxGen g = {.p = data, .end = data + size};
    buf_adds(&g.out, "t = {} ");
    while (g.p < g.end && g.out.len < 8192)
        fuzz_sandbox_block(&g);
    buf_adds(&g.out, "return {check = function() ");
    fuzz_sandbox_block(&g);
    buf_adds(&g.out, " return true end}\n");
    *out = g.out;
}

static void fuzz_sandbox_limits(SandboxLimits *lim)
{
    *lim = (SandboxLimits){
        .mem_bytes = (size_t)1 << 20,
        .instructions = 200000,
        .hook_step = 100,
        .wall_ms = 250,
        .output_bytes = 4096,
        .pattern_subject = 4096,
    };
}

/* The text as an exercise file (the table reader on top of the sandbox). */
static void fuzz_sandbox_exercise(const char *src, size_t len)
{
    SandboxLimits lim;
    fuzz_sandbox_limits(&lim);
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(&lim, &res);
    if (sb) {
        Exercise ex = {0};
        DiagList dl = {0};
        exercise_load_string(sb, "exercises/ch01/fuzz.lua", src, len, &ex, &dl);
        if (ex.has_check) {
            SandboxResult r2 = {0};
            sandbox_call(sb, "check", &r2);
            sandbox_result_fini(&r2);
        }
        exercise_fini(&ex);
        diag_fini(&dl);
        sandbox_free(sb);
    }
    sandbox_result_fini(&res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    Buf src = {0};
    if (size > 0 && data[0] == 0x01)
        fuzz_sandbox_generate(data + 1, size - 1, &src);
    else
        buf_add(&src, (const char *)data, size);

    SandboxLimits lim;
    fuzz_sandbox_limits(&lim);
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(&lim, &res);
    if (!sb)
        abort(); /* a fresh state with 1 MiB must always be possible */
    sandbox_result_fini(&res);
    sandbox_run_string(sb, src.data ? src.data : "", src.len, "@fuzz.lua", &res);
    if (res.outcome != SANDBOX_OK && (!res.message || strlen(res.message) > 1100))
        abort(); /* every failure has a message of bounded size */
    sandbox_result_fini(&res);
    sandbox_call(sb, "check", &res);
    sandbox_result_fini(&res);
    size_t out_len;
    sandbox_output(sb, &out_len);
    if (out_len > lim.output_bytes)
        abort();
    sandbox_free(sb);

    fuzz_sandbox_exercise(src.data ? src.data : "", src.len);
    buf_fini(&src);
    return 0;
}
