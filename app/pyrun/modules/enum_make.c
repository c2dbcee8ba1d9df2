/*
 * enum_make: the class statement of an Enum (EnumType.__new__ and the
 * members' __set_name__, Lib/enum.py 3.11-3.13), @unique, and the module
 * (Enum with its name and value properties, auto; ReprEnum, and IntEnum
 * and StrEnum deriving from int and str and it, whose members are ints
 * or strs of their class holding the value).  enum.c answers what
 * is asked of the class and its members afterwards.
 */
#include <string.h>

#include "pyrun/modules/enum_int.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

enum { MAX_MEMBERS = 512 };

SimId enum_module_attr(PyRun *I, const char *name)
{
    SimId m = module_find_loaded(I, "enum");
    return m ? sim_dict_get_str(S, SIM_V(S, m, SK_MODULE, module.dict), name) : 0;
}

static bool is_dunder(const char *s, size_t n) { return n > 4 && !strncmp(s, "__", 2) && !strncmp(s + n - 2, "__", 2); }

static bool is_sunder(const char *s, size_t n)
{
    return n > 2 && s[0] == '_' && s[n - 1] == '_' && s[1] != '_' && s[n - 2] != '_';
}

/* _is_private: _ClassName__x */
static bool is_private(PyRun *I, SimId cls, const char *s, size_t n)
{
    size_t cn;
    const char *c = enum_class_name(I, cls, &cn);
    return n > cn + 3 && s[0] == '_' && !memcmp(s + 1, c, cn) && !strncmp(s + 1 + cn, "__", 2);
}

/* _is_descriptor: __get__, __set__ or __delete__ */
static bool is_descriptor(PyRun *I, SimId v)
{
    switch (sim_kind(S, v)) {
    case SK_FUNC: case SK_PROPERTY: case SK_CLASSMETHOD: case SK_STATICMETHOD: return true;
    case SK_INSTANCE: {
        SimId t = sim_obj(S, v)->type;
        return sim_type_lookup(S, t, "__get__") || sim_type_lookup(S, t, "__set__") ||
               sim_type_lookup(S, t, "__delete__");
    }
    default: return false;
    }
}

void enum_set_attr(PyRun *I, SimId inst, const char *name, SimId v) /* steals v */
{
    SimId k = sim_str_intern(S, name, strlen(name));
    if (sim_is_subinst(S, inst)) { /* an IntEnum's or StrEnum's member: its __dict__ */
        sim_dict_set(S, sim_subinst_dict(S, inst), k, v);
        return;
    }
    sim_attr_set(S, inst, k, v);
    sim_decref(S, k);
}

static bool making_module; /* enum_module_init builds ReprEnum, IntEnum, StrEnum */

/* the instance a member is: an object of the class, or for IntEnum and
 * StrEnum (int.__new__ / str.__new__ of the class) one holding the value */
static SimId new_member(PyRun *I, SimId cls, SimId value)
{
    uint32_t k = sim_type_word(S, cls, SIM_TY_KIND);
    if (k == 0)
        return sim_instance(S, cls);
    if (k != SK_INT && k != SK_STR)
        return py_not_modelled(I, 0, "an Enum whose members are '%s' objects", sim_kind_name((SimKind)k)), (SimId)0;
    if (sim_kind(S, value) != (SimKind)k)
        return py_not_modelled(I, 0, "an %s member whose value is a '%s'", k == SK_INT ? "IntEnum" : "StrEnum",
                               op_typename(I, value)), (SimId)0;
    SimId m = sim_subinst_scalar(S, cls, value);
    if (!m)
        return py_not_modelled(I, 0, "an IntEnum member beyond 64 bits"), (SimId)0;
    return m;
}

static void set_cls(PyRun *I, SimId cls, const char *name, SimId v) /* steals v */
{
    sim_dict_set(S, SIM_V(S, cls, SK_TYPE, type.dict), sim_str_intern(S, name, strlen(name)), v);
}

