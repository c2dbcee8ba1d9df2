/*
 * lexer_fstr: scanning f-string bodies into literal parts and fields.
 * Messages are CPython's: 3.11 words some of them differently from
 * 3.12's PEP 701 tokenizer, so each names the version that says it.
 */
#include "pyrun/lexer_fstr.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int fs_fail(FsScan *sc, size_t at, const char *fmt, ...)
{
    if (sc->err->set)
        return FS_ERR;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sc->err->msg, sizeof sc->err->msg, fmt, ap);
    va_end(ap);
    snprintf(sc->err->type, sizeof sc->err->type, "SyntaxError");
    sc->err->line = sc->line;
    sc->err->col = (int)(at - sc->line_start);
    sc->err->set = true;
    return FS_ERR;
}

static void newline_at(FsScan *sc, size_t i)
{
    sc->line++;
    sc->line_start = i + 1;
}

static bool at_close(const FsScan *sc, size_t i)
{
    if (!sc->find_end || sc->spec || sc->s[i] != sc->q)
        return false;
    return !sc->triple || (i + 2 < sc->end && sc->s[i + 1] == sc->q && sc->s[i + 2] == sc->q);
}

static int scan_field(FsScan *sc, FsField *f);

/* A string literal inside a field, starting at its quote. */
static bool skip_string(FsScan *sc)
{
    const char *s = sc->s;
    size_t q = sc->i, k = q;
    while (k > 0 && q - k < 3 && isalpha((unsigned char)s[k - 1]))
        k--;
    bool raw = false, fstr = false;
    for (size_t j = k; j < q; j++) {
        char c = (char)tolower((unsigned char)s[j]);
        raw |= c == 'r';
        fstr |= c == 'f';
    }
    char quote = s[q];
    bool triple = q + 2 < sc->end && s[q + 1] == quote && s[q + 2] == quote;
    if (fstr && sc->minor >= 12) {
        if (sc->fdepth + 1 >= 150) {
            fs_fail(sc, q, "too many nested f-strings");
            return false;
        }
        FsScan in = {.s = s, .i = q + (triple ? 3 : 1), .end = sc->end, .q = quote, .triple = triple,
                     .raw = raw, .find_end = true, .minor = sc->minor, .line = sc->line,
                     .line_start = sc->line_start, .nest = sc->nest, .fdepth = sc->fdepth + 1,
                     .err = sc->err};
        size_t a, b;
        FsField f;
        int r;
        while ((r = fs_next(&in, &a, &b, &f)) == FS_LIT || r == FS_FIELD)
            ;
        sc->i = in.i;
        sc->line = in.line;
        sc->line_start = in.line_start;
        if (r == FS_ERR && in.unterminated)
            fs_fail(sc, q, "f-string: expecting '}'");
        return r == FS_DONE;
    }
    size_t i = q + (triple ? 3 : 1);
    while (i < sc->end) {
        char c = s[i];
        if (c == '\\' && i + 1 < sc->end) {
            if (s[i + 1] == '\n')
                newline_at(sc, i + 1);
            i += 2;
            continue;
        }
        if (c == '\n') {
            if (!triple)
                break;
            newline_at(sc, i);
        }
        if (c == quote && (!triple || (i + 2 < sc->end && s[i + 1] == quote && s[i + 2] == quote))) {
            sc->i = i + (triple ? 3 : 1);
            return true;
        }
        i++;
    }
    fs_fail(sc, q, "f-string: expecting '}'");
    return false;
}

