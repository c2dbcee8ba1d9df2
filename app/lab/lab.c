/*
 * lab: the registry of line-driven models and the runner they share
 * (stepping, running to a line, finishing, stepping back by replay).
 */
#include "lab/lab.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static const LabClass *const registry[] = {
    &lab_gil,
    &lab_flywheel,
    &lab_capi,
    &lab_roadmap,
    &lab_loop,
    NULL, /* end */
};
#define NLABS (sizeof registry / sizeof registry[0] - 1)

const LabClass *const *lab_classes(size_t *n)
{
    *n = NLABS;
    return registry;
}

const LabClass *lab_class_find(const char *name)
{
    for (size_t i = 0; name && registry[i]; i++)
        if (strcmp(registry[i]->name, name) == 0)
            return registry[i];
    return NULL;
}

bool lab_open(Lab *lab, const LabClass *cls, const char *src, size_t len, const char *file,
              uint64_t seed, DiagList *dl)
{
    memset(lab, 0, sizeof *lab);
    lab->cls = cls;
    lab->file = xstrdup(file ? file : "<lab>");
    lab->src = xmalloc(len + 1);
    memcpy(lab->src, src, len);
    lab->src[len] = '\0';
    lab->len = len;
    lab->seed = seed;
    size_t before = dl->len;
    lab->st = cls->open(lab->src, len, lab->file, seed, dl);
    if (!lab->st) {
        lab->read_error_line = dl->len > before ? dl->items[before].line : 0;
        return false;
    }
    lab->finished = cls->line(lab->st) == 0;
    if (lab->finished && cls->end)
        lab->exit_code = cls->end(lab->st, &lab->out, &lab->err);
    return true;
}

void lab_close(Lab *lab)
{
    if (lab->st)
        lab->cls->close(lab->st);
    free(lab->file);
    free(lab->src);
    buf_fini(&lab->out);
    buf_fini(&lab->err);
    memset(lab, 0, sizeof *lab);
}

int lab_line(const Lab *lab)
{
    return lab->finished || !lab->st ? 0 : lab->cls->line(lab->st);
}

bool lab_busy(const Lab *lab)
{
    return lab->st && lab->cls->busy && lab->cls->busy(lab->st);
}

/* After a line ran: the end of the program, or an error, finishes the run. */
static void after_step(Lab *lab, int rc);

void lab_tick(Lab *lab)
{
    if (!lab_busy(lab))
        return;
    lab->cls->tick(lab->st);
    if (!lab_busy(lab))
        after_step(lab, 0); /* played out: the last line ends the run */
}

static void settle(Lab *lab)
{
    if (lab_busy(lab))
        lab->cls->settle(lab->st);
}

static void after_step(Lab *lab, int rc)
{
    if (rc != 0) {
        settle(lab);
        lab->exit_code = rc;
        lab->finished = true;
        return;
    }
    if (lab->cls->line(lab->st) == 0 && !lab_busy(lab)) {
        lab->finished = true;
        if (lab->cls->end)
            lab->exit_code = lab->cls->end(lab->st, &lab->out, &lab->err);
    }
}

bool lab_step(Lab *lab)
{
    if (!lab->st)
        return false;
    if (lab_busy(lab)) {
        settle(lab);
        after_step(lab, 0);
        return true;
    }
    if (lab->finished)
        return false;
    int rc = lab->cls->step(lab->st, &lab->out, &lab->err);
    lab->steps++;
    after_step(lab, rc);
    return true;
}

bool lab_run_to_line(Lab *lab, int line)
{
    while (!lab->finished) {
        if (!lab_busy(lab) && lab_line(lab) == line)
            return true;
        lab_step(lab);
    }
    return false;
}

void lab_finish(Lab *lab)
{
    while (lab_step(lab))
        ;
}

void lab_seek(Lab *lab, size_t n)
{
    const LabClass *cls = lab->cls;
    char *file = xstrdup(lab->file), *src = lab->src;
    size_t len = lab->len;
    uint64_t seed = lab->seed;
    lab->src = NULL;
    lab_close(lab);
    DiagList dl = {0};
    /* It opened before with the same text, so it opens again. */
    lab_open(lab, cls, src, len, file, seed, &dl);
    diag_fini(&dl);
    free(src), free(file);
    while (lab->steps < n && !lab->finished) {
        lab_step(lab);
        settle(lab);
        if (!lab->finished && lab->cls->line(lab->st) == 0)
            after_step(lab, 0);
    }
}
