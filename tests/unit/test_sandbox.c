/*
 * Unit tests for app/script/sandbox: the hostile corpus under
 * tests/fixtures/lua/hostile/ (one test per file, each with its exact outcome
 * class, message and line), then the host API: output, calls, registered C
 * functions, abort, the time limit, memory accounting and setup under tiny
 * caps.  Times are measured only as a sanity bound (a hung case fails rather
 * than hangs the suite for long); nothing here asserts performance.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/fsutil.h"
#include "script/sandbox.h"
#include "script/sandbox_lua.h"

#define HOSTILE_DIR "tests/fixtures/lua/hostile"
#define SANITY_MS 2000.0

typedef struct HostileCase {
    const char *file;
    SandboxOutcome outcome;
    const char *needle; /* must appear in the message (or the value when ok) */
    int line;           /* expected line of the message; 0 = not checked */
    bool inner;         /* the message names a chunk the script loaded, not the file */
} HostileCase;

static const HostileCase hostile[] = {
    {"infinite-loop.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 4, false},
    {"pcall-loop.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 0, false},
    {"xpcall-loop.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 0, false},
    {"coroutine-loop.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 4, false},
    {"coroutine-loop-return.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 4, false},
    {"coroutine-wrap.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 3, false},
    {"string-rep-bomb.lua", SANDBOX_MEMORY, "memory limit", 0, false},
    {"string-rep-empty.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 5, false},
    {"table-bomb-pcall.lua", SANDBOX_MEMORY, "memory limit", 5, false},
    {"deep-recursion.lua", SANDBOX_MEMORY, "memory limit", 3, false},
    {"string-dump-method.lua", SANDBOX_RUNTIME, "method 'dump'", 2, false},
    {"string-dump-global.lua", SANDBOX_RUNTIME, "field 'dump'", 2, false},
    {"string-metatable.lua", SANDBOX_RUNTIME, "index a boolean value", 2, false},
    {"load-binary.lua", SANDBOX_RUNTIME, "attempt to load a binary chunk", 3, false},
    {"gc-finalizer.lua", SANDBOX_RUNTIME, "__gc is not allowed", 2, false},
    {"gc-added-later.lua", SANDBOX_OK, "no finalizer ran", 0, false},
    {"pattern-backtracking.lua", SANDBOX_RUNTIME, "pattern too costly", 3, false},
    {"pattern-long-subject.lua", SANDBOX_RUNTIME, "longer than the 16384 bytes", 3, false},
    {"error-table.lua", SANDBOX_RUNTIME, "(error object is a table value)", 3, false},
    {"error-nil.lua", SANDBOX_RUNTIME, "(error object is a nil value)", 2, false},
    {"error-huge.lua", SANDBOX_RUNTIME, "xxx...", 2, false},
    {"error-tostring-loop.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 4, false},
    {"print-flood.lua", SANDBOX_OUTPUT, "output limit", 3, false},
    {"print-flood-pcall.lua", SANDBOX_OUTPUT, "output limit", 3, false},
    {"os-access.lua", SANDBOX_RUNTIME, "unknown global 'os'", 1, false},
    {"io-access.lua", SANDBOX_RUNTIME, "unknown global 'io'", 1, false},
    {"require-access.lua", SANDBOX_RUNTIME, "unknown global 'require'", 1, false},
    {"debug-access.lua", SANDBOX_RUNTIME, "unknown global 'debug'", 1, false},
    {"dofile-access.lua", SANDBOX_RUNTIME, "unknown global 'dofile'", 1, false},
    {"package-access.lua", SANDBOX_RUNTIME, "unknown global 'package'", 1, false},
    {"env-index-escape.lua", SANDBOX_RUNTIME, "protected metatable", 2, false},
    {"format-bomb.lua", SANDBOX_MEMORY, "memory limit", 0, false},
    {"concat-bomb-pcall.lua", SANDBOX_MEMORY, "memory limit", 0, false},
    {"close-loop.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 4, false},
    {"sort-comparator-loop.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 4, false},
    {"table-insert-len.lua", SANDBOX_RUNTIME, "__len metamethod", 3, false},
    {"table-move-span.lua", SANDBOX_RUNTIME, "more than 1048576 elements", 2, false},
    {"load-text-loop.lua", SANDBOX_INSTRUCTIONS, "inner:1: instruction limit", 0, true},
    {"collectgarbage-stop.lua", SANDBOX_RUNTIME, "collectgarbage('stop')", 2, false},
    {"garbage-churn.lua", SANDBOX_INSTRUCTIONS, "instruction limit", 0, false},
    {"syntax-error.lua", SANDBOX_SYNTAX, "unexpected symbol near '='", 2, false},
    {"metamethod-recursion.lua", SANDBOX_RUNTIME, "C stack overflow", 3, false},
    {"pcall-recursion.lua", SANDBOX_OK, "true", 0, false},
    {"unknown-global.lua", SANDBOX_RUNTIME, "unknown global 'tonumbr'", 2, false},
};
#define NHOSTILE (sizeof hostile / sizeof hostile[0])

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Runs `src` in a fresh default sandbox; the caller finis *res. */
static SandboxOutcome run_src(const char *src, SandboxResult *res)
{
    Sandbox *sb = sandbox_new(NULL, res);
    assert_non_null(sb);
    sandbox_run_string(sb, src, strlen(src), "@t.lua", res);
    sandbox_free(sb);
    return res->outcome;
}

static void run_hostile(void **state)
{
    const HostileCase *hc = *state;
    char *path = path_join(HOSTILE_DIR, hc->file);
    SandboxResult res = {0};
    double t0 = now_ms();
    Sandbox *sb = sandbox_new(NULL, &res);
    assert_non_null(sb);
    sandbox_run_file(sb, path, NULL, &res);
    sandbox_free(sb);
    double ms = now_ms() - t0;

    if (res.outcome != hc->outcome)
        fail_msg("%s: outcome '%s', expected '%s' (%s)", hc->file,
                 sandbox_outcome_name(res.outcome), sandbox_outcome_name(hc->outcome),
                 res.message ? res.message : "no message");
    const char *text = hc->outcome == SANDBOX_OK ? res.value : res.message;
    assert_non_null(text);
    if (!strstr(text, hc->needle))
        fail_msg("%s: '%s' not in '%s'", hc->file, hc->needle, text);
    if (hc->outcome != SANDBOX_OK) {
        assert_true(strlen(res.message) <= 1024);
        if (!hc->inner && !strstr(res.message, hc->file)) /* errors name the script */
            fail_msg("%s: message does not name the file: %s", hc->file, res.message);
    }
    if (hc->line > 0) {
        if (res.line != hc->line)
            fail_msg("%s: line %d, expected %d (%s)", hc->file, res.line, hc->line, res.message);
        assert_string_equal(res.file, path);
    }
    if (ms > SANITY_MS)
        fail_msg("%s took %.0f ms (sanity bound %.0f ms)", hc->file, ms, SANITY_MS);
    sandbox_result_fini(&res);
    free(path);
}

/* Every fixture file has an expectation, and the corpus keeps its size. */
static void hostile_corpus_is_covered(void **state)
{
    (void)state;
    char **names;
    size_t n = dir_list(HOSTILE_DIR, ".lua", &names);
    assert_true(n >= 20);
    for (size_t i = 0; i < n; i++) {
        bool found = false;
        for (size_t j = 0; j < NHOSTILE; j++)
            found = found || strcmp(names[i], hostile[j].file) == 0;
        if (!found)
            fail_msg("%s/%s has no expected outcome in test_sandbox.c", HOSTILE_DIR, names[i]);
    }
    assert_int_equal(n, NHOSTILE);
    dir_list_free(names, n);
}

/* The hook's own lua_Debug names the looping line, not the caller's. */
static void limit_names_looping_line(void **state)
{
    (void)state;
    SandboxResult res = {0};
    run_src("local function f()\n  while true do end\nend\n\nf()\n", &res);
    assert_int_equal(res.outcome, SANDBOX_INSTRUCTIONS);
    assert_int_equal(res.line, 2);
    assert_string_equal(res.file, "t.lua");
    sandbox_result_fini(&res);
}

/* After a trip not one more instruction runs: pcall returns into a raise. */
static void sticky_limit_leaves_no_instruction(void **state)
{
    (void)state;
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(NULL, &res);
    assert_non_null(sb);
    const char *src = "local function spin() while true do end end\n"
                      "while true do\n  pcall(spin)\n  print('escaped')\nend\n";
    assert_false(sandbox_run_string(sb, src, strlen(src), "@s.lua", &res));
    assert_int_equal(res.outcome, SANDBOX_INSTRUCTIONS);
    assert_string_equal(sandbox_output(sb, NULL), "");
    sandbox_result_fini(&res);
    sandbox_free(sb);
}

static void print_goes_to_output(void **state)
{
    (void)state;
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(NULL, &res);
    assert_non_null(sb);
    const char *src = "print(1, 'a', nil, true)\nprint(2.5)\nreturn 'x'";
    assert_true(sandbox_run_string(sb, src, strlen(src), "@p.lua", &res));
    size_t len;
    assert_string_equal(sandbox_output(sb, &len), "1\ta\tnil\ttrue\n2.5\n");
    assert_int_equal(len, 17);
    sandbox_output_clear(sb);
    assert_string_equal(sandbox_output(sb, NULL), "");
    sandbox_result_fini(&res);
    sandbox_free(sb);
}

static void values_and_calls(void **state)
{
    (void)state;
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(NULL, &res);
    assert_non_null(sb);
    const char *src = "function twice(x) return 2 * (x or 21) end\n"
                      "return { answer = function() return twice() end,\n"
                      "         flag = function() return false end,\n"
                      "         table = function() return {} end }\n";
    assert_true(sandbox_run_string(sb, src, strlen(src), "@c.lua", &res));
    assert_null(res.value); /* a table has no text */
    assert_true(sandbox_call(sb, "answer", &res));
    assert_string_equal(res.value, "42");
    assert_true(sandbox_call(sb, "flag", &res));
    assert_string_equal(res.value, "false");
    assert_true(sandbox_call(sb, "twice", &res)); /* a global */
    assert_string_equal(res.value, "42");
    assert_false(sandbox_call(sb, "missing", &res));
    assert_int_equal(res.outcome, SANDBOX_HOST);
    assert_non_null(strstr(res.message, "no function 'missing'"));
    sandbox_result_fini(&res);
    sandbox_free(sb);
}

/* A limit in one run does not poison the next one. */
static void limits_reset_between_runs(void **state)
{
    (void)state;
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(NULL, &res);
    assert_non_null(sb);
    const char *loop = "while true do end";
    assert_false(sandbox_run_string(sb, loop, strlen(loop), "@a.lua", &res));
    assert_int_equal(res.outcome, SANDBOX_INSTRUCTIONS);
    assert_int_equal(res.steps, SANDBOX_DEFAULT_INSTRUCTIONS);
    const char *ok = "local s = 0 for i = 1, 1000 do s = s + i end return s";
    assert_true(sandbox_run_string(sb, ok, strlen(ok), "@b.lua", &res));
    assert_string_equal(res.value, "500500");
    sandbox_result_fini(&res);
    sandbox_free(sb);
}

static Sandbox *abort_target;

static int host_stop(lua_State *L)
{
    (void)L;
    sandbox_abort(abort_target);
    return 0;
}

static int host_add(lua_State *L)
{
    lua_Integer a = luaL_checkinteger(L, 1), b = luaL_checkinteger(L, 2);
    lua_pushinteger(L, a + b);
    return 1;
}

static void registered_functions_and_abort(void **state)
{
    (void)state;
    static const luaL_Reg fns[] = {{"stop", host_stop}, {"add", host_add}, {NULL, NULL}};
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(NULL, &res);
    assert_non_null(sb);
    abort_target = sb;
    assert_true(sandbox_register(sb, "host", fns, &res));
    const char *add = "return host.add(40, 2)";
    assert_true(sandbox_run_string(sb, add, strlen(add), "@r.lua", &res));
    assert_string_equal(res.value, "42");
    const char *bad = "return host.add('x', 2)";
    assert_false(sandbox_run_string(sb, bad, strlen(bad), "@r.lua", &res));
    assert_int_equal(res.outcome, SANDBOX_RUNTIME);
    assert_non_null(strstr(res.message, "r.lua:1: bad argument #1 to 'add'"));
    const char *stop = "host.stop()\nwhile true do pcall(function() end) end";
    assert_false(sandbox_run_string(sb, stop, strlen(stop), "@s.lua", &res));
    assert_int_equal(res.outcome, SANDBOX_ABORTED);
    assert_true(res.steps < SANDBOX_DEFAULT_INSTRUCTIONS);
    sandbox_result_fini(&res);
    sandbox_free(sb);
}

/* C work between two instructions is not counted; the clock still ends it. */
static void wall_clock_ends_slow_c_work(void **state)
{
    (void)state;
    SandboxLimits lim = {.wall_ms = 50, .instructions = 1L << 40, .hook_step = 1};
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(&lim, &res);
    assert_non_null(sb);
    const char *src = "local t = {}\nfor i = 1, 100000 do t[i] = -i end\n"
                      "while true do table.sort(t) end\n";
    double t0 = now_ms();
    assert_false(sandbox_run_string(sb, src, strlen(src), "@w.lua", &res));
    assert_int_equal(res.outcome, SANDBOX_TIME);
    assert_non_null(strstr(res.message, "time limit"));
    assert_true(now_ms() - t0 < SANITY_MS);
    sandbox_result_fini(&res);
    sandbox_free(sb);
}

/* Lua's own count of its heap agrees with the allocator's. */
static void memory_accounting_matches_lua(void **state)
{
    (void)state;
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(NULL, &res);
    assert_non_null(sb);
    const char *src = "local t = {} for i = 1, 10000 do t[i] = i end\n"
                      "held = t\nreturn math.floor(collectgarbage('count') * 1024)";
    assert_true(sandbox_run_string(sb, src, strlen(src), "@m.lua", &res));
    long lua_bytes = atol(res.value);
    long used = (long)sandbox_mem_used(sb);
    assert_true(lua_bytes > 100000);
    assert_true(labs(lua_bytes - used) < 1024);
    assert_true(res.mem_peak >= (size_t)used - 1024);
    sandbox_result_fini(&res);
    sandbox_free(sb);
}

/* Setup under every cap from 1 KiB up either works or fails cleanly. */
static void tiny_caps_fail_cleanly(void **state)
{
    (void)state;
    bool saw_fail = false, saw_ok = false;
    for (size_t cap = 1024; cap <= 64 * 1024; cap += 512) {
        SandboxLimits lim = {.mem_bytes = cap};
        SandboxResult res = {0};
        Sandbox *sb = sandbox_new(&lim, &res);
        if (sb) {
            saw_ok = true;
            const char *src = "local t = {} for i = 1, 1e6 do t[i] = i end";
            assert_false(sandbox_run_string(sb, src, strlen(src), "@c.lua", &res));
            assert_int_equal(res.outcome, SANDBOX_MEMORY);
            assert_true(sandbox_mem_used(sb) <= cap);
            sandbox_free(sb);
        } else {
            saw_fail = true;
            assert_int_equal(res.outcome, SANDBOX_MEMORY);
            assert_non_null(res.message);
        }
        sandbox_result_fini(&res);
    }
    assert_true(saw_fail && saw_ok);
}

/* What teaching scripts do must keep working under the wrappers. */
static void ordinary_library_use_works(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"return load('return 1 + 1')()", "2"},
        {"local f = load('return x', 'c', 't', {x = 5}) return f()", "5"},
        {"return rawget(_G, 'nothing') == nil", "true"},
        {"local n = 0 for l in string.rep('k = 1\\n', 2000):gmatch('[^\\n]+') do "
         "n = n + 1 end return n", "2000"},
        {"return (('a = 12'):match('^(%w+)%s*=%s*(%d+)$'))", "a"},
        {"return (string.gsub('a.b.c', '%.', '/'))", "a/b/c"},
        {"return #string.rep('ab', 3, ',')", "8"},
        {"local t = {1, 2} table.insert(t, 1, 0) table.remove(t) return table.concat(t, ',')",
         "0,1"},
        {"return collectgarbage('count') > 0", "true"},
        {"local co = coroutine.wrap(function() coroutine.yield(7) end) return co()", "7"},
        {"return utf8.len('h\\u{e9}')", "2"},
        {"return getmetatable('') ", "false"},
        {"return pcall(error, 'x', 0)", "false"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        SandboxResult res = {0};
        if (run_src(cases[i][0], &res) != SANDBOX_OK)
            fail_msg("case %zu: %s", i, res.message);
        if (!res.value || strcmp(res.value, cases[i][1]) != 0)
            fail_msg("case %zu: got '%s', expected '%s'", i, res.value ? res.value : "(none)",
                     cases[i][1]);
        sandbox_result_fini(&res);
    }
}

static void random_is_deterministic(void **state)
{
    (void)state;
    SandboxResult a = {0}, b = {0};
    run_src("return math.random(1, 1000000)", &a);
    run_src("return math.random(1, 1000000)", &b);
    assert_non_null(a.value);
    assert_string_equal(a.value, b.value);
    sandbox_result_fini(&a);
    sandbox_result_fini(&b);
}

static void missing_file_is_a_host_error(void **state)
{
    (void)state;
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(NULL, &res);
    assert_non_null(sb);
    assert_false(sandbox_run_file(sb, "tests/fixtures/lua/no-such-file.lua", NULL, &res));
    assert_int_equal(res.outcome, SANDBOX_HOST);
    assert_non_null(strstr(res.message, "no-such-file.lua"));
    sandbox_result_fini(&res);
    sandbox_free(sb);
}

int main(void)
{
    alarm(120); /* a sandbox that lets a loop escape hangs; fail instead */
    struct CMUnitTest tests[NHOSTILE + 16];
    size_t n = 0;
    for (size_t i = 0; i < NHOSTILE; i++)
        tests[n++] = (struct CMUnitTest){.name = hostile[i].file,
                                         .test_func = run_hostile,
                                         .initial_state = (void *)&hostile[i]};
    const struct CMUnitTest api[] = {
        cmocka_unit_test(hostile_corpus_is_covered),
        cmocka_unit_test(limit_names_looping_line),
        cmocka_unit_test(sticky_limit_leaves_no_instruction),
        cmocka_unit_test(print_goes_to_output),
        cmocka_unit_test(values_and_calls),
        cmocka_unit_test(limits_reset_between_runs),
        cmocka_unit_test(registered_functions_and_abort),
        cmocka_unit_test(wall_clock_ends_slow_c_work),
        cmocka_unit_test(memory_accounting_matches_lua),
        cmocka_unit_test(tiny_caps_fail_cleanly),
        cmocka_unit_test(ordinary_library_use_works),
        cmocka_unit_test(random_is_deterministic),
        cmocka_unit_test(missing_file_is_a_host_error),
    };
    for (size_t i = 0; i < sizeof api / sizeof api[0]; i++)
        tests[n++] = api[i];
    return _cmocka_run_group_tests("sandbox", tests, n, NULL, NULL);
}
