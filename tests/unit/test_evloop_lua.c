/*
 * Unit tests for script/lab_loop_lua.c: the `run` table an event-loop
 * exercise reads, checked from Lua against figures worked out by hand (a
 * burst of ten to a 100 ms blocking handler: p50 500 ms, p99 1000 ms).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "script/labs.h"

static const char program[] = "param request_overhead=0\n"
                              "param resume=0\n"
                              "route /report async blocking=100ms\n"
                              "route /chat async io=200ms\n"
                              "threadpool 8\n"
                              "load /report burst=10\n"
                              "run\n";

/* Runs chunk with the global `run` set; the chunk returns true or an error. */
static void expect_lua(const Lab *lab, const char *chunk)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    labs_push_run(L, lab);
    lua_setglobal(L, "run");
    if (luaL_dostring(L, chunk) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
    if (!lua_toboolean(L, -1))
        fail_msg("chunk returned false: %s", chunk);
    lua_close(L);
}

static void run_fields_after_a_run(void **state)
{
    (void)state;
    Lab lab;
    DiagList dl = {0};
    assert_true(lab_open(&lab, lab_class_find("loop"), program, strlen(program), "t.loop", 1, &dl));
    expect_lua(&lab, "return run.model == 'loop' and run.last == nil and #run.runs == 0");
    lab_finish(&lab);
    expect_lua(&lab, "return run.finished and run.exit == 0 and run.threadpool == 8");
    expect_lua(&lab, "return run.routes['/report'].kind == 'async' "
                     "and run.routes['/report'].blocking == 100 and run.routes['/chat'].io == 200");
    expect_lua(&lab, "local r = run.last.routes['/report'] "
                     "return r.p50 == 500 and r.p99 == 1000 and r.max == 1000 and r.done == 10 "
                     "and r.requests == 10 and r.mean == 550");
    expect_lua(&lab, "return run.last == run.runs[1] and run.last.routes['/chat'] == nil");
    expect_lua(&lab, "local l = run.last return l.loop.blocked == 1000 and l.loop.running == 0 "
                     "and l.max_queue == 10 and l.duration == 1000 and l.throughput == 10 "
                     "and l.line == 7 and l.threadpool == 8 and l.truncated == false");
    expect_lua(&lab, "return run.stdout[1]:find('run 1 %(line 7%)') ~= nil");
    lab_close(&lab);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(run_fields_after_a_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
