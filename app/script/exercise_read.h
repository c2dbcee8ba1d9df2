/*
 * exercise_read: the reading kit behind exercise.c (internal to app/script).
 *
 * A Reader walks the table an exercise file returned, with raw access only,
 * and reports problems as "file:line: error: ..." diagnostics.  Lines come
 * from a light scan of the source: a key's first "key =" (not "==", not
 * ".key ="), a step's nth "at =", or else the chunk's last `return`.
 * Everything here runs inside sandbox_protect (see sandbox_lua.h).
 */
#ifndef PYDIVE_SCRIPT_EXERCISE_READ_H
#define PYDIVE_SCRIPT_EXERCISE_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "script/exercise.h"
#include "script/sandbox_lua.h"

typedef struct Reader {
    lua_State *L;
    Exercise *ex;
    DiagList *dl;
    const char *path;
    const char *src;
    size_t len;
    int return_line; /* line of the last `return`: the fallback position */
    char prefix[32]; /* "step 2: " while reading a step */
    int step_line;   /* while reading a step: its line, used for all its fields */
} Reader;

bool exercise_is_word(char c);
bool exercise_is_id(const char *s);
/* The line of the last line that starts with the word `return` (0 if none); one
 * at column 0 wins over indented ones (those are inside functions). */
int exercise_source_return_line(const char *s, size_t n);
/* The line of the nth (1-based) "key =" in s, or 0. */
int exercise_source_key_line(const char *s, size_t n, const char *key, size_t nth);
/* Where to report a problem with `key` (see the top of this file). */
int exercise_key_line(const Reader *r, const char *key);

/* Adds an error at `line`, prefixed with r->prefix ("step 2: "). */
void exercise_err(Reader *r, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *exercise_type_of(lua_State *L, int idx);
/* Pushes t[key] (raw, t absolute) and returns its type. */
int exercise_field(lua_State *L, int t, const char *key);
/* Reports every key of table t that is not a string on `allowed`. */
void exercise_check_keys(Reader *r, int t, const char *const *allowed, int line);

/* The value on top of the stack is consumed by the take_ functions. */
char *exercise_take_string(Reader *r, const char *label, int line, bool nonempty);
/* t[key] as a new string; NULL (with an error when `required`) if absent or wrong. */
char *exercise_read_string(Reader *r, int t, const char *key, bool required);
/* The value on top as a whole number (not consumed); false with an error if not. */
bool exercise_top_integer(Reader *r, const char *label, int line, lua_Integer *out);
/* n when the table on top is a plain list 1..n (not consumed), else -1 with an error. */
lua_Integer exercise_list_length(Reader *r, const char *label, int line);
/* Reads a list of non-empty strings (ids when `ids`) into *out, *n; returns its
 * length or -1. */
lua_Integer exercise_take_string_list(Reader *r, const char *label, int line, bool ids, char ***out,
                                      size_t *n);

#endif
