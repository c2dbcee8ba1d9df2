/*
 * exc_layout: the built-in exceptions whose instances are larger than
 * BaseException's 72 bytes — AttributeError's obj and name, NameError's
 * name, ImportError's msg, name, path (and from 3.12 name_from),
 * StopIteration's value, SystemExit's code, OSError's five words,
 * SyntaxError's eight, the Unicode errors' five, BaseExceptionGroup's two
 * (Objects/exceptions.c, Include/cpython/pyerrors.h). Their words follow
 * BaseException's fields in the model's exception (sim/exc.c), in the
 * order their traverse functions visit them; an attribute reads None until
 * set. Here: how many words a class has, what its tp_init sets from the
 * arguments, and the attributes a program reads and writes.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

typedef struct Layout {
    ExcType root;
    const char *kwonly[3];  /* its __init__'s keyword-only arguments, in order */
    const char *fields[8];  /* attribute of each word; "" a word no attribute reads as an object */
    bool refused;           /* attributes not modelled: reading one is refused */
} Layout;

static const Layout layouts[] = {
    {EXC_AttributeError, {"name", "obj"}, {"obj", "name"}, false},
    {EXC_NameError, {"name"}, {"name"}, false},
    {EXC_ImportError, {"name", "path", "name_from"}, {"msg", "name", "path", "name_from"}, false},
    {EXC_StopIteration, {NULL}, {"value"}, false},
    {EXC_SystemExit, {NULL}, {"code"}, false},
    {EXC_OSError, {NULL}, {"errno", "strerror", "filename", "filename2", ""}, false},
    {EXC_SyntaxError, {NULL},
     {"msg", "filename", "lineno", "offset", "end_lineno", "end_offset", "text", "print_file_and_line"}, false},
    {EXC_UnicodeDecodeError, {NULL}, {"encoding", "object", "", "", "reason"}, false}, /* exc_unicode.c */
    {EXC_UnicodeEncodeError, {NULL}, {"encoding", "object", "", "", "reason"}, false}, /* exc_unicode.c */
    {EXC_UnicodeTranslateError, {NULL}, {"encoding", "object", "", "", "reason"}, true},
    {EXC_BaseExceptionGroup, {NULL}, {"message", "exceptions"}, false},
};

/* ImportError's name_from (field and keyword) is 3.12's */
static bool in_profile(PyRun *I, const char *name)
{
    return strcmp(name, "name_from") != 0 || S->prof->version >= SIM_V312;
}

static const Layout *layout_of_type(ExcType t)
{
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
        if (exc_type_extends(t, layouts[i].root))
            return &layouts[i];
    return NULL;
}

static const Layout *layout_of(PyRun *I, SimId e) { return layout_of_type(exc_builtin_base(I, sim_obj(S, e)->type)); }

static uint32_t nwords(PyRun *I, const Layout *l)
{
    uint32_t n = 0;
    while (n < 8 && l->fields[n] && in_profile(I, l->fields[n]))
        n++;
    return n;
}

static int field_index(PyRun *I, const Layout *l, const char *name)
{
    for (uint32_t i = 0; l && i < nwords(I, l); i++)
        if (l->fields[i][0] && strcmp(l->fields[i], name) == 0)
            return (int)i;
    return -1;
}

uint32_t exc_layout_words(PyRun *I, SimId cls)
{
    const Layout *l = layout_of_type(exc_builtin_base(I, cls));
    return l ? nwords(I, l) : 0;
}

static void set_field(PyRun *I, SimId e, int i, SimId v)
{
    if (v)
        sim_incref(S, v);
    sim_exc_set(S, e, (SimExcField)(SIM_EXC_NFIELDS + i), v);
}

void exc_layout_set(PyRun *I, SimId e, const char *name, SimId v)
{
    int i = field_index(I, layout_of(I, e), name);
    if (i >= 0)
        set_field(I, e, i, v);
}

void exc_layout_init(PyRun *I, SimId e, SimId args)
{
    const Layout *l = layout_of(I, e);
    if (!l || !args)
        return;
    if (l->refused) { /* their __new__/__init__ check and convert arguments: not modelled */
        py_not_modelled(I, 0, "%s(...)", sim_type_name(S, e));
        return;
    }
    uint32_t n = sim_obj(S, args)->len;
    SimId first = n ? sim_items(S, args)[0] : 0;
    switch (l->root) {
    case EXC_UnicodeEncodeError: case EXC_UnicodeDecodeError:
        exc_unicode_init(I, e, args);
        break;
    case EXC_StopIteration: /* StopIteration_init: the first argument, or None */
        set_field(I, e, 0, n ? first : S->none);
        break;
    case EXC_SystemExit: /* SystemExit_init: none, the one, or the tuple */
        if (n)
            set_field(I, e, 0, n == 1 ? first : args);
        break;
    case EXC_ImportError: /* ImportError_init: msg when there is one argument */
        if (n == 1)
            set_field(I, e, 0, first);
        break;
    case EXC_SyntaxError: /* SyntaxError_init: msg; the details tuple is not modelled */
        if (n >= 1)
            set_field(I, e, 0, first);
        break;
    case EXC_BaseExceptionGroup: /* made by exc_group.c's __new__; any other way is not modelled */
        if (!sim_exc_get(S, e, (SimExcField)SIM_EXC_NFIELDS))
            py_not_modelled(I, 0, "%s made this way", sim_type_name(S, e));
        break;
    default:
        break;
    }
}

