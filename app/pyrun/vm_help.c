/*
 * vm_help: the larger pieces of single instructions — name lookup,
 * unpacking, slices, f-string formatting, raise, the eval breaker.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)
#define F (I->ts->top)
#define CO (&I->codes[F->code])
#define PUSH(v) do { SimId pv_ = (v); I->ts->stack[F->sp++] = pv_; } while (0)
#define POP() (I->ts->stack[--F->sp])
#define TOP(k) (I->ts->stack[F->sp - 1 - (k)])

SimId vm_name_const(PyRun *I, int arg) { return CO->names[arg]; }

void vm_name_error(PyRun *I, SimId name)
{
    size_t n;
    const char *s = sim_str_data(S, name, &n);
    if (!modelled_name_missing(I, name))
        return;
    py_raise(I, EXC_NameError, "name '%.*s' is not defined", (int)n, s);
    exc_context_set(I, name, 0, 0);
    suggest_for_name(I, name);
}

SimId vm_load_name(PyRun *I, SimId name, bool use_locals)
{
    SimId v = 0;
    if (use_locals && F->locals)
        v = sim_dict_get(S, F->locals, name);
    if (!v)
        v = sim_dict_get(S, F->globals, name);
    if (!v)
        v = sim_dict_get(S, I->builtins, name);
    if (!v) { /* a built-in exception class the program names first */
        size_t n;
        const char *s = sim_str_data(S, name, &n);
        v = exc_class_named(I, s, n);
    }
    if (!v) {
        vm_name_error(I, name);
        return 0;
    }
    sim_incref(S, v);
    return v;
}

/* UNPACK_SEQUENCE of a tuple or list (marked as run, bit 2 of its warm
 * byte), and while tracing: the unspecialized
 * instruction (its first run; 3.11's code before it is quickened) goes
 * through unpack_iterable, whose iterator is a transient block */
static void tm_unpack_generic(PyRun *I)
{
    PyCode *co = &I->codes[I->ts->top->code];
    if (!co->warm)
        co->warm = xcalloc(co->nops ? co->nops : 1, 1);
    uint32_t ip = I->ts->top->ip - 1;
    bool first = !(co->warm[ip] & 2);
    co->warm[ip] |= 2;
    if (__builtin_expect(S->pm.trace == NULL, 1))
        return;
    if (first)
        tm_transient(I, 48); /* a tuple or list iterator */
    else if (S->prof->version == SIM_V311)
        tm_note_peak_unsure(I, "an unpacking run again by 3.11 (before quickening, an iterator)");
}

bool vm_unpack(PyRun *I, int n)
{
    SimId seq = POP();
    SimKind k = sim_kind(S, seq);
    SimId *items = NULL;
    int got = 0;
    if ((k == SK_TUPLE || k == SK_LIST) && !subinst_overrides_iter(I, seq)) { /* else unpack_iterable */
        got = (int)sim_obj(S, seq)->len;
        tm_unpack_generic(I);
        if (got == n) { /* straight onto the stack, last item deepest */
            for (int i = n - 1; i >= 0; i--) {
                SimId v = sim_items(S, seq)[i];
                sim_incref(S, v);
                PUSH(v);
            }
            sim_decref(S, seq);
            return true;
        }
    } else {
        SimId it = iter_new(I, seq);
        if (!it) {
            if (I->ts->err.set || I->refused) {
                sim_decref(S, seq);
                return false;
            }
            py_raise(I, EXC_TypeError, "cannot unpack non-iterable %s object", op_typename(I, seq));
            sim_decref(S, seq);
            return false;
        }
        items = xmalloc(((size_t)n + 1) * sizeof *items);
        SimId v;
        int step = 0;
        while (got <= n && (step = iter_step(I, it, &v)) > 0) { /* one more tells "too many" */
            if (got < n)
                items[got] = v;
            else
                sim_decref(S, v);
            got++;
        }
        sim_decref(S, it);
        if (got != n || step < 0)
            for (int i = 0; i < got && i < n; i++)
                sim_decref(S, items[i]);
        if (step < 0) { /* the iterator failed (a generator's exception) */
            free(items);
            sim_decref(S, seq);
            return false;
        }
    }
    sim_decref(S, seq);
    if (got < n) {
        free(items);
        py_raise(I, EXC_ValueError, "not enough values to unpack (expected %d, got %d)", n, got);
        return false;
    }
    if (got > n) {
        free(items);
        py_raise(I, EXC_ValueError, "too many values to unpack (expected %d)", n);
        return false;
    }
    for (int i = n - 1; i >= 0; i--)
        PUSH(items[i]);
    free(items);
    return true;
}

