/*
 * parser: tokens to an Ast by recursive descent over the subset of Python
 * grammar pyrun runs; syntax errors use CPython 3.11's wording where the
 * subset meets it ("invalid syntax", "expected ':'", "expected an indented
 * block after 'if' statement on line 3", ...).
 */
#ifndef PYDIVE_PYRUN_PARSER_H
#define PYDIVE_PYRUN_PARSER_H

#include <stdbool.h>

#include "pyrun/ast.h"
#include "pyrun/lexer.h"

/* Parses a whole module; false with err set on a syntax error. */
bool parse_module(const char *src, size_t n, Ast *ast, PyError *err);

#endif
