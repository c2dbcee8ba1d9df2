/*
 * attrs: attribute access — instance attributes, class attributes and
 * methods (a plain function found on the class becomes a bound method, or
 * with LOAD_METHOD no object at all), function/module/cell attributes.
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/cpython_names.h"
#include "pyrun/modules/enum_int.h"
#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/threading.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const char *name_of(PyRun *I, SimId name, size_t *n) { return sim_str_data(S, name, n); }

/* The name as C text for the built-in tables: the str's own bytes, which
 * the model keeps NUL-terminated; "" (no built-in's name) for one with a
 * NUL inside, which would otherwise match its prefix. */
static const char *cname(PyRun *I, SimId name)
{
    size_t n;
    const char *nm = name_of(I, name, &n);
    return strlen(nm) == n ? nm : "";
}

static bool is(PyRun *I, SimId name, const char *text) { return sim_str_equals(S, name, text); }

SimId attr_no_such(PyRun *I, SimId obj, SimId name)
{
    size_t n;
    const char *nm = name_of(I, name, &n);
    SimKind k = sim_kind(S, obj);
    if (!modelled_attr_missing(I, obj, nm, n))
        return 0;
    if (k == SK_MODULE) {
        size_t mn;
        const char *mod = sim_str_data(S, SIM_V(S, obj, SK_MODULE, module.name), &mn);
        py_raise(I, EXC_AttributeError, "module '%.*s' has no attribute '%.*s'", (int)mn, mod, (int)n, nm);
        exc_context_set(I, name, obj, 0);
        suggest_for_attr(I, obj, name);
        if (S->prof->version == SIM_V311 && mn == 2 && memcmp(mod, "io", 2) == 0)
            io_getattr_miss_311(I, nm, n, true);
    } else if (k == SK_TYPE) {
        const char *tn = sim_obj(S, obj)->sub == SK_INSTANCE
                             ? sim_str_data(S, sim_items(S, obj)[0], &(size_t){0})
                             : sim_type_obj_name(S, obj);
        py_raise(I, EXC_AttributeError, "type object '%.*s' has no attribute '%.*s'", op_name_cut(I, tn, 50, 100, 100), tn,
                 (int)n, nm);
        exc_context_set(I, name, obj, 0);
    } else {
        const char *tn = op_typename(I, obj); /* PyObject_GenericGetAttr: '%.50s' in 3.11, '%.100s' after */
        py_raise(I, EXC_AttributeError, "'%.*s' object has no attribute '%.*s'", op_name_cut(I, tn, 50, 100, 100), tn, (int)n,
                 nm);
        exc_context_set(I, name, obj, 0);
        suggest_for_attr(I, obj, name);
    }
    return 0;
}

static SimId ret(PyRun *I, SimId v)
{
    if (!v)
        v = I->sim->none;
    sim_incref(S, v);
    return v;
}

/* A function's __dict__ or __annotations__, made on first use (func_get_dict,
 * func_get_annotations); annotations come as MAKE_FUNCTION's tuple of
 * (name, value) pairs, made a dict when first read (func_get_annotation_dict). */
SimId func_part(PyRun *I, SimId func, int part)
{
    SimId have = sim_items(S, func)[part];
    if (have && sim_kind(S, have) == SK_TUPLE) {
        SimId d = sim_dict(S);
        for (uint32_t i = 0; i + 1 < sim_obj(S, have)->len; i += 2) {
            SimId k = sim_items(S, have)[i], v = sim_items(S, have)[i + 1];
            sim_incref(S, k);
            sim_incref(S, v);
            sim_dict_set(S, d, k, v);
        }
        sim_items(S, func)[part] = d;
        sim_decref(S, have);
    } else if (!have) {
        SimId d = sim_dict(S);
        sim_items(S, func)[part] = d;
    }
    return sim_items(S, func)[part];
}

