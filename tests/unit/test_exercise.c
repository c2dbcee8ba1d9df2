/*
 * Unit tests for app/script/exercise: the three good examples (one per kind,
 * the same text as in docs/EXERCISES.md) load into the expected structs, and
 * every broken fixture produces exactly the diagnostics in its .expected file
 * next to it.  Run with PYDIVE_UPDATE_GOLDEN=1 to rewrite the .expected files
 * after a deliberate change of wording, then read the diff.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "script/exercise.h"
#include "script/sandbox.h"

#define GOOD_DIR "tests/fixtures/lua/exercises/good"
#define BROKEN_DIR "tests/fixtures/lua/exercises/broken"

/* Loads `path` into *ex in a fresh sandbox; returns the diagnostics as text. */
static char *load(const char *path, Exercise *ex, bool *ok)
{
    DiagList dl = {0};
    Sandbox *sb = sandbox_new(NULL, NULL);
    assert_non_null(sb);
    *ok = exercise_load(sb, path, ex, &dl);
    sandbox_free(sb);
    Buf out = {0};
    for (size_t i = 0; i < dl.len; i++) {
        char *line = diag_format(&dl.items[i]);
        buf_printf(&out, "%s\n", line);
        free(line);
    }
    diag_fini(&dl);
    return buf_take(&out);
}

static char *load_good(const char *name, Exercise *ex)
{
    char *path = path_join(GOOD_DIR, name);
    bool ok;
    char *diags = load(path, ex, &ok);
    if (!ok || *diags)
        fail_msg("%s should load cleanly:\n%s", path, diags ? diags : "");
    free(diags);
    return path;
}

static void good_predict(void **state)
{
    (void)state;
    Exercise ex = {0};
    char *path = load_good("cycle-predict.lua", &ex);
    assert_string_equal(ex.file, path);
    assert_int_equal(ex.line, 2);
    assert_string_equal(ex.id, "cycle-predict");
    assert_int_equal(ex.kind, EXERCISE_PREDICT);
    assert_int_equal(ex.difficulty, 2);
    assert_int_equal(ex.ncompetencies, 1);
    assert_string_equal(ex.competencies[0], "garbage-collection");
    assert_string_equal(ex.hint_link, "ch02#cycles");
    assert_non_null(strstr(ex.hints[2], "gc.collect()"));
    assert_non_null(strstr(ex.program, "found = gc.collect()\n"));
    assert_null(ex.starter);
    assert_false(ex.has_check);
    assert_int_equal(ex.nsteps, 3);
    assert_int_equal(ex.steps[0].type, STEP_NUMBER);
    assert_int_equal(ex.steps[0].at, 6);
    assert_true(ex.steps[0].has_model);
    assert_true(ex.steps[0].number == 2.0);
    assert_int_equal(ex.steps[0].line, 30);
    assert_int_equal(ex.steps[1].type, STEP_CHOICE);
    assert_int_equal(ex.steps[1].nchoices, 3);
    assert_int_equal(ex.steps[1].nanswer, 1);
    assert_int_equal(ex.steps[1].answer[0], 3);
    assert_string_equal(ex.steps[1].choices[2], "both");
    assert_int_equal(ex.steps[2].type, STEP_MULTI);
    assert_int_equal(ex.steps[2].nanswer, 2);
    assert_int_equal(ex.steps[2].answer[0], 1);
    assert_int_equal(ex.steps[2].answer[1], 2);
    assert_non_null(strstr(ex.steps[2].explain, "only the cycle"));
    exercise_fini(&ex);
    free(path);
}

static void good_fix(void **state)
{
    (void)state;
    Exercise ex = {0};
    char *path = load_good("cycle-fix.lua", &ex);
    assert_int_equal(ex.kind, EXERCISE_FIX);
    assert_true(ex.has_check);
    assert_int_equal(ex.check_line, 37);
    assert_non_null(strstr(ex.starter, "self.parent = parent\n"));
    assert_non_null(strstr(ex.solution, "weakref.ref(parent)"));
    assert_null(ex.program);
    assert_int_equal(ex.nsteps, 0);
    exercise_fini(&ex);
    free(path);
}

