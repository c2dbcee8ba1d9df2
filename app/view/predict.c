/*
 * predict: running an item's program on the model (see predict.h).
 */
#include "view/predict.h"

#include <string.h>

#include "pyrun/pyrun.h"
#include "sim/profile.h"
#include "sim/sim.h"

#define PREDICT_STEP_LIMIT 20000000u /* instructions: a teaching snippet is far below */

typedef struct Capture {
    Buf *out;
    Buf err;
    bool out_cut, err_cut;
} Capture;

static void capture(void *ctx, int stream, const char *text, size_t n)
{
    Capture *c = ctx;
    if (stream == 1)
        buf_add_capped(c->out, text, n, PY_CAPTURE_MAX, &c->out_cut);
    else
        buf_add_capped(&c->err, text, n, PY_CAPTURE_MAX, &c->err_cut);
}

bool predict_run(const char *program, const char *version, Buf *out, Buf *err)
{
    const SimProfile *prof = sim_profile_find(version ? version : "3.11");
    buf_clear(out);
    if (!prof) {
        if (err) {
            buf_clear(err);
            buf_printf(err, "no model of Python %s", version);
        }
        return false;
    }
    Capture c = {.out = out};
    Sim *sim = sim_new(prof);
    PyRun *run = py_new(sim, program, strlen(program), "<item>", capture, &c);
    py_set_step_limit(run, PREDICT_STEP_LIMIT);
    PyStatus st = py_run(run);
    bool ok = st == PY_DONE && py_exit_code(run) == 0;
    if (!ok && err) {
        /* The last line of the traceback says what went wrong. */
        const char *e = buf_str(&c.err);
        size_t n = c.err.len;
        while (n > 0 && e[n - 1] == '\n')
            n--;
        size_t start = n;
        while (start > 0 && e[start - 1] != '\n')
            start--;
        buf_clear(err);
        buf_add(err, e + start, n - start);
    }
    py_free(run);
    sim_free(sim);
    buf_fini(&c.err);
    return ok;
}

bool predict_output(const Item *item, Buf *out, void *ctx)
{
    (void)ctx;
    if (!item->program)
        return false;
    return predict_run(item->program, "3.11", out, NULL);
}