static SimId special_attr(PyRun *I, SimId obj, SimId name, bool *found)
{
    SimObj *o = sim_obj(S, obj);
    *found = true;
    switch ((SimKind)o->kind) {
    case SK_INSTANCE:
        if (exc_is_instance(I, obj)) { /* BaseException's members and getsets */
            char buf[32];
            size_t n;
            const char *nm = name_of(I, name, &n);
            if (n < sizeof buf) {
                memcpy(buf, nm, n);
                buf[n] = '\0';
                SimId r = exc_attr(I, obj, buf, found);
                if (*found)
                    return r;
                *found = true;
            }
        }
        if (is(I, name, "__dict__") && member_has_dict(I, obj))
            return ret(I, sim_instance_dict(S, obj));
        if (is(I, name, "__class__"))
            return ret(I, o->type);
        break;
    case SK_FUNC:
        if (is(I, name, "__name__") || is(I, name, "__qualname__")) {
            if (is(I, name, "__qualname__"))
                return ret(I, sim_items(S, obj)[0]);
            SimId given = sim_items(S, obj)[SIM_FN_FUNCNAME];
            return ret(I, given ? given : I->codes[o->v.func.code].name);
        }
        if (is(I, name, "__doc__"))
            return ret(I, sim_items(S, obj)[SIM_FN_DOC] ? sim_items(S, obj)[SIM_FN_DOC] : S->none);
        if (is(I, name, "__module__") && sim_items(S, obj)[SIM_FN_MODULE])
            return ret(I, sim_items(S, obj)[SIM_FN_MODULE]);
        if (is(I, name, "__type_params__") && S->prof->version != SIM_V311)
            return ret(I, sim_items(S, obj)[SIM_FN_TYPEPARAMS] ? sim_items(S, obj)[SIM_FN_TYPEPARAMS]
                                                                 : S->empty_tuple);
        if (is(I, name, "__closure__"))
            return ret(I, sim_items(S, obj)[2]);
        if (is(I, name, "__code__"))
            return code_object(I, o->v.func.code);
        if (is(I, name, "__defaults__"))
            return ret(I, sim_items(S, obj)[SIM_FN_DEFAULTS]);
        if (is(I, name, "__kwdefaults__"))
            return ret(I, sim_items(S, obj)[SIM_FN_KWDEFAULTS]);
        if (is(I, name, "__globals__"))
            return ret(I, o->v.func.globals);
        if (is(I, name, "__module__"))
            return sim_str_intern(S, "__main__", 8);
        if (is(I, name, "__dict__") || is(I, name, "__annotations__")) /* made on first use */
            return ret(I, func_part(I, obj, is(I, name, "__dict__") ? SIM_FN_DICT : SIM_FN_ANNOTATIONS));
        break;
    case SK_PROPERTY:
        if (is(I, name, "fget") || is(I, name, "fset") || is(I, name, "fdel"))
            return ret(I, sim_items(S, obj)[is(I, name, "fget") ? 0 : is(I, name, "fset") ? 1 : 2]);
        if (is(I, name, "__doc__") && sim_obj(S, obj)->sub == PROP_DOC_UNKNOWN)
            return py_not_modelled(I, 0, "the __doc__ a property takes from a getter that is not a Python function"),
                   (SimId)0;
        if (is(I, name, "__doc__")) /* the prop_doc member: None when NULL */
            return ret(I, sim_items(S, obj)[3] ? sim_items(S, obj)[3] : S->none);
        break;
    case SK_CLASSMETHOD: case SK_STATICMETHOD:
        if (is(I, name, "__func__") || is(I, name, "__wrapped__"))
            return ret(I, o->v.descr.func);
        if (is(I, name, "__dict__"))
            return ret(I, o->v.descr.dict);
        if (is(I, name, "__doc__")) /* the function's docstring: the model keeps none */
            return py_not_modelled(I, 0, "'%s.__doc__'", sim_kind_name((SimKind)o->kind)), (SimId)0;
        if (o->v.descr.dict && sim_dict_get(S, o->v.descr.dict, name))
            return ret(I, sim_dict_get(S, o->v.descr.dict, name));
        break;
    case SK_MEMBER_DESCR: case SK_GETSET_DESCR:
        return member_attr(I, obj, name, found);
    case SK_METHOD: {
        if (is(I, name, "__self__"))
            return ret(I, o->v.method.self);
        if (is(I, name, "__func__"))
            return ret(I, o->v.method.func);
        size_t n;
        const char *nm = name_of(I, name, &n);
        if (is(I, name, "__doc__") || /* method_get_doc */
            !cpython_has(cpython_type_names("method"), nm, n, S->prof->version)) /* method_getattro: the function's */
            return attr_get(I, o->v.method.func, name);
        break;
    }
    case SK_TYPE:
        if (is(I, name, "__name__")) {
            if (o->sub == SK_INSTANCE)
                return ret(I, sim_items(S, obj)[0]);
            const char *tn = sim_type_obj_name(S, obj);
            const char *dot = strrchr(tn, '.'); /* tp_name "weakref.ReferenceType" */
            tn = dot ? dot + 1 : tn;
            return sim_str(S, tn, strlen(tn));
        }
        if ((is(I, name, "__mro__") || is(I, name, "__bases__") || is(I, name, "__base__")) && I->chainmap_type &&
            (obj == I->chainmap_type || (is(I, name, "__mro__") && sim_is_subtype(S, obj, I->chainmap_type))))
            return py_not_modelled(I, 0, "the bases of collections.ChainMap (collections.abc's MutableMapping ...)"),
                   (SimId)0;
        if ((is(I, name, "__mro__") || is(I, name, "__bases__") || is(I, name, "__base__")) && I->fraction_type &&
            (obj == I->fraction_type || (is(I, name, "__mro__") && sim_is_subtype(S, obj, I->fraction_type))))
            return py_not_modelled(I, 0, "the bases of fractions.Fraction (numbers.Rational ...)"), (SimId)0;
        if ((is(I, name, "__mro__") || is(I, name, "__bases__") || is(I, name, "__base__")) &&
            chainview_is_class(I, obj))
            return py_not_modelled(I, 0, "the bases of a mapping view class (collections.abc's MappingView, Set ...)"),
                   (SimId)0;
        if (is(I, name, "__mro__") && o->sub == SK_INSTANCE)
            return ret(I, sim_items(S, obj)[SIM_TY_MRO]);
        if (is(I, name, "__dict__") && o->sub == SK_INSTANCE &&
            (sim_type_word(S, obj, SIM_TY_FLAGS) & (SIM_TYF_HEAP | SIM_TYF_EXC_HEAP | SIM_TYF_NATIVE)) == SIM_TYF_HEAP)
            return proxy_new(I, o->v.type.dict); /* type_dict: a new mappingproxy each time */
        if (is(I, name, "__dict__")) /* type's own data descriptor wins over the class's */
            return py_not_modelled(I, 0, "'%s.__dict__' (a mappingproxy)",
                                   o->sub == SK_INSTANCE ? sim_str_data(S, sim_items(S, obj)[SIM_TY_NAME], &(size_t){0})
                                                         : sim_kind_name((SimKind)o->sub)), (SimId)0;
        if (o->sub == SK_INSTANCE && (sim_type_word(S, obj, SIM_TY_FLAGS) & SIM_TYF_HEAP)) {
            if (is(I, name, "__bases__"))
                return ret(I, sim_items(S, obj)[SIM_TY_BASES]);
            if (is(I, name, "__base__"))
                return ret(I, o->v.type.base                              ? o->v.type.base
                              : sim_type_word(S, obj, SIM_TY_KIND) ? S->types[sim_type_word(S, obj, SIM_TY_KIND)]
                                                                   : S->type_object);
            if (is(I, name, "__qualname__"))
                return ret(I, sim_items(S, obj)[SIM_TY_QUALNAME]);
        }
        if (!(o->sub == SK_INSTANCE && (sim_type_word(S, obj, SIM_TY_FLAGS) & SIM_TYF_HEAP))) {
            SimId r = static_type_attr(I, obj, cname(I, name), found);
            if (*found)
                return r;
        }
        break;
    case SK_BUILTIN: {
        SimId r = builtin_callable_attr(I, obj, cname(I, name), found);
        if (*found)
            return r;
        break;
    }
    case SK_CELL:
        if (is(I, name, "cell_contents")) {
            if (!o->v.cell.ref) {
                py_raise(I, EXC_ValueError, "Cell is empty");
                return 0;
            }
            return ret(I, o->v.cell.ref);
        }
        break;
    case SK_STRINGIO:
        if (is(I, name, "closed"))
            return sim_bool(S, (o->sub & 1) != 0);
        break;
    case SK_ARRAY:
        if (is(I, name, "itemsize"))
            return sim_int(S, sim_array_itemsize((char)o->sub));
        if (is(I, name, "typecode"))
            return sim_str(S, (const char *)&o->sub, 1);
        break;
    case SK_WEAKREF:
        if (is(I, name, "__callback__"))
            return ret(I, o->v.weakref.callback);
        break;
    case SK_RANGE:
        if (is(I, name, "start") || is(I, name, "stop") || is(I, name, "step"))
            return range_member(I, obj, is(I, name, "start") ? 0 : is(I, name, "stop") ? 1 : 2);
        break;
    case SK_INT: case SK_BOOL: case SK_FLOAT:
    case SK_DEQUE: case SK_GEN: case SK_TRACEBACK: case SK_FRAME: case SK_CODE: case SK_COMPLEX: {
        size_t n;
        char buf[32];
        const char *nm = name_of(I, name, &n);
        if (n >= sizeof buf)
            break;
        memcpy(buf, nm, n);
        buf[n] = '\0';
        if (o->kind == SK_CODE)
            return code_attr(I, obj, buf, found);
        if (o->kind == SK_COMPLEX)
            return complex_attr(I, obj, buf, found);
        if (o->kind == SK_INT || o->kind == SK_BOOL || o->kind == SK_FLOAT)
            return number_attr(I, obj, buf, found);
        if (o->kind == SK_DEQUE)
            return deque_attr(I, obj, buf, found);
        return o->kind == SK_GEN ? generator_attr(I, obj, buf, found) : tb_attr(I, obj, buf, found);
    }
    default:
        break;
    }
    *found = false;
    return 0;
}

