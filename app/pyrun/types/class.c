/*
 * class: the end of a class statement, as __build_class__ and type_new
 * run it (Python/bltinmodule.c, Objects/typeobject.c): the tp_base whose
 * layout the class extends (with CPython's lay-out conflict), __slots__
 * (checked and mangled as type_new_slots does), the C3 linearisation of
 * the bases with CPython's errors, then the class on the heap
 * (sim_class_new) and the temporary objects CPython makes on the way,
 * which move the young collection's count and the free lists.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/threading.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define MAX_BASES 64
#define MAX_MRO 256

static bool is_class(PyRun *I, SimId c)
{
    return sim_kind(S, c) == SK_TYPE && sim_obj(S, c)->sub == SK_INSTANCE;
}

static bool is_program_class(PyRun *I, SimId c)
{
    return is_class(I, c) && (sim_type_word(S, c, SIM_TY_FLAGS) & SIM_TYF_HEAP);
}

static const char *class_name(PyRun *I, SimId c)
{
    if (!is_class(I, c))
        return sim_kind_name((SimKind)sim_obj(S, c)->sub);
    return sim_str_data(S, sim_items(S, c)[SIM_TY_NAME], &(size_t){0});
}

/* add_subclass on a built-in base that start-up left with no subclass
 * (tuple, int, dict and 3.12's list have some): its tp_subclasses dict, made
 * then and kept for good (measured with gc.get_count() around the first
 * and second subclass of each) */
static void builtin_subclass_dict(PyRun *I, SimId bases)
{
    for (uint32_t i = 0; i < sim_obj(S, bases)->len; i++) {
        SimId b = sim_items(S, bases)[i];
        SimId kinds[] = {S->types[SK_LIST], S->types[SK_STR], S->types[SK_FLOAT], S->types[SK_SET],
                         S->xtypes[SIM_XT_FROZENSET], S->types[SK_BYTES]};
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
            if (b != kinds[k] || I->builtin_subclasses[k] || (k == 0 && S->prof->version != SIM_V311))
                continue;
            I->builtin_subclasses[k] = sim_dict(S);
            sim_track(S, I->builtin_subclasses[k]);
        }
    }
}

/* ---- the layout base --------------------------------------------------- */

/* solid_base: the class that last added slot values to the layout */
static SimId solid_base(PyRun *I, SimId c)
{
    for (; c && is_program_class(I, c); c = SIM_V(S, c, SK_TYPE, type.base)) {
        SimId own = sim_type_word(S, c, SIM_TY_SLOTS);
        if (own && sim_obj(S, own)->len)
            return c;
    }
    return 0; /* object */
}

/* is a a subclass of b, 0 standing for object */
static bool solid_sub(PyRun *I, SimId a, SimId b) { return !b || (a && sim_is_subtype(S, a, b)); }

/* best_base: the base whose solid base is a subclass of every other's */
static bool best_base(PyRun *I, SimId bases, SimId *best)
{
    SimId winner = 0;
    *best = 0;
    for (uint32_t i = 0; i < sim_obj(S, bases)->len; i++) {
        SimId b = sim_items(S, bases)[i];
        SimId cand = solid_base(I, b);
        if (i == 0) {
            winner = cand, *best = b;
        } else if (solid_sub(I, winner, cand)) {
            continue;
        } else if (solid_sub(I, cand, winner)) {
            winner = cand, *best = b;
        } else {
            py_raise(I, EXC_TypeError, "multiple bases have instance lay-out conflict");
            return false;
        }
    }
    if (*best && !is_program_class(I, *best))
        *best = 0; /* object */
    return true;
}

/* ---- __slots__ ------------------------------------------------------------ */

typedef struct Slots {
    SimId names[MAX_BASES]; /* mangled, owned */
    int n;
    bool dict, weak, given;
} Slots;

static bool is_identifier(const char *s, size_t n)
{
    if (!n || !(isalpha((unsigned char)s[0]) || s[0] == '_' || (unsigned char)s[0] >= 0x80))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || (unsigned char)s[i] >= 0x80))
            return false;
    return true;
}

