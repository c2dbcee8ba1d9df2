/*
 * member: the descriptors type_new puts in a class (Objects/descrobject.c):
 * a member descriptor per name of __slots__ (the instance's slot value,
 * AttributeError while it is unset) and the getset descriptors of
 * __dict__ and __weakref__; instances whose class gives them no __dict__.
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool member_has_dict(PyRun *I, SimId inst)
{
    uint32_t f = sim_type_word(S, sim_obj(S, inst)->type, SIM_TY_FLAGS);
    return !(f & SIM_TYF_HEAP) || (f & SIM_TYF_DICT);
}

static const char *descr_name(PyRun *I, SimId d, size_t *n)
{
    return sim_str_data(S, sim_obj(S, d)->v.member.name, n);
}

/* member_get / PyMember_GetOne with T_OBJECT_EX */
SimId member_get(PyRun *I, SimId d, SimId obj)
{
    size_t n;
    const char *name = descr_name(I, d, &n);
    if (sim_kind(S, d) == SK_GETSET_DESCR) {
        if (sim_str_equals(S, sim_obj(S, d)->v.member.name, "__dict__"))
            return attr_get(I, obj, sim_obj(S, d)->v.member.name);
        SimId head = sim_obj(S, obj)->weaklist; /* subtype_getweakref: the list's head or None */
        head = head ? head : S->none;
        sim_incref(S, head);
        return head;
    }
    SimId *slots = sim_inst_slots(S, obj);
    uint32_t i = sim_obj(S, d)->cap;
    SimId v = slots ? slots[i] : 0;
    if (!v) {
        const char *tn = op_typename(I, obj); /* PyMember_GetOne: '%.200s' before 3.13 */
        py_raise(I, EXC_AttributeError, "'%.*s' object has no attribute '%.*s'", op_name_cut(I, tn, 200, 200, 0), tn,
                 (int)n, name);
        return 0;
    }
    sim_incref(S, v);
    return v;
}

/* member_set / PyMember_SetOne: value 0 deletes ("AttributeError: x" when unset) */
bool member_set(PyRun *I, SimId d, SimId obj, SimId value)
{
    size_t n;
    const char *name = descr_name(I, d, &n);
    if (sim_kind(S, d) == SK_GETSET_DESCR)
        return py_not_modelled(I, 0, "%s an instance's %.*s", value ? "assigning" : "deleting", (int)n, name);
    SimId *slots = sim_inst_slots(S, obj);
    uint32_t i = sim_obj(S, d)->cap;
    if (!slots)
        return py_not_modelled(I, 0, "a slot the instance has no room for");
    SimId old = slots[i];
    if (!value && !old) {
        py_raise(I, EXC_AttributeError, "%.*s", (int)n, name);
        return false;
    }
    if (value)
        sim_incref(S, value);
    slots[i] = value;
    sim_xdecref(S, old);
    return true;
}

/* PyObject_GenericSetAttr on an instance without a __dict__ */
bool member_no_dict(PyRun *I, SimId obj, SimId name)
{
    size_t n;
    const char *s = sim_str_data(S, name, &n);
    const char *tn = op_typename(I, obj);
    int tl = op_name_cut(I, tn, 100, 100, 100); /* '%.100s' */
    if (S->prof->version >= SIM_V313)
        py_raise(I, EXC_AttributeError, "'%.*s' object has no attribute '%.*s' and no __dict__ for setting new attributes",
                 tl, tn, (int)n, s);
    else
        py_raise(I, EXC_AttributeError, "'%.*s' object has no attribute '%.*s'", tl, tn, (int)n, s);
    return false;
}

void member_repr(PyRun *I, SimId d, Buf *out)
{
    size_t n, cn = 0;
    const char *name = descr_name(I, d, &n);
    SimId cls = sim_obj(S, d)->v.member.type;
    const char *cname = sim_str_data(S, sim_items(S, cls)[SIM_TY_NAME], &cn);
    buf_printf(out, "<%s '%.*s' of '%.*s' objects>", sim_kind(S, d) == SK_MEMBER_DESCR ? "member" : "attribute",
               (int)n, name, (int)cn, cname);
}

/* a descriptor's own attributes: __name__, __objclass__ */
SimId member_attr(PyRun *I, SimId d, SimId name, bool *found)
{
    *found = true;
    if (sim_str_equals(S, name, "__name__") || sim_str_equals(S, name, "__qualname__")) {
        SimId v = sim_obj(S, d)->v.member.name;
        if (sim_str_equals(S, name, "__qualname__"))
            return py_not_modelled(I, 0, "'%s.__qualname__'", sim_kind_name(sim_kind(S, d))), (SimId)0;
        sim_incref(S, v);
        return v;
    }
    if (sim_str_equals(S, name, "__objclass__")) {
        SimId v = sim_obj(S, d)->v.member.type;
        sim_incref(S, v);
        return v;
    }
    *found = false;
    return 0;
}
