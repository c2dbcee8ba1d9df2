/*
 * abc: ABC and abstractmethod as Lib/abc.py and Modules/_abc.c make them
 * (3.11-3.13).  `import abc` costs nothing: CPython's start-up imported it
 * (io needs it).
 *
 * abstractmethod(f) sets f.__isabstractmethod__ = True (the function's
 * __dict__ made then, as in CPython) and gives f back.  ABC is a class
 * with __slots__ = (); a class deriving from it is an ABCMeta class: when
 * it is made, _abc_init's compute_abstract_methods runs here (its own
 * abstract attributes, then the names a base left abstract and it did not
 * override) and stores __abstractmethods__ (a frozenset); calling a class
 * with abstract methods raises object_new's TypeError, worded per version.
 *
 * What ABCMeta.__new__ and _abc_init allocate besides (the items list of
 * the class dict, a tuple per item, the _abc_data, the keyword dicts of
 * the call ...) is replayed as counts measured on each version; where the
 * free lists leave them is not known, so the young count is refused after
 * an ABC class is made until a gc.collect(), as after @dataclass.
 * isinstance()/issubclass() against an ABC go through the ABC's weak caches
 * (refused count too); type(), register() and the _abc_impl of an ABC
 * class are refused.  ABCMeta is a metaclass (types/metaclass.c):
 * `metaclass=ABCMeta` makes such a class as well; its refcount is refused
 * (the standard library's ABCs hold it), and so is deriving from it.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

/* ---- abstractmethod --------------------------------------------------------------- */

static SimId a_abstractmethod(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params = "funcobj";
    int np = bi_npos(I, n, kw);
    if (np + (kw ? (int)sim_obj(S, kw)->len : 0) != 1 || (kw && sim_obj(S, kw)->len &&
                                                          !sim_str_equals(S, sim_items(S, kw)[0], params))) {
        if (kw && sim_obj(S, kw)->len && !sim_str_equals(S, sim_items(S, kw)[0], params)) {
            size_t len;
            const char *w = sim_str_data(S, sim_items(S, kw)[0], &len);
            py_raise(I, EXC_TypeError, "abstractmethod() got an unexpected keyword argument '%.*s'", (int)len, w);
        } else if (n == 0) {
            py_raise(I, EXC_TypeError, "abstractmethod() missing 1 required positional argument: 'funcobj'");
        } else {
            py_raise(I, EXC_TypeError, "abstractmethod() takes 1 positional argument but %d were given", np);
        }
        return 0;
    }
    SimId f = a[0];
    SimId name = sim_str_intern(S, "__isabstractmethod__", 20);
    sim_incref(S, S->true_);
    bool ok = attr_set(I, f, name, S->true_);
    sim_decref(S, S->true_);
    sim_decref(S, name);
    if (!ok)
        return 0;
    sim_incref(S, f);
    return f;
}

const BuiltinDef abc_functions[] = {
    BUILTIN("abstractmethod", 0, BM_ABC, a_abstractmethod, .style = ARGS_OWN, .kw = "*"),
};
const int abc_nfunctions = (int)(sizeof abc_functions / sizeof abc_functions[0]);

/* ---- which classes are ABCs --------------------------------------------------------- */

bool abc_is_abc_class(PyRun *I, SimId cls)
{
    return sim_kind(S, cls) == SK_TYPE && sim_obj(S, cls)->sub == SK_INSTANCE &&
           (sim_type_word(S, cls, SIM_TY_FLAGS) & SIM_TYF_ABCMETA);
}

static bool in_bases_abc(PyRun *I, SimId bases)
{
    for (uint32_t i = 0; bases && i < sim_obj(S, bases)->len; i++)
        if (abc_is_abc_class(I, sim_items(S, bases)[i]))
            return true;
    return false;
}

/* ---- _PyObject_IsAbstract ------------------------------------------------------------ */