SimId vm_build_slice(PyRun *I, int n)
{
    SimId parts[3] = {0, 0, 0};
    for (int i = n - 1; i >= 0; i--)
        parts[i] = POP();
    return slice_new(I, parts[0], parts[1], parts[2]);
}

void vm_signals_check(PyRun *I)
{
    if (S->gc.scheduled)
        vm_eval_breaker(I);
}

void vm_decimal_sigcheck(PyRun *I, SimId v)
{
    if (S->gc.scheduled && sim_kind(S, v) == SK_INT && (sim_obj(S, v)->sub == 1 || sim_obj(S, v)->v.i != 0))
        vm_eval_breaker(I);
}

void vm_eval_breaker(PyRun *I)
{
    if (S->gc.scheduled && gc_check_point(S)) {
        if (S->gc.gen[0].count > S->gc.gen[0].threshold && S->gc.enabled && !S->gc.collecting) {
            S->gc.collecting = true;
            gc_collect_generations(S);
            S->gc.collecting = false;
        }
    }
}

bool vm_format_value(PyRun *I, int arg)
{
    SimId spec = (arg & 0x100) ? POP() : 0;
    SimId v = POP();
    char conv = (char)(arg & 0xff);
    if (conv == 's' && sim_kind(S, v) == SK_STR && !sim_is_subinst(S, v))
        conv = 0; /* PyObject_Str of an exact str is the str itself */
    bool no_spec = !spec || sim_obj(S, spec)->len == 0;
    SimId as_is = (conv == 0 || conv == 's') && no_spec ? str_as_is(I, v) : 0;
    if (as_is) { /* PyObject_Format's fast path, bool.__format__'s str(self) */
        if (conv == 0 && format_binds_method(I, v, false))
            format_bool_text(I); /* bool's __format__: str(self) */
        PUSH(as_is);
        sim_decref(S, v);
        sim_xdecref(S, spec);
        return true;
    }
    char *sp = NULL; /* the spec, NUL-terminated */
    if (spec) {
        size_t n;
        const char *d = sim_str_data(S, spec, &n);
        sp = malloc(n + 1);
        memcpy(sp, d, n);
        sp[n] = '\0';
    }
    Buf b = {0};
    bool ok;
    SimId r = 0;
    if (conv == 'r' || conv == 's' || conv == 'a') { /* the spec formats the converted text (a str) */
        ok = conv == 'r' ? op_repr(I, v, &b) : conv == 's' ? op_str(I, v, &b) : op_ascii(I, v, &b);
        if (ok && sp && *sp) {
            SimId text = sim_str(S, buf_str(&b), b.len);
            ok = (r = format_object(I, text, sp)) != 0;
            sim_decref(S, text);
        } else if (ok) { /* an int's repr is a new str, one digit too; a float's text has a buffer */
            r = conv == 'a' ? sim_str(S, buf_str(&b), b.len) : str_of_text(I, v, &b);
        }
    } else if (!no_spec || sim_kind(S, v) == SK_INSTANCE || subinst_formats(I, v)) {
        ok = (r = format_object(I, v, sp ? sp : "")) != 0;
    } else { /* PyObject_Format(v, NULL): an exact int's str, else the bound __format__ and str(v) */
        SimId bound = format_binds_method(I, v, false) ? sim_builtin(S, 0, 0) : 0;
        format_text_note(I, v);
        ok = op_str(I, v, &b);
        if (ok) /* an int's text without a spec is a new str, one digit too */
            r = str_of_text(I, v, &b);
        sim_xdecref(S, bound);
    }
    free(sp);
    if (ok)
        PUSH(r);
    sim_decref(S, v);
    sim_xdecref(S, spec);
    buf_fini(&b);
    return ok;
}