static void good_sandbox(void **state)
{
    (void)state;
    Exercise ex = {0};
    char *path = load_good("heap-playground.lua", &ex);
    assert_int_equal(ex.kind, EXERCISE_SANDBOX);
    assert_null(ex.hints[0]);
    assert_null(ex.solution);
    assert_string_equal(ex.program, "numbers = [n * n for n in range(10)]\n");
    exercise_fini(&ex);
    free(path);
}

/* An empty sandbox program defaults to "", and the check stays callable. */
static void check_stays_in_sandbox(void **state)
{
    (void)state;
    const char *src = "return { id = 'x', title = 't', goal = 'g', kind = 'fix',\n"
                      "  difficulty = 1, competencies = { 'a' },\n"
                      "  hints = { 'n', 'see ch01#arenas', 'p' }, solution = 's',\n"
                      "  starter = 'x = 1', check = function() return 'checked' end }\n";
    DiagList dl = {0};
    Exercise ex = {0};
    Sandbox *sb = sandbox_new(NULL, NULL);
    assert_true(exercise_load_string(sb, "exercises/ch01/x.lua", src, strlen(src), &ex, &dl));
    assert_int_equal(dl.len, 0);
    assert_string_equal(ex.hint_link, "ch01#arenas");
    SandboxResult res = {0};
    assert_true(sandbox_call(sb, "check", &res));
    assert_string_equal(res.value, "checked");
    sandbox_result_fini(&res);
    sandbox_free(sb);
    exercise_fini(&ex);
    diag_fini(&dl);
}

/* The good files are the examples of docs/EXERCISES.md, word for word. */
static void docs_show_the_good_examples(void **state)
{
    (void)state;
    static const char *const names[] = {"cycle-predict.lua", "cycle-fix.lua",
                                        "heap-playground.lua"};
    Buf docs = {0}, err = {0};
    assert_true(file_read("docs/EXERCISES.md", 1 << 20, &docs, &err));
    for (size_t i = 0; i < 3; i++) {
        char *path = path_join(GOOD_DIR, names[i]);
        Buf src = {0};
        assert_true(file_read(path, 1 << 20, &src, &err));
        if (!strstr(buf_str(&docs), buf_str(&src)))
            fail_msg("docs/EXERCISES.md does not show %s as it is", path);
        buf_fini(&src);
        free(path);
    }
    buf_fini(&docs);
    buf_fini(&err);
}

static void broken_fixtures_match_golden(void **state)
{
    (void)state;
    char **names;
    size_t n = dir_list(BROKEN_DIR, ".lua", &names);
    assert_true(n >= 8);
    bool update = getenv("PYDIVE_UPDATE_GOLDEN") != NULL;
    for (size_t i = 0; i < n; i++) {
        char *path = path_join(BROKEN_DIR, names[i]);
        Buf gold_path = {0}, gold = {0}, err = {0};
        buf_printf(&gold_path, "%.*s.expected", (int)(strlen(path) - 4), path);
        Exercise ex = {0};
        bool ok;
        char *got = load(path, &ex, &ok);
        if (ok || !*got)
            fail_msg("%s loaded without errors", path);
        if (update)
            assert_true(file_write_atomic(buf_str(&gold_path), got, strlen(got), &err));
        if (!file_read(buf_str(&gold_path), 1 << 20, &gold, &err))
            fail_msg("%s", buf_str(&err));
        if (strcmp(buf_str(&gold), got) != 0)
            fail_msg("%s: diagnostics differ\n--- expected\n%s--- got\n%s", path,
                     buf_str(&gold), got);
        free(got);
        exercise_fini(&ex);
        buf_fini(&gold_path);
        buf_fini(&gold);
        buf_fini(&err);
        free(path);
    }
    dir_list_free(names, n);
}

static void missing_file_is_reported(void **state)
{
    (void)state;
    Exercise ex = {0};
    bool ok;
    char *got = load("tests/fixtures/lua/exercises/none.lua", &ex, &ok);
    assert_false(ok);
    assert_non_null(strstr(got, "tests/fixtures/lua/exercises/none.lua: error: "));
    free(got);
    exercise_fini(&ex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_predict),
        cmocka_unit_test(good_fix),
        cmocka_unit_test(good_sandbox),
        cmocka_unit_test(check_stays_in_sandbox),
        cmocka_unit_test(docs_show_the_good_examples),
        cmocka_unit_test(broken_fixtures_match_golden),
        cmocka_unit_test(missing_file_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
