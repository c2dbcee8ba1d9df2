/*
 * linescan: lines, words and diagnostics for the lab languages (linescan.h).
 */
#include "base/linescan.h"

#include <stdarg.h>
#include <string.h>

#include "base/buf.h"

void linescan_init(LineScan *ls, const char *src, size_t len, const char *file, DiagList *dl,
                   size_t max_errors)
{
    *ls = (LineScan){.file = file, .dl = dl, .src = src, .end = src + len, .next = src,
                     .max_errors = max_errors};
}

bool linescan_next(LineScan *ls)
{
    while (ls->next && ls->next < ls->end) {
        const char *s = ls->next;
        const char *nl = memchr(s, '\n', (size_t)(ls->end - s));
        ls->line++;
        ls->text = s;
        ls->len = nl ? (size_t)(nl - s) : (size_t)(ls->end - s);
        ls->next = nl ? nl + 1 : NULL;
        if (!memchr(s, '\0', ls->len))
            return true;
        linescan_error(ls, 1, "expected text, found a NUL byte");
    }
    return false;
}

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

size_t linescan_words_from(const LineScan *ls, size_t from, LineWord *w, size_t cap,
                           unsigned flags, bool *more, bool *unclosed)
{
    const char *s = ls->text;
    size_t n = 0, i = from, len = ls->len;
    bool commas = flags & LINESCAN_COMMAS;
    if (more)
        *more = false;
    if (unclosed)
        *unclosed = false;
    while (i < len) {
        while (i < len && (blank(s[i]) || (commas && s[i] == ',')))
            i++;
        if (i >= len || s[i] == '#')
            break;
        size_t start = i;
        if ((flags & LINESCAN_QUOTES) && s[i] == '"') {
            const char *q = memchr(s + i + 1, '"', len - i - 1);
            if (!q && unclosed)
                *unclosed = true;
            i = q ? (size_t)(q - s) + 1 : len;
        } else {
            while (i < len && !blank(s[i]) && s[i] != '#' && !(commas && s[i] == ','))
                i++;
        }
        if (n == cap) {
            if (more)
                *more = true;
            break;
        }
        w[n++] = (LineWord){s + start, i - start, (int)start + 1};
    }
    return n;
}

size_t linescan_words(const LineScan *ls, LineWord *w, size_t cap, unsigned flags, bool *more,
                      bool *unclosed)
{
    return linescan_words_from(ls, 0, w, cap, flags, more, unclosed);
}

bool lineword_is(const LineWord *w, const char *s)
{
    return w->n == strlen(s) && memcmp(w->s, s, w->n) == 0;
}

void linescan_verror(LineScan *ls, int col, const char *fmt, va_list ap)
{
    if (ls->max_errors && ls->errors >= ls->max_errors) {
        ls->errors++; /* counted for the closing note, not shown */
        return;
    }
    ls->errors++;
    Buf msg = {0};
    buf_vprintf(&msg, fmt, ap);
    diag_add(ls->dl, DIAG_ERROR, ls->file, ls->line, col, "%s", buf_str(&msg));
    buf_fini(&msg);
}

void linescan_error(LineScan *ls, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    linescan_verror(ls, col, fmt, ap);
    va_end(ap);
}

size_t linescan_finish(LineScan *ls)
{
    if (ls->max_errors && ls->errors > ls->max_errors)
        diag_add(ls->dl, DIAG_ERROR, ls->file, 0, 0, "%zu more errors not shown",
                 ls->errors - ls->max_errors);
    return ls->errors;
}
