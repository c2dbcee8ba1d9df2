/*
 * enum: Enum, auto and unique as Lib/enum.py makes them (3.11-3.13), for
 * the enums learners write (class Color(Enum): RED = 1 ...).
 *
 * A class deriving from Enum gets its members when it is made, as
 * EnumType.__new__ and _proto_member.__set_name__ make them: for each
 * name of the body that is no descriptor and no _sunder_/__dunder__ name,
 * in order, an instance of the class with _value_, _name_, __objclass__,
 * what the class's __init__ sets from the value (a tuple is unpacked),
 * then _sort_order_; a value equal to an earlier member's makes an alias;
 * auto() takes the largest value so far plus one.  The class keeps
 * _member_names_, _member_map_ and _value2member_map_ as CPython's does,
 * and the member replaces the value in the class's dict.
 *
 * The class answers iteration, len(), reversed(), `in`, Color(value) and
 * Color['NAME'] from them; a member's repr is <Color.RED: 1>, its str
 * Color.RED, its name and value are properties; it hashes as its name does
 * (sets of members iterate as CPython's).  Every one of these runs Python
 * code in CPython (EnumType's methods, enum.property), so the young count
 * is refused after them until a gc.collect(); so it is after the class is
 * made.  IntEnum and StrEnum (ReprEnum: enum_make.c) have members that
 * are ints or strs of the class (sys.getsizeof, arithmetic, comparisons,
 * hashing as the value) whose str() and format() are the value's.  Flag,
 * other mixins, the functional API, type() of an enum class and the
 * reference counts of members are refused.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/enum_int.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

void enum_note(PyRun *I, const char *what)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = what;
    I->gc_count_unsure = true;
}

/* ---- which objects are enums ------------------------------------------------------ */

bool enum_is_enum_class(PyRun *I, SimId cls)
{
    return sim_kind(S, cls) == SK_TYPE && sim_obj(S, cls)->sub == SK_INSTANCE &&
           (sim_type_word(S, cls, SIM_TY_FLAGS) & SIM_TYF_ENUM);
}

bool enum_is_member(PyRun *I, SimId v)
{
    return (sim_kind(S, v) == SK_INSTANCE || sim_is_subinst(S, v)) && enum_is_enum_class(I, sim_obj(S, v)->type);
}

SimId enum_cls_attr(PyRun *I, SimId cls, const char *name)
{
    return sim_dict_get_str(S, SIM_V(S, cls, SK_TYPE, type.dict), name);
}

SimId enum_member_attr(PyRun *I, SimId m, const char *name)
{
    if (sim_is_subinst(S, m)) /* an IntEnum's or StrEnum's member: an int or str with a __dict__ */
        return sim_dict_get_str(S, sim_subinst_dict(S, m), name);
    return sim_attr_get_str(S, m, name);
}

const char *enum_class_name(PyRun *I, SimId cls, size_t *n)
{
    return sim_str_data(S, sim_items(S, cls)[SIM_TY_NAME], n);
}

/* ---- name, value, repr, str -------------------------------------------------------- */

SimId enum_name_getter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId v = enum_is_member(I, a[0]) ? enum_member_attr(I, a[0], "_name_") : 0;
    enum_note(I, "an enum member's name (enum.property's Python code)");
    v = v ? v : S->none;
    sim_incref(S, v);
    return v;
}

SimId enum_value_getter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId v = enum_is_member(I, a[0]) ? enum_member_attr(I, a[0], "_value_") : 0;
    enum_note(I, "an enum member's value (enum.property's Python code)");
    v = v ? v : S->none;
    sim_incref(S, v);
    return v;
}

bool enum_repr(PyRun *I, SimId v, Buf *out)
{
    enum_note(I, "an enum's repr (Enum.__repr__)");
    SimId cls = sim_obj(S, v)->type, name = enum_member_attr(I, v, "_name_"), value = enum_member_attr(I, v, "_value_");
    size_t cn, nn;
    const char *c = enum_class_name(I, cls, &cn);
    if (name == S->none) { /* a Flag's pseudo-member of no member's bits */
        buf_printf(out, "<%.*s: ", (int)cn, c);
    } else {
        const char *nm = name ? sim_str_data(S, name, &nn) : "?";
        if (!name)
            nn = 1;
        buf_printf(out, "<%.*s.%.*s: ", (int)cn, c, (int)nn, nm);
    }
    if (value && !op_repr(I, value, out))
        return false;
    buf_addc(out, '>');
    return true;
}