/* StopIteration.value: its first argument, or None */
static SimId stop_value(PyRun *I, SimId e)
{
    SimId args = exc_args(I, e);
    if (args && sim_kind(S, args) == SK_TUPLE && sim_obj(S, args)->len > 0)
        return ret(I, sim_items(S, args)[0]);
    return ret(I, S->none);
}

/* PyObject_GenericGetAttr (object.__getattribute__) */
SimId attr_get_generic(PyRun *I, SimId obj, SimId name)
{
    if (sim_is_subinst(S, obj))
        return subinst_attr_get(I, obj, name);
    bool found;
    SimId r = special_attr(I, obj, name, &found);
    if (found)
        return r;
    SimObj *o = sim_obj(S, obj);
    if (o->kind != SK_INSTANCE && is(I, name, "__class__") && !(o->kind == SK_WEAKREF && o->sub >= SIM_WR_PROXY))
        return type_of_object(I, obj); /* object.__class__ */
    if (is(I, name, "__hash__") && (o->kind == SK_LIST || o->kind == SK_DICT || o->kind == SK_BYTEARRAY ||
                                     (o->kind == SK_SET && o->sub != SIM_SET_FROZEN)))
        return ret(I, S->none); /* list.__hash__ is None: unhashable */
    const char *buf = NULL; /* cname(), when a built-in table is asked */
    if (sim_is_native(S, obj)) { /* partial.func, an lru_cache wrapper's cache_info ... */
        SimId got = native_attr(I, obj, name, &found);
        if (found)
            return got;
    }
    switch ((SimKind)o->kind) {
    case SK_INSTANCE: {
        /* PyObject_GenericGetAttr: a data descriptor (property) first, then
         * the instance's own attributes, then the class's */
        SimId c = sim_type_lookup_str(S, o->type, name);
        if (c && sim_kind(S, c) == SK_PROPERTY)
            return descr_get(I, c, obj, o->type);
        if (c && (sim_kind(S, c) == SK_MEMBER_DESCR || sim_kind(S, c) == SK_GETSET_DESCR))
            return member_get(I, c, obj);
        int ud = c ? udescr_kind(I, c) : UDESCR_NONE; /* a descriptor written in Python */
        if (ud == UDESCR_DATA || ud == UDESCR_REFUSED)
            return udescr_get(I, c, obj, o->type);
        SimId v = sim_attr_get(S, obj, name);
        if (v)
            return ret(I, v);
        if (ud == UDESCR_NONDATA)
            return udescr_get(I, c, obj, o->type);
        if (c) {
            SimKind ck = sim_kind(S, c);
            if (ck == SK_FUNC) {
                sim_incref(S, c);
                sim_incref(S, obj);
                return sim_method(S, c, obj);
            }
            if (weakref_native_method(I, c)) { /* a method of weakref's classes, bound */
                sim_incref(S, obj);
                return sim_builtin(S, SIM_V(S, c, SK_BUILTIN, builtin.index), obj);
            }
            if (ck == SK_CLASSMETHOD || ck == SK_STATICMETHOD)
                return descr_get(I, c, obj, sim_obj(S, obj)->type);
            if (ck == SK_BUILTIN && builtins_refuse_foreign_descriptor(I, c, obj))
                return 0;
            return ret(I, c);
        }
        buf = cname(I, name);
        if (strcmp(buf, "value") == 0 && sim_is_subtype(S, o->type, exc_class(I, EXC_StopIteration)))
            return stop_value(I, obj);
        if (exc_is_instance(I, obj) && (v = exc_method(I, obj, buf)) != 0)
            return v;
        if (exc_is_instance(I, obj) && dunder_inherits_object(SK_INSTANCE, buf) && class_object_slot(I, buf) >= 0) {
            /* e.__sizeof__: object's, which BaseException does not override */
            return bi_bind(I, (uint32_t)class_object_slot(I, buf), obj);
        }
        if ((sim_type_word(S, o->type, SIM_TY_FLAGS) & SIM_TYF_HEAP) && class_object_slot(I, buf) >= 0) {
            /* object's slot wrapper (a method-wrapper) or method (a built-in method) */
            return bi_bind(I, (uint32_t)class_object_slot(I, buf), obj);
        }
        break;
    }
    case SK_TYPE:
        buf = cname(I, name);
        if (o->sub == SK_ITER) { /* itertools.chain.from_iterable */
            SimId c = itertools_type_attr(I, obj, buf);
            if (c)
                return c;
        }
        if (o->sub == SK_INSTANCE) {
            bool mfound;
            SimId meta = o->type; /* o is not read past the metaclass's code, which may move the records */
            SimId mv = meta ? metaclass_attr(I, obj, name, true, &mfound) : 0; /* a metaclass's data descriptor */
            if (meta && mfound)
                return mv;
            o = sim_obj(S, obj);
            SimId c = sim_type_lookup_str(S, obj, name);
            if (!c && meta && (mv = metaclass_attr(I, obj, name, false, &mfound), mfound))
                return mv; /* the metaclass's other attributes */
            o = sim_obj(S, obj);
            if (c && sim_kind(S, c) == SK_PROPERTY && namedtuple_field(I, obj, name) >= 0)
                return py_not_modelled(I, 0, "a namedtuple's field descriptor read on its class (a "
                                       "_tuplegetter in CPython)"), (SimId)0;
            if (c && (sim_kind(S, c) == SK_CLASSMETHOD || sim_kind(S, c) == SK_STATICMETHOD))
                return descr_get(I, c, 0, obj);
            if (c && sim_kind(S, c) == SK_BUILTIN && !SIM_V(S, c, SK_BUILTIN, builtin.self) &&
                bi_def(SIM_V(S, c, SK_BUILTIN, builtin.index))->classmethod) { /* OrderedDict.fromkeys: bound to the class */
                sim_incref(S, obj);
                return sim_builtin(S, SIM_V(S, c, SK_BUILTIN, builtin.index), obj);
            }
            if (c && udescr_kind(I, c) != UDESCR_NONE && udescr_kind(I, c) != UDESCR_DATA_NOGET)
                return udescr_get(I, c, 0, obj); /* __get__(None, cls) */
            if (c && S->prof->version == SIM_V311 && !I->enum_member_read && enum_is_member(I, c)) {
                /* 3.11's enum.property.__get__ runs: its first run moves the young
                 * count by one the model has not found */
                I->enum_member_read = true;
                enum_note(I, "the program's first read of an Enum member through its class (3.11)");
            }
            if (c)
                return ret(I, c);
            if (exc_is_class(I, obj) && (c = exc_method(I, 0, buf)) != 0)
                return c; /* BaseException.__init__ and the like, unbound */
            SimKind lay = (SimKind)sim_type_word(S, obj, SIM_TY_KIND);
            int idx = lay ? bi_method_of_kind(lay, buf) : -1;
            if (idx >= 0 && !bi_method_in_profile(I, idx))
                idx = -1;
            if (idx >= 0 && bi_def((uint32_t)idx)->classmethod) /* it would make the subclass's instance */
                return py_not_modelled(I, 0, "'%s.%s' read on a subclass", sim_kind_name(lay), buf), (SimId)0;
            if (idx >= 0) /* Stack.append: list's method descriptor, found along the MRO */
                return builtins_descriptor(I, S->types[lay], (uint32_t)idx);
        }
        bool object_root = (o->sub != SK_INSTANCE && !(obj == S->type_type && bi_method_of_kind(SK_TYPE, buf) >= 0)) ||
                           (sim_type_word(S, obj, SIM_TY_FLAGS) & SIM_TYF_HEAP); /* type.__init__ is type's own */
        if (object_root && class_object_slot(I, buf) >= 0 &&
            !((o->sub == SK_LIST || o->sub == SK_DICT || o->sub == SK_TUPLE || o->sub == SK_STR || o->sub == SK_BYTES ||
               o->sub == SK_SET || o->sub == SK_INT || o->sub == SK_FLOAT) &&
              bi_method_of_kind(o->sub, buf) >= 0)) /* object.__setattr__ ...: a slot wrapper; tuple.__eq__ its own */
            return ret(I, I->builtin_methods[class_object_slot(I, buf)]);
        if (o->sub != SK_INSTANCE && o->sub != SK_ITER && o->cap == SIM_XT_NONE) { /* str.lower: its method descriptor */
            int idx = bi_method_of_kind(o->sub, buf);
            if (idx >= 0 && !bi_method_in_profile(I, idx))
                idx = -1;
            if (idx >= 0 && (obj == S->type_type || bi_def((uint32_t)idx)->owner != SK_TYPE) &&
                bi_slot_wrapper(bi_def((uint32_t)idx)))
                return ret(I, I->builtin_methods[idx]); /* type.__init__, list.__len__: a slot wrapper */
            if (idx >= 0)
                return builtins_descriptor(I, obj, (uint32_t)idx);
        }
        {
            int idx = builtin_method_index(I, obj, buf); /* type.mro */
            if (idx >= 0 && obj != S->type_type && strcmp(buf, "__new__") == 0) /* object.__new__ comes first */
                idx = -1;
            if (idx >= 0) {
                sim_incref(S, obj);
                return sim_builtin(S, (uint32_t)idx, obj);
            }
        }
        break;
    case SK_FUNC: {
        SimId d = sim_items(S, obj)[SIM_FN_DICT];
        SimId v = d ? sim_dict_get(S, d, name) : 0;
        if (v)
            return ret(I, v);
        break;
    }
    case SK_MODULE: {
        SimId v = sim_dict_get(S, o->v.module.dict, name);
        if (!v && is(I, name, "__name__")) /* the model's module dicts hold no dunders */
            v = o->v.module.name;
        if (v)
            return ret(I, v);
        break;
    }
    case SK_DICTVIEW:
        if (o->sub == SIM_VIEW_PROXY) {
            bool has;
            SimId v = proxy_attr(I, obj, cname(I, name), &has);
            if (has)
                return v;
        }
        break;
    default: {
        int idx = builtin_method_index(I, obj, cname(I, name));
        if (idx >= 0)
            return bi_bind(I, (uint32_t)idx, obj);
    }
    }
    return attr_no_such(I, obj, name);
}

