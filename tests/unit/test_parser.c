/*
 * Unit tests for the parser (app/pyrun/parser*.c, lexer*.c): each source of
 * test_parser_cases.h is parsed under each profile's grammar and must give
 * exactly CPython's verdict — accepted, or the same exception type,
 * message, line and column as the real interpreter of that version.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "pyrun/parser.h"

typedef struct ParserCase {
    const char *src;
    int minor;
    const char *type;  /* NULL: valid under this version */
    const char *msg;
    int line, col;
} ParserCase;

#include "test_parser_cases.h"

/* The source on one line, for messages. */
static const char *shown(const char *src)
{
    static char buf[512];
    size_t k = 0;
    for (const char *s = src; *s && k + 3 < sizeof buf; s++) {
        if (*s == '\n' || *s == '\r' || *s == '\t') {
            buf[k++] = '\\';
            buf[k++] = *s == '\n' ? 'n' : *s == '\r' ? 'r' : 't';
        } else {
            buf[k++] = *s;
        }
    }
    buf[k] = '\0';
    return buf;
}

static int run_case(const ParserCase *c, bool *col_ok)
{
    Ast ast;
    PyError err = {0};
    bool ok = parse_module(c->src, strlen(c->src), c->minor, &ast, &err);
    ast_fini(&ast);
    *col_ok = true;
    if (!c->type) {
        if (!ok)
            fprintf(stderr, "# 3.%d rejects valid %s: %s: %s (line %d)\n", c->minor, shown(c->src), err.type,
                    err.msg, err.line);
        return ok ? 0 : 1;
    }
    if (ok) {
        fprintf(stderr, "# 3.%d accepts invalid %s (CPython: %s: %s)\n", c->minor, shown(c->src), c->type, c->msg);
        return 1;
    }
    if (strcmp(err.type, c->type) != 0 || strcmp(err.msg, c->msg) != 0 || err.line != c->line) {
        fprintf(stderr, "# 3.%d %s: got %s: %s (line %d), CPython: %s: %s (line %d)\n", c->minor, shown(c->src),
                err.type, err.msg, err.line, c->type, c->msg, c->line);
        return 1;
    }
    if (err.col != c->col) {
        fprintf(stderr, "# 3.%d %s: column %d, CPython %d (%s)\n", c->minor, shown(c->src), err.col, c->col, c->msg);
        *col_ok = false;
    }
    return 0;
}

static void every_case_matches_cpython(void **state)
{
    (void)state;
    size_t n = sizeof parser_cases / sizeof parser_cases[0], bad = 0, badcol = 0;
    for (size_t i = 0; i < n; i++) {
        bool col_ok;
        bad += (size_t)run_case(&parser_cases[i], &col_ok);
        badcol += !col_ok;
    }
    fprintf(stderr, "# %zu cases, %zu verdicts differ, %zu columns differ\n", n, bad, badcol);
    assert_int_equal(bad, 0);
    assert_int_equal(badcol, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_case_matches_cpython),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
