/*
 * Replays the fuzzing finds: every file in tests/fuzz/regressions/NAME/
 * (an input that once crashed, leaked or tripped a sanitizer, kept after
 * its fix), every seed in tests/fuzz/corpus/NAME/ and every file
 * tests/fuzz/SEEDS takes for NAME from other test folders goes through the
 * very entry point of tests/fuzz/fuzz_NAME.c, so `make test` (and `make
 * test-asan`, where the sanitizers see them again) keeps them fixed.
 *
 * Each fuzz target is included here with its LLVMFuzzerTestOneInput
 * renamed; the targets keep their own helpers static and prefixed, so they
 * can share one translation unit.  A target "fails" by crashing or calling
 * abort(), which cmocka reports as a failed test naming the file.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fsutil.h"

#define LLVMFuzzerTestOneInput fuzz_chapter_one
#include "../fuzz/fuzz_chapter.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_progress_one
#include "../fuzz/fuzz_progress.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_pyrun_one
#include "../fuzz/fuzz_pyrun.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_sandbox_one
#include "../fuzz/fuzz_sandbox.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_assess_content_one
#include "../fuzz/fuzz_assess_content.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_assess_record_one
#include "../fuzz/fuzz_assess_record.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_export_one
#include "../fuzz/fuzz_export.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_capi_one
#include "../fuzz/fuzz_capi.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_lab_one
#include "../fuzz/fuzz_lab.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_budget_one
#include "../fuzz/fuzz_budget.c"
#undef LLVMFuzzerTestOneInput

typedef struct FuzzTarget {
    const char *name; /* fuzz_NAME.c, corpus/NAME, regressions/NAME */
    int (*one)(const uint8_t *data, size_t size);
} FuzzTarget;

static const FuzzTarget targets[] = {
    {"chapter", fuzz_chapter_one},
    {"progress", fuzz_progress_one},
    {"pyrun", fuzz_pyrun_one},
    {"sandbox", fuzz_sandbox_one},
    {"assess_content", fuzz_assess_content_one},
    {"assess_record", fuzz_assess_record_one},
    {"export", fuzz_export_one},
    {"capi", fuzz_capi_one},
    {"lab", fuzz_lab_one},
    {"budget", fuzz_budget_one},
};
#define NTARGETS (sizeof targets / sizeof targets[0])

/* Feeds every file of dir whose name ends in suffix to the target; returns
 * how many. */
static size_t replay_dir(const FuzzTarget *t, const char *dir, const char *suffix)
{
    char **names;
    size_t n = dir_list(dir, suffix, &names);
    for (size_t i = 0; i < n; i++) {
        char *path = path_join(dir, names[i]);
        Buf text = {0}, err = {0};
        if (!file_read(path, (size_t)1 << 20, &text, &err))
            fail_msg("%s: %s", path, buf_str(&err));
        /* a copy of exactly the file's size, so ASan sees any overread */
        uint8_t *copy = malloc(text.len ? text.len : 1);
        memcpy(copy, text.data, text.len);
        print_message("# %s: %s\n", t->name, path);
        t->one(copy, text.len);
        free(copy);
        buf_fini(&text);
        buf_fini(&err);
        free(path);
    }
    dir_list_free(names, n);
    return n;
}

/* The folders tests/fuzz/SEEDS names for the target ("NAME FOLDER SUFFIX"
 * lines; # starts a comment): each must exist and hold seeds. */
static size_t replay_seed_folders(const FuzzTarget *t)
{
    Buf text = {0}, err = {0};
    if (!file_read("tests/fuzz/SEEDS", (size_t)1 << 16, &text, &err))
        fail_msg("tests/fuzz/SEEDS: %s", buf_str(&err));
    size_t total = 0;
    for (char *line = strtok(text.data, "\n"); line; line = strtok(NULL, "\n")) {
        char target[32], dir[128], suffix[16];
        if (line[0] == '#' || sscanf(line, "%31s %127s %15s", target, dir, suffix) != 3 ||
            strcmp(target, t->name) != 0)
            continue;
        size_t n = replay_dir(t, dir, suffix);
        if (n == 0)
            fail_msg("tests/fuzz/SEEDS: no %s files in %s", suffix, dir);
        total += n;
    }
    buf_fini(&text);
    buf_fini(&err);
    return total;
}

static void replay(void **state)
{
    const FuzzTarget *t = *state;
    char dir[128];
    snprintf(dir, sizeof dir, "tests/fuzz/regressions/%s", t->name);
    replay_dir(t, dir, "");
    snprintf(dir, sizeof dir, "tests/fuzz/corpus/%s", t->name);
    size_t seeds = replay_dir(t, dir, "") + replay_seed_folders(t);
    assert_true(seeds > 0); /* every target has seeds */
}

/* A regressions folder for a target that does not exist would never run. */
static void every_regression_folder_has_a_target(void **state)
{
    (void)state;
    char **names;
    size_t n = dir_list_subdirs("tests/fuzz/regressions", &names);
    for (size_t i = 0; i < n; i++) {
        bool known = false;
        for (size_t j = 0; j < NTARGETS; j++)
            known = known || strcmp(names[i], targets[j].name) == 0;
        if (!known)
            fail_msg("tests/fuzz/regressions/%s has no fuzz target", names[i]);
    }
    dir_list_free(names, n);
}

int main(void)
{
    struct CMUnitTest tests[NTARGETS + 1];
    size_t n = 0;
    for (size_t i = 0; i < NTARGETS; i++)
        tests[n++] = (struct CMUnitTest){.name = targets[i].name, .test_func = replay,
                                         .initial_state = (void *)&targets[i]};
    tests[n++] = (struct CMUnitTest){.name = "every_regression_folder_has_a_target",
                                     .test_func = every_regression_folder_has_a_target};
    return _cmocka_run_group_tests("fuzz_regressions", tests, n, NULL, NULL);
}
