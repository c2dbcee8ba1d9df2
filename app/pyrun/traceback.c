/*
 * traceback: writing to the output streams and CPython-style tracebacks
 * with the source line of each frame.
 */
#include <stdio.h>

#include "pyrun/interp.h"

#define S (I->sim)

void py_write(PyRun *I, int stream, const char *text, size_t n)
{
    if (I->out)
        I->out(I->out_ctx, stream, text, n);
}

static void source_line(PyRun *I, int line, Buf *out)
{
    const char *p = I->src, *end = I->src + I->srclen;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *e = p;
    while (e < end && *e != '\n')
        e++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
        e--;
    if (e > p)
        buf_printf(out, "    %.*s\n", (int)(e - p), p);
}

void format_traceback(PyRun *I, Buf *out)
{
    if (I->ntb > 0) {
        buf_adds(out, "Traceback (most recent call last):\n");
        for (int i = I->ntb - 1; i >= 0; i--) {
            size_t n;
            const char *nm = sim_str_data(S, I->codes[I->tb[i].code].name, &n);
            buf_printf(out, "  File \"%s\", line %d, in %.*s\n", I->filename, I->tb[i].line,
                       (int)n, nm);
            source_line(I, I->tb[i].line, out);
        }
    }
    if (I->err.msg[0])
        buf_printf(out, "%s: %s%s\n", I->err.type, I->err.msg, I->err.hint);
    else
        buf_printf(out, "%s\n", I->err.type);
}
