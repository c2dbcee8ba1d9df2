/*
 * lexer_str: numeric and string literals, with CPython's messages for the
 * malformed ones ("invalid hexadecimal literal", "unterminated string
 * literal (detected at line 3)", ...) and the escapes of string values.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "pyrun/lexer_fstr.h"
#include "pyrun/lexer_int.h"

static int col_of(const Lx *x, size_t i) { return (int)(i - x->line_start); }

static bool numfail(Lx *x, size_t at, const char *kind)
{
    return lx_fail(x, "SyntaxError", x->line, col_of(x, at), "invalid %s literal", kind);
}

static bool digit_in(char c, int base)
{
    if (base == 16)
        return isxdigit((unsigned char)c);
    return c >= '0' && c < '0' + (base == 10 ? 10 : base);
}

/* Digits of `base` with single underscores between them; false on "1__2" or "1_". */
static bool digits(Lx *x, int base, const char *kind)
{
    while (x->i < x->n) {
        char c = x->s[x->i];
        if (c == '_') {
            x->i++;
            if (x->i >= x->n || !digit_in(x->s[x->i], base))
                return numfail(x, x->i - 1, kind);
        } else if (!digit_in(c, base)) {
            return true;
        }
        x->i++;
    }
    return true;
}

/* A number may be followed by a keyword ("1if x else 2"), not by a name. */
static bool end_of_number(Lx *x, const char *kind)
{
    if (x->i >= x->n)
        return true;
    unsigned char c = (unsigned char)x->s[x->i];
    if (!(isalnum(c) || c == '_' || c >= 0x80))
        return true;
    static const char *kws[] = {"and", "else", "for", "if", "in", "is", "not", "or", NULL};
    for (int k = 0; kws[k]; k++)
        if (strncmp(x->s + x->i, kws[k], strlen(kws[k])) == 0)
            return true;
    return numfail(x, x->i - 1, kind);
}

/* The decimal digits of an integer written in `base` (for literals past int64). */
static char *to_decimal(const char *d, size_t n, int base)
{
    size_t cap = n * 2 + 2, len = 1;
    unsigned char *acc = xcalloc(cap, 1); /* little-endian decimal digits */
    for (size_t i = 0; i < n; i++) {
        int v = isdigit((unsigned char)d[i]) ? d[i] - '0' : tolower((unsigned char)d[i]) - 'a' + 10;
        int carry = v;
        for (size_t k = 0; k < len; k++) {
            int t = acc[k] * base + carry;
            acc[k] = (unsigned char)(t % 10);
            carry = t / 10;
        }
        while (carry && len < cap) {
            acc[len++] = (unsigned char)(carry % 10);
            carry /= 10;
        }
    }
    char *out = xmalloc(len + 1);
    for (size_t k = 0; k < len; k++)
        out[k] = (char)('0' + acc[len - 1 - k]);
    out[len] = '\0';
    free(acc);
    return out;
}

static void set_int(Token *t, const char *clean, size_t n, int base)
{
    errno = 0;
    unsigned long long v = strtoull(clean, NULL, base);
    if (errno == ERANGE || v > (unsigned long long)INT64_MAX) {
        t->big = true;
        t->text = to_decimal(clean, n, base);
        t->textlen = strlen(t->text);
        t->fval = strtod(t->text, NULL);
    }
    t->ival = (int64_t)v;
}

/* An integer written with leading zeros ("0777", "0_5"; not "00", "0.5",
 * "05e1", "05j"): the tokenizer refuses it before it checks what follows,
 * marking the zeros (and underscores) in front. */
