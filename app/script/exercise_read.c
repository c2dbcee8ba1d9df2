/*
 * exercise_read: source positions and raw-access reading helpers for the
 * exercise reader (see exercise_read.h).
 */
#include "script/exercise_read.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/printable.h"
#include "base/xalloc.h"

/* {====== Positions in the source ====== */

bool exercise_is_word(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The line of the last line that starts with the word `return`. */
int exercise_source_return_line(const char *s, size_t n)
{
    /* A `return` at the start of a line is the chunk's own; an indented one
     * may be inside a function (check, a step's model): used only when
     * there is no other. */
    int line = 1, found = 0, found_top = 0;
    for (size_t i = 0; i < n; line++) {
        size_t j = i;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (n - j >= 6 && memcmp(s + j, "return", 6) == 0 &&
            (j + 6 == n || !exercise_is_word(s[j + 6]))) {
            found = line;
            if (j == i)
                found_top = line;
        }
        while (i < n && s[i] != '\n')
            i++;
        i++;
    }
    return found_top ? found_top : found;
}

/* The line of the nth `key =` (not `==`, not `.key =`), or 0. */
int exercise_source_key_line(const char *s, size_t n, const char *key, size_t nth)
{
    size_t k = strlen(key), seen = 0;
    int line = 1;
    for (size_t i = 0; i + k <= n; i++) {
        if (s[i] == '\n')
            line++;
        if (memcmp(s + i, key, k) != 0 ||
            (i > 0 && (exercise_is_word(s[i - 1]) || s[i - 1] == '.')))
            continue;
        size_t j = i + k;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j < n && s[j] == '=' && (j + 1 >= n || s[j + 1] != '=') && ++seen == nth)
            return line;
    }
    return 0;
}

/* Where to report a problem with `key`: the step being read, else the
 * key's first appearance, else the `return`. */
int exercise_key_line(const Reader *r, const char *key)
{
    if (r->prefix[0])
        return r->step_line;
    int line = exercise_source_key_line(r->src, r->len, key, 1);
    return line ? line : r->return_line;
}

/* }====== */

/* {====== Reading helpers ====== */

void exercise_err(Reader *r, int line, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    diag_add(r->dl, DIAG_ERROR, r->path, line, 0, "%s%s", r->prefix, buf_str(&b));
    buf_fini(&b);
}

const char *exercise_type_of(lua_State *L, int idx)
{
    return lua_typename(L, lua_type(L, idx));
}

/* Pushes t[key] without metamethods; returns its type. */
int exercise_field(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    return lua_rawget(L, t);
}

bool exercise_is_id(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

/* Reports every string key of table t not on `allowed`, and any other key. */
void exercise_check_keys(Reader *r, int t, const char *const *allowed, int line)
{
    lua_State *L = r->L;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        bool ok = false;
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -1);
            for (const char *const *a = allowed; *a && !ok; a++)
                ok = strcmp(*a, k) == 0;
            if (!ok)
                exercise_err(r, r->prefix[0] ? line : exercise_key_line(r, k), "unknown key '%s'",
                             k);
        } else {
            exercise_err(r, line, "unexpected %s key (fields are named: key = value)",
                         exercise_type_of(L, -1));
        }
    }
}

/* Reads the string at the top (popping it); NULL with an error otherwise. */
char *exercise_take_string(Reader *r, const char *label, int line, bool nonempty)
{
    lua_State *L = r->L;
    char *s = NULL;
    if (lua_type(L, -1) != LUA_TSTRING) {
        exercise_err(r, line, "'%s' must be a string (got a %s)", label, exercise_type_of(L, -1));
    } else {
        size_t n;
        unsigned cp;
        char what[64];
        const char *p = lua_tolstring(L, -1, &n);
        if (nonempty && n == 0)
            exercise_err(r, line, "'%s' must not be empty", label);
        else if (printable_bad_at(p, n, PRINTABLE_LINES, &cp) < n) /* shown on a terminal */
            exercise_err(r, line, "'%s' holds %s, which a terminal would not show as text; "
                         "remove it", label, (printable_describe(cp, what, sizeof what), what));
        else
            s = xstrndup(p, n);
    }
    lua_pop(L, 1);
    return s;
}

/* t[key] as a string; `required` reports a missing field. */
char *exercise_read_string(Reader *r, int t, const char *key, bool required)
{
    if (exercise_field(r->L, t, key) == LUA_TNIL) {
        lua_pop(r->L, 1);
        if (required)
            exercise_err(r, r->prefix[0] ? r->step_line : r->return_line, "missing '%s' (a string)",
                         key);
        return NULL;
    }
    return exercise_take_string(r, key, exercise_key_line(r, key), true);
}

/* The value on top as an integer; false (with an error) if it is not one. */
bool exercise_top_integer(Reader *r, const char *label, int line, lua_Integer *out)
{
    lua_State *L = r->L;
    int isint = 0;
    if (lua_type(L, -1) != LUA_TNUMBER)
        exercise_err(r, line, "'%s' must be a whole number (got a %s)", label,
                     exercise_type_of(L, -1));
    else if (*out = lua_tointegerx(L, -1, &isint), !isint)
        exercise_err(r, line, "'%s' must be a whole number (got %.14g)", label,
                     (double)lua_tonumber(L, -1));
    return isint;
}

/* Checks that the table on top is a list 1..n and returns n, or -1. */
lua_Integer exercise_list_length(Reader *r, const char *label, int line)
{
    lua_State *L = r->L;
    if (!lua_istable(L, -1)) {
        exercise_err(r, line, "'%s' must be a list { ... } (got a %s)", label,
                     exercise_type_of(L, -1));
        return -1;
    }
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1), keys = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        keys++;
    }
    if (keys != n) {
        exercise_err(r, line, "'%s' must be a plain list, without named or missing entries", label);
        return -1;
    }
    return n;
}

/* Reads the list of strings on top (popping it) into *out / *n; returns
 * its length, -1 when it is not a list. */
lua_Integer exercise_take_string_list(Reader *r, const char *label, int line, bool ids, char ***out,
                                      size_t *n)
{
    lua_State *L = r->L;
    lua_Integer len = exercise_list_length(r, label, line);
    if (len > 0) {
        *out = xcalloc((size_t)len, sizeof **out);
        *n = (size_t)len;
        for (lua_Integer i = 1; i <= len; i++) {
            char item[48];
            snprintf(item, sizeof item, "%s[%lld]", label, (long long)i);
            lua_rawgeti(L, -1, i);
            (*out)[i - 1] = exercise_take_string(r, item, line, true);
            if (ids && (*out)[i - 1] && !exercise_is_id((*out)[i - 1]))
                exercise_err(r, line,
                             "'%s' must be an id like 'memory-layout' ([a-z0-9][a-z0-9-]*), "
                             "not '%s'",
                             item, (*out)[i - 1]);
        }
    }
    lua_pop(L, 1);
    return len;
}

/* }====== */