bool enum_str(PyRun *I, SimId v, Buf *out)
{
    enum_note(I, "an enum's str (Enum.__str__)");
    if (sim_kind(S, v) == SK_INT) /* ReprEnum: IntEnum's str is int's */
        return op_repr_base(I, v, out);
    SimId cls = sim_obj(S, v)->type, name = enum_member_attr(I, v, "_name_");
    size_t cn, nn = 0;
    const char *c = enum_class_name(I, cls, &cn);
    if (name == S->none) { /* Flag.__str__ of a pseudo-member of no member's bits: Cls(value) */
        SimId value = enum_member_attr(I, v, "_value_");
        buf_printf(out, "%.*s(", (int)cn, c);
        if (value && !op_repr(I, value, out))
            return false;
        buf_addc(out, ')');
        return true;
    }
    const char *nm = name ? sim_str_data(S, name, &nn) : "";
    buf_printf(out, "%.*s.%.*s", (int)cn, c, (int)nn, nm);
    return true;
}

void enum_class_repr(PyRun *I, SimId cls, Buf *out)
{
    size_t cn;
    const char *c = enum_class_name(I, cls, &cn);
    buf_printf(out, "<enum '%.*s'>", (int)cn, c);
}

/* ---- the class's operations ------------------------------------------------------- */

SimId enum_names_of(PyRun *I, SimId cls)
{
    SimId names = enum_cls_attr(I, cls, "_member_names_");
    return names && sim_kind(S, names) == SK_LIST ? names : 0;
}

/* EnumType.__iter__ / __reversed__: a generator expression,
 * (cls._member_map_[name] for name in cls._member_names_) or over
 * reversed(cls._member_names_); its frame holds cls (a cell) and the names'
 * iterator (.0), made before it starts; each step looks the name up */
enum { EG_CLS, EG_NAMES, EG_NREFS };

SimId enum_iter(PyRun *I, SimId cls, bool reversed)
{
    enum_note(I, "iterating over an enum (EnumType.__iter__'s generator)");
    SimId names = enum_names_of(I, cls);
    if (!names)
        return py_not_modelled(I, 0, "iterating over an enum class before its members are made"), (SimId)0;
    SimId it = reversed ? iter_reversed(I, &names, 1, 0) : iter_new(I, names);
    if (!it)
        return 0;
    SimId g = sim_iter_composite(S, SIM_XT_ENUM_GEN, EG_NREFS, 1, 0, true);
    if (sim_nomem(S)) {
        sim_decref(S, it);
        return g;
    }
    sim_incref(S, cls);
    sim_iter_refs(S, g)[EG_CLS] = cls;
    sim_iter_refs(S, g)[EG_NAMES] = it;
    sim_iter_set_int(S, g, 0, reversed);
    return g;
}

/* the generator's end: its frame goes, with what it held */
static void enum_gen_done(PyRun *I, SimId g)
{
    SimId cls = sim_iter_refs(S, g)[EG_CLS], it = sim_iter_refs(S, g)[EG_NAMES];
    sim_iter_refs(S, g)[EG_CLS] = 0;
    sim_iter_refs(S, g)[EG_NAMES] = 0;
    sim_xdecref(S, it);
    sim_xdecref(S, cls);
}

SimId enum_gen_next(PyRun *I, SimId g)
{
    SimId cls = sim_iter_refs(S, g)[EG_CLS];
    if (!cls)
        return 0;
    enum_note(I, "iterating over an enum (EnumType.__iter__'s generator)");
    SimId name = iter_next(I, sim_iter_refs(S, g)[EG_NAMES]);
    if (!name) {
        enum_gen_done(I, g);
        return 0;
    }
    SimId map = enum_cls_attr(I, cls, "_member_map_"), m = map ? sim_dict_get(S, map, name) : 0;
    sim_decref(S, name);
    if (!m) {
        enum_gen_done(I, g);
        return py_not_modelled(I, 0, "an enum's _member_map_ changed while iterating"), (SimId)0;
    }
    sim_incref(S, m);
    return m;
}

void enum_gen_repr(PyRun *I, SimId g, Buf *out)
{
    buf_printf(out, "<generator object EnumType.__%s__.<locals>.<genexpr> at %#llx>",
               sim_iter_int(S, g, 0) ? "reversed" : "iter", (unsigned long long)sim_id_address(S, g));
}