bool exc_layout_kwargs(PyRun *I, SimId e, const SimId *vals, SimId kwnames)
{
    const Layout *l = layout_of(I, e);
    uint32_t nkw = sim_obj(S, kwnames)->len;
    const char *cls = l ? exc_name(l->root == EXC_ImportError ? EXC_ImportError : l->root) : NULL;
    for (uint32_t k = 0; k < nkw; k++) {
        size_t n;
        const char *w = sim_str_data(S, sim_items(S, kwnames)[k], &n);
        int slot = -1;
        for (int j = 0; l && j < 3 && l->kwonly[j]; j++)
            if (strlen(l->kwonly[j]) == n && memcmp(l->kwonly[j], w, n) == 0 && in_profile(I, l->kwonly[j]))
                slot = field_index(I, l, l->kwonly[j]);
        if (slot >= 0) {
            set_field(I, e, slot, vals[k]);
            continue;
        }
        if (!l || !l->kwonly[0])
            py_raise(I, EXC_TypeError, "%s() takes no keyword arguments", sim_type_name(S, e));
        else if (S->prof->version <= SIM_V312)
            py_raise(I, EXC_TypeError, "'%.*s' is an invalid keyword argument for %s()", (int)n, w, cls);
        else
            py_raise(I, EXC_TypeError, "%s() got an unexpected keyword argument '%.*s'", cls, (int)n, w);
        return false;
    }
    return true;
}

/* A field the class does not override (a member descriptor of the built-in
 * type, found before the instance's __dict__) */
static int own_field(PyRun *I, SimId e, const char *name, const Layout **l)
{
    *l = layout_of(I, e);
    int i = field_index(I, *l, name);
    if (i < 0 && *l && strcmp(name, "characters_written") == 0 && (*l)->root == EXC_OSError)
        return -2; /* OSError's getset over its written count */
    if (i < 0 || sim_type_lookup(S, sim_obj(S, e)->type, name))
        return -1;
    return i;
}

SimId exc_layout_get(PyRun *I, SimId e, const char *name, bool *found)
{
    const Layout *l;
    int i = own_field(I, e, name, &l);
    if (i == -1 && l && (l->root == EXC_UnicodeEncodeError || l->root == EXC_UnicodeDecodeError) &&
        (!strcmp(name, "start") || !strcmp(name, "end")) && !sim_type_lookup(S, sim_obj(S, e)->type, name)) {
        *found = true;
        return exc_unicode_position(I, e, name[0] == 'e');
    }
    *found = i != -1;
    if (i == -2 || (i >= 0 && l->refused))
        return py_not_modelled(I, 0, "'%s.%s'", exc_name(l->root), name), (SimId)0;
    if (i < 0)
        return 0;
    SimId v = sim_exc_get(S, e, (SimExcField)(SIM_EXC_NFIELDS + i));
    if (!v)
        v = S->none;
    sim_incref(S, v);
    return v;
}

int exc_layout_store(PyRun *I, SimId e, const char *name, SimId value)
{
    const Layout *l;
    int i = own_field(I, e, name, &l);
    if (i == -1 && l && (l->root == EXC_UnicodeEncodeError || l->root == EXC_UnicodeDecodeError) &&
        (!strcmp(name, "start") || !strcmp(name, "end")) && !sim_type_lookup(S, sim_obj(S, e)->type, name))
        return py_not_modelled(I, 0, "setting '%s.%s'", exc_name(l->root), name) ? 1 : -1;
    if (i == -1)
        return 0;
    if (i >= 0 && l->root == EXC_BaseExceptionGroup) { /* READONLY members */
        py_raise(I, EXC_AttributeError, "readonly attribute");
        return -1;
    }
    if (i == -2 || l->refused)
        return py_not_modelled(I, 0, "setting '%s.%s'", exc_name(l->root), name) ? 1 : -1;
    set_field(I, e, i, value); /* a member: deleting leaves NULL, read as None */
    return 1;
}
