/*
 * json_loads: json.loads() as Modules/_json.c's scanner runs it: dicts
 * built by setting each pair (the key strings shared within one document),
 * lists by appends, strs, ints, floats, True/False/None, and
 * JSONDecodeError's messages and positions (json.c has the module).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/json.h"
#include "pyrun/types/types.h"

#define S (I->sim)

typedef struct Dec {
    const char *s;
    size_t n, pos;
    SimId doc;  /* the text (borrowed) */
    SimId memo; /* the key strings of this document (owned dict) */
    int depth;
} Dec;

/* the code-point index of byte offset `at` (JSONDecodeError counts characters) */
static size_t char_index(const Dec *d, size_t at)
{
    size_t c = 0;
    for (size_t i = 0; i < at && i < d->n; i++)
        c += ((unsigned char)d->s[i] & 0xc0) != 0x80;
    return c;
}

static void fail(PyRun *I, Dec *d, const char *msg, size_t at)
{
    size_t pos = char_index(d, at), line = 1, col;
    size_t last_nl = 0;
    bool any = false;
    for (size_t i = 0; i < at && i < d->n; i++)
        if (d->s[i] == '\n') {
            line++;
            last_nl = i;
            any = true;
        }
    col = any ? pos - char_index(d, last_nl) : pos + 1;
    char text[200];
    snprintf(text, sizeof text, "%s: line %zu column %zu (char %zu)", msg, line, col, pos);
    SimId e = exc_module_instance(I, "json", "JSONDecodeError", text);
    if (!e) {
        py_raise(I, EXC_ValueError, "%s", text);
        return;
    }
    static const char *const names[] = {"msg", "doc", "pos", "lineno", "colno"};
    SimId vals[5] = {sim_str(S, msg, strlen(msg)), d->doc, sim_int(S, (int64_t)pos), sim_int(S, (int64_t)line),
                     sim_int(S, (int64_t)col)};
    sim_incref(S, d->doc);
    for (int i = 0; i < 5; i++) {
        SimId k = sim_str_intern(S, names[i], strlen(names[i]));
        sim_attr_set(S, e, k, vals[i]);
        sim_decref(S, k);
    }
    py_raise_instance(I, e, text);
}

static void skip_ws(Dec *d)
{
    while (d->pos < d->n && (d->s[d->pos] == ' ' || d->s[d->pos] == '\t' || d->s[d->pos] == '\n' || d->s[d->pos] == '\r'))
        d->pos++;
}

static void put_utf8(Buf *b, uint32_t c)
{
    char u[4];
    buf_add(b, u, utf8_encode(c, u));
}

static int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* scanstring: d->pos just after the opening quote; the text into b */
static bool scan_string(PyRun *I, Dec *d, Buf *b)
{
    size_t begin = d->pos - 1;
    for (;;) {
        if (d->pos >= d->n) {
            fail(I, d, "Unterminated string starting at", begin);
            return false;
        }
        unsigned char c = (unsigned char)d->s[d->pos];
        if (c == '"') {
            d->pos++;
            return true;
        }
        if (c < 0x20) {
            fail(I, d, "Invalid control character at", d->pos);
            return false;
        }
        if (c != '\\') {
            buf_addc(b, (char)c);
            d->pos++;
            continue;
        }
        if (d->pos + 1 >= d->n) {
            fail(I, d, "Unterminated string starting at", begin);
            return false;
        }
        char esc = d->s[d->pos + 1];
        const char *plain = strchr("\"\\/bfnrt", esc);
        if (esc && plain) {
            static const char out[] = "\"\\/\b\f\n\r\t";
            buf_addc(b, out[plain - "\"\\/bfnrt"]);
            d->pos += 2;
            continue;
        }
        if (esc != 'u') {
            fail(I, d, "Invalid \\escape", d->pos);
            return false;
        }
        int u = d->pos + 6 <= d->n ? hex4(d->s + d->pos + 2) : -1;
        if (u < 0) {
            fail(I, d, "Invalid \\uXXXX escape", d->pos + 1);
            return false;
        }
        d->pos += 6;
        uint32_t cp = (uint32_t)u;
        if (cp >= 0xd800 && cp <= 0xdbff && d->pos + 6 <= d->n && d->s[d->pos] == '\\' && d->s[d->pos + 1] == 'u') {
            int lo = hex4(d->s + d->pos + 2);
            if (lo >= 0xdc00 && lo <= 0xdfff) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + ((uint32_t)lo - 0xdc00);
                d->pos += 6;
            }
        }
        if (cp >= 0xd800 && cp <= 0xdfff)
            return py_not_modelled(I, 0, "json.loads() of a lone surrogate escape");
        put_utf8(b, cp);
    }
}

