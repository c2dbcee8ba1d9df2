/*
 * fuzz_capi: libFuzzer target for the C-API lab's language (lab/capi/capi_lang.c)
 * and its runner (lab/capi/capi.c, capi_calls.c): any program must end in parse
 * errors, a misuse report or a leak report, never a crash; then the lab's
 * view draws it in UTF-8 and ASCII.  Also checks that the lab's idea of
 * every live object's refcount is the heap's.
 * Not built by `make test`; build and run with tests/fuzz/run.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lab/capi/capi.h"
#include "lab/lab.h"
#include "view/labs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void capi_fz_draw(const Lab *lab, bool ascii, int page)
{
    const LabView *v = lab_view_find("capi");
    Canvas *cv = canvas_new(50, 12, ascii);
    LabViewOptions o = {.page = page, .scroll = page};
    v->draw(lab, &o, cv, (Rect){0, 0, 50, 12});
    canvas_free(cv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return 0;
    Lab lab;
    DiagList dl = {0};
    if (lab_open(&lab, &lab_capi, (const char *)data, size, "fuzz.c", 1, &dl)) {
        lab_finish(&lab);
        const Capi *c = lab.st;
        for (size_t i = 0; i < c->nobj; i++)
            if (c->obj[i].alive && c->obj[i].refcnt != sim_refcount(c->sim, c->obj[i].id))
                abort(); /* the lab lost track of the heap */
        capi_fz_draw(&lab, true, 0);
        capi_fz_draw(&lab, false, 1);
    }
    lab_close(&lab);
    diag_fini(&dl);
    return 0;
}