/* ---- a class's own __getattribute__ / __getattr__ / __setattr__ / __delattr__ -- */

/* the hook `name` obj's class has when its flags say it may have one */
static SimId hook(PyRun *I, SimId obj, uint32_t flag, const char *name)
{
    if ((sim_kind(S, obj) != SK_INSTANCE && !sim_is_subinst(S, obj)) ||
        !(sim_type_word(S, sim_obj(S, obj)->type, SIM_TY_FLAGS) & flag))
        return 0;
    return sim_type_lookup(S, sim_obj(S, obj)->type, name);
}

/* a built-in type's method read on its type (dict.__getitem__): a method
 * descriptor, as `__getattr__ = dict.__getitem__` stores it */
static bool method_descriptor(PyRun *I, SimId fn)
{
    if (sim_kind(S, fn) != SK_BUILTIN || SIM_V(S, fn, SK_BUILTIN, builtin.self))
        return false;
    const BuiltinDef *d = bi_def(SIM_V(S, fn, SK_BUILTIN, builtin.index));
    return d && d->owner;
}

/* call_attribute: 3.11 binds the function to obj (a method object, or a
 * built-in method) and calls that with name; 3.12+ call a method
 * descriptor with (obj, name) */
static SimId call_attribute(PyRun *I, SimId obj, SimId fn, SimId name)
{
    if (sim_kind(S, fn) != SK_FUNC && !method_descriptor(I, fn))
        return py_not_modelled(I, 0, "a __getattr__ or __getattribute__ that is not a plain function"), (SimId)0;
    if (S->prof->version >= SIM_V312) {
        SimId args[2] = {obj, name};
        return vm_call(I, fn, args, 2);
    }
    if (sim_kind(S, fn) == SK_BUILTIN && sim_kind(S, obj) == SK_INSTANCE && builtins_refuse_foreign_descriptor(I, fn, obj))
        return 0; /* method_get's descr_check */
    sim_incref(S, obj);
    if (sim_kind(S, fn) == SK_BUILTIN) { /* method_get: <built-in method __getitem__ of AttrDict object> */
        SimId m = sim_builtin(S, SIM_V(S, fn, SK_BUILTIN, builtin.index), obj);
        SimId r = vm_call(I, m, &name, 1);
        sim_decref(S, m);
        return r;
    }
    sim_incref(S, fn);
    SimId m = sim_method(S, fn, obj);
    SimId r = vm_call(I, m, &name, 1);
    sim_decref(S, m);
    return r;
}