static SimId scan(PyRun *I, Dec *d);

static SimId scan_object(PyRun *I, Dec *d)
{
    SimId obj = sim_dict(S);
    skip_ws(d);
    if (d->pos < d->n && d->s[d->pos] == '}') {
        d->pos++;
        return obj;
    }
    for (;;) {
        if (d->pos >= d->n || d->s[d->pos] != '"') {
            fail(I, d, "Expecting property name enclosed in double quotes", d->pos);
            break;
        }
        d->pos++;
        Buf kb = {0};
        if (!scan_string(I, d, &kb)) {
            buf_fini(&kb);
            break;
        }
        SimId key = sim_str(S, kb.data ? kb.data : "", kb.len);
        buf_fini(&kb);
        SimId known = sim_dict_get(S, d->memo, key); /* the memo: one string per key text */
        if (known) {
            sim_decref(S, key);
            sim_incref(S, known);
            key = known;
        } else {
            sim_incref(S, key);
            sim_incref(S, key);
            sim_dict_set(S, d->memo, key, key);
        }
        skip_ws(d);
        if (d->pos >= d->n || d->s[d->pos] != ':') {
            fail(I, d, "Expecting ':' delimiter", d->pos);
            sim_decref(S, key);
            break;
        }
        d->pos++;
        skip_ws(d);
        SimId val = scan(I, d);
        if (!val) {
            sim_decref(S, key);
            break;
        }
        sim_dict_set(S, obj, key, val);
        skip_ws(d);
        if (d->pos < d->n && d->s[d->pos] == '}') {
            d->pos++;
            return obj;
        }
        if (d->pos >= d->n || d->s[d->pos] != ',') {
            fail(I, d, "Expecting ',' delimiter", d->pos);
            break;
        }
        size_t comma = d->pos++;
        skip_ws(d);
        if (S->prof->version >= SIM_V313 && d->pos < d->n && d->s[d->pos] == '}') { /* 3.13 names it */
            fail(I, d, "Illegal trailing comma before end of object", comma);
            break;
        }
    }
    sim_decref(S, obj);
    return 0;
}

static SimId scan_array(PyRun *I, Dec *d)
{
    SimId list = sim_list(S, 0);
    skip_ws(d);
    if (d->pos < d->n && d->s[d->pos] == ']') {
        d->pos++;
        return list;
    }
    for (;;) {
        SimId v = scan(I, d);
        if (!v)
            break;
        sim_list_append(S, list, v);
        skip_ws(d);
        if (d->pos < d->n && d->s[d->pos] == ']') {
            d->pos++;
            return list;
        }
        if (d->pos >= d->n || d->s[d->pos] != ',') {
            fail(I, d, "Expecting ',' delimiter", d->pos);
            break;
        }
        size_t comma = d->pos++;
        skip_ws(d);
        if (S->prof->version >= SIM_V313 && d->pos < d->n && d->s[d->pos] == ']') {
            fail(I, d, "Illegal trailing comma before end of array", comma);
            break;
        }
    }
    sim_decref(S, list);
    return 0;
}

static bool digits(const Dec *d, size_t *p)
{
    size_t start = *p;
    while (*p < d->n && d->s[*p] >= '0' && d->s[*p] <= '9')
        (*p)++;
    return *p > start;
}