/* _Py_Mangle: __x in class C is _C__x (leading underscores of C dropped) */
static SimId mangle(PyRun *I, SimId cname, SimId name)
{
    size_t n, cn;
    const char *s = sim_str_data(S, name, &n);
    const char *c = sim_str_data(S, cname, &cn);
    while (cn && *c == '_')
        c++, cn--;
    if (n < 3 || s[0] != '_' || s[1] != '_' || (s[n - 1] == '_' && s[n - 2] == '_') || !cn ||
        memchr(s, '.', n)) {
        sim_incref(S, name);
        return name;
    }
    char buf[512];
    int len = snprintf(buf, sizeof buf, "_%.*s%.*s", (int)cn, c, (int)n, s);
    return sim_str_intern(S, buf, (size_t)len < sizeof buf ? (size_t)len : sizeof buf - 1);
}

static void slots_drop(PyRun *I, Slots *sl)
{
    for (int i = 0; i < sl->n; i++)
        sim_decref(S, sl->names[i]);
    sl->n = 0;
}

static int cmp_str(PyRun *I, SimId a, SimId b)
{
    size_t na, nb;
    const char *sa = sim_str_data(S, a, &na), *sb = sim_str_data(S, b, &nb);
    int c = memcmp(sa, sb, na < nb ? na : nb);
    return c ? c : (na > nb) - (na < nb);
}

/* type_new_slots: the names (checked, mangled, sorted), __dict__ and
 * __weakref__ asked for; may_dict / may_weak: the base lacks them */
static bool read_slots(PyRun *I, SimId cname, SimId value, SimId dict, bool may_dict, bool may_weak, Slots *sl)
{
    SimKind k = sim_kind(S, value);
    SimId one[1] = {value};
    const SimId *items = one;
    uint32_t n = 1;
    if (k == SK_TUPLE || k == SK_LIST) {
        items = sim_items(S, value);
        n = sim_obj(S, value)->len;
    } else if (k != SK_STR) {
        return py_not_modelled(I, 0, "__slots__ given as a '%s'", op_typename(I, value));
    }
    if (n > MAX_BASES)
        return py_not_modelled(I, 0, "more than %d names in __slots__", MAX_BASES);
    sl->given = true;
    for (uint32_t i = 0; i < n; i++) {
        SimId it = items[i];
        if (sim_kind(S, it) != SK_STR) {
            py_raise(I, EXC_TypeError, "__slots__ items must be strings, not '%s'", op_typename(I, it));
            return slots_drop(I, sl), false;
        }
        size_t len;
        const char *s = sim_str_data(S, it, &len);
        if (!is_identifier(s, len)) {
            py_raise(I, EXC_TypeError, "__slots__ must be identifiers");
            return slots_drop(I, sl), false;
        }
        if (sim_str_equals(S, it, "__dict__")) {
            if (!may_dict || sl->dict) {
                py_raise(I, EXC_TypeError, "__dict__ slot disallowed: we already got one");
                return slots_drop(I, sl), false;
            }
            sl->dict = true;
            continue;
        }
        if (sim_str_equals(S, it, "__weakref__")) {
            if (!may_weak || sl->weak) {
                py_raise(I, EXC_TypeError, S->prof->version == SIM_V311
                             ? "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"
                             : "__weakref__ slot disallowed: we already got one");
                return slots_drop(I, sl), false;
            }
            sl->weak = true;
            continue;
        }
        SimId m = mangle(I, cname, it);
        for (int j = 0; j < sl->n; j++)
            if (sim_equal(S, sl->names[j], m)) {
                sim_decref(S, m);
                slots_drop(I, sl);
                return py_not_modelled(I, 0, "a name given twice in __slots__");
            }
        sl->names[sl->n++] = m;
    }
    for (int i = 0; i < sl->n; i++) /* a slot's descriptor would replace a class variable */
        if (sim_dict_get(S, dict, sl->names[i])) {
            size_t len;
            const char *s = sim_str_data(S, sl->names[i], &len);
            py_raise(I, EXC_ValueError, "'%.*s' in __slots__ conflicts with class variable", (int)len, s);
            return slots_drop(I, sl), false;
        }
    for (int i = 1; i < sl->n; i++) /* PyList_Sort */
        for (int j = i; j > 0 && cmp_str(I, sl->names[j - 1], sl->names[j]) > 0; j--) {
            SimId t = sl->names[j];
            sl->names[j] = sl->names[j - 1];
            sl->names[j - 1] = t;
        }
    return true;
}