/* the member for `value` (its __init__ run), or 0 with the error raised */
static SimId make_member(PyRun *I, SimId cls, SimId name, SimId value, uint32_t order)
{
    SimId m = new_member(I, cls, value);
    if (!m)
        return 0;
    sim_incref(S, value);
    enum_set_attr(I, m, "_value_", value);
    sim_incref(S, name);
    enum_set_attr(I, m, "_name_", name);
    sim_incref(S, cls);
    enum_set_attr(I, m, "__objclass__", cls);
    SimId init = sim_type_lookup(S, cls, "__init__");
    if (init && sim_kind(S, init) == SK_FUNC) { /* enum_member.__init__(*args) */
        bool tuple = sim_kind(S, value) == SK_TUPLE;
        uint32_t n = tuple ? sim_obj(S, value)->len : 1;
        if (n > 15) {
            sim_decref(S, m);
            return py_not_modelled(I, 0, "an enum value of more than 15 items passed to __init__"), (SimId)0;
        }
        SimId argv[16] = {m};
        for (uint32_t i = 0; i < n; i++)
            argv[1 + i] = tuple ? sim_items(S, value)[i] : value;
        SimId r = vm_call(I, init, argv, (int)n + 1);
        if (!r) {
            sim_decref(S, m);
            return 0;
        }
        sim_decref(S, r);
    }
    enum_set_attr(I, m, "_sort_order_", sim_int(S, order));
    return m;
}

/* _generate_next_value_: 1 first, then the largest int value so far plus
 * one (3.11 and 3.12 warn and take the last one's when that is smaller) */
static SimId auto_value(PyRun *I, SimId *values, uint32_t n)
{
    int64_t best = 0;
    bool any = false;
    for (uint32_t i = 0; i < n; i++) {
        SimKind k = sim_kind(S, values[i]);
        if ((k != SK_INT && k != SK_BOOL) || sim_obj(S, values[i])->sub == 1)
            return py_not_modelled(I, 0, "auto() after a value that is not a small int"), (SimId)0;
        if (!any || sim_obj(S, values[i])->v.i > best)
            best = sim_obj(S, values[i])->v.i;
        any = true;
    }
    if (any && best != sim_obj(S, values[n - 1])->v.i && S->prof->version < SIM_V313)
        return py_not_modelled(I, 0, "auto() after a value smaller than an earlier one (a DeprecationWarning)"),
               (SimId)0;
    return sim_int(S, any ? best + 1 : 1);
}

static SimId enum_base(PyRun *I, SimId bases, bool *mixin)
{
    SimId found = 0;
    *mixin = false;
    for (uint32_t i = 0; bases && i < sim_obj(S, bases)->len; i++) {
        SimId b = sim_items(S, bases)[i];
        if (enum_is_enum_class(I, b))
            found = found ? found : b;
        else if (b != S->types[SK_OBJECT])
            *mixin = true;
    }
    return found;
}

/* EnumType.__new__'s Python code, measured net of the class itself (a
 * class with three members: 3.11 31, 3.12 32, 3.13 33 from the clean
 * state); what the free lists absorb is not known: the count is refused */
static void replay_new(PyRun *I, uint32_t nmembers)
{
    static const unsigned base[] = {12, 13, 14};
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    unsigned n = base[v] + (nmembers ? nmembers - 1 : 0);
    for (unsigned i = 0; i < n; i++) {
        gc_note_foreign(S, 1, 1);
        if (S->gc.scheduled)
            vm_eval_breaker(I);
    }
    enum_note(I, "making an Enum class (EnumType.__new__'s Python code)");
}

static bool is_auto(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_INSTANCE)
        return false;
    SimId autocls = enum_module_attr(I, "auto");
    return autocls && sim_obj(S, v)->type == autocls;
}

static bool member_entry(PyRun *I, SimId clsname, SimId k, SimId v)
{
    size_t len, cn;
    const char *s = sim_str_data(S, k, &len), *c = sim_str_data(S, clsname, &cn);
    bool private = len > cn + 3 && s[0] == '_' && !memcmp(s + 1, c, cn) && !strncmp(s + 1 + cn, "__", 2);
    return !is_dunder(s, len) && !is_sunder(s, len) && !private && !is_descriptor(I, v);
}

/* _EnumDict.__setitem__ of auto(): the value _generate_next_value_ gives
 * from the member values the body bound so far (3.11+ does it then, so
 * that `WHITE = RED | GREEN` in the body sees ints).  StrEnum's is left to
 * the class statement (refused there). */