/* _match_number_unicode: an int when there is no fraction or exponent */
static SimId scan_number(PyRun *I, Dec *d)
{
    size_t p = d->pos, start = p;
    if (p < d->n && d->s[p] == '-')
        p++;
    if (p < d->n && d->s[p] == '0')
        p++;
    else if (!digits(d, &p)) {
        fail(I, d, "Expecting value", start);
        return 0;
    }
    bool is_float = false;
    if (p + 1 < d->n && d->s[p] == '.' && d->s[p + 1] >= '0' && d->s[p + 1] <= '9') {
        p++;
        digits(d, &p);
        is_float = true;
    }
    if (p < d->n && (d->s[p] == 'e' || d->s[p] == 'E')) {
        size_t q = p + 1;
        if (q < d->n && (d->s[q] == '+' || d->s[q] == '-'))
            q++;
        if (digits(d, &q)) {
            p = q;
            is_float = true;
        }
    }
    d->pos = p;
    char buf[64];
    if (p - start >= sizeof buf)
        return py_not_modelled(I, 0, "json.loads() of a number of more than 63 characters"), (SimId)0;
    memcpy(buf, d->s + start, p - start);
    buf[p - start] = 0;
    if (is_float)
        return sim_float(S, strtod(buf, NULL));
    SimId text = sim_str(S, buf, p - start);
    SimId r = int_from_text(I, text, 10);
    sim_decref(S, text);
    return r;
}

static bool word(const Dec *d, const char *w)
{
    size_t n = strlen(w);
    return d->pos + n <= d->n && memcmp(d->s + d->pos, w, n) == 0;
}

static SimId scan(PyRun *I, Dec *d)
{
    if (d->pos >= d->n) {
        fail(I, d, "Expecting value", d->pos);
        return 0;
    }
    if (++d->depth > 900) {
        d->depth--;
        return py_not_modelled(I, 0, "json.loads() of a document nested more than 900 deep"), (SimId)0;
    }
    SimId r = 0;
    char c = d->s[d->pos];
    if (c == '"') {
        d->pos++;
        Buf b = {0};
        if (scan_string(I, d, &b))
            r = sim_str(S, b.data ? b.data : "", b.len);
        buf_fini(&b);
    } else if (c == '{') {
        d->pos++;
        r = scan_object(I, d);
    } else if (c == '[') {
        d->pos++;
        r = scan_array(I, d);
    } else if (word(d, "null")) {
        d->pos += 4;
        r = sim_none(S);
    } else if (word(d, "true") || word(d, "false")) {
        r = sim_bool(S, c == 't');
        d->pos += c == 't' ? 4 : 5;
    } else if (word(d, "NaN") || word(d, "Infinity") || word(d, "-Infinity")) {
        r = sim_float(S, c == 'N' ? NAN : c == 'I' ? INFINITY : -INFINITY);
        d->pos += c == 'N' ? 3 : c == 'I' ? 8 : 9;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        r = scan_number(I, d);
    } else {
        fail(I, d, "Expecting value", d->pos);
    }
    d->depth--;
    return r;
}

SimId json_loads(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!json_kw_check(I, kw, "loads", " "))
        return 0;
    int np = bi_npos(I, n, kw);
    if (np != 1) {
        py_raise(I, EXC_TypeError, np ? "loads() takes 1 positional argument but %d were given"
                                      : "loads() missing 1 required positional argument: 's'", np);
        return 0;
    }
    json_note(I, "json.loads() (JSONDecoder's Python code and regexes)");
    SimKind k = sim_kind(S, a[0]);
    if (k == SK_BYTES || k == SK_BYTEARRAY)
        return py_not_modelled(I, 0, "json.loads() of bytes (their encoding detected)"), (SimId)0;
    if (k != SK_STR) {
        py_raise(I, EXC_TypeError, "the JSON object must be str, bytes or bytearray, not %s", op_typename(I, a[0]));
        return 0;
    }
    Dec d = {.doc = a[0], .memo = sim_dict(S)};
    const char *text = sim_str_data(S, a[0], &d.n);
    char *copy = xmalloc(d.n + 1); /* the objects decoded may move the str's payload */
    memcpy(copy, text, d.n);
    copy[d.n] = '\0';
    d.s = copy;
    skip_ws(&d); /* decode(): WHITESPACE.match(s, 0).end() */
    SimId r = scan(I, &d);
    if (r) {
        skip_ws(&d);
        if (d.pos != d.n) {
            fail(I, &d, "Extra data", d.pos);
            sim_decref(S, r);
            r = 0;
        }
    }
    sim_decref(S, d.memo);
    free(copy);
    return r;
}
