/*
 * string_template: string.Template (Lib/string.py), a Python class kept as
 * a composite record of 56 bytes on 3.11 and 48 on 3.12 and 3.13 (tracked;
 * its __dict__ holds `template`, which refs[0] stands for). substitute,
 * safe_substitute, get_identifiers and is_valid scan the text as its
 * pattern does (the default delimiter `$`, idpattern (?a:[_a-z][_a-z0-9]*)
 * with re.IGNORECASE): `$$` is a `$`, `$name` and `${name}` are looked up
 * (the keywords first, then the mapping: string.py's ChainMap) and turned
 * into str(), anything else after a `$` is an invalid placeholder
 * (ValueError with its line and column; safe_substitute keeps it, and the
 * names it cannot find, as written). Errors leave through string.py's
 * frames: their tracebacks are refused if shown (registry.c). re's match
 * objects are not replayed: the young count is unsure after a call.
 * Subclasses (another delimiter or pattern) and mappings other than a
 * dict are refused.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/string_int.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(o) sim_iter_refs(S, o)

enum { TP_TEMPLATE, TP_NREFS };

SimId string_template_new(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId text = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "template");
    if (np > 1) {
        py_raise(I, EXC_TypeError, "Template.__init__() takes 2 positional arguments but %d were given", np + 1);
        return 0;
    }
    if (!text) {
        py_raise(I, EXC_TypeError, "Template.__init__() missing 1 required positional argument: 'template'");
        return 0;
    }
    SimId t = iter_composite(I, SIM_XT_STR_TEMPLATE, TP_NREFS, 0, 0, true);
    if (!t)
        return 0;
    sim_incref(S, text);
    REFS(t)[TP_TEMPLATE] = text;
    I->gc_count_unsure = true; /* the instance's __dict__: not replayed */
    return t;
}

static bool is_template(PyRun *I, SimId v) { return sim_is_native(S, v) && sim_xtype_of(S, v) == SIM_XT_STR_TEMPLATE; }

/* One placeholder: kind, and the name's span in the text */
enum { PH_ESCAPED, PH_NAMED, PH_BRACED, PH_INVALID };
typedef struct Ph {
    int kind;
    size_t start, end;          /* the whole match: from the `$` */
    size_t name_at, name_len;   /* named / braced */
} Ph;

static bool id_start(unsigned char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool id_char(unsigned char c) { return id_start(c) || (c >= '0' && c <= '9'); }

/* The next placeholder at or after `from` (false: none left) */
static bool next_ph(const char *s, size_t n, size_t from, Ph *ph)
{
    const char *d = from < n ? memchr(s + from, '$', n - from) : NULL;
    if (!d)
        return false;
    size_t i = (size_t)(d - s), j = i + 1;
    ph->start = i;
    if (j < n && s[j] == '$') {
        ph->kind = PH_ESCAPED, ph->end = j + 1;
    } else if (j < n && id_start((unsigned char)s[j])) {
        size_t k = j;
        while (k < n && id_char((unsigned char)s[k]))
            k++;
        ph->kind = PH_NAMED, ph->name_at = j, ph->name_len = k - j, ph->end = k;
    } else {
        size_t k = j + 1;
        if (j < n && s[j] == '{' && k < n && id_start((unsigned char)s[k])) {
            while (k < n && id_char((unsigned char)s[k]))
                k++;
            if (k < n && s[k] == '}') {
                ph->kind = PH_BRACED, ph->name_at = j + 1, ph->name_len = k - j - 1, ph->end = k + 1;
                return true;
            }
        }
        ph->kind = PH_INVALID, ph->end = j;
    }
    return true;
}

static const char *template_text(PyRun *I, SimId self, size_t *n)
{
    SimId text = REFS(self)[TP_TEMPLATE];
    if (sim_kind(S, text) != SK_STR)
        return py_not_modelled(I, 0, "a string.Template whose template is a '%s'", op_typename(I, text)), NULL;
    return sim_str_data(S, text, n);
}

/* _invalid: ValueError with the placeholder's line and column, counted in
 * code points as str.splitlines() cuts the text before it (i: just after
 * the `$`, which ends the last line) */
static void invalid(PyRun *I, const char *s, size_t i)
{
    size_t line = 1, col = 0;
    for (size_t k = 0; k < i; k++) {
        unsigned char c = (unsigned char)s[k];
        bool brk = c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e);
        if (c == 0xc2 && k + 1 < i && (unsigned char)s[k + 1] == 0x85) /* U+0085 */
            brk = true, k++;
        else if (c == 0xe2 && k + 2 < i && (unsigned char)s[k + 1] == 0x80 &&
                 ((unsigned char)s[k + 2] == 0xa8 || (unsigned char)s[k + 2] == 0xa9)) /* U+2028, U+2029 */
            brk = true, k += 2;
        else if (c == '\r' && k + 1 < i && s[k + 1] == '\n')
            k++;
        if (brk) {
            line++;
            col = 0;
        } else if ((c & 0xc0) != 0x80) {
            col++;
        }
    }
    py_raise(I, EXC_ValueError, "Invalid placeholder in string: line %zu, col %zu", line, col);
}