SimId enum_len(PyRun *I, SimId cls)
{
    enum_note(I, "len() of an enum (EnumType.__len__)");
    SimId names = enum_names_of(I, cls);
    return sim_int(S, names ? sim_obj(S, names)->len : 0);
}

int enum_contains(PyRun *I, SimId cls, SimId item)
{
    enum_note(I, "`in` an enum (EnumType.__contains__)");
    if (enum_is_member(I, item)) {
        if (sim_obj(S, item)->type != cls && !sim_is_subtype(S, sim_obj(S, item)->type, cls))
            return 0;
        if (S->prof->version != SIM_V311) /* 3.11: isinstance and its name in _member_map_ */
            return 1;
        SimId name = enum_member_attr(I, item, "_name_"), map = enum_cls_attr(I, cls, "_member_map_");
        return name && map && sim_kind(S, name) == SK_STR && sim_dict_get(S, map, name) ? 1 : 0;
    }
    return py_not_modelled(I, 0, "`in` an enum with a value that is not a member (3.11 raises, 3.12 looks "
                           "the value up)") ? 0 : -1;
}

static SimId getitem(PyRun *I, SimId cls, SimId key)
{
    enum_note(I, "an enum looked up by name (EnumType.__getitem__)");
    SimId map = enum_cls_attr(I, cls, "_member_map_");
    SimId m = map && sim_kind(S, key) == SK_STR ? sim_dict_get(S, map, key) : 0;
    if (!m) {
        if (sim_kind(S, key) != SK_STR && !py_hashable(I, key))
            return 0;
        Buf b = {0};
        op_repr(I, key, &b);
        sim_incref(S, key);
        SimId args = sim_tuple(S, 1);
        sim_tuple_set(S, args, 0, key);
        py_raise_instance(I, exc_new(I, exc_class(I, EXC_KeyError), args), buf_str(&b));
        buf_fini(&b);
        return 0;
    }
    sim_incref(S, m);
    return m;
}

/* EnumType.__call__(cls, value): the member with that value */
static SimId call(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames)
{
    enum_note(I, "an enum called (EnumType.__call__ and Enum.__new__)");
    int nkw = kwnames ? (int)sim_obj(S, kwnames)->len : 0;
    if (nargs - nkw != 1 || nkw)
        return py_not_modelled(I, 0, "calling an enum class other than with one value (its functional API)"),
               (SimId)0;
    SimId v = args[0];
    if (enum_is_member(I, v) && (sim_obj(S, v)->type == cls)) {
        sim_incref(S, v);
        return v;
    }
    if (enum_is_flag_class(I, cls)) /* _value2member_map_, then Flag._missing_ */
        return enum_flag_lookup(I, cls, v);
    SimId names = enum_names_of(I, cls), map = enum_cls_attr(I, cls, "_member_map_");
    for (uint32_t i = 0; names && map && i < sim_obj(S, names)->len; i++) {
        SimId m = sim_dict_get(S, map, sim_items(S, names)[i]);
        SimId mv = m ? enum_member_attr(I, m, "_value_") : 0;
        if (!mv)
            continue;
        int eq = op_equal(I, mv, v);
        if (eq < 0)
            return 0;
        if (eq) {
            sim_incref(S, m);
            return m;
        }
    }
    Buf b = {0};
    if (!op_repr(I, v, &b)) {
        buf_fini(&b);
        return 0;
    }
    size_t cn;
    const char *c = enum_class_name(I, cls, &cn);
    py_raise(I, EXC_ValueError, "%s is not a valid %.*s", buf_str(&b), (int)cn, c);
    buf_fini(&b);
    return 0;
}

bool enum_refused(PyRun *I, SimId v, const char *what)
{
    bool cls = enum_is_enum_class(I, v);
    if (!cls && !enum_is_member(I, v))
        return false;
    return !py_not_modelled(I, 0, "%s of an enum %s", what, cls ? "class (EnumType)" : "member");
}

/* EnumType.__getitem__ and __call__ are Python code in CPython: an error
 * they raise has enum.py's frames in its traceback */
SimId enum_from_python(PyRun *I, SimId r)
{
    if (!r && I->ts->err.set && !I->refused && !I->err_library) {
        I->err_library = "enum";
        I->err_library_line = py_current_line(I);
    }
    return r;
}

SimId enum_getitem(PyRun *I, SimId cls, SimId key) { return enum_from_python(I, getitem(I, cls, key)); }

SimId enum_call(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames)
{
    return enum_from_python(I, call(I, cls, args, nargs, kwnames));
}