/* type_new_copy_slots: a list of the names, sorted, then a tuple (ht_slots) */
static SimId slots_tuple(PyRun *I, SimId value, Slots *sl)
{
    SimId seq = 0;
    if (sim_kind(S, value) == SK_STR) { /* PySequence_Tuple of a lone name: PyTuple_Pack */
        seq = sim_tuple(S, 1);
        sim_incref(S, value);
        sim_tuple_set(S, seq, 0, value);
    } else if (sim_kind(S, value) == SK_LIST) {
        uint32_t n = sim_obj(S, value)->len;
        seq = sim_tuple(S, n);
        for (uint32_t i = 0; i < n; i++) {
            sim_incref(S, sim_items(S, value)[i]);
            sim_tuple_set(S, seq, i, sim_items(S, value)[i]);
        }
    }
    SimId list = sim_list(S, (size_t)sl->n);
    for (int i = 0; i < sl->n; i++) {
        sim_incref(S, sl->names[i]);
        sim_list_set(S, list, (size_t)i, sl->names[i]);
    }
    SimId t = sim_tuple(S, (size_t)sl->n);
    for (int i = 0; i < sl->n; i++)
        sim_tuple_set(S, t, (size_t)i, sl->names[i]); /* the names' references move */
    sl->n = 0;
    sim_decref(S, list);
    if (seq)
        sim_decref(S, seq);
    return t;
}

/* ---- the method resolution order ------------------------------------------ */

static bool in_tails(SimId c, SimId *const *lists, const uint32_t *lens, const uint32_t *pos, int n)
{
    for (int i = 0; i < n; i++)
        for (uint32_t j = pos[i] + 1; j < lens[i]; j++)
            if (lists[i][j] == c)
                return true;
    return false;
}

/* set_mro_error: the heads left, each once, in list order */
static void mro_error(PyRun *I, SimId *const *lists, const uint32_t *lens, const uint32_t *pos, int n)
{
    char buf[1000];
    size_t off = (size_t)snprintf(buf, sizeof buf, "Cannot create a consistent method resolution%sorder (MRO) for bases",
                                  S->prof->version >= SIM_V313 ? " " : "\n");
    SimId seen[MAX_BASES + 1];
    int nseen = 0;
    for (int i = 0; i < n; i++) {
        if (pos[i] >= lens[i])
            continue;
        SimId c = lists[i][pos[i]];
        bool dup = false;
        for (int j = 0; j < nseen; j++)
            dup = dup || seen[j] == c;
        if (!dup)
            seen[nseen++] = c;
    }
    for (int j = 0; j < nseen && off < sizeof buf; j++)
        off += (size_t)snprintf(buf + off, sizeof buf - off, "%s %s", j ? "," : "", class_name(I, seen[j]));
    py_raise(I, EXC_TypeError, "%s", buf);
}