/* the value of a function's __isabstractmethod__ attribute, or 0 */
static SimId func_flag(PyRun *I, SimId f)
{
    SimId d = sim_items(S, f)[SIM_FN_DICT];
    if (!d)
        return 0;
    if (sim_kind(S, d) == SK_DICT)
        return sim_dict_get_str(S, d, "__isabstractmethod__");
    for (uint32_t i = 0; i + 1 < sim_obj(S, d)->len; i += 2) /* not yet a dict: key, value pairs */
        if (sim_str_equals(S, sim_items(S, d)[i], "__isabstractmethod__"))
            return sim_items(S, d)[i + 1];
    return 0;
}

/* 1, 0, or -1 with an error raised (or refused) */
static int is_abstract(PyRun *I, SimId v)
{
    if (!v)
        return 0;
    switch (sim_kind(S, v)) {
    case SK_FUNC: {
        SimId flag = func_flag(I, v);
        return flag ? op_truth(I, flag) : 0;
    }
    case SK_PROPERTY: /* property's __isabstractmethod__: any of fget, fset, fdel */
        for (int i = 0; i < 3; i++) {
            int r = is_abstract(I, sim_items(S, v)[i]);
            if (r)
                return r;
        }
        return 0;
    case SK_CLASSMETHOD: case SK_STATICMETHOD:
        return is_abstract(I, SIM_V(S, v, SK_CLASSMETHOD, descr.func));
    case SK_METHOD:
        return is_abstract(I, SIM_V(S, v, SK_METHOD, method.func));
    case SK_INSTANCE:
        if (sim_type_lookup(S, sim_obj(S, v)->type, "__isabstractmethod__"))
            return py_not_modelled(I, 0, "an object of a class with __isabstractmethod__ in an ABC's body") ? 0 : -1;
        return 0;
    default:
        return 0;
    }
}

/* ---- _abc_init ------------------------------------------------------------------------- */

/* ABCMeta.__new__ and _abc_init's allocations besides the class and the
 * frozenset (measured, from the clean state, against the same class
 * without ABC): a base part per version, one per entry of the class dict
 * beyond four, one more when a base left abstract methods */
static void replay_init(PyRun *I, uint32_t items, bool inherited)
{
    static const unsigned base[] = {10, 10, 12};
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    unsigned n = base[v] + inherited + (items > 4 ? items - 4 : 0);
    unsigned drop = items < 4 ? 4 - items : 0;
    n = n > drop ? n - drop : 0;
    for (unsigned i = 0; i < n; i++) {
        gc_note_foreign(S, 1, 1);
        if (S->gc.scheduled)
            vm_eval_breaker(I);
    }
    if (!I->gc_count_unsure)
        I->count_unsure_what = "making an ABC class (ABCMeta.__new__'s objects and the free lists they leave)";
    I->gc_count_unsure = true;
}

static bool add_name(PyRun *I, SimId set, SimId name)
{
    sim_incref(S, name);
    sim_set_add(S, set, name);
    return true;
}

/* type_set_abstractmethods: into the class's dict (steals set) */
static void set_abstracts(PyRun *I, SimId cls, SimId set)
{
    sim_dict_set(S, SIM_V(S, cls, SK_TYPE, type.dict), sim_str_intern(S, "__abstractmethods__", 19), set);
}

