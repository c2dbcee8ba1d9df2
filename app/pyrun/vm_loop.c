/*
 * vm_loop: the dispatch loop, exception unwinding and the eval breaker
 * (where 3.12+ runs a scheduled collection): checked where ceval checks it,
 * after a CALL of a C callable, on a backward jump and on entering a Python
 * function (RESUME, in vm_call_python).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)
#define F (&I->frames[I->nframes - 1])
#define CO (&I->codes[F->code])
#define PUSH(v) do { SimId pv_ = (v); I->stack[F->sp++] = pv_; } while (0)
#define POP() (I->stack[--F->sp])
#define TOP(k) (I->stack[F->sp - 1 - (k)])

/* Finds a handler for the pending exception in the frames above base:
 * each frame it passes gets a traceback entry (PyTraceBack_Here; not the
 * frame of a re-raise), a handler found takes the exception as the one
 * being handled (PUSH_EXC_INFO), a frame left behind ends with its value
 * stack emptied first. */
static bool unwind(PyRun *I, int base)
{
    bool here = !I->reraise;
    I->reraise = false;
    for (;;) {
        Frame *f = F;
        if (here && !I->refused)
            tb_here(I, f); /* out of memory: the MemoryError goes on instead */
        here = true;
        if (f->ntry > 0 && !I->refused) { /* a refusal runs no handler */
            TryBlock h = I->trys[f->tbase + --f->ntry];
            uint32_t depth = h.depth, ip = h.ip;
            while (f->sp > f->base + depth) {
                SimId v = I->stack[--f->sp];
                sim_xdecref(S, v);
            }
            exc_handled_pop_to(I, h.hdepth);
            SimId e = exc_instance(I);
            py_err_clear(I);
            exc_handled_push(I, e);
            f->ip = ip;
            return true;
        }
        bool boundary = f->c_boundary;
        uint32_t locals = f->base + (uint32_t)I->codes[f->code].nslots;
        while (f->sp > locals) { /* exception_unwind pops the value stack */
            SimId v = I->stack[--f->sp];
            I->stack[f->sp] = 0;
            sim_xdecref(S, v);
        }
        exc_handled_pop_to(I, f->hbase);
        vm_unwind_frame(I);
        if (boundary || I->nframes <= base)
            return false;
    }
}

