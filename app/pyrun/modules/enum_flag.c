/*
 * enum_flag: enum.Flag and enum.IntFlag as Lib/enum.py 3.11-3.13 makes
 * them.  A Flag class's members with one bit are its canonical members
 * (_member_names_: iteration and len() of the class); a member of no bit
 * or of several is kept by name and by value all the same.  `|`, `&`,
 * `^` and `~` call the class with the new value (Flag.__or__ ...): a
 * value no member has makes a pseudo-member in Flag._missing_ (an object
 * of the class with _value_ and _name_, 'A|B' or None), kept in
 * _value2member_map_ from then on; `~` caches its result in the member's
 * _inverted_.  A member answers `in` (its bits hold the other's), iteration
 * (its canonical members in definition order), len() (its bits), bool().
 * IntFlag's members are ints of the class (FlagBoundary KEEP: bits no
 * member has are kept, and named 'A|8'); a Flag (STRICT) called with such
 * a value, and the boundary= keyword, are refused.
 */
#include <string.h>

#include "pyrun/modules/enum_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool enum_is_flag_class(PyRun *I, SimId cls)
{
    SimId flag = enum_module_attr(I, "Flag");
    return flag && enum_is_enum_class(I, cls) && sim_is_subtype(S, cls, flag);
}

static bool is_int_flag(PyRun *I, SimId cls) { return sim_type_word(S, cls, SIM_TY_KIND) == SK_INT; }

/* a small int's value; false for anything else */
static bool small_int(PyRun *I, SimId v, int64_t *out)
{
    if (!v || (sim_kind(S, v) != SK_INT && sim_kind(S, v) != SK_BOOL) || sim_obj(S, v)->sub == 1)
        return false;
    *out = sim_obj(S, v)->v.i;
    return true;
}

static int64_t cls_int(PyRun *I, SimId cls, const char *name)
{
    int64_t v = 0;
    small_int(I, enum_cls_attr(I, cls, name), &v);
    return v;
}

static void set_cls_int(PyRun *I, SimId cls, const char *name, int64_t v)
{
    sim_dict_set(S, SIM_V(S, cls, SK_TYPE, type.dict), sim_str_intern(S, name, strlen(name)), sim_int(S, v));
}

static bool single_bit(int64_t v) { return v > 0 && (v & (v - 1)) == 0; }

static int bit_length(int64_t v)
{
    int n = 0;
    for (uint64_t u = (uint64_t)(v < 0 ? ~v : v); u; u >>= 1)
        n++;
    return n;
}

/* ---- the class statement ---------------------------------------------------------------- */

bool enum_flag_value_ok(PyRun *I, SimId cls, SimId value)
{
    int64_t v;
    if (!small_int(I, value, &v) || v < 0 || v >= ((int64_t)1 << 62))
        return py_not_modelled(I, 0, "a %s member whose value is not a small int of 0 or more",
                               is_int_flag(I, cls) ? "IntFlag" : "Flag");
    return true;
}

/* _proto_member.__set_name__'s Flag part: the masks; whether the member
 * is canonical (one bit) */
bool enum_flag_member_added(PyRun *I, SimId cls, SimId value)
{
    int64_t v = 0, mask = cls_int(I, cls, "_flag_mask_") | 0;
    small_int(I, value, &v);
    mask |= v;
    set_cls_int(I, cls, "_flag_mask_", mask);
    if (single_bit(v))
        set_cls_int(I, cls, "_singles_mask_", cls_int(I, cls, "_singles_mask_") | v);
    set_cls_int(I, cls, "_all_bits_", ((int64_t)1 << bit_length(mask)) - 1);
    return single_bit(v);
}

void enum_flag_class_start(PyRun *I, SimId cls)
{
    set_cls_int(I, cls, "_flag_mask_", 0);
    set_cls_int(I, cls, "_singles_mask_", 0);
    set_cls_int(I, cls, "_all_bits_", 0);
}

/* Flag._generate_next_value_: 1 first, then the power of two above the
 * largest value so far */