bool abc_class_made(PyRun *I, SimId cls)
{
    SimId bases = sim_items(S, cls)[SIM_TY_BASES];
    SimId meta = sim_obj(S, cls)->type;
    bool by_meta = I->abcmeta_type && meta && sim_is_subtype(S, meta, I->abcmeta_type); /* metaclass=ABCMeta */
    if (!in_bases_abc(I, bases) && !by_meta)
        return true;
    if (metaclass_is(I, cls))
        return py_not_modelled(I, 0, "a subclass of abc.ABCMeta");
    sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_ABCMETA;
    SimId dict = SIM_V(S, cls, SK_TYPE, type.dict);
    uint32_t items = sim_obj(S, dict)->len;
    SimId abstracts = sim_set(S);
    sim_obj(S, abstracts)->sub = SIM_SET_FROZEN;
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, dict, &pos, &k, &v)) { /* stage 1: its own */
        int r = is_abstract(I, v);
        if (r < 0) {
            sim_decref(S, abstracts);
            return false;
        }
        if (r)
            add_name(I, abstracts, k);
    }
    bool inherited = false;
    for (uint32_t i = 0; i < sim_obj(S, bases)->len; i++) { /* stage 2: what its bases left */
        SimId b = sim_items(S, bases)[i];
        if (!abc_is_abc_class(I, b))
            continue;
        SimId babs = sim_dict_get_str(S, SIM_V(S, b, SK_TYPE, type.dict), "__abstractmethods__");
        if (!babs || sim_kind(S, babs) != SK_SET)
            continue;
        inherited = inherited || sim_obj(S, babs)->len > 0;
        SimId it = iter_get(I, babs), name;
        if (!it) {
            sim_decref(S, abstracts);
            return false;
        }
        while (iter_step(I, it, &name) > 0) {
            SimId val = sim_type_lookup_str(S, cls, name);
            int r = is_abstract(I, val);
            if (r > 0)
                add_name(I, abstracts, name);
            sim_decref(S, name);
            if (r < 0) {
                sim_decref(S, it);
                sim_decref(S, abstracts);
                return false;
            }
        }
        sim_decref(S, it);
    }
    set_abstracts(I, cls, abstracts);
    replay_init(I, items, inherited);
    return true;
}

/* ---- object_new's check ---------------------------------------------------------------- */

bool abc_instantiable(PyRun *I, SimId cls)
{
    if (!abc_is_abc_class(I, cls))
        return true;
    SimId abs = sim_dict_get_str(S, SIM_V(S, cls, SK_TYPE, type.dict), "__abstractmethods__");
    if (!abs || sim_kind(S, abs) != SK_SET || sim_obj(S, abs)->len == 0)
        return true;
    /* sorted(abstract_methods): a list made and dropped */
    SimId list = sim_list(S, 0);
    SimId it = iter_get(I, abs), name;
    while (it && iter_step(I, it, &name) > 0)
        sim_list_append(S, list, name);
    sim_xdecref(S, it);
    if (!bi_sort_list(I, list, 0, false)) {
        sim_decref(S, list);
        return false;
    }
    bool v311 = S->prof->version == SIM_V311;
    Buf names = {0};
    for (uint32_t i = 0; i < sim_obj(S, list)->len; i++) {
        size_t len;
        const char *s = sim_str_data(S, sim_items(S, list)[i], &len);
        buf_printf(&names, v311 ? "%s%.*s" : "%s'%.*s'", i ? ", " : "", (int)len, s);
    }
    uint32_t count = sim_obj(S, list)->len;
    sim_decref(S, list);
    size_t cn;
    const char *cname = sim_str_data(S, sim_items(S, cls)[SIM_TY_NAME], &cn);
    if (v311)
        py_raise(I, EXC_TypeError, "Can't instantiate abstract class %.*s with abstract method%s %s", (int)cn, cname,
                 count == 1 ? "" : "s", buf_str(&names));
    else
        py_raise(I, EXC_TypeError,
                 "Can't instantiate abstract class %.*s without an implementation for abstract method%s %s",
                 (int)cn, cname, count == 1 ? "" : "s", buf_str(&names));
    buf_fini(&names);
    return false;
}

/* ---- what is refused on them ------------------------------------------------------------ */

bool abc_refused(PyRun *I, SimId cls, const char *what)
{
    if (!abc_is_abc_class(I, cls))
        return false;
    size_t cn;
    const char *cname = sim_str_data(S, sim_items(S, cls)[SIM_TY_NAME], &cn);
    return !py_not_modelled(I, 0, "%s of the ABC class '%.*s' (ABCMeta)", what, (int)cn, cname);
}

