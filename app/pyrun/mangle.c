/*
 * mangle: private name mangling (_Py_Mangle), done once on the tree before
 * the symbol table and the compiler read it, so that both see the same
 * names.
 *
 * Inside a class body, and in everything nested in it, an identifier that
 * starts with two underscores and does not end with two, and holds no dot,
 * is renamed "_" + the class name without its leading underscores + the
 * identifier: `self.__balance` in class Account is `_Account__balance`.
 * CPython applies it to every name its compiler emits there: variables,
 * attributes, parameters, `except ... as` names, imported names, the names
 * a `def` or `class` binds; not to keyword arguments of calls, and a class
 * whose name is all underscores mangles nothing.  A function or class keeps
 * its own name unmangled as __name__ and in __qualname__: the node keeps
 * the length of the prefix in `ival` (ast_code_name()).
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"

/* The mangled form of name inside class `cls`, or NULL when it stays. */
static char *mangled(const char *cls, const char *name, size_t *len)
{
    if (!cls || !name || name[0] != '_' || name[1] != '_' || strchr(name, '.'))
        return NULL;
    size_t n = strlen(name);
    if (n >= 4 && name[n - 1] == '_' && name[n - 2] == '_')
        return NULL;
    while (*cls == '_')
        cls++;
    if (!*cls)
        return NULL;
    size_t c = strlen(cls);
    char *out = xmalloc(1 + c + n + 1);
    out[0] = '_';
    memcpy(out + 1, cls, c);
    memcpy(out + 1 + c, name, n + 1);
    *len = 1 + c + n;
    return out;
}

static void rename(Node *nd, const char *cls, bool keep_prefix)
{
    size_t len;
    char *m = mangled(cls, nd->str, &len);
    if (!m)
        return;
    if (keep_prefix)
        nd->ival = (int64_t)(len - nd->strlen);
    free(nd->str);
    nd->str = m;
    nd->strlen = len;
}

static void walk(Ast *a, int n, const char *cls);

static void walk_list(Ast *a, int first, const char *cls)
{
    for (int n = first; n >= 0; n = a->n[n].next)
        walk(a, n, cls);
}

static void walk(Ast *a, int n, const char *cls)
{
    Node *nd = &a->n[n];
    switch ((NodeKind)nd->kind) {
    case N_NAME: case N_PARAM: case N_HANDLER:
        rename(nd, cls, false);
        break;
    case N_PATTERN: /* a capture's name */
        if (nd->str)
            rename(nd, cls, false);
        break;
    case N_ATTR: /* its own name stays readable: 3.13's __static_attributes__ list it */
        rename(nd, cls, true);
        break;
    case N_DEF:
        rename(nd, cls, true);
        break;
    case N_CLASS: {
        rename(nd, cls, true);
        /* bases, keywords and decorators run outside; the body is the class's */
        const char *own = a->n[n].str + a->n[n].ival;
        walk_list(a, a->n[n].a, cls);
        walk_list(a, a->n[n].c, cls);
        walk_list(a, a->n[n].e, cls);
        walk_list(a, a->n[n].b, own);
        return;
    }
    default:
        break;
    }
    nd = &a->n[n];
    int kids[5] = {nd->a, nd->b, nd->c, nd->d, nd->e};
    for (int i = 0; i < 5; i++)
        if (kids[i] >= 0)
            walk_list(a, kids[i], cls);
}

void ast_mangle(Ast *a)
{
    if (a->root >= 0 && a->len > 0)
        walk(a, a->root, NULL);
}