static bool leading_zeros_ok(Lx *x, size_t st)
{
    const char *s = x->s;
    size_t zeros_end = st;
    while (zeros_end < x->i && (s[zeros_end] == '0' || s[zeros_end] == '_'))
        zeros_end++;
    char next = x->i < x->n ? s[x->i] : '\0';
    if (zeros_end == x->i || next == '.' || next == 'e' || next == 'E' || next == 'j' || next == 'J')
        return true;
    lx_fail(x, "SyntaxError", x->line, col_of(x, st),
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    x->err->end_line = x->line;
    x->err->end_col = col_of(x, zeros_end);
    return false;
}

bool lx_number(Lx *x)
{
    size_t st = x->i;
    const char *s = x->s;
    int base = 10;
    bool isfloat = false, imag = false;
    if (s[st] == '0' && st + 1 < x->n && strchr("xXoObB", s[st + 1])) {
        char c = (char)tolower((unsigned char)s[st + 1]);
        base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
        const char *kind = c == 'x' ? "hexadecimal" : c == 'o' ? "octal" : "binary";
        x->i += 2;
        if (x->i < x->n && s[x->i] == '_')
            x->i++;
        if (x->i >= x->n || !digit_in(s[x->i], base)) {
            if (x->i < x->n && base != 16 && isdigit((unsigned char)s[x->i]))
                return lx_fail(x, "SyntaxError", x->line, col_of(x, x->i), "invalid digit '%c' in %s literal",
                               s[x->i], kind);
            return numfail(x, x->i - 1, kind);
        }
        if (!digits(x, base, kind))
            return false;
        if (x->i < x->n && base != 16 && isdigit((unsigned char)s[x->i]))
            return lx_fail(x, "SyntaxError", x->line, col_of(x, x->i), "invalid digit '%c' in %s literal",
                           s[x->i], kind);
        if (!end_of_number(x, kind))
            return false;
    } else {
        if (s[st] != '.' && !digits(x, 10, "decimal"))
            return false;
        if (s[st] == '0' && !leading_zeros_ok(x, st))
            return false;
        if (x->i < x->n && s[x->i] == '.') {
            isfloat = true;
            x->i++;
            if (x->i < x->n && isdigit((unsigned char)s[x->i]) && !digits(x, 10, "decimal"))
                return false;
        }
        if (x->i < x->n && (s[x->i] == 'e' || s[x->i] == 'E')) {
            size_t e = x->i++;
            bool sign = x->i < x->n && (s[x->i] == '+' || s[x->i] == '-');
            if (sign)
                x->i++;
            if (x->i >= x->n || !isdigit((unsigned char)s[x->i])) {
                if (!sign) { /* "1else": the number ends before the 'e' */
                    x->i = e;
                    if (!end_of_number(x, "decimal"))
                        return lx_fail(x, "SyntaxError", x->line, col_of(x, st), "invalid decimal literal");
                    goto done;
                }
                return numfail(x, x->i - 1, "decimal");
            }
            isfloat = true;
            if (!digits(x, 10, "decimal"))
                return false;
        }
        if (x->i < x->n && (s[x->i] == 'j' || s[x->i] == 'J')) {
            imag = isfloat = true;
            x->i++;
        }
        if (!end_of_number(x, "decimal"))
            return false;
    }
done:;
    Buf b = {0};
    for (size_t j = st + (base != 10 ? 2 : 0); j < x->i; j++)
        if (s[j] != '_' && s[j] != 'j' && s[j] != 'J')
            buf_addc(&b, s[j]);
    Token *t = lx_push(x, isfloat ? T_FLOAT : T_INT, st, x->i - st);
    if (isfloat)
        t->fval = strtod(buf_str(&b), NULL);
    else
        set_int(t, buf_str(&b), b.len, base);
    if (imag)
        t->flags = TF_IMAG;
    buf_fini(&b);
    return true;
}

static void put_utf8(Buf *b, uint32_t cp)
{
    if (cp < 0x80) {
        buf_addc(b, (char)cp);
    } else if (cp < 0x800) {
        buf_addc(b, (char)(0xc0 | cp >> 6));
        buf_addc(b, (char)(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        buf_addc(b, (char)(0xe0 | cp >> 12));
        buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
        buf_addc(b, (char)(0x80 | (cp & 0x3f)));
    } else {
        buf_addc(b, (char)(0xf0 | cp >> 18));
        buf_addc(b, (char)(0x80 | ((cp >> 12) & 0x3f)));
        buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
        buf_addc(b, (char)(0x80 | (cp & 0x3f)));
    }
}

/* One escape after the backslash at s[*i - 1]; advances *i.  A malformed
 * one leaves CPython's message in err (err[0] != 0). */
static void escape(const char *s, size_t n, size_t *i, Buf *b, bool bytes, bool *named, char *err, size_t errsize)
{
    size_t at = *i - 1;
    char c = s[(*i)++];
    switch (c) {
    case 'n': buf_addc(b, '\n'); return;
    case 't': buf_addc(b, '\t'); return;
    case 'r': buf_addc(b, '\r'); return;
    case 'a': buf_addc(b, '\a'); return;
    case 'b': buf_addc(b, '\b'); return;
    case 'f': buf_addc(b, '\f'); return;
    case 'v': buf_addc(b, '\v'); return;
    case '\\': case '\'': case '"': buf_addc(b, c); return;
    case '\n': return;
    case '\r':
        if (*i < n && s[*i] == '\n')
            (*i)++;
        return;
    default: break;
    }
    if (c >= '0' && c <= '7') {
        uint32_t v = (uint32_t)(c - '0');
        for (int k = 0; k < 2 && *i < n && s[*i] >= '0' && s[*i] <= '7'; k++)
            v = v * 8 + (uint32_t)(s[(*i)++] - '0');
        if (bytes)
            buf_addc(b, (char)(v & 0xff));
        else
            put_utf8(b, v);
        return;
    }
    if (c == 'x' || (!bytes && (c == 'u' || c == 'U'))) {
        int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8, k = 0;
        uint32_t v = 0;
        for (; k < nd && *i < n && isxdigit((unsigned char)s[*i]); k++) {
            char h = s[(*i)++];
            v = v * 16 + (uint32_t)(isdigit((unsigned char)h) ? h - '0' : tolower((unsigned char)h) - 'a' + 10);
        }
        if (k < nd && bytes) {
            snprintf(err, errsize, "(value error) invalid \\x escape at position %zu", at);
            return;
        }
        if (k < nd || v > 0x10FFFF) {
            snprintf(err, errsize, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                     at, at + 1 + (size_t)k, k < nd ? (c == 'x' ? "truncated \\xXX escape" : c == 'u' ?
                     "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape") : "illegal Unicode character");
            return;
        }
        if (bytes)
            buf_addc(b, (char)v);
        else
            put_utf8(b, v);
        return;
    }
    if (c == 'N' && !bytes && *i < n && s[*i] == '{') {
        while (*i < n && s[*i] != '}')
            (*i)++;
        if (*i < n)
            (*i)++;
        *named = true; /* no Unicode name table here: the value is not exact */
        buf_addc(b, '?');
        return;
    }
    buf_addc(b, '\\');
    buf_addc(b, c);
}

char *lex_decode(const char *s, size_t n, unsigned flags, size_t *outlen, bool *named, char *err,
                 size_t errsize)
{
    Buf b = {0};
    err[0] = '\0';
    for (size_t i = 0; i < n && !err[0];) {
        char c = s[i++];
        if (c == '\\' && i < n && !(flags & TF_RAW)) {
            escape(s, n, &i, &b, flags & TF_BYTES, named, err, errsize);
        } else if (c == '\r') { /* source newlines read as "\n" */
            if (i < n && s[i] == '\n')
                i++;
            buf_addc(&b, '\n');
        } else {
            buf_addc(&b, c);
        }
    }
    *outlen = b.len;
    return b.data ? buf_take(&b) : xstrdup("");
}

char lex_bad_escape(const char *s, size_t n, unsigned flags)
{
    if (flags & TF_RAW)
        return 0;
    bool bytes = flags & TF_BYTES;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\\')
            continue;
        char c = s[++i];
        if (strchr("\n\r\\'\"abfnrtvx01234567", c) || (!bytes && strchr("NuU", c)))
            continue;
        return c;
    }
    return 0;
}

void lex_warn(TokList *tl, int line, size_t at, char c)
{
    for (size_t i = 0; i < tl->nwarn; i++)
        if (tl->warn_at[i] == at)
            return; /* the parser read this literal once already */
    tl->warn_at = xrealloc(tl->warn_at, (tl->nwarn + 1) * sizeof *tl->warn_at);
    tl->warn_line = xrealloc(tl->warn_line, (tl->nwarn + 1) * sizeof *tl->warn_line);
    tl->warn_char = xrealloc(tl->warn_char, tl->nwarn + 1);
    tl->warn_at[tl->nwarn] = at;
    tl->warn_line[tl->nwarn] = line;
    tl->warn_char[tl->nwarn++] = c;
}

static bool unterminated(Lx *x, size_t st, int sline, size_t sls, bool triple, bool fstr)
{
    const char *f = fstr && x->minor >= 12 ? "f-string" : "string";
    return lx_fail(x, "SyntaxError", sline, (int)(st - sls), "unterminated %s%s literal (detected at line %d)",
                   triple ? "triple-quoted " : "", f,
                   !triple ? sline : x->n > 0 && x->s[x->n - 1] == '\n' ? x->line - 1 : x->line);
}

/* A 3.12+ f-string: PEP 701 lets its fields hold any string. */
static bool fstring_end(Lx *x, size_t st, size_t *body_end, char q, bool triple, bool raw)
{
    int sline = x->line;
    size_t sls = x->line_start;
    PyError scratch = {0};
    FsScan sc = {.s = x->s, .i = x->i, .end = x->n, .q = q, .triple = triple, .raw = raw,
                 .find_end = true, .minor = x->minor, .line = x->line, .line_start = x->line_start,
                 .err = &scratch};
    size_t a, b;
    FsField f;
    int r;
    while ((r = fs_next(&sc, &a, &b, &f)) == FS_LIT || r == FS_FIELD)
        ;
    x->line = sc.line;
    x->line_start = sc.line_start;
    if (r == FS_DONE) {
        *body_end = sc.i - (triple ? 3 : 1);
        x->i = sc.i;
        return true;
    }
    if (sc.unterminated)
        return unterminated(x, st, sline, sls, triple, true);
    *x->err = scratch;
    return false;
}

bool lx_string(Lx *x, size_t st, unsigned flags)
{
    char q = x->s[x->i];
    bool triple = x->i + 2 < x->n && x->s[x->i + 1] == q && x->s[x->i + 2] == q;
    int sline = x->line, scol = col_of(x, st);
    size_t sls = x->line_start;
    x->i += triple ? 3 : 1;
    size_t body = x->i, body_end = 0;
    if ((flags & TF_FSTRING) && x->minor >= 12) {
        if (!fstring_end(x, st, &body_end, q, triple, flags & TF_RAW))
            return false;
    } else {
        for (;;) {
            if (x->i >= x->n)
                return unterminated(x, st, sline, sls, triple, flags & TF_FSTRING);
            char c = x->s[x->i];
            if (c == q && (!triple || (x->i + 2 < x->n && x->s[x->i + 1] == q && x->s[x->i + 2] == q))) {
                body_end = x->i;
                x->i += triple ? 3 : 1;
                break;
            }
            if (c == '\\' && x->i + 1 < x->n) { /* an escape, or a line continued */
                x->i++;
                c = x->s[x->i++];
                if (c == '\r' && x->i < x->n && x->s[x->i] == '\n')
                    x->i++;
                if (c == '\n' || c == '\r') {
                    x->line++;
                    x->line_start = x->i;
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (!triple)
                    return unterminated(x, st, sline, sls, false, flags & TF_FSTRING);
                if (c == '\r' && x->i + 1 < x->n && x->s[x->i + 1] == '\n')
                    x->i++;
                x->line++;
                x->line_start = x->i + 1;
            }
            if ((flags & TF_BYTES) && (unsigned char)c >= 0x80)
                return lx_fail(x, "SyntaxError", sline, scol, "bytes can only contain ASCII literal characters");
            x->i++;
        }
    }
    Token *t = lx_push(x, T_STRING, st, x->i - st);
    t->line = sline;
    t->col = scol;
    t->flags = (uint8_t)(flags | (triple ? TF_TRIPLE : 0));
    t->body = body;
    t->bodylen = body_end - body;
    t->bodyline = sline;
    t->bodycol = (int)(body - sls);
    if (!(flags & TF_FSTRING)) {
        bool named = false;
        char err[160];
        t->text = lex_decode(x->s + body, body_end - body, flags, &t->textlen, &named, err, sizeof err);
        if (named)
            t->flags |= TF_NAMED_ESC;
        char bad = lex_bad_escape(x->s + body, body_end - body, flags);
        if (bad)
            lex_warn(x->out, sline, st, bad);
        if (err[0]) /* 3.11 reports a bad escape after the literal, 3.12 at its start */
            return x->minor >= 12 ? lx_fail(x, "SyntaxError", sline, scol, "%s", err)
                                  : lx_fail(x, "SyntaxError", x->line, col_of(x, x->i), "%s", err);
    }
    return true;
}