void abc_note_check(PyRun *I)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = "isinstance() or issubclass() with an ABC (its weak caches)";
    I->gc_count_unsure = true;
}

/* ---- the module ----------------------------------------------------------------------- */

static void abcmeta_init(PyRun *I, SimId d);

void abc_module_init(PyRun *I, SimId d)
{
    /* class ABC(metaclass=ABCMeta): __slots__ = () */
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "abc", 3));
    static const char doc[] = "Helper class that provides a standard way to create an ABC using\n"
                              "    inheritance.\n    ";
    bi_dict_put(I, ns, "__doc__", sim_str(S, doc, sizeof doc - 1));
    sim_incref(S, S->empty_tuple);
    bi_dict_put(I, ns, "__slots__", S->empty_tuple);
    SimId name = sim_str_intern(S, "ABC", 3);
    SimId bases = sim_tuple(S, 0);
    SimId cls = class_build(I, name, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, ns);
    sim_decref(S, name);
    if (!cls)
        return;
    sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_ABCMETA;
    SimId empty = sim_set(S);
    sim_obj(S, empty)->sub = SIM_SET_FROZEN;
    set_abstracts(I, cls, empty);
    bi_dict_put(I, d, "ABC", cls);
    abcmeta_init(I, d);
}

/* class ABCMeta(type): the metaclass, whose classes abc_class_made marks
 * as it does ABC's subclasses; its own attributes (register and the
 * rest) are refused as an ABC's are */
static void abcmeta_init(PyRun *I, SimId d)
{
    static const char doc311[] =
        "Metaclass for defining Abstract Base Classes (ABCs).\n\n"
        "        Use this metaclass to create an ABC.  An ABC can be subclassed\n"
        "        directly, and then acts as a mix-in class.  You can also register\n"
        "        unrelated concrete classes (even built-in classes) and unrelated\n"
        "        ABCs as 'virtual subclasses' -- these and their descendants will\n"
        "        be considered subclasses of the registering ABC by the built-in\n"
        "        issubclass() function, but the registering ABC won't show up in\n"
        "        their MRO (Method Resolution Order) nor will method\n"
        "        implementations defined by the registering ABC be callable (not\n"
        "        even via super()).\n        ";
    static const char doc313[] =
        "Metaclass for defining Abstract Base Classes (ABCs).\n\n"
        "Use this metaclass to create an ABC.  An ABC can be subclassed\n"
        "directly, and then acts as a mix-in class.  You can also register\n"
        "unrelated concrete classes (even built-in classes) and unrelated\n"
        "ABCs as 'virtual subclasses' -- these and their descendants will\n"
        "be considered subclasses of the registering ABC by the built-in\n"
        "issubclass() function, but the registering ABC won't show up in\n"
        "their MRO (Method Resolution Order) nor will method\n"
        "implementations defined by the registering ABC be callable (not\n"
        "even via super()).\n";
    bool v313 = S->prof->version >= SIM_V313; /* the compiler strips the docstring's indentation */
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "abc", 3));
    bi_dict_put(I, ns, "__doc__", v313 ? sim_str(S, doc313, sizeof doc313 - 1) : sim_str(S, doc311, sizeof doc311 - 1));
    SimId name = sim_str_intern(S, "ABCMeta", 7);
    SimId bases = sim_tuple(S, 1);
    sim_incref(S, S->type_type);
    sim_tuple_set(S, bases, 0, S->type_type);
    SimId cls = class_build(I, name, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, ns);
    sim_decref(S, name);
    if (!cls)
        return;
    sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_ABCMETA;
    I->abcmeta_type = cls; /* the module's reference */
    bi_dict_put(I, d, "ABCMeta", cls);
}

/* already imported by CPython's start-up: no traffic */
void abc_on_import(PyRun *I) { (void)I; }
