/*
 * Unit tests for script/lab_capi_lua.c: the `run` table a capi exercise's
 * model/check functions read, built from a finished lab.
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

/* Runs src in the lab, pushes `run` as a global, evaluates a Lua expression. */
static void expect(const char *src, const char *lua_expr)
{
    Lab lab;
    DiagList dl = {0};
    assert_true(lab_open(&lab, &lab_capi, src, strlen(src), "t.c", 1, &dl));
    lab_finish(&lab);
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    labs_push_run(L, &lab);
    lua_setglobal(L, "run");
    char chunk[1024];
    snprintf(chunk, sizeof chunk, "return %s", lua_expr);
    if (luaL_dostring(L, chunk) != LUA_OK)
        fail_msg("%s: %s", lua_expr, lua_tostring(L, -1));
    if (!lua_toboolean(L, -1))
        fail_msg("false: %s\nerr: %s", lua_expr, buf_str(&lab.err));
    lua_close(L);
    lab_close(&lab);
    diag_fini(&dl);
}

static void vars_and_refcounts(void **state)
{
    (void)state;
    const char *src = "lst = PyList_New(0)\n"
                      "obj = PyLong_FromLong(1000)\n"
                      "PyList_Append(lst, obj)\n"
                      "item = PyList_GetItem(lst, 0)\n"
                      "n = PyLong_AsLong(item)\n"
                      "Py_DECREF(obj)\n"
                      "return lst\n";
    expect(src, "run.model == 'capi' and run.finished and run.exit == 0");
    expect(src, "run.vars.obj.state == 'released' and not run.vars.obj.owned");
    expect(src, "run.vars.item.state == 'borrowed' and run.vars.item.type == 'int' "
                "and run.vars.item.value == '1000' and run.refcount.item == 1");
    expect(src, "run.vars.n.type == 'long' and run.vars.n.value == 1000");
    expect(src, "run.returned.type == 'list' and run.returned.refcount == 1 and #run.leaks == 0");
    expect(src, "run.error_line == 0 and #run.errors == 0 and run.exception == ''");
}

static void leaks_and_errors(void **state)
{
    (void)state;
    expect("obj = PyLong_FromLong(1000)\nlst = PyList_New(0)\nPyList_Append(lst, obj)\n"
           "return lst\n",
           "#run.leaks == 1 and run.leaks[1].line == 1 and run.leaks[1].var == 'obj' "
           "and run.leaks[1].type == 'int' and run.leaks[1].count == 1 and run.exit == 1");
    expect("obj = PyLong_FromLong(1000)\nPy_DECREF(obj)\nPy_DECREF(obj)\n",
           "run.error_line == 3 and run.errors[1]:find('double decref') ~= nil "
           "and run.objects[1].alive == false and run.objects[1].freed_line == 2");
    expect("lst = PyList_New(0)\nx = PyList_GetItem(lst, 1)\nif (!x) { Py_DECREF(lst); return NULL; }\n",
           "run.returned_null and run.exception:find('IndexError') == 1 and run.vars.x.state == 'NULL'");
    /* a return that is itself a misuse returns nothing */
    expect("d = PyDict_New()\nreturn NULL\n",
           "run.error_line == 2 and not run.returned_null and run.returned == nil");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(vars_and_refcounts),
        cmocka_unit_test(leaks_and_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
