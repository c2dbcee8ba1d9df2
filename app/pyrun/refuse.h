/*
 * refuse: the one way pyrun says "this program is valid Python, but the
 * simulated CPython does not model what it uses".  A refusal is not an
 * error of the program: it is reported as
 *     pydive: line 12: generators ('yield') are not modelled by the simulated CPython
 * and the run ends with PY_EXIT_REFUSED, never with a SyntaxError.
 */
#ifndef PYDIVE_PYRUN_REFUSE_H
#define PYDIVE_PYRUN_REFUSE_H

#include <string.h>
#include <stdbool.h>

#include "pyrun/ast.h"
#include "pyrun/lexer.h"

/* Exit status of `pydive run` when the program was refused. */
#define PY_EXIT_REFUSED 3

/* Records the refusal of `what` (a phrase naming the construct, plural when
 * `plural`) at line/col; returns false so callers can `return py_refuse(...)`. */
bool py_refuse(PyError *err, int line, int col, const char *what, bool plural);

/* The phrase of the i-th construct the compiler refuses (docs/PYTHON.md
 * lists them all), NULL past the last. */
const char *refuse_unmodelled_name(int i);

/* The first construct of the module the compiler does not run, refused in
 * err; true when there is none. */
bool refuse_unmodelled(const Ast *ast, PyError *err);

/* The dotted module names an import may use: the packages' submodules the
 * model makes (registry.c) */
static inline bool py_dotted_known(const char *name)
{
    return strcmp(name, "concurrent.futures") == 0;
}

#endif