/* The conversion after '!': one of s, r, a. */
static int scan_conversion(FsScan *sc, FsField *f)
{
    size_t bang = sc->i++;
    size_t st = sc->i;
    while (sc->i < sc->end && (isalnum((unsigned char)sc->s[sc->i]) || sc->s[sc->i] == '_'))
        sc->i++;
    size_t len = sc->i - st;
    char c = len == 1 ? sc->s[st] : 0;
    bool ok = c == 's' || c == 'r' || c == 'a';
    if (sc->minor < 12) {
        if (!ok)
            return fs_fail(sc, sc->i, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    } else if (len == 0) {
        (void)bang;
        return fs_fail(sc, st, "f-string: missing conversion character");
    } else if (!ok) {
        return fs_fail(sc, st, "f-string: invalid conversion character '%.*s': expected 's', 'r', or 'a'",
                       (int)len, sc->s + st);
    }
    f->conv = c;
    while (sc->minor >= 12 && sc->i < sc->end && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t'))
        sc->i++;
    if (sc->i >= sc->end || (sc->s[sc->i] != ':' && sc->s[sc->i] != '}'))
        return fs_fail(sc, sc->i, "f-string: expecting '}'");
    return FS_FIELD;
}

/* 3.12+: a format spec the f-string's closing quote ends.  The tokenizer
 * leaves the string with the field's '{' still open and reads on: a ')' or
 * ']' closing nothing opened after the quote is its error (the lines
 * between are one logical line inside the '{'); else the parser's. */
static int spec_unclosed(FsScan *sc, const FsField *f)
{
    const char *s = sc->s;
    size_t i = sc->i + (sc->triple ? 3 : 1), ls = sc->line_start;
    int line = sc->line, depth = 0;
    while (s[i]) {
        char c = s[i];
        if (c == '\n' || (c == '\\' && s[i + 1] == '\n')) {
            i += c == '\\' ? 2 : 1;
            line++, ls = i;
            continue;
        }
        if (c == '#') {
            while (s[i] && s[i] != '\n')
                i++;
            continue;
        }
        if (c == '\'' || c == '"') { /* a string on the way (on one line: enough here) */
            bool triple = s[i + 1] == c && s[i + 2] == c;
            size_t j = i + (triple ? 3 : 1);
            while (s[j] && !(s[j] == c && (!triple || (s[j + 1] == c && s[j + 2] == c))) && (triple || s[j] != '\n'))
                j += s[j] == '\\' && s[j + 1] ? 2 : 1;
            if (!s[j] || s[j] == '\n' || triple)
                break; /* not followed further */
            i = j + 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            depth--;
        } else if (c == '}') {
            break; /* it closes the field: the parser's error, whatever it is */
        } else if (c == ')' || c == ']') {
            int open_line = f->ex_line;
            sc->line = line;
            sc->line_start = ls;
            if (open_line != line)
                return fs_fail(sc, i, "closing parenthesis '%c' does not match opening parenthesis '{' on line %d",
                               c, open_line);
            return fs_fail(sc, i, "closing parenthesis '%c' does not match opening parenthesis '{'", c);
        }
        i++;
    }
    return fs_fail(sc, sc->i, "f-string: expecting '}', or format specs");
}

/* A format spec: literal text and nested fields, up to the field's '}'. */
static int scan_spec(FsScan *sc, FsField *f)
{
    f->spec = true;
    f->sp_a = ++sc->i;
    f->sp_line = sc->line;
    f->sp_line_start = sc->line_start;
    while (sc->i < sc->end) {
        char c = sc->s[sc->i];
        if (c == '}') {
            f->sp_b = sc->i++;
            return FS_FIELD;
        }
        if (at_close(sc, sc->i))
            return sc->minor >= 12 ? spec_unclosed(sc, f) : fs_fail(sc, sc->i, "f-string: expecting '}'");
        if (c == '\n') {
            if (sc->minor < 12 && !sc->triple)
                break;
            newline_at(sc, sc->i);
        }
        if (c == '{') {
            if (sc->nest >= (sc->minor >= 12 ? 2 : 1))
                return fs_fail(sc, sc->minor >= 12 ? sc->i - 1 : sc->i, "f-string: expressions nested too deeply");
            FsField in;
            sc->nest++;
            int r = scan_field(sc, &in);
            sc->nest--;
            if (r != FS_FIELD)
                return r;
            continue;
        }
        sc->i++;
    }
    return fs_fail(sc, sc->i, "f-string: expecting '}'");
}

/* A field from its '{' to its '}'. */
static int scan_field(FsScan *sc, FsField *f)
{
    memset(f, 0, sizeof *f);
    f->open = sc->i++;
    f->ex_a = sc->i;
    f->ex_line = sc->line;
    f->ex_line_start = sc->line_start;
    int depth = 0;
    while (sc->i < sc->end) {
        const char *s = sc->s;
        char c = s[sc->i];
        char nx = sc->i + 1 < sc->end ? s[sc->i + 1] : 0;
        if (sc->minor < 12 && at_close(sc, sc->i))
            break;
        if (c == '\\') {
            if (sc->minor < 12)
                return fs_fail(sc, sc->i, "f-string expression part cannot include a backslash");
            if (nx == '\n')
                newline_at(sc, sc->i + 1);
            sc->i += 2;
            continue;
        }
        if (c == '#') {
            if (sc->minor < 12)
                return fs_fail(sc, sc->i, "f-string expression part cannot include '#'");
            while (sc->i < sc->end && s[sc->i] != '\n')
                sc->i++;
            continue;
        }
        if (c == '\n') {
            if (sc->minor < 12 && !sc->triple)
                break;
            newline_at(sc, sc->i);
        }
        if (c == '\'' || c == '"') {
            if (!skip_string(sc))
                return FS_ERR;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
            depth--;
        } else if (c == '}' || (depth == 0 && (c == ':' || (c == '!' && nx != '=')))) {
            if (!f->debug)
                f->ex_b = sc->i;
            if (c == '!') {
                int r = scan_conversion(sc, f);
                if (r != FS_FIELD)
                    return r;
                c = s[sc->i];
            }
            if (c == ':')
                return scan_spec(sc, f);
            sc->i++; /* '}' */
            return FS_FIELD;
        } else if (depth == 0 && (c == '=' || c == '<' || c == '>' || c == '!') && nx == '=') {
            sc->i++;
        } else if (depth == 0 && c == '=') {
            size_t j = sc->i + 1;
            for (; j < sc->end; j++) { /* spaces, and (3.12+) comments */
                if (s[j] == '#' && sc->minor >= 12)
                    while (j + 1 < sc->end && s[j + 1] != '\n')
                        j++;
                else if (s[j] != ' ' && s[j] != '\t' && s[j] != '\n')
                    break;
            }
            if (j < sc->end && (s[j] == '}' || s[j] == '!' || s[j] == ':')) {
                f->debug = true;
                f->ex_b = sc->i;
                f->dbg_b = j;
                sc->i = j;
                continue;
            }
        }
        sc->i++;
    }
    if (f->ex_b == 0)
        f->ex_b = sc->i;
    if (sc->minor < 12 && sc->find_end && sc->i < sc->end && sc->s[sc->i] == '\n')
        sc->unterminated = true;
    if (sc->minor >= 12 && sc->i >= sc->end) { /* a comment ate the rest */
        sc->line = f->ex_line;
        sc->line_start = f->ex_line_start;
        return fs_fail(sc, f->open, "'{' was never closed");
    }
    return fs_fail(sc, sc->i, "f-string: expecting '}'");
}

int fs_next(FsScan *sc, size_t *a, size_t *b, FsField *f)
{
    const char *s = sc->s;
    *a = sc->i;
    while (sc->i < sc->end) {
        char c = s[sc->i];
        if (at_close(sc, sc->i)) {
            if (sc->i > *a) {
                *b = sc->i;
                return FS_LIT;
            }
            sc->i += sc->triple ? 3 : 1;
            return FS_DONE;
        }
        if (c == '\\' && sc->i + 1 < sc->end) {
            char nx = s[sc->i + 1];
            if (!sc->raw && nx == 'N' && sc->i + 2 < sc->end && s[sc->i + 2] == '{') {
                size_t j = sc->i + 3;
                while (j < sc->end && s[j] != '}' && s[j] != sc->q && s[j] != '\n')
                    j++;
                sc->i = j < sc->end && s[j] == '}' ? j + 1 : j;
                continue;
            }
            if (nx == '{' || nx == '}') {
                sc->i++;
                continue;
            }
            if (nx == '\n')
                newline_at(sc, sc->i + 1);
            sc->i += 2;
            continue;
        }
        if (c == '\n') {
            if (sc->find_end && !sc->triple) {
                sc->unterminated = true;
                return fs_fail(sc, sc->i, "unterminated string");
            }
            newline_at(sc, sc->i);
        }
        if (c == '{' || c == '}') {
            bool doubled = sc->i + 1 < sc->end && s[sc->i + 1] == c;
            if (doubled) {
                *b = sc->i + 1;
                sc->i += 2;
                return FS_LIT;
            }
            if (c == '}')
                return fs_fail(sc, sc->i, "f-string: single '}' is not allowed");
            if (sc->i > *a) {
                *b = sc->i;
                return FS_LIT;
            }
            return scan_field(sc, f) == FS_FIELD ? FS_FIELD : FS_ERR;
        }
        sc->i++;
    }
    if (sc->i > *a) {
        *b = sc->i;
        return FS_LIT;
    }
    if (sc->find_end) {
        sc->unterminated = true;
        return fs_fail(sc, sc->i, "unterminated string");
    }
    return FS_DONE;
}