/* slot_tp_getattr_hook: __getattribute__ (or the generic lookup), then
 * __getattr__ when that raised AttributeError */
SimId attr_get(PyRun *I, SimId obj, SimId name)
{
    bool handled;
    if (!threading_local_check(I, obj, name, false)) /* a threading.local's __init__ owed to this thread */
        return 0;
    SimId wr = weakref_getattr(I, obj, name, &handled); /* proxies, weakref's classes */
    if (handled)
        return wr;
    SimId ga = hook(I, obj, SIM_TYF_GETATTR, "__getattribute__"), gat = hook(I, obj, SIM_TYF_GETATTR, "__getattr__");
    if (!ga && !gat)
        return attr_get_generic(I, obj, name);
    SimId r = ga ? call_attribute(I, obj, ga, name) : attr_get_generic(I, obj, name);
    if (!r && gat && py_err_matches(I, EXC_AttributeError)) {
        py_err_clear(I);
        r = call_attribute(I, obj, gat, name);
    }
    return r;
}

/* slot_tp_setattro: the class's __setattr__(self, name, value) or
 * __delattr__(self, name), called unbound */
static int set_hook(PyRun *I, SimId obj, SimId name, SimId value)
{
    SimId fn = hook(I, obj, SIM_TYF_SETATTR, value ? "__setattr__" : "__delattr__");
    if (!fn)
        return -1;
    if (weakref_native_method(I, fn)) { /* a frozen dataclass's */
        SimId rest[2] = {name, value};
        SimId r = weakref_native_call(I, fn, obj, rest, value ? 2 : 1, 0);
        if (!r)
            return 0;
        sim_decref(S, r);
        return 1;
    }
    if (sim_kind(S, fn) != SK_FUNC && !method_descriptor(I, fn)) /* vectorcall_method: unbound, (obj, name[, value]) */
        return py_not_modelled(I, 0, "a __setattr__ or __delattr__ that is not a plain function");
    SimId args[3] = {obj, name, value};
    SimId r = vm_call(I, fn, args, value ? 3 : 2);
    if (!r)
        return 0;
    sim_decref(S, r);
    return 1;
}

