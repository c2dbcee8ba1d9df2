/*
 * vm_ops: the instructions the dispatch loop (vm_loop.c) hands off whole —
 * the rarer ones, and exception unwinding — so that the loop keeps only
 * the hot paths.  Each works on the top frame, as the loop would, and
 * returns false with the exception raised.
 */
#ifndef PYDIVE_PYRUN_VM_OPS_H
#define PYDIVE_PYRUN_VM_OPS_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "pyrun/interp.h"

/* Finds a handler for the pending exception in the frames above base
 * (traceback entries, PUSH_EXC_INFO, the left frames unwound); false when
 * none is there. */
bool vm_unwind(PyRun *I, int base);
/* What the dispatch loop checks once the steps pass I->check_at: a
 * refusal, the step limit, then a stop (Ctrl-C or a timeout) in *stop;
 * false with the error set, else check_at moved on. */
bool vm_checks(PyRun *I, uint64_t limit, volatile sig_atomic_t *stop);
/* UnboundLocalError / NameError for the empty slot arg of the top frame
 * (deref: a free variable of an enclosing scope). */
void vm_unbound_error(PyRun *I, int arg, bool deref);
/* DELETE_FAST and the cell instructions (LOAD_DEREF, LOAD_CLOSURE,
 * STORE_DEREF, DELETE_DEREF) on slot arg */
bool vm_op_slot(PyRun *I, Opcode op, int arg);
bool vm_op_delete_attr(PyRun *I, int arg);
bool vm_op_delete_subscr(PyRun *I);
/* GET_ITER (arg GET_ITER_AWAITABLE: the awaitable's iterator) */
bool vm_op_get_iter(PyRun *I, int arg);
bool vm_op_build_list(PyRun *I, int n);
void vm_op_build_tuple(PyRun *I, int n);
bool vm_op_build_set(PyRun *I, int n);
bool vm_op_build_map(PyRun *I, int n);
void vm_op_build_string(PyRun *I, int n);
void vm_op_make_function(PyRun *I, int ci);
bool vm_op_import_name(PyRun *I, int arg);
bool vm_op_import_from(PyRun *I, int arg);
void vm_op_assert_fail(PyRun *I, int has_msg);
bool vm_op_setup_try(PyRun *I, int arg);
/* MATCH_EXC (arg 1: push the exception being handled; else pop a class
 * and push whether it matches) */
void vm_op_match_exc(PyRun *I, int arg);

#endif
