/*
 * collections_namedtuple: collections.namedtuple(typename, field_names, *,
 * rename=False, defaults=None, module=None), which CPython writes in Python
 * (Lib/collections/__init__.py): the names checked as it checks them (its
 * messages), then a class made with type(typename, (tuple,), namespace)
 * whose namespace is CPython's, in its order: __doc__, __slots__ = (),
 * _fields, _field_defaults, __new__ (a staticmethod), _make (a
 * classmethod), _replace (and 3.13's __replace__), __repr__, _asdict,
 * __getnewargs__, __match_args__, a descriptor per field, __module__ last
 * (the caller's __name__).  Its instances are the model's instances of a
 * subclass of tuple without a __dict__ (types/tuple.c): a tuple's size.
 * The functions CPython evaluates are built-ins here (namedtuple_methods.c),
 * and each field's _tuplegetter a property over operator.itemgetter (what
 * CPython's pure-Python fallback makes); reading one of them off the class
 * is refused, as their type, repr and size would not be CPython's.  What
 * CPython's eval and closures cost the collector is not replayed: the young
 * count is refused after namedtuple() until a gc.collect().
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static void count_unsure(PyRun *I, const char *what)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = what;
    I->gc_count_unsure = true;
}

void namedtuple_note(PyRun *I, const char *what)
{
    tm_freelists_disturbed(I, what);
    count_unsure(I, what);
}

/* ---- the names ------------------------------------------------------------------ */

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

static bool is_keyword(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strlen(keywords[i]) == n && memcmp(keywords[i], s, n) == 0)
            return true;
    return false;
}

/* str.isidentifier for ASCII names: 1 yes, 0 no, -1 a non-ASCII name
 * (Unicode's XID classes are not modelled) */
static int is_identifier(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return -1;
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9'))
            return 0;
    }
    return 1;
}

static bool same_str(PyRun *I, SimId a, SimId b)
{
    size_t na, nb;
    const char *sa = sim_str_data(S, a, &na), *sb = sim_str_data(S, b, &nb);
    return na == nb && memcmp(sa, sb, na) == 0;
}

/* field_names.replace(',', ' ').split(), or list(map(str, field_names)):
 * a list of strs, or 0 with the error raised */