bool attr_set(PyRun *I, SimId obj, SimId name, SimId value)
{
    if (!threading_local_check(I, obj, name, true))
        return false;
    int w = weakref_setattr(I, obj, name, value);
    if (w >= 0)
        return w == 1;
    int h = set_hook(I, obj, name, value);
    return h < 0 ? attr_set_generic(I, obj, name, value) : h == 1;
}

bool attr_del(PyRun *I, SimId obj, SimId name)
{
    if (!threading_local_check(I, obj, name, true))
        return false;
    int w = weakref_setattr(I, obj, name, 0);
    if (w >= 0)
        return w == 1;
    int h = set_hook(I, obj, name, 0);
    return h < 0 ? attr_del_generic(I, obj, name) : h == 1;
}

bool attr_method(PyRun *I, SimId obj, SimId name, SimId *a, SimId *b)
{
    /* _PyObject_GetMethod: a class with its own tp_getattro gets a bound method */
    bool hooked = hook(I, obj, SIM_TYF_GETATTR, "__getattribute__") || hook(I, obj, SIM_TYF_GETATTR, "__getattr__");
    if (sim_is_subinst(S, obj) && !hooked)
        return subinst_method(I, obj, name, a, b);
    SimObj *o = sim_obj(S, obj);
    if (o->kind == SK_INSTANCE && !hooked && !sim_attr_get(S, obj, name) && !o->v.instance.dict) {
        SimId c = sim_type_lookup_str(S, o->type, name);
        if (c && (sim_kind(S, c) == SK_FUNC || weakref_native_method(I, c))) {
            sim_incref(S, c);
            *a = c;
            *b = obj; /* the stack's reference moves */
            return true;
        }
    } else if (!hooked && o->kind != SK_INSTANCE && o->kind != SK_TYPE && o->kind != SK_MODULE) {
        int idx = builtin_method_index(I, obj, cname(I, name));
        if (idx >= 0) {
            *a = I->builtin_methods[idx];
            sim_incref(S, *a);
            *b = obj;
            return true;
        }
    }
    SimId r = attr_get(I, obj, name);
    if (!r)
        return false;
    *a = 0;
    *b = r;
    sim_decref(S, obj);
    return true;
}
