/*
 * diag: structured diagnostics, printed in GNU format (see diag.h).
 */
#include "base/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/printable.h"
#include "base/xalloc.h"

void diag_add(DiagList *dl, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...)
{
    Buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);

    dl->items = xgrow(dl->items, &dl->cap, dl->len + 1, sizeof *dl->items);
    dl->items[dl->len++] = (Diag){
        .level = level,
        .file = file ? xstrdup(file) : NULL,
        .line = line,
        .col = col,
        .msg = buf_take(&msg),
    };
}

size_t diag_count(const DiagList *dl, DiagLevel level)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->len; i++)
        n += dl->items[i].level == level;
    return n;
}

static const char *level_name(DiagLevel level)
{
    switch (level) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    case DIAG_NOTE: return "note";
    }
    return "error";
}

char *diag_format(const Diag *d)
{
    Buf b = {0};
    if (d->file) {
        printable_add(&b, d->file, strlen(d->file), PRINTABLE_LINE);
        if (d->line > 0) {
            buf_printf(&b, ":%d", d->line);
            if (d->col > 0)
                buf_printf(&b, ":%d", d->col);
        }
        buf_adds(&b, ": ");
    }
    /* a message quotes the file it is about: its controls are shown, not obeyed */
    buf_printf(&b, "%s: ", level_name(d->level));
    printable_add(&b, d->msg, strlen(d->msg), PRINTABLE_LINES);
    return buf_take(&b);
}

void diag_print(const DiagList *dl, FILE *out)
{
    for (size_t i = 0; i < dl->len; i++) {
        char *s = diag_format(&dl->items[i]);
        fprintf(out, "%s\n", s);
        free(s);
    }
}

void diag_move(DiagList *to, DiagList *from)
{
    for (size_t i = 0; i < from->len; i++) {
        to->items = xgrow(to->items, &to->cap, to->len + 1, sizeof *to->items);
        to->items[to->len++] = from->items[i];
    }
    free(from->items);
    *from = (DiagList){0};
}

void diag_fini(DiagList *dl)
{
    for (size_t i = 0; i < dl->len; i++) {
        free(dl->items[i].file);
        free(dl->items[i].msg);
    }
    free(dl->items);
    *dl = (DiagList){0};
}