/* mro_implementation: the classes after the new one, into out[] */
static bool linearise(PyRun *I, SimId bases, SimId *out, size_t *nout, bool *merged)
{
    uint32_t nb = sim_obj(S, bases)->len;
    *merged = nb > 1;
    *nout = 0;
    if (nb == 1) {
        SimId b = sim_items(S, bases)[0];
        SimId mro = is_class(I, b) ? sim_items(S, b)[SIM_TY_MRO] : 0;
        if (!mro) { /* object, or list / dict / tuple: (base, object) */
            out[(*nout)++] = b;
            if (b != S->type_object)
                out[(*nout)++] = S->type_object;
            return true;
        }
        for (uint32_t i = 0; i < sim_obj(S, mro)->len && *nout < MAX_MRO; i++)
            out[(*nout)++] = sim_items(S, mro)[i];
        return true;
    }
    for (uint32_t i = 0; i < nb; i++) /* check_duplicates */
        for (uint32_t j = i + 1; j < nb; j++)
            if (sim_items(S, bases)[i] == sim_items(S, bases)[j]) {
                py_raise(I, EXC_TypeError, "duplicate base class %s", class_name(I, sim_items(S, bases)[i]));
                return false;
            }
    SimId objmro[1] = {S->type_object};
    SimId builtin_mro[MAX_BASES][2]; /* a built-in base's (base, object) */
    SimId *lists[MAX_BASES + 1];
    uint32_t lens[MAX_BASES + 1], pos[MAX_BASES + 1];
    int n = 0;
    for (uint32_t i = 0; i < nb; i++, n++) {
        SimId b = sim_items(S, bases)[i];
        SimId mro = is_class(I, b) ? sim_items(S, b)[SIM_TY_MRO] : 0;
        lists[n] = mro ? sim_items(S, mro) : objmro;
        lens[n] = mro ? sim_obj(S, mro)->len : 1;
        if (!mro && b != S->type_object && n < MAX_BASES) {
            builtin_mro[n][0] = b, builtin_mro[n][1] = S->type_object;
            lists[n] = builtin_mro[n], lens[n] = 2;
        }
        pos[n] = 0;
    }
    lists[n] = sim_items(S, bases), lens[n] = nb, pos[n] = 0;
    n++;
    for (;;) { /* pmerge */
        bool empty = true, found = false;
        for (int i = 0; i < n && !found; i++) {
            if (pos[i] >= lens[i])
                continue;
            empty = false;
            SimId c = lists[i][pos[i]];
            if (in_tails(c, lists, lens, pos, n))
                continue;
            found = true;
            if (*nout >= MAX_MRO)
                return py_not_modelled(I, 0, "a class with more than %d classes in its MRO", MAX_MRO);
            out[(*nout)++] = c;
            for (int j = 0; j < n; j++)
                if (pos[j] < lens[j] && lists[j][pos[j]] == c)
                    pos[j]++;
        }
        if (empty)
            return true;
        if (!found) {
            mro_error(I, lists, lens, pos, n);
            return false;
        }
    }
}

/* ---- the class ------------------------------------------------------------- */

/* which attribute hooks the class has along its MRO (slot_tp_getattr_hook,
 * slot_tp_setattro), so that plain classes skip the lookups */
void class_set_hooks(PyRun *I, SimId cls)
{
    if (!sim_obj(S, cls)->data)
        return;
    uint32_t f = 0;
    if (sim_type_lookup(S, cls, "__getattr__") || sim_type_lookup(S, cls, "__getattribute__"))
        f |= SIM_TYF_GETATTR;
    if (sim_type_lookup(S, cls, "__setattr__") || sim_type_lookup(S, cls, "__delattr__"))
        f |= SIM_TYF_SETATTR;
    sim_items(S, cls)[SIM_TY_FLAGS] |= f;
}

/* CPython's temporary objects: alloc and free, for the counts they move */
static void transient_builtin(PyRun *I)
{
    sim_decref(S, sim_builtin(S, 0, 0));
}

void class_prepare_transient(PyRun *I) { transient_builtin(I); }

/* The namespace's copy (PyDict_Copy), without what type_new takes out */
static SimId copy_namespace(PyRun *I, SimId ns, SimId *classcell, SimId *qualname)
{
    /* type_new_init: PyDict_Copy (a clean table is cloned, at its size);
     * type_new_set_ht_name and type_new_set_classcell then delete two
     * names, which leaves their entries used */
    SimId d = dict_copy(I, ns);
    uint32_t pos = 0;
    SimId k, v, qualname_key = 0, cell_key = 0;
    while (sim_dict_next(S, ns, &pos, &k, &v)) {
        if (sim_str_equals(S, k, "__classcell__")) {
            *classcell = v;
            cell_key = k;
        } else if (sim_str_equals(S, k, "__qualname__") && sim_kind(S, v) == SK_STR) {
            sim_incref(S, v);
            *qualname = v;
            qualname_key = k;
        }
    }
    if (qualname_key)
        sim_dict_del(S, d, qualname_key);
    if (cell_key)
        sim_dict_del(S, d, cell_key);
    if (!sim_dict_get_str(S, d, "__module__")) { /* type_new_set_module: the caller's __name__ */
        SimId mod = sim_dict_get_str(S, I->globals, "__name__");
        if (mod) {
            sim_incref(S, mod);
            sim_dict_set(S, d, sim_str_intern(S, "__module__", 10), mod);
        }
    }
    SimId nf = sim_dict_get_str(S, d, "__new__"); /* type_new_staticmethod: a function becomes static */
    if (nf && sim_kind(S, nf) == SK_FUNC) {
        sim_incref(S, nf);
        sim_dict_set(S, d, sim_str_intern(S, "__new__", 7), sim_method_descr(S, SK_STATICMETHOD, nf, 0));
    }
    /* type_ready_set_hash: __eq__ without __hash__ makes instances unhashable */
    if (sim_dict_get_str(S, d, "__eq__") && !sim_dict_get_str(S, d, "__hash__")) {
        sim_incref(S, S->none);
        sim_dict_set(S, d, sim_str_static(S, "__hash__", 8), S->none);
    }
    return d;
}

