/*
 * exrun_lab: the exercise engine for lab exercises (`model = "gil"` ...):
 * checking a learner's lab program and verifying an exercise against its
 * lab, with the same rules as for Python programs (exrun.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "script/exrun_internal.h"
#include "script/labs.h"
#include "script/sandbox_lua.h"

/* A lab's program on the lab to its end; false (with diagnostics in
 * out->message) when it does not read. */
bool exrun_check_lab(ExHandle *h, const char *program, size_t len, const char *filename,
                      ExCheck *out)
{
    Lab lab;
    DiagList dl = {0};
    if (!lab_open(&lab, h->ex.lab, program, len, filename, 1, &dl)) {
        out->exit_code = 1;
        out->error_line = dl.len ? diag_format(&dl.items[0]) : xstrdup("the program does not read");
        for (size_t i = 0; i < dl.len; i++) {
            char *d = diag_format(&dl.items[i]);
            buf_printf(&out->errout, "%s\n", d);
            free(d);
        }
        diag_fini(&dl);
        lab_close(&lab);
        return true; /* not passed: the learner's program does not read */
    }
    diag_fini(&dl);
    lab_finish(&lab);
    out->exit_code = lab.exit_code;
    buf_add(&out->output, buf_str(&lab.out), lab.out.len);
    buf_add(&out->errout, buf_str(&lab.err), lab.err.len);
    if (lab.exit_code != 0) {
        const char *e = buf_str(&lab.err);
        size_t n = lab.err.len;
        while (n && e[n - 1] == '\n')
            n--;
        size_t start = n;
        while (start && e[start - 1] != '\n')
            start--;
        out->error_line = xstrndup(e + start, n - start);
    }
    SandboxResult res = {0};
    CheckCall c = {0};
    Bound b = {NULL, &lab};
    bool ran = exrun_bind(h->sb, &b, &res) && sandbox_protect(h->sb, exrun_check_body, &c, &res);
    exrun_check_result(out, ran, &c, &res);
    lab_close(&lab);
    return ran;
}

/* The program ended as the exercise says: normally, or in an error. */
static void ending(const Exercise *ex, const Lab *lab, DiagList *dl)
{
    char what[64];
    snprintf(what, sizeof what, "the %s program", ex->lab->name);
    Buf last = {0};
    const char *e = buf_str(&lab->err);
    size_t n = lab->err.len;
    while (n && e[n - 1] == '\n')
        n--;
    buf_add(&last, e, n);
    exrun_check_ending(ex, lab->exit_code, buf_str(&last), what, dl);
    buf_fini(&last);
}

/* Opens the exercise's lab program; false with its errors at the exercise. */
static bool open_lab(ExHandle *h, Lab *lab, DiagList *dl)
{
    const Exercise *ex = &h->ex;
    DiagList pdl = {0};
    bool ok = lab_open(lab, ex->lab, ex->program, strlen(ex->program), ex->id, 1, &pdl);
    for (size_t i = 0; i < pdl.len; i++) /* lines of the program, not of the .lua file */
        diag_add(dl, DIAG_ERROR, ex->file, ex->line, 0, "the %s program, line %d:%d: %s",
                 ex->lab->name, pdl.items[i].line, pdl.items[i].col, pdl.items[i].msg);
    diag_fini(&pdl);
    if (!ok)
        lab_close(lab);
    return ok;
}

void exrun_verify_predict_lab(ExHandle *h, DiagList *dl)
{
    const Exercise *ex = &h->ex;
    Lab lab;
    if (!open_lab(h, &lab, dl))
        return;
    for (size_t i = 0; i < ex->nsteps; i++) {
        const ExerciseStep *st = &ex->steps[i];
        if (!lab_run_to_line(&lab, st->at)) {
            diag_add(dl, DIAG_ERROR, ex->file, st->line, 0,
                     "step %zu: the %s program never stops before line %d%s", i + 1,
                     ex->lab->name, st->at,
                     i > 0 ? " after the step before it (steps must follow the run's order)"
                           : " (blank and comment lines are not stops)");
            break;
        }
        int reveal = exrun_reveal_line(ex, i);
        if (reveal)
            lab_run_to_line(&lab, reveal);
        else
            lab_finish(&lab);
        Bound b = {NULL, &lab};
        exrun_verify_step(h, &b, i, dl);
    }
    lab_finish(&lab);
    ending(ex, &lab, dl);
    SandboxResult res = {0};
    labs_bind(h->sb, NULL, &res);
    sandbox_result_fini(&res);
    lab_close(&lab);
}

void exrun_verify_sandbox_lab(ExHandle *h, DiagList *dl)
{
    const Exercise *ex = &h->ex;
    Lab lab;
    if (!open_lab(h, &lab, dl))
        return;
    lab_finish(&lab);
    ending(ex, &lab, dl);
    lab_close(&lab);
}
