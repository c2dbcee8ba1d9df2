/*
 * fuzz_lab: libFuzzer target for every line-driven lab (lab/lab.h) through
 * its registry: the first byte picks the lab, the rest is its program.  Any
 * program must read into diagnostics or run to an end (an error is an end),
 * never crash; stepping back by replay and every view page, UTF-8 and ASCII,
 * at a small and a usual size, must cope with whatever it left.
 * Not built by `make test` (its finds are replayed there); tests/fuzz/run.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lab/lab.h"
#include "view/labs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void lab_fz_draw(const Lab *lab, int w, int h, bool ascii)
{
    const LabView *v = lab_view_find(lab->cls->name);
    if (!v)
        return;
    for (int page = 0; page < v->npages; page++) {
        Canvas *cv = canvas_new(w, h, ascii);
        LabViewOptions o = {.page = page, .scroll = page};
        v->draw(lab, &o, cv, (Rect){0, 0, w, h});
        canvas_free(cv);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096)
        return 0;
    size_t n;
    const LabClass *const *all = lab_classes(&n);
    const LabClass *cls = all[data[0] % n];
    Lab lab;
    DiagList dl = {0};
    if (lab_open(&lab, cls, (const char *)data + 1, size - 1, "fuzz.lab", 1, &dl)) {
        for (int i = 0; i < 3 && lab_step(&lab); i++) /* a few lines, played a frame */
            lab_tick(&lab);
        lab_fz_draw(&lab, 50, 12, false);
        if (lab.steps > 0)
            lab_seek(&lab, lab.steps - 1); /* back one line: a replay */
        lab_finish(&lab);
        lab_fz_draw(&lab, 50, 12, true);
        lab_fz_draw(&lab, 8, 3, false);
    }
    lab_close(&lab);
    diag_fini(&dl);
    return 0;
}
