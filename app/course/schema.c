/*
 * schema: the typed readers every lesson field goes through (see schema.h).
 * The wording of "expected X, found Y" lives here, so all files read alike.
 */
#include "course/schema.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"

void check_error(Check *ck, SrcLoc at, const char *fmt, ...)
{
    Buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    ydoc_error(ck->doc, ck->diags, at, "%s", buf_str(&msg));
    buf_fini(&msg);
}

static bool is_null(const YNode *n)
{
    if (n->kind != YNODE_SCALAR || n->style != YSTYLE_PLAIN)
        return false;
    return n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0 ||
           strcmp(n->str, "Null") == 0 || strcmp(n->str, "NULL") == 0;
}

static bool looks_integer(const YNode *n)
{
    if (n->kind != YNODE_SCALAR || n->style != YSTYLE_PLAIN || n->len == 0)
        return false;
    const char *s = n->str + (n->str[0] == '-' || n->str[0] == '+');
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* "a mapping", "a list", "nothing", "the integer 7", "the string 'x'". */
static const char *found(const YNode *n, Buf *b)
{
    buf_clear(b);
    if (!n || is_null(n))
        return "nothing";
    if (n->kind == YNODE_MAP)
        return "a mapping";
    if (n->kind == YNODE_SEQ)
        return "a list";
    if (looks_integer(n)) {
        buf_printf(b, "the integer %s", n->str);
        return buf_str(b);
    }
    size_t len = n->len, cut = len;
    if (cut > 40) {
        cut = 40;
        while (cut > 0 && ((unsigned char)n->str[cut] & 0xC0) == 0x80)
            cut--; /* do not split a character */
    }
    const char *nl = memchr(n->str, '\n', cut);
    if (nl)
        cut = (size_t)(nl - n->str);
    buf_printf(b, "the string '%.*s%s'", (int)cut, n->str, cut < len ? "..." : "");
    return buf_str(b);
}

static void expected(Check *ck, const YNode *v, const char *what, const char *key)
{
    Buf b = {0};
    check_error(ck, v->loc, "expected %s for '%s', found %s", what, key, found(v, &b));
    buf_fini(&b);
}

static void join_names(Buf *b, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        buf_printf(b, "%s%s", i ? ", " : "", names[i]);
}

bool check_is_map(Check *ck, const YNode *n, const char *what)
{
    if (n->kind == YNODE_MAP)
        return true;
    Buf b = {0};
    check_error(ck, n->loc, "expected a mapping for %s, found %s", what, found(n, &b));
    buf_fini(&b);
    return false;
}

static bool name_in(const char *name, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

void check_keys(Check *ck, const YNode *map, const char *const *allowed, const char *what)
{
    size_t n = ymap_len(map);
    for (size_t i = 0; i < n; i++) {
        const YNode *key = ymap_key(map, i);
        if (name_in(key->str, allowed))
            continue;
        Buf list = {0};
        join_names(&list, allowed);
        check_error(ck, key->loc, "unknown key '%s' in %s (expected one of: %s)", key->str, what,
                    buf_str(&list));
        buf_fini(&list);
    }
}

const YNode *check_field(Check *ck, const YNode *map, const char *key, const char *what,
                         bool required)
{
    const YNode *v = ymap_get(map, key);
    if (!v && required)
        check_error(ck, map->loc, "missing required key '%s' in %s", key, what);
    return v;
}

char *check_str(Check *ck, const YNode *v, const char *key)
{
    if (!v)
        return NULL;
    if (v->kind != YNODE_SCALAR || is_null(v)) {
        expected(ck, v, "a string", key);
        return NULL;
    }
    if (v->len == 0) {
        check_error(ck, v->loc, "'%s' must not be empty", key);
        return NULL;
    }
    return xstrdup(v->str);
}

bool check_int(Check *ck, const YNode *v, const char *key, int lo, int hi, int *out)
{
    if (!v)
        return false;
    if (!looks_integer(v)) {
        expected(ck, v, "an integer", key);
        return false;
    }
    errno = 0;
    long x = strtol(v->str, NULL, 10);
    if (errno == ERANGE || x < lo || x > hi) {
        check_error(ck, v->loc, "'%s' must be between %d and %d, found %s", key, lo, hi, v->str);
        return false;
    }
    *out = (int)x;
    return true;
}

static bool id_ok(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

char *check_id(Check *ck, const YNode *v, const char *key)
{
    char *id = check_str(ck, v, key);
    if (id && !id_ok(id)) {
        check_error(ck, v->loc,
                    "'%s' is not a valid %s: use lowercase letters, digits and '-', "
                    "starting with a letter or digit",
                    id, key);
        free(id);
        return NULL;
    }
    return id;
}

int check_enum(Check *ck, const YNode *v, const char *key, const char *const *names)
{
    char *s = check_str(ck, v, key);
    if (!s)
        return -1;
    int found_at = -1;
    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0)
            found_at = i;
    if (found_at < 0) {
        Buf list = {0};
        join_names(&list, names);
        check_error(ck, v->loc, "'%s' is not a valid %s (expected one of: %s)", s, key,
                    buf_str(&list));
        buf_fini(&list);
    }
    free(s);
    return found_at;
}

bool check_list(Check *ck, const YNode *v, const char *key)
{
    if (!v)
        return false;
    if (v->kind != YNODE_SEQ) {
        expected(ck, v, "a list", key);
        return false;
    }
    if (v->nkids == 0) {
        check_error(ck, v->loc, "'%s' must not be empty; give at least one entry", key);
        return false;
    }
    return true;
}

char **check_str_list(Check *ck, const YNode *v, const char *key, size_t *n)
{
    *n = 0;
    if (!check_list(ck, v, key))
        return NULL;
    char **items = xcalloc(v->nkids, sizeof *items);
    for (size_t i = 0; i < v->nkids; i++)
        items[i] = check_str(ck, v->kids[i], key);
    *n = v->nkids;
    return items;
}

void check_unique(Check *ck, char *const *ids, const SrcLoc *locs, size_t n, const char *what)
{
    size_t *first = xmalloc((n ? n : 1) * sizeof *first);
    ydoc_find_repeats((const char *const *)ids, n, first);
    for (size_t i = 0; i < n; i++)
        if (first[i] != i)
            check_error(ck, locs[i], "duplicate %s '%s' (first used at line %d)", what, ids[i],
                        locs[first[i]].line);
    free(first);
}

static bool diag_before(const Diag *a, const Diag *b)
{
    return a->line < b->line || (a->line == b->line && a->col < b->col);
}

void check_flush(Check *ck, DiagList *out)
{
    DiagList *dl = ck->diags;
    bool has_note = false;
    for (size_t i = 0; i < dl->len; i++)
        has_note |= dl->items[i].level == DIAG_NOTE;
    /* Stable insertion sort: at most YDOC_MAX_ERRORS entries.  A syntax
     * error carries its context note right after it, so leave those alone. */
    for (size_t i = 1; i < dl->len && !has_note; i++) {
        Diag d = dl->items[i];
        size_t j = i;
        for (; j > 0 && diag_before(&d, &dl->items[j - 1]); j--)
            dl->items[j] = dl->items[j - 1];
        dl->items[j] = d;
    }
    if (ck->doc->nerrors > YDOC_MAX_ERRORS)
        diag_add(dl, DIAG_NOTE, ck->doc->file, 0, 0, "%d more errors in this file not shown",
                 ck->doc->nerrors - YDOC_MAX_ERRORS);
    diag_move(out, dl);
}