/* mapping[name] looked up as string.py does (kws first, then the mapping):
 * borrowed, 0 when missing */
static SimId lookup(PyRun *I, SimId mapping, SimId kws, const char *name)
{
    SimId v = kws ? sim_dict_get_str(S, kws, name) : 0;
    if (!v && mapping)
        v = sim_dict_get_str(S, mapping, name);
    return v;
}

static SimId substitute(PyRun *I, SimId *a, int n, SimId kw, bool safe)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk - 1;
    const char *meth = safe ? "safe_substitute" : "substitute";
    if (!is_template(I, a[0]))
        return py_not_modelled(I, 0, "Template.%s() on a '%s'", meth, op_typename(I, a[0])), 0;
    if (np > 1) {
        py_raise(I, EXC_TypeError, "Template.%s() takes from 1 to 2 positional arguments but %d were given", meth,
                 np + 1);
        return 0;
    }
    SimId mapping = np == 1 ? a[1] : 0;
    if (mapping && (sim_kind(S, mapping) != SK_DICT || sim_obj(S, mapping)->type))
        return py_not_modelled(I, 0, "Template.%s() with a mapping that is not a dict", meth), 0;
    SimId kws = 0;
    if (nk) {
        kws = sim_dict(S);
        for (int i = 0; i < nk; i++) {
            sim_incref(S, sim_items(S, kw)[i]);
            sim_incref(S, a[np + 1 + i]);
            sim_dict_set(S, kws, sim_items(S, kw)[i], a[np + 1 + i]);
        }
    }
    I->gc_count_unsure = true; /* re's match objects and the pieces' list: not replayed */
    size_t len;
    const char *text = template_text(I, a[0], &len);
    Buf held = {0}, out = {0}; /* the text copied: lookups and str() make objects, which may move it */
    if (text)
        buf_add(&held, text, len);
    const char *s = buf_str(&held);
    bool ok = text != NULL;
    size_t at = 0;
    Ph ph;
    while (ok && next_ph(s, len, at, &ph)) {
        buf_add(&out, s + at, ph.start - at);
        at = ph.end;
        if (ph.kind == PH_ESCAPED) {
            buf_add(&out, "$", 1);
            continue;
        }
        if (ph.kind == PH_INVALID) {
            if (safe) {
                buf_add(&out, "$", 1);
                continue;
            }
            invalid(I, s, ph.start + 1);
            ok = false;
            break;
        }
        char name[128];
        if (ph.name_len >= sizeof name) {
            ok = py_not_modelled(I, 0, "a Template placeholder of more than 127 characters");
            break;
        }
        memcpy(name, s + ph.name_at, ph.name_len);
        name[ph.name_len] = '\0';
        SimId v = lookup(I, mapping, kws, name);
        if (!v) {
            if (safe) {
                buf_add(&out, s + ph.start, ph.end - ph.start);
                continue;
            }
            SimId key = sim_str(S, name, ph.name_len);
            py_raise_key(I, EXC_KeyError, key);
            sim_decref(S, key);
            ok = false;
            break;
        }
        ok = op_str(I, v, &out);
    }
    if (ok)
        buf_add(&out, s + at, len - at);
    sim_xdecref(S, kws);
    SimId r = 0;
    if (ok) {
        if (at == 0 && out.len == len) { /* no match: re.sub hands the template itself back */
            r = REFS(a[0])[TP_TEMPLATE];
            sim_incref(S, r);
        } else {
            r = sim_str(S, buf_str(&out), out.len);
        }
    }
    buf_fini(&out);
    buf_fini(&held);
    return r;
}