static SimId field_list(PyRun *I, SimId names)
{
    SimId out = sim_list(S, 0);
    if (sim_kind(S, names) == SK_STR) {
        size_t n;
        const char *s = sim_str_data(S, names, &n);
        for (size_t i = 0; i < n;) {
            while (i < n && (s[i] == ',' || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
                i++;
            size_t start = i;
            while (i < n && !(s[i] == ',' || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
                i++;
            if (i > start) {
                sim_list_append(S, out, sim_str(S, s + start, i - start));
                s = sim_str_data(S, names, &n); /* the new str may have moved the payloads */
            }
        }
        return out;
    }
    SimId it = iter_new(I, names), item;
    if (!it) {
        if (!I->ts->err.set)
            py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, names));
        sim_decref(S, out);
        return 0;
    }
    int r;
    while ((r = iter_step(I, it, &item)) == 1) {
        Buf b = {0};
        bool ok = op_str(I, item, &b);
        sim_decref(S, item);
        if (ok)
            sim_list_append(S, out, sim_str(S, buf_str(&b), b.len));
        buf_fini(&b);
        if (!ok) {
            r = -1;
            break;
        }
    }
    sim_decref(S, it);
    if (r < 0) {
        sim_decref(S, out);
        return 0;
    }
    return out;
}

static bool name_error(PyRun *I, SimId name, const char *fmt)
{
    Buf b = {0};
    if (op_repr(I, name, &b))
        py_raise(I, EXC_ValueError, fmt, buf_str(&b));
    buf_fini(&b);
    return false;
}

/* rename, then the checks of namedtuple's two loops */
static bool check_names(PyRun *I, SimId typename, SimId fields, bool rename)
{
    uint32_t nf = sim_obj(S, fields)->len;
    for (uint32_t i = 0; rename && i < nf; i++) {
        size_t n;
        SimId f = sim_items(S, fields)[i];
        const char *s = sim_str_data(S, f, &n);
        bool seen = false;
        for (uint32_t j = 0; j < i; j++)
            seen = seen || same_str(I, sim_items(S, fields)[j], f);
        if (is_identifier(s, n) != 1 || is_keyword(s, n) || s[0] == '_' || seen) {
            char buf[24];
            int len = snprintf(buf, sizeof buf, "_%u", i);
            sim_list_set(S, fields, i, sim_str(S, buf, (size_t)len));
        }
    }
    for (uint32_t i = 0; i <= nf; i++) {
        SimId name = i == 0 ? typename : sim_items(S, fields)[i - 1];
        size_t n;
        const char *s = sim_str_data(S, name, &n);
        int id = is_identifier(s, n);
        if (id < 0)
            return py_not_modelled(I, 0, "a namedtuple name that is not ASCII (str.isidentifier's Unicode classes)");
        if (!id)
            return name_error(I, name, "Type names and field names must be valid identifiers: %s");
        if (is_keyword(s, n))
            return name_error(I, name, "Type names and field names cannot be a keyword: %s");
    }
    for (uint32_t i = 0; i < nf; i++) {
        SimId f = sim_items(S, fields)[i];
        size_t n;
        const char *s = sim_str_data(S, f, &n);
        if (s[0] == '_' && !rename)
            return name_error(I, f, "Field names cannot start with an underscore: %s");
        for (uint32_t j = 0; j < i; j++)
            if (same_str(I, sim_items(S, fields)[j], f))
                return name_error(I, f, "Encountered duplicate field name: %s");
    }
    return true;
}

/* ---- the class ------------------------------------------------------------------ */

/* "Point(x, y)", "Point(x,)" for one field */
static SimId doc_of(PyRun *I, SimId typename, SimId fields)
{
    Buf b = {0};
    size_t n;
    const char *s = sim_str_data(S, typename, &n);
    buf_add(&b, s, n);
    buf_addc(&b, '(');
    for (uint32_t i = 0; i < sim_obj(S, fields)->len; i++) {
        if (i)
            buf_adds(&b, ", ");
        s = sim_str_data(S, sim_items(S, fields)[i], &n);
        buf_add(&b, s, n);
    }
    if (sim_obj(S, fields)->len == 1)
        buf_addc(&b, ',');
    buf_addc(&b, ')');
    SimId d = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return d;
}

static void put(PyRun *I, SimId ns, const char *name, SimId v) { bi_dict_put(I, ns, name, v); }

static SimId method(PyRun *I, const char *name)
{
    for (int i = 0; i < namedtuple_nmethods; i++)
        if (strcmp(namedtuple_methods[i].name, name) == 0)
            return sim_builtin(S, (uint32_t)bi_index_of(&namedtuple_methods[i]), 0);
    return S->none; /* every name below is in the table */
}

/* property(itemgetter(index), doc='Alias for field number index') */
static SimId field_descr(PyRun *I, uint32_t index)
{
    SimId getter = 0;
    for (int i = 0; operator_functions[i].name && !getter; i++)
        if (strcmp(operator_functions[i].name, "itemgetter") == 0) {
            SimId k = sim_int(S, index);
            getter = operator_functions[i].fn(I, &k, 1, 0);
            sim_decref(S, k);
        }
    char doc[48];
    int n = snprintf(doc, sizeof doc, "Alias for field number %u", index);
    return sim_property(S, getter, 0, 0, sim_str_intern(S, doc, (size_t)n));
}

static SimId make_class(PyRun *I, SimId typename, SimId fields, SimId field_defaults, SimId module)
{
    SimId ns = sim_dict(S);
    put(I, ns, "__doc__", doc_of(I, typename, fields));
    put(I, ns, "__slots__", sim_tuple(S, 0));
    sim_incref(S, fields);
    put(I, ns, "_fields", fields);
    put(I, ns, "_field_defaults", field_defaults);
    put(I, ns, "__new__", sim_method_descr(S, SK_STATICMETHOD, method(I, "__new__"), 0));
    put(I, ns, "_make", sim_method_descr(S, SK_CLASSMETHOD, method(I, "_make"), 0));
    SimId replace = method(I, "_replace");
    put(I, ns, "_replace", replace);
    if (S->prof->version >= SIM_V313) { /* __replace__ = _replace (copy.replace) */
        sim_incref(S, replace);
        put(I, ns, "__replace__", replace);
    }
    put(I, ns, "__repr__", method(I, "__repr__"));
    put(I, ns, "_asdict", method(I, "_asdict"));
    put(I, ns, "__getnewargs__", method(I, "__getnewargs__"));
    sim_incref(S, fields);
    put(I, ns, "__match_args__", fields);
    for (uint32_t i = 0; i < sim_obj(S, fields)->len; i++) {
        SimId f = sim_items(S, fields)[i];
        sim_incref(S, f);
        sim_dict_set(S, ns, f, field_descr(I, i));
    }
    sim_incref(S, module);
    put(I, ns, "__module__", module);
    sim_incref(S, typename);
    sim_incref(S, typename);
    SimId bases = sim_tuple(S, 1);
    sim_incref(S, S->types[SK_TUPLE]);
    sim_tuple_set(S, bases, 0, S->types[SK_TUPLE]);
    SimId mro[2] = {S->types[SK_TUPLE], S->type_object};
    SimClassSpec spec = {.name = typename, .qualname = typename, .bases = bases, .dict = ns, .best = 0,
                         .mro = mro, .nmro = 2, .slots = sim_tuple(S, 0), .layout = SK_TUPLE};
    SimId cls = sim_class_new(S, &spec);
    if (sim_obj(S, cls)->data)
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NAMEDTUPLE;
    return cls;
}

/* dict(reversed(list(zip(reversed(field_names), reversed(defaults))))) */
static SimId defaults_dict(PyRun *I, SimId fields, SimId defaults)
{
    uint32_t nf = sim_obj(S, fields)->len, nd = sim_obj(S, defaults)->len;
    SimId d = sim_dict(S);
    for (uint32_t i = 0; i < nd; i++) {
        SimId k = sim_items(S, fields)[nf - nd + i], v = sim_items(S, defaults)[i];
        sim_incref(S, k), sim_incref(S, v);
        sim_dict_set(S, d, k, v);
    }
    return d;
}

/* namedtuple(typename, field_names, *, rename=False, defaults=None,
 * module=None)'s arguments, as a Python function binds them */
static bool bind(PyRun *I, SimId *a, int n, SimId kw, SimId out[2])
{
    static const char *const names[] = {"typename", "field_names", "rename", "defaults", "module"};
    int np = bi_npos(I, n, kw), nk = n - np;
    if (np > 2) {
        py_raise(I, EXC_TypeError, "namedtuple() takes 2 positional arguments but %d were given", np);
        return false;
    }
    for (int i = 0; i < nk; i++) {
        bool known = false;
        for (size_t j = 0; j < 5; j++)
            known = known || sim_str_equals(S, sim_items(S, kw)[i], names[j]);
        size_t len;
        const char *w = sim_str_data(S, sim_items(S, kw)[i], &len);
        if (!known) {
            py_raise(I, EXC_TypeError, "namedtuple() got an unexpected keyword argument '%.*s'", (int)len, w);
            return false;
        }
        if ((np >= 1 && sim_str_equals(S, sim_items(S, kw)[i], "typename")) ||
            (np >= 2 && sim_str_equals(S, sim_items(S, kw)[i], "field_names"))) {
            py_raise(I, EXC_TypeError, "namedtuple() got multiple values for argument '%.*s'", (int)len, w);
            return false;
        }
    }
    for (int i = 0; i < 2; i++)
        out[i] = i < np ? a[i] : bi_kwarg(I, a, n, kw, names[i]);
    if (!out[0] || !out[1]) {
        if (!out[0] && !out[1])
            py_raise(I, EXC_TypeError, "namedtuple() missing 2 required positional arguments: 'typename' and 'field_names'");
        else
            py_raise(I, EXC_TypeError, "namedtuple() missing 1 required positional argument: '%s'",
                     out[0] ? "field_names" : "typename");
        return false;
    }
    return true;
}

static SimId build(PyRun *I, SimId *a, int n, SimId kw, SimId *args);

SimId namedtuple_make(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId args[2];
    if (!bind(I, a, n, kw, args))
        return 0;
    const char *what = "collections.namedtuple() (the code it evaluates)";
    count_unsure(I, what);
    TmGuessScope g = {0};
    tm_guess_begin(I, &g);
    SimId r = build(I, a, n, kw, args);
    SimId fields = r ? sim_type_lookup(S, r, "_fields") : 0;
    int nfields = fields && sim_kind(S, fields) == SK_TUPLE ? (int)sim_obj(S, fields)->len : 0;
    tm_guess_end(I, &g, TM_GUESS_NAMEDTUPLE, nfields, what);
    return r;
}

/* the class namedtuple() makes, from its bound arguments */
static SimId build(PyRun *I, SimId *a, int n, SimId kw, SimId *args)
{
    SimId rename_v = bi_kwarg(I, a, n, kw, "rename"), defaults = bi_kwarg(I, a, n, kw, "defaults");
    SimId module = bi_kwarg(I, a, n, kw, "module");
    int rename = rename_v ? op_truth(I, rename_v) : 0;
    if (rename < 0)
        return 0;
    Buf b = {0};
    if (!op_str(I, args[0], &b)) {
        buf_fini(&b);
        return 0;
    }
    SimId typename = sim_str_intern(S, buf_str(&b), b.len);
    buf_fini(&b);
    SimId list = field_list(I, args[1]), fields = 0, dflt = 0, fd = 0, cls = 0;
    if (!list || !check_names(I, typename, list, rename))
        goto done;
    if (defaults && sim_kind(S, defaults) != SK_NONE) {
        dflt = tuple_construct(I, &defaults, 1, 0);
        if (!dflt)
            goto done;
        if (sim_obj(S, dflt)->len > sim_obj(S, list)->len) {
            py_raise(I, EXC_TypeError, "Got more default values than field names");
            goto done;
        }
    }
    uint32_t nf = sim_obj(S, list)->len;
    fields = sim_tuple(S, nf); /* tuple(map(_sys.intern, field_names)) */
    for (uint32_t i = 0; i < nf; i++) {
        size_t len;
        const char *s = sim_str_data(S, sim_items(S, list)[i], &len);
        sim_tuple_set(S, fields, i, sim_str_intern(S, s, len));
    }
    fd = dflt ? defaults_dict(I, fields, dflt) : sim_dict(S);
    if (!module || sim_kind(S, module) == SK_NONE) /* sys._getframe(1).f_globals.get('__name__', '__main__') */
        module = sim_dict_get_str(S, I->globals, "__name__");
    if (!module) {
        py_not_modelled(I, 0, "namedtuple() called where globals have no __name__");
        goto done;
    }
    cls = make_class(I, typename, fields, fd, module);
    fd = 0;
done:
    sim_xdecref(S, list);
    sim_xdecref(S, fields);
    sim_xdecref(S, dflt);
    sim_xdecref(S, fd);
    sim_decref(S, typename);
    return cls;
}