static bool resolve_auto(PyRun *I, SimId bases, SimId clsname, SimId ns, SimId *value)
{
    bool mixin;
    SimId base = enum_base(I, bases, &mixin), str_enum = enum_module_attr(I, "StrEnum");
    SimId flag = enum_module_attr(I, "Flag");
    if (!base || (str_enum && sim_is_subtype(S, base, str_enum)))
        return true;
    SimId last[MAX_MEMBERS];
    uint32_t n = 0, pos = 0;
    SimId k, v;
    while (sim_dict_next(S, ns, &pos, &k, &v))
        if (member_entry(I, clsname, k, v) && !is_auto(I, v)) {
            if (n == MAX_MEMBERS)
                return py_not_modelled(I, 0, "an Enum of more than %d members", MAX_MEMBERS);
            last[n++] = v;
        }
    SimId r = flag && sim_is_subtype(S, base, flag) ? enum_flag_auto(I, last, n) : auto_value(I, last, n);
    if (!r)
        return false;
    sim_decref(S, *value);
    *value = r;
    return true;
}

/* _EnumDict.__setitem__ on a name the body already bound: a member's name
 * bound again, or a method's name bound to a member value, is a TypeError
 * that shows the first value's repr; a method redefined is fine. */
bool enum_body_store(PyRun *I, SimId bases, SimId clsname, SimId ns, SimId name, SimId *value)
{
    bool mixin;
    SimId old = sim_dict_get(S, ns, name);
    if (!old && is_auto(I, *value) && !resolve_auto(I, bases, clsname, ns, value))
        return false;
    if (!old || !enum_base(I, bases, &mixin))
        return true;
    size_t len, cn;
    const char *s = sim_str_data(S, name, &len), *c = sim_str_data(S, clsname, &cn);
    bool private = len > cn + 3 && s[0] == '_' && !memcmp(s + 1, c, cn) && !strncmp(s + 1 + cn, "__", 2);
    if (is_dunder(s, len) || is_sunder(s, len) || private)
        return true; /* the sunder and private names are refused or kept when the class is made */
    if (is_descriptor(I, old)) {
        if (is_descriptor(I, *value))
            return true;
        return py_not_modelled(I, 0, "an Enum member named as a method of its class (its repr has an address)");
    }
    SimKind k = sim_kind(S, old);
    if (k != SK_INT && k != SK_STR && k != SK_FLOAT && k != SK_BOOL && k != SK_NONE && k != SK_TUPLE)
        return py_not_modelled(I, 0, "an Enum member name bound twice (the first value is a '%s')",
                               op_typename(I, old));
    Buf text = {0};
    bool ok = op_repr(I, old, &text);
    if (ok)
        py_raise(I, EXC_TypeError, "'%.*s' already defined as %s", (int)len, s, buf_str(&text));
    buf_fini(&text);
    return false;
}

