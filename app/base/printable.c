/*
 * printable: controls in text from files written as visible escapes
 * (see printable.h).
 */
#include "base/printable.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"

/* Code points a terminal obeys instead of showing: C0, DEL, C1, and the
 * bidi embeddings, overrides and isolates that reorder a line. */
static bool obeyed(uint32_t cp, PrintableMode mode)
{
    if (cp == '\n' || cp == '\t')
        return mode == PRINTABLE_LINE;
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* Decodes one code point; *bad is set for a byte that is not UTF-8. */
static size_t next_cp(const char *s, size_t n, uint32_t *cp, bool *bad)
{
    size_t len = utf8_decode(s, n, cp);
    *bad = *cp == UTF8_REPLACEMENT && len == 1 && (unsigned char)s[0] >= 0x80;
    return len;
}

void printable_add(Buf *b, const char *s, size_t n, PrintableMode mode)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        bool bad;
        size_t len = next_cp(s + i, n - i, &cp, &bad);
        if (bad)
            buf_printf(b, "\\x%02x", (unsigned char)s[i]);
        else if (!obeyed(cp, mode))
            buf_add(b, s + i, len);
        else if (cp < 0x100)
            buf_printf(b, "\\x%02x", (unsigned)cp);
        else
            buf_printf(b, "\\u%04x", (unsigned)cp);
        i += len;
    }
}

size_t printable_bad_at(const char *s, size_t n, PrintableMode mode, unsigned *cp_out)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) { /* plain ASCII, most of every file: no decoding */
            i++;
            continue;
        }
        uint32_t cp;
        bool bad;
        size_t len = next_cp(s + i, n - i, &cp, &bad);
        if (bad || obeyed(cp, mode)) {
            if (cp_out)
                *cp_out = bad ? PRINTABLE_NOT_UTF8 | (unsigned char)s[i] : (unsigned)cp;
            return i;
        }
        i += len;
    }
    return n;
}

void printable_describe(unsigned cp, char *dst, size_t size)
{
    if (cp & PRINTABLE_NOT_UTF8)
        snprintf(dst, size, "byte 0x%02X, which is not UTF-8", cp & 0xFFu);
    else if (cp >= 0x2000)
        snprintf(dst, size, "bidirectional override U+%04X", cp);
    else
        snprintf(dst, size, "control character U+%04X", cp);
}

bool printable_clean(const char *s, size_t n, PrintableMode mode)
{
    return printable_bad_at(s, n, mode, NULL) == n;
}

char *printable_dup(const char *s, PrintableMode mode)
{
    if (!s)
        return NULL;
    Buf b = {0};
    printable_add(&b, s, strlen(s), mode);
    return b.data ? buf_take(&b) : xstrdup("");
}

void printable_json(Buf *b, const char *s)
{
    if (!s) {
        buf_adds(b, "null");
        return;
    }
    buf_addc(b, '"');
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp;
        bool bad;
        size_t len = next_cp(s + i, n - i, &cp, &bad);
        if (bad)
            buf_adds(b, "\\ufffd");
        else if (cp == '"' || cp == '\\')
            buf_printf(b, "\\%c", (char)cp);
        else if (obeyed(cp, PRINTABLE_LINE))
            buf_printf(b, "\\u%04x", (unsigned)cp);
        else
            buf_add(b, s + i, len);
        i += len;
    }
    buf_addc(b, '"');
}

void printable_csv(Buf *b, const char *s)
{
    if (!s)
        return;
    Buf cell = {0};
    if (strchr("=+-@\t\r", s[0]) && s[0])
        buf_addc(&cell, '\'');
    printable_add(&cell, s, strlen(s), PRINTABLE_LINE);
    const char *t = buf_str(&cell);
    if (!strpbrk(t, ",\"\n\r")) {
        buf_add(b, t, cell.len);
    } else {
        buf_addc(b, '"');
        for (; *t; t++) {
            if (*t == '"')
                buf_addc(b, '"');
            buf_addc(b, *t);
        }
        buf_addc(b, '"');
    }
    buf_fini(&cell);
}

const char *shown(const char *s)
{
    static Buf slot[PRINTABLE_SLOTS];
    static unsigned next;
    if (!s)
        return "";
    size_t n = strlen(s);
    if (printable_clean(s, n, PRINTABLE_LINE))
        return s;
    Buf *b = &slot[next++ % PRINTABLE_SLOTS];
    buf_clear(b);
    printable_add(b, s, n, PRINTABLE_LINE);
    return buf_str(b);
}
