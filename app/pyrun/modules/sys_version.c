/*
 * sys_version: sys.version_info and sys.hexversion of the profile's
 * interpreter (3.11.7, 3.12.1, 3.13.0: SimProfile.measured).
 *
 * version_info is a struct sequence (Objects/structseq.c): an instance of
 * the type `sys.version_info`, a subclass of tuple with five items, all in
 * the sequence, no __dict__ and no weakref slot, so it is the size of a
 * 5-tuple (80 bytes); PyStructSequence_New never tracks it.  It indexes,
 * slices (a plain tuple), compares and hashes as its tuple; its fields are
 * read-only member descriptors (major, minor, micro, releaselevel,
 * serial); its repr names them.  sys.version is refused (its build date and
 * compiler are the build's, not the profile's).
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"
#include "sim/trace.h"

#define S (I->sim)

static const char *const fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
#define NFIELDS 5

bool sys_version_is(PyRun *I, SimId v)
{
    return I->version_info_type && sim_is_subinst(S, v) && sim_obj(S, v)->type == I->version_info_type;
}

static void version_numbers(PyRun *I, int out[3])
{
    out[0] = 3, out[1] = 11, out[2] = 0;
    sscanf(S->prof->measured, "%d.%d.%d", &out[0], &out[1], &out[2]);
}

static SimId make_type(PyRun *I)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "sys", 3));
    SimId name = sim_str_intern(S, "version_info", 12);
    sim_incref(S, name);
    SimId bases = sim_tuple(S, 1);
    sim_incref(S, S->types[SK_TUPLE]);
    sim_tuple_set(S, bases, 0, S->types[SK_TUPLE]);
    SimId mro[2] = {S->types[SK_TUPLE], S->type_object};
    SimClassSpec spec = {.name = name, .qualname = name, .bases = bases, .dict = ns, .best = 0,
                         .mro = mro, .nmro = 2, .layout = SK_TUPLE};
    SimId cls = sim_class_new(S, &spec);
    if (sim_obj(S, cls)->data)
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
    /* a static type in CPython: neither it nor what it holds is tracked, and
     * no weak reference of the program's heap names it */
    if (sim_obj(S, cls)->data) {
        SimId key = sim_type_word(S, cls, SIM_TY_SUBKEY), ref = sim_type_word(S, cls, SIM_TY_SUBREF);
        sim_items(S, cls)[SIM_TY_SUBKEY] = sim_items(S, cls)[SIM_TY_SUBREF] = 0;
        sim_xdecref(S, key);
        sim_xdecref(S, ref);
    }
    SimId parts[] = {cls, sim_type_word(S, cls, SIM_TY_MRO), sim_type_word(S, cls, SIM_TY_BASES),
                     SIM_V(S, cls, SK_TYPE, type.dict)};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (parts[i] && sim_is_tracked(S, parts[i]))
            sim_untrack(S, parts[i]);
    return cls;
}

/* The references CPython's start-up leaves on sys.version_info beyond the
 * sys dict's (measured: sys.getrefcount of it through one name is 5 on
 * 3.11.7, 4 on 3.12.1 and 3.13.0) */
int sys_version_startup_refs(const PyRun *I) { return I->sim->prof->version == SIM_V311 ? 2 : 1; }

int sys_text_startup_refs(const PyRun *I) { return I->sim->prof->version == SIM_V311 ? 1 : 0; }

void sys_version_init(PyRun *I, SimId sysdict)
{
    int v[3];
    version_numbers(I, v);
    I->version_info_type = make_type(I);
    SimId info = sim_subinst_new(S, I->version_info_type, NFIELDS);
    for (int i = 0; i < 3; i++)
        sim_tuple_set(S, info, (size_t)i, sim_int(S, v[i]));
    sim_tuple_set(S, info, 3, sim_str_intern(S, "final", 5));
    sim_tuple_set(S, info, 4, sim_int(S, 0));
    sim_untrack(S, info); /* PyStructSequence_New does not track it */
    for (int i = 0; i < sys_version_startup_refs(I); i++)
        sim_incref(S, info);
    I->version_info = info;
    bi_dict_put(I, sysdict, "version_info", info);
    /* sys.byteorder and sys.platform: new strs (not the interned literals);
     * 3.11's start-up leaves one more reference on them (measured: `b =
     * sys.byteorder; sys.getrefcount(b)` is 4 on 3.11, 3 on 3.12 and 3.13).
     * Their blocks are in the measured start-up heap already: none of
     * their own */
    static const char *const text[2][2] = {{"byteorder", "little"}, {"platform", "linux"}};
    for (int k = 0; k < 2; k++) {
        PmTraceFn tr = sim_trace_pause(S);
        SimId t = sim_str(S, text[k][1], strlen(text[k][1]));
        pm_free(&S->pm, sim_obj(S, t)->mem);
        sim_trace_resume(S, tr);
        sim_obj(S, t)->mem = PM_NULL;
        for (int i = 0; i < sys_text_startup_refs(I); i++)
            sim_incref(S, t);
        I->sys_text[k] = t;
        bi_dict_put(I, sysdict, text[k][0], t);
    }
    bi_dict_put(I, sysdict, "hexversion", sim_int(S, (int64_t)v[0] << 24 | v[1] << 16 | v[2] << 8 | 0xf0));
}

bool sys_version_repr(PyRun *I, SimId v, Buf *out)
{
    buf_adds(out, "sys.version_info(");
    for (int i = 0; i < NFIELDS; i++) {
        buf_printf(out, "%s%s=", i ? ", " : "", fields[i]);
        if (!op_repr(I, sim_items(S, v)[i], out))
            return false;
    }
    buf_addc(out, ')');
    return true;
}

SimId sys_version_attr(PyRun *I, SimId v, SimId name, bool *found)
{
    *found = true;
    for (int i = 0; i < NFIELDS; i++)
        if (sim_str_equals(S, name, fields[i])) {
            SimId x = sim_items(S, v)[i];
            sim_incref(S, x);
            return x;
        }
    if (sim_str_equals(S, name, "n_fields") || sim_str_equals(S, name, "n_sequence_fields"))
        return sim_int(S, NFIELDS);
    if (sim_str_equals(S, name, "n_unnamed_fields"))
        return sim_int(S, 0);
    *found = false;
    return 0;
}

bool sys_version_setattr(PyRun *I, SimId v, SimId name)
{
    (void)v;
    for (int i = 0; i < NFIELDS; i++)
        if (sim_str_equals(S, name, fields[i])) {
            py_raise(I, EXC_AttributeError, "readonly attribute");
            return false;
        }
    size_t n;
    const char *nm = sim_str_data(S, name, &n);
    py_raise(I, EXC_AttributeError, "'sys.version_info' object has no attribute '%.*s'%s", (int)n, nm,
             S->prof->version >= SIM_V313 ? " and no __dict__ for setting new attributes" : "");
    return false;
}

bool sys_version_no_new(PyRun *I)
{
    py_raise(I, EXC_TypeError, "cannot create 'sys.version_info' instances");
    return false;
}