bool enum_class_made(PyRun *I, SimId cls)
{
    bool mixin;
    SimId base = enum_base(I, sim_items(S, cls)[SIM_TY_BASES], &mixin);
    if (!base)
        return true;
    SimId repr_base = enum_module_attr(I, "ReprEnum");
    bool repr_enum = repr_base && sim_is_subtype(S, base, repr_base); /* IntEnum, StrEnum, IntFlag */
    if (mixin && !making_module && !repr_enum)
        return py_not_modelled(I, 0, "an Enum with a mixed-in type (class E(int, Enum))");
    if (making_module) {
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_ENUM;
        return true;
    }
    SimId bnames = enum_names_of(I, base);
    if (bnames && sim_obj(S, bnames)->len) {
        size_t cn, bn;
        const char *c = enum_class_name(I, cls, &cn), *b = enum_class_name(I, base, &bn);
        py_raise(I, EXC_TypeError, "<enum '%.*s'> cannot extend <enum '%.*s'>", (int)cn, c, (int)bn, b);
        return false;
    }
    sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_ENUM;
    SimId dict = SIM_V(S, cls, SK_TYPE, type.dict), autocls = enum_module_attr(I, "auto");
    SimId keys[MAX_MEMBERS], vals[MAX_MEMBERS];
    uint32_t n = 0, pos = 0;
    SimId k, v;
    while (sim_dict_next(S, dict, &pos, &k, &v)) {
        size_t len;
        const char *s = sim_str_data(S, k, &len);
        if (is_dunder(s, len) || is_private(I, cls, s, len) || is_descriptor(I, v))
            continue;
        if (is_sunder(s, len))
            return py_not_modelled(I, 0, "the _sunder_ name '%.*s' in an Enum", (int)len, s);
        if (sim_kind(S, v) == SK_TYPE || sim_kind(S, v) == SK_BUILTIN)
            return py_not_modelled(I, 0, "a class or built-in function as the Enum member '%.*s'", (int)len, s);
        if (n == MAX_MEMBERS)
            return py_not_modelled(I, 0, "an Enum of more than %d members", MAX_MEMBERS);
        keys[n] = k, vals[n] = v;
        n++;
    }
    bool flag = enum_is_flag_class(I, cls);
    if (flag)
        enum_flag_class_start(I, cls);
    SimId names = sim_list(S, 0), map = sim_dict(S), v2m = sim_dict(S);
    SimId values[MAX_MEMBERS], members[MAX_MEMBERS];
    uint32_t nm = 0;
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; i++) {
        SimId value = vals[i];
        sim_incref(S, value);
        if (autocls && sim_kind(S, value) == SK_INSTANCE && sim_obj(S, value)->type == autocls &&
            sim_type_word(S, cls, SIM_TY_KIND) == SK_STR) { /* StrEnum's _generate_next_value_: the name lowered */
            sim_decref(S, value);
            ok = py_not_modelled(I, 0, "auto() in a StrEnum");
            break;
        }
        if (autocls && sim_kind(S, value) == SK_INSTANCE && sim_obj(S, value)->type == autocls) {
            sim_decref(S, value);
            value = auto_value(I, values, nm);
            if (!value) {
                ok = false;
                break;
            }
        }
        bool canonical = true;
        if (flag && !enum_flag_value_ok(I, cls, value)) {
            sim_decref(S, value);
            ok = false;
            break;
        }
        if (flag) /* only members of one bit are in _member_names_ */
            canonical = enum_flag_member_added(I, cls, value);
        SimId member = 0;
        for (uint32_t j = 0; j < nm && !member; j++) { /* an alias of an earlier member */
            int eq = op_equal(I, values[j], value);
            if (eq < 0)
                ok = false;
            else if (eq)
                member = members[j];
        }
        if (!ok) {
            sim_decref(S, value);
            break;
        }
        if (member) {
            sim_incref(S, member);
        } else {
            member = make_member(I, cls, keys[i], value, sim_obj(S, names)->len);
            if (!member) {
                sim_decref(S, value);
                ok = false;
                break;
            }
            values[nm] = value, members[nm] = member;
            nm++;
            if (canonical) {
                sim_incref(S, keys[i]);
                sim_list_append(S, names, keys[i]);
            }
            if (sim_hashable(S, value)) {
                sim_incref(S, value);
                sim_incref(S, member);
                sim_dict_set(S, v2m, value, member);
            }
            sim_incref(S, value); /* values[] keeps one until the end */
        }
        sim_decref(S, value);
        sim_incref(S, keys[i]);
        sim_incref(S, member);
        sim_dict_set(S, map, keys[i], member);
        sim_incref(S, keys[i]);
        sim_dict_set(S, dict, keys[i], member); /* the member replaces the value */
    }
    for (uint32_t j = 0; j < nm; j++)
        sim_decref(S, values[j]);
    set_cls(I, cls, "_member_names_", names);
    set_cls(I, cls, "_member_map_", map);
    set_cls(I, cls, "_value2member_map_", v2m);
    if (ok)
        replay_new(I, nm);
    return ok;
}

/* ---- @unique ------------------------------------------------------------------------- */

static SimId e_unique(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 1) {
        py_raise(I, EXC_TypeError, "unique() takes 1 positional argument but %d were given", n);
        return 0;
    }
    SimId cls = a[0];
    enum_note(I, "@unique (its Python code)");
    SimId map = enum_is_enum_class(I, cls) ? enum_cls_attr(I, cls, "_member_map_") : 0;
    if (!map)
        return py_not_modelled(I, 0, "@unique on what is not an enum class"), (SimId)0;
    Buf dup = {0};
    uint32_t pos = 0;
    SimId k, m;
    while (sim_dict_next(S, map, &pos, &k, &m)) {
        SimId name = enum_member_attr(I, m, "_name_");
        if (!name || sim_equal(S, name, k))
            continue;
        size_t a1, a2;
        const char *alias = sim_str_data(S, k, &a1), *canon = sim_str_data(S, name, &a2);
        buf_printf(&dup, "%s%.*s -> %.*s", dup.len ? ", " : "", (int)a1, alias, (int)a2, canon);
    }
    if (dup.len) {
        size_t cn;
        const char *c = enum_class_name(I, cls, &cn);
        py_raise(I, EXC_ValueError, "duplicate values found in <enum '%.*s'>: %s", (int)cn, c, buf_str(&dup));
        buf_fini(&dup);
        return 0;
    }
    buf_fini(&dup);
    sim_incref(S, cls);
    return cls;
}