SimId string_template_substitute(PyRun *I, SimId *a, int n, SimId kw) { return substitute(I, a, n, kw, false); }
SimId string_template_safe_substitute(PyRun *I, SimId *a, int n, SimId kw) { return substitute(I, a, n, kw, true); }

SimId string_template_identifiers(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_template(I, a[0]))
        return py_not_modelled(I, 0, "Template.get_identifiers() on a '%s'", op_typename(I, a[0])), 0;
    SimId list = sim_list(S, 0); /* before the text is read: it may move the payloads */
    size_t len;
    const char *s = template_text(I, a[0], &len);
    if (!s) {
        sim_decref(S, list);
        return 0;
    }
    Ph ph;
    for (size_t at = 0; next_ph(s, len, at, &ph); at = ph.end) {
        if (ph.kind != PH_NAMED && ph.kind != PH_BRACED)
            continue;
        SimId id = sim_str(S, s + ph.name_at, ph.name_len);
        s = sim_str_data(S, REFS(a[0])[TP_TEMPLATE], &len);
        bool seen = false;
        for (uint32_t i = 0; i < sim_obj(S, list)->len && !seen; i++) {
            size_t m;
            const char *o = sim_str_data(S, sim_items(S, list)[i], &m);
            seen = m == ph.name_len && memcmp(o, s + ph.name_at, m) == 0;
        }
        if (seen)
            sim_decref(S, id);
        else
            sim_list_append(S, list, id);
        s = sim_str_data(S, REFS(a[0])[TP_TEMPLATE], &len);
    }
    I->gc_count_unsure = true;
    return list;
}

SimId string_template_is_valid(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_template(I, a[0]))
        return py_not_modelled(I, 0, "Template.is_valid() on a '%s'", op_typename(I, a[0])), 0;
    size_t len;
    const char *s = template_text(I, a[0], &len);
    if (!s)
        return 0;
    Ph ph;
    for (size_t at = 0; next_ph(s, len, at, &ph); at = ph.end)
        if (ph.kind == PH_INVALID)
            return sim_bool(S, false);
    I->gc_count_unsure = true;
    return sim_bool(S, true);
}

static const char *const methods[] = {"substitute", "safe_substitute", "get_identifiers", "is_valid"};
static const char *const class_attrs[] = {"delimiter", "idpattern", "braceidpattern", "flags", "pattern",
                                          "__dict__", "__init_subclass__"};

SimId string_template_attr(PyRun *I, SimId t, const char *name, bool *found)
{
    if (strcmp(name, "template") == 0) {
        *found = true;
        sim_incref(S, REFS(t)[TP_TEMPLATE]);
        return REFS(t)[TP_TEMPLATE];
    }
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (strcmp(name, methods[i]) == 0) {
            *found = true;
            return native_bound(I, string_def_named(name), t);
        }
    for (size_t i = 0; i < sizeof class_attrs / sizeof class_attrs[0]; i++)
        if (strcmp(name, class_attrs[i]) == 0) {
            *found = true;
            return py_not_modelled(I, 0, "string.Template's '%s'", name), 0;
        }
    return 0;
}
