/*
 * Unit tests for script/lab_flywheel_lua: the `run` table a flywheel
 * exercise reads, checked from Lua itself.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <string.h>

#include "script/labs.h"
#include "lab/lab.h"

static void run_table_holds_the_model(void **state)
{
    (void)state;
    const char *src = "set g=0.2\nrun 2\nshock tools +100%\n"
                      "data so2025-ai-sentiment \"2025\" 60\n"
                      "data so2025-ai-sentiment \"2023 (more than)\" 70\n";
    Lab lab;
    DiagList dl = {0};
    assert_true(lab_open(&lab, &lab_flywheel, src, strlen(src), "t.fly", 1, &dl));
    lab_finish(&lab);
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    labs_push_run(L, &lab);
    lua_setglobal(L, "run");
    /* Step 2 by hand with g=0.2: L2 = 0.185, T2 = 0.05 doubled by the shock. */
    const char *chunk =
        "assert(run.model == 'flywheel' and run.finished and run.exit == 0)\n"
        "assert(run.t == 2 and #run.series == 3 and run.series[1].t == 0)\n"
        "assert(math.abs(run.series[3].libraries - 0.185) < 1e-9)\n"
        "assert(math.abs(run.tools - 0.1) < 1e-9 and run.final.tools == run.tools)\n"
        "assert(run.params.g == 0.2 and run.params.c == 0.05 and run.clamped == 0)\n"
        "local s = run.data['so2025-ai-sentiment']\n"
        "assert(s['2025'] == 60 and s['2023 (more than)'] == 70)\n"
        "assert(run.stdout[1] == 'set g=0.2')\n";
    if (luaL_dostring(L, chunk) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
    lua_close(L);
    lab_close(&lab);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(run_table_holds_the_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