/* An exception class called with no arguments, as do_raise does (the
 * class's own __init__ runs); an instance is passed through. Reference
 * stolen; 0 with the error raised. */
static SimId instantiate(PyRun *I, SimId e)
{
    if (sim_kind(S, e) != SK_TYPE || !exc_is_class(I, e))
        return e;
    SimId init = sim_type_lookup(S, e, "__init__");
    SimId inst = exc_is_group_class(I, e)                   ? exc_group_call(I, e, NULL, 0, 0)
                 : init && sim_kind(S, init) == SK_FUNC ? vm_call(I, e, NULL, 0)
                                                        : exc_new(I, e, 0);
    if (inst && !exc_is_instance(I, inst)) {
        py_raise(I, EXC_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                 sim_type_name(S, e), op_typename(I, inst));
        sim_decref(S, inst);
        inst = 0;
    }
    sim_decref(S, e);
    return inst;
}

bool vm_raise_op(PyRun *I, int arg)
{
    if (!arg)
        return exc_reraise(I, false); /* do_raise's bare raise: no traceback entry here */
    SimId cause = arg == 2 ? POP() : 0;
    SimId e = instantiate(I, POP());
    if (!e) {
        sim_xdecref(S, cause);
        return false;
    }
    if (!exc_is_instance(I, e)) {
        sim_decref(S, e);
        sim_xdecref(S, cause);
        py_raise(I, EXC_TypeError, "exceptions must derive from BaseException");
        return false;
    }
    if (arg == 2) { /* PyException_SetCause: also __suppress_context__ = True */
        if (cause == S->none) {
            sim_decref(S, cause);
            cause = 0;
        } else {
            cause = instantiate(I, cause);
            if (cause && !exc_is_instance(I, cause)) {
                sim_decref(S, cause);
                cause = 0;
                py_raise(I, EXC_TypeError, "exception causes must derive from BaseException");
            }
            if (!cause) {
                sim_decref(S, e);
                return false;
            }
        }
        sim_exc_set(S, e, SIM_EXC_CAUSE, cause);
        sim_exc_set(S, e, SIM_EXC_SUPPRESS, sim_exc_get(S, e, SIM_EXC_SUPPRESS) | 1);
    }
    return vm_raise_value(I, e);
}

bool vm_raise_value(PyRun *I, SimId e)
{
    e = instantiate(I, e);
    if (!e)
        return false;
    if (!exc_is_instance(I, e)) {
        sim_decref(S, e);
        py_raise(I, EXC_TypeError, "exceptions must derive from BaseException");
        return false;
    }
    exc_chain_context(I, e);
    Buf b = {0};
    if (!op_str(I, e, &b)) { /* the traceback's text: str(e), the class's __str__ included */
        buf_fini(&b);
        sim_decref(S, e);
        return false;
    }
    py_raise_instance(I, e, buf_str(&b));
    buf_fini(&b);
    return false;
}


bool vm_map_add(PyRun *I, int depth)
{
    Frame *f = I->ts->top;
    SimId value = I->ts->stack[--f->sp];
    SimId key = I->ts->stack[--f->sp];
    SimId into = I->ts->stack[f->sp - (uint32_t)depth];
    if (!dict_check_key(I, key)) { /* PyDict_SetItem: nothing stored */
        sim_decref(S, value);
        sim_decref(S, key);
        return false;
    }
    sim_dict_set(S, into, key, value); /* the dict takes both */
    return !I->ts->err.set;                /* a program's __eq__ may raise */
}
