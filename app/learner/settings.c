/*
 * settings: the settings file and themes (see settings.h).
 */
#include "learner/settings.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "base/xalloc.h"
#include "learner/ytree.h"

#define SETTINGS_MAX_BYTES (64 * 1024)

static bool read_doc(const char *path, YtDoc *doc, Buf *text, DiagList *diags)
{
    Buf err = {0};
    if (!file_read(path, SETTINGS_MAX_BYTES, text, &err)) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "%s", buf_str(&err));
        buf_fini(&err);
        return false;
    }
    buf_fini(&err);
    return ytree_parse(doc, buf_str(text), text->len, path, diags) && doc->root;
}

static void read_keys(YtDoc *d, const YtNode *map, Settings *s)
{
    if (map->kind != YT_MAP) {
        yt_error(d, map, "expected 'keys' to be a mapping of action names to keys, found %s",
                 yt_kind_name(map));
        return;
    }
    for (size_t i = 0; i + 1 < map->nkids; i += 2) {
        const YtNode *k = map->kids[i], *v = map->kids[i + 1];
        char *key = NULL;
        if (!yt_string(d, v, k->str, &key))
            continue;
        s->keys = xrealloc(s->keys, (s->nkeys + 1) * sizeof *s->keys);
        s->keys[s->nkeys++] = (KeySetting){xstrdup(k->str), key, v->line, v->col};
    }
}

void settings_load(const char *path, Settings *out, DiagList *diags)
{
    *out = (Settings){.file = xstrdup(path), .ascii = -1};
    if (!file_exists(path))
        return;
    YtDoc d = {0};
    Buf text = {0};
    if (read_doc(path, &d, &text, diags)) {
        static const char *const known[] = {"theme", "profile", "ascii", "animation_speed",
                                            "keys", NULL};
        static const char *const none[] = {NULL};
        if (yt_check_keys(&d, d.root, "the settings", known, none)) {
            const YtNode *v;
            if ((v = yt_get(d.root, "theme")))
                yt_string(&d, v, "theme", &out->theme);
            if ((v = yt_get(d.root, "profile")))
                yt_string(&d, v, "profile", &out->profile);
            bool b;
            if ((v = yt_get(d.root, "ascii")) && yt_bool(&d, v, "ascii", &b))
                out->ascii = b;
            int64_t n;
            if ((v = yt_get(d.root, "animation_speed")) &&
                yt_int(&d, v, "animation_speed", 1, 10000, &n))
                out->speed = (int)n;
            if ((v = yt_get(d.root, "keys")))
                read_keys(&d, v, out);
        }
    }
    ytree_fini(&d);
    buf_fini(&text);
}

void settings_fini(Settings *s)
{
    free(s->file);
    free(s->theme);
    free(s->profile);
    for (size_t i = 0; i < s->nkeys; i++) {
        free(s->keys[i].action);
        free(s->keys[i].key);
    }
    free(s->keys);
    *s = (Settings){0};
}

/* ---- themes ------------------------------------------------------------ */

static const char *const colour_names[] = {"black", "red",     "green", "yellow",
                                           "blue",  "magenta", "cyan",  "white"};
static const char *const attr_names[] = {"bold", "underline", "reverse", "dim"};

static bool read_colour(YtDoc *d, const YtNode *v, const char *key, int *out)
{
    char *s = NULL;
    if (!yt_string(d, v, key, &s))
        return false;
    bool ok = strcmp(s, "default") == 0;
    if (ok)
        *out = THEME_DEFAULT_COLOR;
    for (int i = 0; i < 8 && !ok; i++)
        if (strcmp(s, colour_names[i]) == 0) {
            *out = i;
            ok = true;
        }
    if (!ok)
        yt_error(d, v, "unknown colour '%s' for '%s' (expected default, black, red, green, "
                       "yellow, blue, magenta, cyan or white)", s, key);
    free(s);
    return ok;
}

static bool read_attrs(YtDoc *d, const YtNode *v, const char *key, unsigned *out)
{
    char **names = NULL;
    size_t n = 0;
    if (!yt_strings(d, v, key, &names, &n))
        return false;
    bool ok = true;
    *out = 0;
    for (size_t i = 0; i < n; i++) {
        bool found = false;
        for (unsigned k = 0; k < 4; k++)
            if (strcmp(names[i], attr_names[k]) == 0) {
                *out |= 1u << k;
                found = true;
            }
        if (!found) {
            yt_error(d, v->kids[i], "unknown attribute '%s' in '%s' (expected bold, underline, "
                                    "reverse or dim)", names[i], key);
            ok = false;
        }
        free(names[i]);
    }
    free(names);
    return ok;
}

static void read_look(YtDoc *d, const YtNode *v, ThemeLook *look)
{
    static const char *const known[] = {"fg", "bg", "attrs", "mono", NULL};
    static const char *const none[] = {NULL};
    if (!yt_check_keys(d, v, "a role's look", known, none))
        return;
    *look = (ThemeLook){.set = true, .fg = THEME_DEFAULT_COLOR, .bg = THEME_DEFAULT_COLOR};
    const YtNode *x;
    if ((x = yt_get(v, "fg")))
        read_colour(d, x, "fg", &look->fg);
    if ((x = yt_get(v, "bg")))
        read_colour(d, x, "bg", &look->bg);
    if ((x = yt_get(v, "attrs")))
        read_attrs(d, x, "attrs", &look->attrs);
    if ((x = yt_get(v, "mono")))
        read_attrs(d, x, "mono", &look->mono);
    else
        look->mono = look->attrs; /* without colour, the attributes still carry meaning */
}

bool theme_load(const char *path, const char *const *role_names, size_t nroles, Theme *out,
                DiagList *diags)
{
    memset(out, 0, sizeof *out);
    YtDoc d = {0};
    Buf text = {0};
    bool ok = read_doc(path, &d, &text, diags);
    static const char *const known[] = {"name", "description", "monochrome", "roles", NULL};
    static const char *const required[] = {"name", "roles", NULL};
    if (ok && yt_check_keys(&d, d.root, "a theme", known, required)) {
        yt_string(&d, yt_get(d.root, "name"), "name", &out->name);
        const YtNode *v;
        if ((v = yt_get(d.root, "monochrome")))
            yt_bool(&d, v, "monochrome", &out->monochrome);
        const YtNode *roles = yt_get(d.root, "roles");
        if (roles->kind != YT_MAP) {
            yt_error(&d, roles, "expected 'roles' to be a mapping of role names, found %s",
                     yt_kind_name(roles));
        } else {
            for (size_t i = 0; i + 1 < roles->nkids; i += 2) {
                const char *name = roles->kids[i]->str;
                size_t r = 0;
                while (r < nroles && r < THEME_MAX_ROLES && strcmp(role_names[r], name) != 0)
                    r++;
                if (r == nroles || r >= THEME_MAX_ROLES) {
                    yt_error(&d, roles->kids[i], "unknown role '%s' (see assets/themes/"
                                                 "default.yaml for the roles)", name);
                    continue;
                }
                read_look(&d, roles->kids[i + 1], &out->look[r]);
            }
        }
    }
    ok = ok && d.errors == 0;
    ytree_fini(&d);
    buf_fini(&text);
    if (!ok)
        theme_fini(out);
    return ok;
}

void theme_fini(Theme *t)
{
    free(t->name);
    memset(t, 0, sizeof *t);
}
