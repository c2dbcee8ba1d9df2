/*
 * builtins_dir: dir(obj) as object.__dir__ and type.__dir__ answer it — the
 * names of the object's own __dict__ and of every class in its MRO (for a
 * class: its MRO's), sorted.  The built-in types' names are CPython's own,
 * per version (cpython_names.c, read from the interpreters).  The walk runs
 * Python-level machinery in CPython (mappingproxies, a dict of the names,
 * an AttributeError looked up and dropped), so the young count after it is
 * refused until a gc.collect().  dir() without an argument lists a module's
 * or class body's namespace; inside a function, of a module, of an exception
 * or of a class with its own __dir__ it is refused.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/cpython_names.h"
#include "pyrun/types/types.h"

#define S (I->sim)

typedef struct Names {
    char **v;
    size_t n, cap;
} Names;

static void add(Names *ns, const char *s, size_t len)
{
    if (ns->n == ns->cap) {
        ns->cap = ns->cap ? 2 * ns->cap : 64;
        ns->v = realloc(ns->v, ns->cap * sizeof *ns->v);
    }
    ns->v[ns->n++] = strndup(s, len);
}

static void add_keys(PyRun *I, Names *ns, SimId dict)
{
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, dict, &pos, &k, &v))
        if (sim_kind(S, k) == SK_STR) {
            size_t len;
            const char *s = sim_str_data(S, k, &len);
            add(ns, s, len);
        }
}

/* the names CPython's built-in type `name` has under this profile */
static bool add_builtin_type(PyRun *I, Names *ns, const char *name)
{
    const CpyNameSet *set = cpython_type_names(name);
    if (!set)
        return false;
    for (size_t i = 0; i < set->n; i++)
        if (cpython_has(set, set->names[i].name, strlen(set->names[i].name), S->prof->version))
            add(ns, set->names[i].name, strlen(set->names[i].name));
    return true;
}

