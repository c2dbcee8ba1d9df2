/*
 * parser: tokens to an Ast by recursive descent over the whole Python
 * 3.11-3.13 grammar, per version (`minor`: 11, 12 or 13): PEP 701
 * f-strings, `type` statements and type parameters from 3.12 on.  Syntax
 * errors use CPython's wording and position ("invalid syntax", "expected
 * ':'", "expected an indented block after 'if' statement on line 3", ...).
 * Every recursive rule is depth-limited with CPython's own outcome.
 */
#ifndef PYDIVE_PYRUN_PARSER_H
#define PYDIVE_PYRUN_PARSER_H

#include <stdbool.h>

#include "pyrun/ast.h"
#include "pyrun/lexer.h"

/* Parses a whole module; false with err set on a syntax error. */
bool parse_module(const char *src, size_t n, int minor, Ast *ast, PyError *err);

#endif