SimId enum_flag_auto(PyRun *I, SimId *values, uint32_t n)
{
    int64_t best = 0;
    for (uint32_t i = 0; i < n; i++) {
        int64_t v;
        if (!small_int(I, values[i], &v) || v < 0 || v >= ((int64_t)1 << 61))
            return py_not_modelled(I, 0, "auto() in a Flag after a value that is not a small int of 0 or more"),
                   (SimId)0;
        best = i == 0 || v > best ? v : best;
    }
    return sim_int(S, n ? (int64_t)1 << bit_length(best) : 1);
}

/* ---- a member for a value (EnumType.__call__, Flag._missing_) ---------------------------- */

static SimId member_value(PyRun *I, SimId m, int64_t *v)
{
    SimId value = enum_member_attr(I, m, "_value_");
    return small_int(I, value, v) ? value : 0;
}

/* the canonical members whose bit `value` has, in definition order
 * (borrowed, into out[]); -1 if a bit of the flag mask has no member */
static int canonical_in(PyRun *I, SimId cls, int64_t value, SimId *out, int max)
{
    SimId names = enum_names_of(I, cls), map = enum_cls_attr(I, cls, "_member_map_");
    int n = 0;
    int64_t seen = 0;
    for (uint32_t i = 0; names && map && i < sim_obj(S, names)->len && n < max; i++) {
        SimId m = sim_dict_get(S, map, sim_items(S, names)[i]);
        int64_t mv;
        if (m && member_value(I, m, &mv) && (mv & value) == mv && mv) {
            out[n++] = m;
            seen |= mv;
        }
    }
    if ((value & cls_int(I, cls, "_flag_mask_")) != seen)
        return py_not_modelled(I, 0, "a Flag whose bits are not all members of one bit"), -1;
    return n;
}

static bool append_name(PyRun *I, Buf *b, SimId m)
{
    SimId nm = enum_member_attr(I, m, "_name_");
    size_t n;
    const char *s = nm && sim_kind(S, nm) == SK_STR ? sim_str_data(S, nm, &n) : 0;
    if (!s)
        return false;
    buf_printf(b, "%s%.*s", b->len ? "|" : "", (int)n, s);
    return true;
}

static SimId missing(PyRun *I, SimId cls, int64_t value)
{
    bool keep = is_int_flag(I, cls);
    int64_t flag_mask = cls_int(I, cls, "_flag_mask_"), singles = cls_int(I, cls, "_singles_mask_");
    int64_t all_bits = cls_int(I, cls, "_all_bits_"), neg = 0;
    bool has_neg = false;
    if (!(~all_bits <= value && value <= all_bits) || (value & (all_bits ^ flag_mask))) {
        if (!keep)
            return py_not_modelled(I, 0, "a Flag called with bits none of its members has (FlagBoundary STRICT's "
                                   "ValueError)"), (SimId)0;
        if (value < 0) {
            int64_t p = (int64_t)1 << bit_length(value);
            value = (all_bits + 1 > p ? all_bits + 1 : p) + value;
        }
    }
    if (value < 0) {
        has_neg = true, neg = value;
        value = all_bits + 1 + value;
    }
    int64_t unknown = value & ~flag_mask, aliases = value & ~singles, members_v = value & singles;
    if (unknown && !keep)
        return py_not_modelled(I, 0, "a Flag called with bits none of its members has"), (SimId)0;
    SimId vobj = sim_int(S, value);
    SimId pm = keep ? sim_subinst_scalar(S, cls, vobj) : sim_instance(S, cls);
    if (!pm) {
        sim_decref(S, vobj);
        return py_not_modelled(I, 0, "an IntFlag value beyond 64 bits"), (SimId)0;
    }
    sim_incref(S, vobj);
    enum_set_attr(I, pm, "_value_", vobj);
    SimId name = S->none;
    Buf b = {0};
    if (members_v || aliases) {
        SimId ms[64];
        int n = canonical_in(I, cls, members_v, ms, 64);
        if (n < 0) {
            sim_decref(S, pm), sim_decref(S, vobj);
            return 0;
        }
        int64_t combined = 0;
        for (int i = 0; i < n; i++) {
            int64_t mv = 0;
            member_value(I, ms[i], &mv);
            combined |= mv;
            append_name(I, &b, ms[i]);
        }
        if (aliases) {
            value = members_v | aliases;
            SimId map = enum_cls_attr(I, cls, "_member_map_"), k, m;
            uint32_t pos = 0;
            while (map && sim_dict_next(S, map, &pos, &k, &m)) {
                int64_t mv;
                bool in = false;
                for (int i = 0; i < n; i++)
                    in = in || ms[i] == m;
                if (!in && member_value(I, m, &mv) && mv && (mv & value) == mv && n < 64) {
                    ms[n++] = m;
                    combined |= mv;
                    append_name(I, &b, m);
                }
            }
        }
        unknown = value ^ combined;
        if (combined && unknown)
            buf_printf(&b, "|%lld", (long long)unknown);
        if (combined)
            name = sim_str(S, buf_str(&b), b.len);
    }
    buf_fini(&b);
    if (name == S->none)
        sim_incref(S, name);
    enum_set_attr(I, pm, "_name_", name);
    SimId v2m = enum_cls_attr(I, cls, "_value2member_map_");
    SimId got = sim_dict_setdefault(S, v2m, vobj, pm); /* steals vobj's extra reference and pm */
    sim_incref(S, got);
    if (has_neg) {
        sim_incref(S, got);
        sim_dict_set(S, v2m, sim_int(S, neg), got);
    }
    return got;
}

