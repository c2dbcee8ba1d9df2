/*
 * fuzz_pyrun: libFuzzer target for the tokenizer, parser, compiler and VM.
 * Any input must end in output or a CPython-style error, never a crash.
 * Not built by `make test`; build and run with tests/fuzz/run.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/pyrun.h"
#include "sim/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void sink(void *ctx, int stream, const char *text, size_t n)
{
    (void)ctx, (void)stream, (void)text, (void)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *src = malloc(size + 1);
    memcpy(src, data, size);
    src[size] = '\0';
    Sim *sim = sim_new(sim_profile_find("3.11"));
    PyRun *run = py_new(sim, src, size, "fuzz.py", sink, NULL);
    py_set_step_limit(run, 20000);
    py_run(run);
    py_free(run);
    sim_free(sim);
    free(src);
    return 0;
}
