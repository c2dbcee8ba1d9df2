/*
 * settings: the learner's settings file and colour themes.
 *
 * $XDG_CONFIG_HOME/pydive/config.yaml (~/.config/pydive/config.yaml) may set
 *     theme: high-contrast        # a file in assets/themes/, without .yaml
 *     profile: alice              # the default profile
 *     ascii: true                 # draw with ASCII even in a UTF-8 locale
 *     animation_speed: 50         # statements per frame when a program runs
 *     keys:                       # extra keys for actions, by action name
 *       quit: Q
 * A missing file means the defaults.  Every problem is reported as
 * file:line:col and the setting is left at its default; nothing is fatal.
 *
 * A theme (assets/themes/NAME.yaml) gives, per role of the canvas, a colour
 * look (fg, bg, attrs) and a monochrome look (mono): roles not named keep the
 * built-in look.  Colours and attributes are our own small enums; the
 * curses front end maps them.
 */
#ifndef PYDIVE_LEARNER_SETTINGS_H
#define PYDIVE_LEARNER_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

enum { THEME_DEFAULT_COLOR = -1 }; /* the terminal's own colour */
enum ThemeColor { TC_BLACK, TC_RED, TC_GREEN, TC_YELLOW, TC_BLUE, TC_MAGENTA, TC_CYAN, TC_WHITE };
enum ThemeAttr { TA_BOLD = 1, TA_UNDERLINE = 2, TA_REVERSE = 4, TA_DIM = 8 };

#define THEME_MAX_ROLES 64

typedef struct ThemeLook {
    bool set;        /* the theme names this role */
    int fg, bg;      /* ThemeColor or THEME_DEFAULT_COLOR */
    unsigned attrs;  /* ThemeAttr bits, with colour */
    unsigned mono;   /* ThemeAttr bits, without colour */
} ThemeLook;

typedef struct Theme {
    char *name;
    bool monochrome; /* use the mono looks even on a colour terminal */
    ThemeLook look[THEME_MAX_ROLES];
} Theme;

typedef struct KeySetting {
    char *action; /* an action name (see `pydive settings --keys`) */
    char *key;    /* "Q", "Enter", "Tab", "Space", "Up", "PgDn", ... */
    int line, col;
} KeySetting;

typedef struct Settings {
    char *file;     /* where they were read from */
    char *theme;    /* NULL = built in */
    char *profile;  /* NULL = the login name */
    int ascii;      /* -1 unset, 0 no, 1 yes */
    int speed;      /* 0 unset, else statements per frame (1..10000) */
    KeySetting *keys;
    size_t nkeys;
} Settings;

/* Reads the settings file (a missing file is not an error).  Problems are
 * reported into *diags; the rest of the file still applies. */
void settings_load(const char *path, Settings *out, DiagList *diags);
void settings_fini(Settings *s);

/* Reads a theme; `role_names[i]` names role i (nroles of them).  False (with
 * diagnostics) when the file cannot be used at all. */
bool theme_load(const char *path, const char *const *role_names, size_t nroles, Theme *out,
                DiagList *diags);
void theme_fini(Theme *t);

#endif