/* cls(value) for a Flag class: _value2member_map_, then _missing_ */
SimId enum_flag_lookup(PyRun *I, SimId cls, SimId v)
{
    int64_t value;
    if (!small_int(I, v, &value))
        return py_not_modelled(I, 0, "a Flag called with what is not a small int"), (SimId)0;
    SimId v2m = enum_cls_attr(I, cls, "_value2member_map_");
    SimId m = v2m ? sim_dict_get(S, v2m, v) : 0;
    if (m) {
        sim_incref(S, m);
        return m;
    }
    return missing(I, cls, value);
}

static SimId lookup_int(PyRun *I, SimId cls, int64_t value)
{
    SimId v = sim_int(S, value);
    SimId r = enum_flag_lookup(I, cls, v);
    sim_decref(S, v);
    return r;
}

/* ---- the members' methods ----------------------------------------------------------------- */

/* Flag._get_value: a member of the class's value, or an int for IntFlag */
static bool get_value(PyRun *I, SimId self, SimId other, int64_t *v)
{
    SimId cls = sim_obj(S, self)->type;
    if (enum_is_member(I, other) && sim_is_subtype(S, sim_obj(S, other)->type, cls))
        return member_value(I, other, v) != 0;
    return is_int_flag(I, cls) && small_int(I, other, v);
}

static SimId binop(PyRun *I, SimId *a, int n, char op)
{
    int64_t x, y;
    enum_note(I, "a Flag's operator (Flag.__or__ and EnumType.__call__'s Python code)");
    if (n != 2 || !member_value(I, a[0], &x) || !get_value(I, a[0], a[1], &y)) {
        if (n == 2 && enum_is_member(I, a[0]) && sim_kind(S, a[1]) == SK_INT && sim_obj(S, a[1])->sub == 1)
            return py_not_modelled(I, 0, "an IntFlag combined with an int beyond 64 bits"), (SimId)0;
        sim_incref(S, S->notimpl);
        return S->notimpl;
    }
    int64_t r = op == '|' ? (x | y) : op == '&' ? (x & y) : (x ^ y);
    return lookup_int(I, sim_obj(S, a[0])->type, r);
}

static SimId f_or(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, binop(I, a, n, '|'); }
static SimId f_and(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, binop(I, a, n, '&'); }
static SimId f_xor(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, binop(I, a, n, '^'); }