static bool base_has(PyRun *I, SimId best, uint32_t flag)
{
    return best && (sim_type_word(S, best, SIM_TY_FLAGS) & flag);
}

/* type_new_slots_impl: a secondary base may give __dict__ / __weakref__ */
static void secondary_bases(PyRun *I, SimId bases, SimId best, bool *dict, bool *weak)
{
    bool may_dict = !base_has(I, best, SIM_TYF_DICT), may_weak = !base_has(I, best, SIM_TYF_WEAK);
    for (uint32_t i = 0; i < sim_obj(S, bases)->len; i++) {
        SimId b = sim_items(S, bases)[i];
        if (b == best || !is_program_class(I, b))
            continue;
        if (may_dict && !*dict && base_has(I, b, SIM_TYF_DICT))
            *dict = true;
        if (may_weak && !*weak && base_has(I, b, SIM_TYF_WEAK))
            *weak = true;
    }
}

SimId class_build(PyRun *I, SimId name, SimId ns, SimId bases) { return class_build_kw(I, name, ns, bases, 0); }

SimId class_build_kw(PyRun *I, SimId name, SimId ns, SimId bases, SimId kw)
{
    return class_build_meta(I, name, ns, bases, kw, 0);
}

SimId class_build_meta(PyRun *I, SimId name, SimId ns, SimId bases, SimId kw, SimId meta)
{
    /* type.__call__(name, bases, ns): _PyObject_MakeTpCall's argument tuple */
    SimId knames = class_call_keywords_begin(I, kw);
    SimId margs = sim_tuple(S, 3);
    SimId parts[3] = {name, bases, ns};
    for (int i = 0; i < 3; i++) {
        sim_incref(S, parts[i]);
        sim_tuple_set(S, margs, (size_t)i, parts[i]);
    }
    SimId tpkw = class_call_keywords_dict(I, kw);
    SimId cls = 0, tbases = 0, d = 0, classcell = 0, qualname = 0, slots = 0;
    Slots sl = {.n = 0};
    if (sim_obj(S, bases)->len == 0) { /* type_new_get_bases: (object,) */
        tbases = sim_tuple(S, 1);
        sim_incref(S, S->type_object);
        sim_tuple_set(S, tbases, 0, S->type_object);
    } else {
        sim_incref(S, bases);
        tbases = bases;
    }
    SimId best;
    SimKind layout;
    if (!best_base(I, tbases, &best) || !subinst_layout_of(I, tbases, &layout))
        goto done;
    if (layout && best && !sim_type_word(S, best, SIM_TY_KIND))
        best = 0; /* tp_base is the built-in type: it decides __dict__ and __weakref__ */
    d = copy_namespace(I, ns, &classcell, &qualname);
    bool may_dict = !base_has(I, best, SIM_TYF_DICT), may_weak = !base_has(I, best, SIM_TYF_WEAK);
    if (threading_is_local_class(I, best))
        may_dict = true; /* _thread._local has no __dict__ slot: the model's is the per-thread one */
    if (layout == SK_TUPLE || layout == SK_INT || layout == SK_BYTES)
        may_weak = false; /* a variable-size base (tp_itemsize): no __weakref__ */
    if (layout == SK_SET)
        may_weak = false; /* set and frozenset have their weakref list (tp_weaklistoffset) */
    if (layout == SK_TYPE)
        may_dict = may_weak = false; /* type lays out both itself */
    SimId slotval = sim_dict_get_str(S, d, "__slots__");
    bool add_dict = may_dict, add_weak = may_weak;
    if (slotval) {
        if (!read_slots(I, name, slotval, d, may_dict, may_weak, &sl))
            goto done;
        add_dict = sl.dict, add_weak = sl.weak;
        if (sim_obj(S, tbases)->len > 1)
            secondary_bases(I, tbases, best, &add_dict, &add_weak);
        slots = slots_tuple(I, slotval, &sl);
    }
    SimId mro[MAX_MRO];
    size_t nmro;
    bool merged;
    if (!linearise(I, tbases, mro, &nmro, &merged))
        goto done;
    if (!qualname) {
        sim_incref(S, name);
        qualname = name;
    }
    sim_incref(S, name);
    SimClassSpec spec = {.name = name, .qualname = qualname, .bases = tbases, .dict = d, .best = best,
                         .mro = mro, .nmro = nmro, .merged = merged, .slots = slots,
                         .add_dict = add_dict, .add_weak = add_weak, .layout = layout, .meta = meta,
                         .frozen = layout == SK_SET && subinst_frozen_of(I, tbases)};
    cls = sim_class_new(S, &spec);
    tbases = d = qualname = slots = 0; /* the class owns them */
    threading_local_layout(I, cls, best);
    class_init_subclass_classmethod(I, cls);
    if (classcell && sim_kind(S, classcell) == SK_CELL && !SIM_V(S, classcell, SK_CELL, cell.ref)) {
        sim_incref(S, cls); /* type_new_set_classcell, before the names are set */
        SIM_V(S, classcell, SK_CELL, cell.ref) = cls;
    }
    builtin_subclass_dict(I, sim_type_word(S, cls, SIM_TY_BASES));
    class_set_hooks(I, cls);
    /* type_new_set_names: a copy of the dict to walk; type_new_init_subclass:
     * super(cls, cls).__init_subclass__ bound, then called */
    SimId names_copy = dict_copy(I, SIM_V(S, cls, SK_TYPE, type.dict));
    if (!udescr_set_names(I, cls, SIM_V(S, cls, SK_TYPE, type.dict))) {
        sim_decref(S, names_copy);
        sim_decref(S, cls);
        cls = 0;
        goto done;
    }
    sim_decref(S, names_copy);
    if (!abc_class_made(I, cls) || !enum_class_made(I, cls)) { /* ABCMeta.__new__, EnumType.__new__ */
        sim_decref(S, cls);
        cls = 0;
        goto done;
    }
    if (!class_init_subclass(I, cls, tpkw)) {
        sim_decref(S, cls);
        cls = 0;
        goto done;
    }
done:
    slots_drop(I, &sl);
    SimId left[] = {tbases, d, qualname, slots};
    for (size_t i = 0; i < sizeof left / sizeof left[0]; i++)
        sim_xdecref(S, left[i]);
    sim_decref(S, margs);
    class_call_keywords_end(I, kw, knames, tpkw);
    return cls;
}