VmStop vm_run(PyRun *I, int base, bool step)
{
    uint64_t executed = 0;
    while (I->nframes > base) {
        if (sim_nomem(S) && sim_take_nomem(S)) { /* the last instruction was refused memory */
            py_no_memory(I);
            goto error;
        }
        Frame *f = F;
        uint32_t w = CO->ops[f->ip];
        int32_t arg = OPARG(w);
        Opcode op = (Opcode)OPCODE(w);
        if (op == OP_LINE) {
            if (step && executed > 0 && I->nested == 0)
                return VM_STEPPED;
            f->line = arg;
        }
        executed++;
        if (I->refused) { /* refused inside a callback that swallowed errors */
            I->err.set = true;
            goto error;
        }
        if (++I->steps > I->step_limit && I->step_limit) {
            py_raise(I, EXC_RuntimeError, "pydive step limit reached");
            goto error;
        }
        if (I->stop && *I->stop) { /* Ctrl-C or a timeout, from the caller */
            if (*I->stop == PY_STOP_INTERRUPT) {
                *I->stop = PY_STOP_NONE;
                py_raise(I, EXC_KeyboardInterrupt, "%s", "");
            } else {
                py_raise(I, EXC_RuntimeError, "pydive timeout reached");
            }
            goto error;
        }
        f->ip++;
        SimId a, b, c, r;
        switch (op) {
        case OP_NOP: case OP_LINE: break;
        case OP_POP_TOP: a = POP(); sim_decref(S, a); break;
        case OP_DUP_TOP:
            if (arg == 2) {
                a = TOP(1), b = TOP(0);
                sim_incref(S, a), sim_incref(S, b);
                PUSH(a);
                PUSH(b);
            } else {
                a = TOP(0);
                sim_incref(S, a);
                PUSH(a);
            }
            break;
        case OP_ROT_TWO: a = TOP(0); TOP(0) = TOP(1); TOP(1) = a; break;
        case OP_ROT_THREE: a = TOP(0); TOP(0) = TOP(1); TOP(1) = TOP(2); TOP(2) = a; break;
        case OP_PUSH_NULL: PUSH(0); break;
        case OP_LOAD_CONST: a = CO->consts[arg]; sim_incref(S, a); PUSH(a); break;
        case OP_LOAD_FAST:
            a = I->stack[f->base + (uint32_t)arg];
            if (!a) {
                size_t n;
                const char *nm = sim_str_data(S, CO->slotnames[arg], &n);
                py_raise(I, EXC_UnboundLocalError,
                         "cannot access local variable '%.*s' where it is not associated with a value",
                         (int)n, nm);
                goto error;
            }
            sim_incref(S, a);
            PUSH(a);
            break;
        case OP_STORE_FAST:
            a = POP();
            b = I->stack[f->base + (uint32_t)arg];
            I->stack[f->base + (uint32_t)arg] = a;
            sim_xdecref(S, b);
            break;
        case OP_DELETE_FAST:
            b = I->stack[f->base + (uint32_t)arg];
            if (!b) {
                size_t n;
                const char *nm = sim_str_data(S, CO->slotnames[arg], &n);
                py_raise(I, EXC_UnboundLocalError,
                         "cannot access local variable '%.*s' where it is not associated with a value",
                         (int)n, nm);
                goto error;
            }
            I->stack[f->base + (uint32_t)arg] = 0;
            sim_decref(S, b);
            break;
        case OP_LOAD_DEREF: case OP_LOAD_CLOSURE:
            c = I->stack[f->base + (uint32_t)arg];
            a = op == OP_LOAD_CLOSURE ? c : SIM_V(S, c, SK_CELL, cell.ref);
            if (!a) {
                size_t n;
                const char *nm = sim_str_data(S, CO->slotnames[arg], &n);
                py_raise(I, EXC_NameError,
                         "cannot access free variable '%.*s' where it is not associated with a value in enclosing scope",
                         (int)n, nm);
                goto error;
            }
            sim_incref(S, a);
            PUSH(a);
            break;
        case OP_STORE_DEREF: case OP_DELETE_DEREF:
            c = I->stack[f->base + (uint32_t)arg];
            a = op == OP_STORE_DEREF ? POP() : 0;
            b = SIM_V(S, c, SK_CELL, cell.ref);
            SIM_V(S, c, SK_CELL, cell.ref) = a;
            sim_xdecref(S, b);
            break;
        case OP_LOAD_NAME: case OP_LOAD_GLOBAL:
            a = vm_load_name(I, vm_name_const(I, arg), op == OP_LOAD_NAME);
            if (!a)
                goto error;
            PUSH(a);
            break;
        case OP_STORE_NAME: case OP_STORE_GLOBAL:
            a = POP();
            b = vm_name_const(I, arg);
            sim_incref(S, b);
            sim_dict_set(S, op == OP_STORE_NAME && f->locals ? f->locals : f->globals, b, a);
            break;
        case OP_DELETE_NAME: case OP_DELETE_GLOBAL:
            if (!sim_dict_del(S, op == OP_DELETE_NAME && f->locals ? f->locals : f->globals,
                              vm_name_const(I, arg))) {
                vm_name_error(I, vm_name_const(I, arg));
                goto error;
            }
            break;
        case OP_LOAD_ATTR:
            if (!vm_load_attr(I, POP(), arg))
                goto error;
            break;
        case OP_LOAD_METHOD:
            a = POP();
            if (!attr_method(I, a, vm_name_const(I, arg), &b, &c)) {
                sim_decref(S, a);
                goto error;
            }
            PUSH(b);
            PUSH(c);
            break;
        case OP_STORE_ATTR:
            a = POP(); /* object */
            b = POP(); /* value */
            if (!attr_set(I, a, vm_name_const(I, arg), b)) {
                sim_decref(S, a), sim_decref(S, b);
                goto error;
            }
            sim_decref(S, a);
            sim_decref(S, b);
            break;
        case OP_DELETE_ATTR:
            a = POP();
            if (!attr_del(I, a, vm_name_const(I, arg))) {
                sim_decref(S, a);
                goto error;
            }
            sim_decref(S, a);
            break;
        case OP_BINARY_SUBSCR:
            b = POP(), a = POP();
            r = op_getitem(I, a, b);
            sim_decref(S, b), sim_decref(S, a);
            if (!r)
                goto error;
            PUSH(r);
            break;
        case OP_STORE_SUBSCR: {
            b = POP(), a = POP(), c = POP();
            bool ok = op_setitem(I, a, b, c);
            sim_decref(S, b), sim_decref(S, a), sim_decref(S, c);
            if (!ok)
                goto error;
            break;
        }
        case OP_DELETE_SUBSCR: {
            b = POP(), a = POP();
            bool ok = op_delitem(I, a, b);
            sim_decref(S, b), sim_decref(S, a);
            if (!ok)
                goto error;
            break;
        }
        case OP_BUILD_SLICE: PUSH(vm_build_slice(I, arg)); break;
        case OP_BINARY_OP: case OP_INPLACE_OP:
            b = POP(), a = POP();
            r = op_binary(I, arg, a, b, op == OP_INPLACE_OP);
            sim_decref(S, a), sim_decref(S, b);
            if (!r)
                goto error;
            PUSH(r);
            break;
        case OP_UNARY_OP:
            a = POP();
            r = op_unary(I, arg, a);
            sim_decref(S, a);
            if (!r)
                goto error;
            PUSH(r);
            break;
        case OP_COMPARE_OP:
            b = POP(), a = POP();
            r = op_compare(I, arg, a, b);
            sim_decref(S, a), sim_decref(S, b);
            if (!r)
                goto error;
            PUSH(r);
            break;
        case OP_JUMP:
            if ((uint32_t)arg < f->ip)
                vm_eval_breaker(I);
            f->ip = (uint32_t)arg;
            break;
        case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: {
            a = POP();
            int t = op_truth(I, a);
            sim_decref(S, a);
            if (t < 0)
                goto error;
            if (t == (op == OP_POP_JUMP_IF_TRUE))
                F->ip = (uint32_t)arg;
            break;
        }
        case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: {
            int t = op_truth(I, TOP(0));
            if (t < 0)
                goto error;
            if (t == (op == OP_JUMP_IF_TRUE_OR_POP)) {
                F->ip = (uint32_t)arg;
            } else {
                a = POP();
                sim_decref(S, a);
            }
            break;
        }
        case OP_GET_ITER:
            a = POP();
            r = iter_new(I, a);
            if (!r) {
                py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, a));
                sim_decref(S, a);
                goto error;
            }
            sim_decref(S, a);
            PUSH(r);
            break;
        case OP_FOR_ITER: {
            int got = iter_step(I, TOP(0), &r);
            if (got > 0) {
                PUSH(r);
            } else if (got < 0) {
                goto error;
            } else {
                a = POP();
                sim_decref(S, a);
                F->ip = (uint32_t)arg;
            }
            break;
        }
        case OP_BUILD_LIST:
            r = sim_list(S, (size_t)arg);
            if (sim_obj(S, r)->len != (uint32_t)arg) { /* refused: the items go, MemoryError */
                for (int i = arg - 1; i >= 0; i--)
                    sim_xdecref(S, POP());
                sim_decref(S, r);
                py_no_memory(I);
                goto error;
            }
            for (int i = arg - 1; i >= 0; i--)
                sim_items(S, r)[i] = POP();
            PUSH(r);
            break;
        case OP_BUILD_TUPLE:
            r = sim_tuple(S, (size_t)arg);
            for (int i = arg - 1; i >= 0; i--)
                sim_tuple_set(S, r, (size_t)i, POP());
            PUSH(r);
            break;
        case OP_BUILD_SET: {
            r = sim_set(S);
            uint32_t from = F->sp - (uint32_t)arg;
            for (int i = 0; i < arg; i++) {
                a = I->stack[from + (uint32_t)i];
                if (!py_hashable(I, a)) {
                    sim_decref(S, r);
                    goto error;
                }
            }
            for (int i = 0; i < arg; i++)
                sim_set_add(S, r, I->stack[from + (uint32_t)i]);
            F->sp = from;
            PUSH(r);
            break;
        }
        case OP_BUILD_MAP: {
            uint32_t from = F->sp - 2 * (uint32_t)arg;
            bool str_keys = true;
            for (int i = 0; i < arg; i++) {
                a = I->stack[from + 2 * (uint32_t)i];
                if (!py_hashable(I, a)) {
                    goto error;
                }
                if (sim_kind(S, a) != SK_STR)
                    str_keys = false;
            }
            r = sim_dict_presized(S, (size_t)arg, str_keys);
            for (int i = 0; i < arg; i++)
                sim_dict_set(S, r, I->stack[from + 2 * (uint32_t)i], I->stack[from + 2 * (uint32_t)i + 1]);
            F->sp = from;
            PUSH(r);
            break;
        }
        case OP_LIST_EXTEND:
            if (!vm_list_extend(I, arg))
                goto error;
            break;
        case OP_SET_UPDATE:
            if (!vm_set_extend(I, arg))
                goto error;
            break;
        case OP_LIST_APPEND:
            a = POP();
            sim_list_append(S, TOP(arg - 1), a);
            break;
        case OP_YIELD_VALUE:
            if (!vm_gen_yield(I, POP(), false))
                goto error;
            return VM_RETURNED; /* a generator's frame always returns to C (vm_gen.c) */
        case OP_YIELD_FROM: {
            int y = vm_gen_yield_from(I);
            if (y < 0)
                goto error;
            if (y > 0)
                return VM_RETURNED;
            break;
        }
        case OP_BEFORE_WITH:
            if (!vm_before_with(I))
                goto error;
            break;
        case OP_WITH_EXIT:
            if (!vm_with_exit(I, arg))
                goto error;
            break;
        case OP_WITH_EXCEPT:
            if (!vm_with_except(I))
                goto error;
            break;
        case OP_MAP_ADD:
            if (!vm_map_add(I, arg))
                goto error;
            break;
        case OP_BUILD_STRING: {
            Buf sb = {0};
            uint32_t from = F->sp - (uint32_t)arg;
            for (int i = 0; i < arg; i++) {
                size_t n;
                const char *d = sim_str_data(S, I->stack[from + (uint32_t)i], &n);
                buf_add(&sb, d, n);
            }
            for (int i = arg - 1; i >= 0; i--) {
                a = POP();
                sim_decref(S, a);
            }
            PUSH(sim_str(S, buf_str(&sb), sb.len));
            buf_fini(&sb);
            break;
        }
        case OP_FORMAT_VALUE:
            if (!vm_format_value(I, arg))
                goto error;
            break;
        case OP_KW_NAMES:
            I->kwnames = CO->consts[arg];
            sim_incref(S, I->kwnames);
            break;
        case OP_CALL: {
            int depth = I->nframes;
            if (!vm_do_call(I, arg))
                goto error;
            if (I->nframes == depth) /* a C callable: CALL ends with the check */
                vm_eval_breaker(I);
            break;
        }
        case OP_MAKE_FUNCTION: {
            const PyCode *fc = &I->codes[arg];
            SimId closure = fc->has_closure ? POP() : 0;
            SimId annotations = fc->has_annotations ? POP() : 0;
            SimId kwdefaults = fc->nkwdefaults ? POP() : 0;
            SimId defaults = fc->ndefaults ? POP() : 0;
            sim_incref(S, fc->qualname);
            sim_incref(S, F->globals);
            r = sim_func(S, (uint32_t)arg, fc->qualname, F->globals, defaults, closure);
            sim_items(S, r)[SIM_FN_KWDEFAULTS] = kwdefaults;
            sim_items(S, r)[SIM_FN_ANNOTATIONS] = annotations; /* a tuple until read */
            if (fc->doc_const) { /* func_doc: the docstring constant */
                SimId doc = I->codes[arg].consts[fc->doc_const - 1];
                sim_incref(S, doc);
                sim_items(S, r)[SIM_FN_DOC] = doc;
            }
            PUSH(r);
            break;
        }
        case OP_BUILD_CLASS:
            if (!vm_build_class(I, (uint32_t)arg))
                goto error;
            break;
        case OP_RETURN_VALUE: {
            a = POP();
            int rr = vm_do_return(I, a);
            if (rr < 0)
                goto error;
            if (rr > 0 && (I->nframes <= base || I->nframes == 0))
                return VM_RETURNED;
            if (rr > 0)
                return VM_RETURNED;
            break;
        }
        case OP_UNPACK_SEQUENCE:
            if (!vm_unpack(I, arg))
                goto error;
            break;
        case OP_IMPORT_NAME: {
            size_t n;
            const char *nm = sim_str_data(S, vm_name_const(I, arg), &n);
            SimId m = module_find(I, nm, n);
            if (!m) {
                if (!modelled_module_missing(I, nm, n))
                    goto error;
                py_raise(I, EXC_ModuleNotFoundError, "No module named '%.*s'", (int)n, nm);
                goto error;
            }
            sim_incref(S, m);
            PUSH(m);
            break;
        }
        case OP_IMPORT_FROM:
            r = attr_get(I, TOP(0), vm_name_const(I, arg));
            if (!r) {
                size_t n, mn;
                const char *nm = sim_str_data(S, vm_name_const(I, arg), &n);
                const char *mod = sim_str_data(S, SIM_V(S, TOP(0), SK_MODULE, module.name), &mn);
                if (I->refused)
                    goto error;
                I->err.set = false;
                py_raise(I, EXC_ImportError, "cannot import name '%.*s' from '%.*s' (unknown location)",
                         (int)n, nm, (int)mn, mod);
                goto error;
            }
            PUSH(r);
            break;
        case OP_RAISE:
            vm_raise_op(I, arg);
            goto error;
        case OP_ASSERT_FAIL: {
            Buf mb = {0};
            if (arg) {
                a = POP();
                op_str(I, a, &mb);
                sim_decref(S, a);
            }
            py_raise(I, EXC_AssertionError, "%s", buf_str(&mb));
            buf_fini(&mb);
            goto error;
        }
        case OP_SETUP_TRY:
            if (f->ntry >= (uint32_t)CO->maxtry) { /* the compiler counted them: a bug, not user code */
                py_raise(I, EXC_SystemError, "try block deeper than the compiler counted");
                goto error;
            }
            I->trys[f->tbase + f->ntry++] = (TryBlock){(uint32_t)(arg & ~SETUP_TRY_BELOW),
                                                       f->sp - f->base - ((arg & SETUP_TRY_BELOW) ? 1 : 0),
                                                       I->nhandled};
            break;
        case OP_POP_TRY:
            if (f->ntry)
                f->ntry--;
            break;
        case OP_MATCH_EXC:
            if (arg == 1) {
                a = exc_handled_top(I);
                sim_incref(S, a);
                PUSH(a);
                break;
            }
            a = POP();
            r = sim_bool(S, exc_matches(I, a));
            sim_decref(S, a);
            PUSH(r);
            break;
        case OP_POP_EXC: /* POP_EXCEPT */
            exc_handled_pop_to(I, I->nhandled ? I->nhandled - 1 : 0);
            break;
        case OP_RERAISE:
            exc_reraise(I, true);
            goto error;
        case OP_CALL_EX:
            if (!vm_call_ex(I, arg))
                goto error;
            break;
        case OP_SUPER_ATTR:
            if (!vm_super_attr(I, arg))
                goto error;
            break;
        case OP_LIST_TO_TUPLE: vm_list_to_tuple(I); break;
        case OP_DICT_MERGE: case OP_DICT_UPDATE:
            if (!vm_dict_merge(I, arg, op == OP_DICT_MERGE))
                goto error;
            break;
        case OP_SET_ADD:
            if (!vm_set_add(I, arg))
                goto error;
            break;
        case OP_SET_EXTEND:
            if (!vm_set_extend(I, arg))
                goto error;
            break;
        case OP_UNPACK_EX:
            if (!vm_unpack_ex(I, arg))
                goto error;
            break;
        default:
            py_raise(I, EXC_SystemError, "bad opcode %d", (int)op);
            goto error;
        }
        continue;
    error:
        if (!unwind(I, base))
            return VM_ERROR;
    }
    return VM_RETURNED;
}

VmStop vm_run_throw(PyRun *I, int base)
{
    if (!unwind(I, base))
        return VM_ERROR;
    return vm_run(I, base, false);
}