static SimId f_invert(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId self = a[0], cls = sim_obj(S, self)->type;
    enum_note(I, "~ of a Flag (Flag.__invert__'s Python code)");
    SimId inv = enum_member_attr(I, self, "_inverted_");
    if (inv && inv != S->none) {
        sim_incref(S, inv);
        return inv;
    }
    int64_t v;
    if (!member_value(I, self, &v))
        return py_not_modelled(I, 0, "~ of a Flag member whose value is not a small int"), (SimId)0;
    SimId r = lookup_int(I, cls, is_int_flag(I, cls) ? ~v : (cls_int(I, cls, "_singles_mask_") & ~v));
    if (r) {
        sim_incref(S, r);
        enum_set_attr(I, self, "_inverted_", r);
    }
    return r;
}

static SimId f_contains(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId self = a[0], cls = sim_obj(S, self)->type;
    enum_note(I, "`in` a Flag member (Flag.__contains__)");
    int64_t x, y;
    if (!enum_is_member(I, a[1]) || !sim_is_subtype(S, sim_obj(S, a[1])->type, cls)) {
        size_t cn;
        const char *c = enum_class_name(I, cls, &cn);
        py_raise(I, EXC_TypeError, "unsupported operand type(s) for 'in': '%s' and '%.*s'", op_typename(I, a[1]),
                 (int)cn, c);
        return enum_from_python(I, 0);
    }
    if (!member_value(I, self, &x) || !member_value(I, a[1], &y))
        return py_not_modelled(I, 0, "`in` a Flag member whose value is not a small int"), (SimId)0;
    return sim_bool(S, (y & x) == y);
}

static SimId f_iter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId cls = sim_obj(S, a[0])->type, ms[64];
    enum_note(I, "iterating over a Flag member (Flag.__iter__'s generator)");
    int64_t v;
    if (!member_value(I, a[0], &v))
        return py_not_modelled(I, 0, "iterating over a Flag member whose value is not a small int"), (SimId)0;
    if (v < 0)
        return py_not_modelled(I, 0, "iterating over a Flag member of a negative value"), (SimId)0;
    int k = canonical_in(I, cls, v & cls_int(I, cls, "_flag_mask_"), ms, 64);
    if (k < 0)
        return 0;
    SimId list = sim_list(S, 0);
    for (int i = 0; i < k; i++) {
        sim_incref(S, ms[i]);
        sim_list_append(S, list, ms[i]);
    }
    SimId it = iter_new(I, list);
    sim_decref(S, list);
    return it;
}

static SimId f_len(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t v;
    enum_note(I, "len() of a Flag member (Flag.__len__)");
    if (!member_value(I, a[0], &v) || v < 0)
        return py_not_modelled(I, 0, "len() of a Flag member whose value is not a small int of 0 or more"),
               (SimId)0;
    int c = 0;
    for (uint64_t u = (uint64_t)v; u; u &= u - 1)
        c++;
    return sim_int(S, c);
}

static SimId f_bool(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t v;
    enum_note(I, "bool() of a Flag member (Flag.__bool__)");
    if (!member_value(I, a[0], &v))
        return py_not_modelled(I, 0, "bool() of a Flag member whose value is not a small int"), (SimId)0;
    return sim_bool(S, v != 0);
}

#define M(nm, f) BUILTIN(nm, SK_INSTANCE, BM_ENUM, f, .style = ARGS_OWN)
const BuiltinDef enum_flag_methods[] = {
    M("__or__", f_or), M("__and__", f_and), M("__xor__", f_xor), M("__ror__", f_or), M("__rand__", f_and),
    M("__rxor__", f_xor), M("__invert__", f_invert), M("__contains__", f_contains), M("__iter__", f_iter),
    M("__len__", f_len), M("__bool__", f_bool),
};
const int enum_flag_nmethods = (int)(sizeof enum_flag_methods / sizeof enum_flag_methods[0]);
#undef M

/* Flag's methods in `ns`; IntFlag's body gets the operators only (EnumType.__new__
 * copies them into every Flag class, ahead of int's) */
void enum_flag_methods_into(PyRun *I, SimId ns, bool operators_only)
{
    int base = bi_index_of(enum_flag_methods);
    for (int i = 0; i < enum_flag_nmethods; i++)
        if (!operators_only || i < 7)
            bi_dict_put(I, ns, enum_flag_methods[i].name, sim_builtin(S, (uint32_t)(base + i), 0));
}
