/*
 * fuzz_assess_content: libFuzzer target for the assessment content loader
 * (app/learner/assess_content.c and assess_items.c): the skill-stage
 * ladder, competencies, model, tracks, actions and chapter items.
 *
 * The loader reads a folder, so the target keeps a private copy of the
 * shipped assessments/ (stages, competencies, model, tracks, actions and
 * ch01) in a temporary folder and replaces one file per input: the first
 * byte chooses which (modulo the count), the rest is its new text.  The
 * other files stay valid, so the references between files (an item's
 * competencies, a track's stages) are exercised too.  The file is put
 * back after each input.
 *
 * tests/unit/test_fuzz_regressions.c includes this file to replay
 * tests/fuzz/regressions/assess_content/ through the same entry point.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fsutil.h"
#include "learner/assess.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fuzz_content_files[] = {
    "stages.yaml", "competencies.yaml", "model.yaml", "tracks.yaml", "actions.yaml",
    "ch01.yaml",
};
#define FUZZ_CONTENT_NFILES (sizeof fuzz_content_files / sizeof fuzz_content_files[0])

static char fuzz_content_dir[64];
static Buf fuzz_content_orig[FUZZ_CONTENT_NFILES];

static void fuzz_content_cleanup(void)
{
    for (size_t i = 0; i < FUZZ_CONTENT_NFILES; i++) {
        char *p = path_join(fuzz_content_dir, fuzz_content_files[i]);
        unlink(p);
        free(p);
        buf_fini(&fuzz_content_orig[i]);
    }
    rmdir(fuzz_content_dir);
}

static bool fuzz_content_put(size_t i, const void *text, size_t len)
{
    char *p = path_join(fuzz_content_dir, fuzz_content_files[i]);
    FILE *f = fopen(p, "wb");
    bool ok = f && fwrite(text, 1, len, f) == len;
    if (f)
        ok = fclose(f) == 0 && ok;
    free(p);
    return ok;
}

/* Copies the shipped files once; false when they cannot be found. */
static bool fuzz_content_setup(void)
{
    static int state; /* 0 not tried, 1 ready, -1 failed */
    if (state)
        return state > 0;
    state = -1;
    const char *root = getenv("PYDIVE_DATA");
    const char *tmp = getenv("TMPDIR");
    snprintf(fuzz_content_dir, sizeof fuzz_content_dir, "%s/pydive-fuzz-XXXXXX",
             tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    if (!mkdtemp(fuzz_content_dir))
        return false;
    atexit(fuzz_content_cleanup);
    for (size_t i = 0; i < FUZZ_CONTENT_NFILES; i++) {
        Buf path = {0}, err = {0};
        buf_printf(&path, "%s/assessments/%s", root && *root ? root : ".", fuzz_content_files[i]);
        bool ok = file_read(buf_str(&path), 1 << 20, &fuzz_content_orig[i], &err);
        buf_fini(&path);
        buf_fini(&err);
        if (!ok || !fuzz_content_put(i, fuzz_content_orig[i].data, fuzz_content_orig[i].len))
            return false;
    }
    state = 1;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 65536 || !fuzz_content_setup())
        return 0;
    size_t which = data[0] % FUZZ_CONTENT_NFILES;
    if (!fuzz_content_put(which, data + 1, size - 1))
        return 0;
    AssessContent c;
    DiagList diags = {0};
    assess_content_load(fuzz_content_dir, &c, &diags);
    for (size_t i = 0; i < diags.len; i++) { /* every message can be printed */
        char *line = diag_format(&diags.items[i]);
        free(line);
    }
    assess_content_fini(&c);
    diag_fini(&diags);
    fuzz_content_put(which, fuzz_content_orig[which].data, fuzz_content_orig[which].len);
    return 0;
}