/* type(name, bases, dict): type_new's argument checks, then the class (its
 * __module__ from the caller's globals when the dict has none) */
SimId class_from_type_call(PyRun *I, SimId name, SimId bases, SimId dict)
{
    SimId args[3] = {name, bases, dict};
    static const SimKind want[3] = {SK_STR, SK_TUPLE, SK_DICT};
    static const char *const wname[3] = {"str", "tuple", "dict"};
    for (int i = 0; i < 3; i++)
        if (sim_kind(S, args[i]) != want[i]) {
            py_raise(I, EXC_TypeError, "type.__new__() argument %d must be %s, not %s", i + 1, wname[i],
                     op_typename(I, args[i]));
            return 0;
        }
    for (uint32_t i = 0; i < sim_obj(S, bases)->len; i++) {
        SimId b = sim_items(S, bases)[i];
        if (sim_kind(S, b) != SK_TYPE)
            return py_not_modelled(I, 0, "type() with a base that is not a class"), (SimId)0;
    }
    if (!modelled_class_ok(I, dict, bases))
        return 0;
    SimId base = sim_obj(S, bases)->len ? sim_items(S, bases)[0] : 0;
    if (base && sim_obj(S, base)->sub == SK_INSTANCE && !(sim_type_word(S, base, SIM_TY_FLAGS) & SIM_TYF_HEAP))
        return py_not_modelled(I, 0, "type() making a subclass of an exception"), (SimId)0;
    return class_build(I, name, dict, bases);
}