const BuiltinDef enum_functions[] = {
    BUILTIN("unique", 0, BM_ENUM, e_unique, .style = ARGS_OWN),
    /* the getters of Enum's name and value properties (no module attributes) */
    BUILTIN("name", SK_INSTANCE, BM_ENUM, enum_name_getter, .style = ARGS_OWN),
    BUILTIN("value", SK_INSTANCE, BM_ENUM, enum_value_getter, .style = ARGS_OWN),
};
const int enum_nfunctions = (int)(sizeof enum_functions / sizeof enum_functions[0]);

/* ---- the module ------------------------------------------------------------------------ */

static SimId new_class_of3(PyRun *I, const char *name, SimId ns, SimId b0, SimId b1, SimId b2)
{
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "enum", 4));
    SimId nm = sim_str_intern(S, name, strlen(name));
    size_t nb = (b0 != 0) + (b1 != 0) + (b2 != 0);
    SimId bases = sim_tuple(S, nb);
    SimId parts[3] = {b0, b1, b2};
    for (size_t i = 0, k = 0; i < 3; i++)
        if (parts[i]) {
            sim_incref(S, parts[i]);
            sim_tuple_set(S, bases, k++, parts[i]);
        }
    SimId cls = class_build(I, nm, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, nm);
    sim_decref(S, ns);
    return cls;
}

static SimId new_class_of(PyRun *I, const char *name, SimId ns, SimId b0, SimId b1)
{
    return new_class_of3(I, name, ns, b0, b1, 0);
}

static SimId new_class(PyRun *I, const char *name, SimId ns) { return new_class_of(I, name, ns, 0, 0); }

static SimId getter(PyRun *I, int k)
{
    return sim_property(S, sim_builtin(S, (uint32_t)bi_index_of(&enum_functions[k]), 0), 0, 0, 0);
}

void enum_module_init(PyRun *I, SimId d)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "name", getter(I, 1));
    bi_dict_put(I, ns, "value", getter(I, 2));
    SimId e = new_class(I, "Enum", ns);
    if (e) {
        sim_items(S, e)[SIM_TY_FLAGS] |= SIM_TYF_ENUM;
        bi_dict_put(I, d, "Enum", e);
    }
    SimId a = new_class(I, "auto", sim_dict(S));
    if (a)
        bi_dict_put(I, d, "auto", a);
    if (!e)
        return;
    making_module = true; /* ReprEnum(Enum), IntEnum(int, ReprEnum), StrEnum(str, ReprEnum) */
    SimId r = new_class_of(I, "ReprEnum", sim_dict(S), e, 0);
    if (r) {
        bi_dict_put(I, d, "ReprEnum", r);
        SimId ie = new_class_of(I, "IntEnum", sim_dict(S), S->types[SK_INT], r);
        if (ie)
            bi_dict_put(I, d, "IntEnum", ie);
        SimId se = new_class_of(I, "StrEnum", sim_dict(S), S->types[SK_STR], r);
        if (se)
            bi_dict_put(I, d, "StrEnum", se);
        SimId fns = sim_dict(S), ins = sim_dict(S); /* Flag(Enum), IntFlag(int, ReprEnum, Flag) */
        enum_flag_methods_into(I, fns, false);
        enum_flag_methods_into(I, ins, true);
        SimId f = new_class_of(I, "Flag", fns, e, 0);
        if (f) {
            bi_dict_put(I, d, "Flag", f);
            SimId inf = new_class_of3(I, "IntFlag", ins, S->types[SK_INT], r, f);
            if (inf)
                bi_dict_put(I, d, "IntFlag", inf);
        } else {
            sim_decref(S, ins);
        }
    }
    making_module = false;
}

void enum_on_import(PyRun *I) { std_import(I, STD_ENUM); }