/* merge_class_dict over the MRO of cls (a program's class) */
static bool add_mro(PyRun *I, Names *ns, SimId cls)
{
    SimId mro = sim_items(S, cls)[SIM_TY_MRO];
    for (uint32_t i = 0; mro && i < sim_obj(S, mro)->len; i++) {
        SimId c = sim_items(S, mro)[i];
        bool program = sim_obj(S, c)->sub == SK_INSTANCE && (sim_type_word(S, c, SIM_TY_FLAGS) & SIM_TYF_HEAP);
        if (c == I->chainmap_type || c == I->fraction_type || chainview_is_class(I, c)) /* their ABC bases are */
            return py_not_modelled(I, 0, "dir() through %s (its abstract bases' names)", /* not the model's */
                                   c == I->chainmap_type   ? "collections.ChainMap"
                                   : c == I->fraction_type ? "fractions.Fraction"
                                                           : "a mapping view class");
        if (program) {
            if (sim_dict_get_str(S, SIM_V(S, c, SK_TYPE, type.dict), "__dir__"))
                return py_not_modelled(I, 0, "dir() of a class with its own __dir__");
            add_keys(I, ns, SIM_V(S, c, SK_TYPE, type.dict));
        } else if (sim_obj(S, c)->sub == SK_INSTANCE) { /* a built-in exception class */
            return py_not_modelled(I, 0, "dir() through an exception class");
        } else if (!add_builtin_type(I, ns, sim_type_obj_name(S, c))) {
            return py_not_modelled(I, 0, "dir() through the built-in type '%s'", sim_type_obj_name(S, c));
        }
    }
    return true;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* the sorted, distinct names as a list, grown as PySequence_List grows it */
static SimId names_list(PyRun *I, Names *ns)
{
    qsort(ns->v, ns->n, sizeof *ns->v, cmp_name);
    size_t n = 0;
    for (size_t i = 0; i < ns->n; i++)
        if (n == 0 || strcmp(ns->v[i], ns->v[n - 1]) != 0)
            ns->v[n++] = ns->v[i];
        else
            free(ns->v[i]);
    ns->n = n;
    SimId keys = sim_list(S, n); /* PyDict_Keys: exactly sized */
    for (size_t i = 0; i < n && i < sim_obj(S, keys)->len; i++) {
        SimId key = sim_str_intern(S, ns->v[i], strlen(ns->v[i]));
        sim_items(S, keys)[i] = key;
    }
    SimId result = sim_list(S, 0);
    bool ok = list_extend(I, result, keys);
    sim_decref(S, keys);
    if (!ok) {
        sim_decref(S, result);
        return 0;
    }
    return result;
}

/* dir() in a module or class body (_dir_locals): its namespace's keys as
 * PyDict_Keys lists them (a list of their number), sorted in place */
static SimId dir_scope(PyRun *I)
{
    Frame *f = I->ts->top;
    if (!f || !f->locals || sim_kind(S, f->locals) != SK_DICT)
        return py_not_modelled(I, 0, "dir() without an argument inside a function (its locals)"), (SimId)0;
    SimId d = f->locals, keys = sim_list(S, sim_obj(S, d)->len);
    uint32_t pos = 0, i = 0;
    SimId k, v;
    while (sim_dict_next(S, d, &pos, &k, &v)) {
        sim_incref(S, k);
        sim_list_set(S, keys, i++, k);
    }
    if (!bi_sort_list(I, keys, 0, false)) {
        sim_decref(S, keys);
        return 0;
    }
    return keys;
}

SimId builtin_dir(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "dir", n, 0, 1))
        return 0;
    if (n == 0)
        return dir_scope(I);
    SimId v = a[0];
    const SimObj *o = sim_obj(S, v);
    Names ns = {0};
    bool ok;
    if (o->kind == SK_INSTANCE && !exc_is_instance(I, v) && !sim_is_native(S, v) &&
        (sim_type_word(S, o->type, SIM_TY_FLAGS) & SIM_TYF_HEAP)) {
        SimId d = o->v.instance.dict, key, value;
        uint32_t pos = 0;
        ok = true;
        if (d) { /* its __dict__, once made: where its attributes are */
            while (ok && sim_dict_next(S, d, &pos, &key, &value)) {
                if (sim_kind(S, key) != SK_STR) {
                    ok = py_not_modelled(I, 0, "dir() of an object whose __dict__ has a key that is not a str");
                    continue;
                }
                size_t len;
                const char *text = sim_str_data(S, key, &len);
                add(&ns, text, len);
            }
        }
        for (uint32_t i = 0; !d && i < o->len; i++) { /* its own attributes */
            size_t len;
            const char *s = sim_str_data(S, sim_items(S, v)[2 * i], &len);
            add(&ns, s, len);
        }
        ok = ok && add_mro(I, &ns, o->type);
    } else if (o->kind == SK_TYPE && o->sub == SK_INSTANCE && (sim_type_word(S, v, SIM_TY_FLAGS) & SIM_TYF_HEAP)) {
        ok = add_mro(I, &ns, v);
    } else if (o->kind == SK_TYPE && o->sub != SK_INSTANCE &&
               cpython_type_names(sim_type_obj_name(S, v))) { /* a built-in type: its own names */
        ok = add_builtin_type(I, &ns, sim_type_obj_name(S, v));
    } else if (o->kind != SK_INSTANCE && o->kind != SK_TYPE && o->kind != SK_MODULE && !sim_is_subinst(S, v) &&
               o->kind != SK_FUNC) {
        ok = add_builtin_type(I, &ns, sim_type_name(S, v));
        if (!ok)
            py_not_modelled(I, 0, "dir() of a '%s'", op_typename(I, v));
    } else {
        ok = py_not_modelled(I, 0, "dir() of a '%s'", op_typename(I, v));
    }
    SimId r = ok ? names_list(I, &ns) : 0;
    for (size_t i = 0; i < ns.n; i++)
        free(ns.v[i]);
    free(ns.v);
    if (r) {
        I->gc_count_unsure = true;
        if (!I->count_unsure_what)
            I->count_unsure_what = "dir() (its walk through the class dictionaries)";
    }
    return r;
}
