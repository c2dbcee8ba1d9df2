/*
 * prefs: the learner's settings file applied to a run of the screens
 * (theme, default profile, ASCII, animation speed, extra keys), and the
 * `pydive settings` command that shows them and their problems.
 */
#ifndef PYDIVE_CLI_PREFS_H
#define PYDIVE_CLI_PREFS_H

#include <stdbool.h>

#include "base/diag.h"
#include "learner/settings.h"
#include "view/app.h"

typedef struct Prefs {
    Settings settings;
    Theme theme;
    bool has_theme;
    DiagList diags; /* problems found; the rest still applies */
} Prefs;

/* Loads the settings file and the theme it names (from content_dir). */
void prefs_load(Prefs *p, const char *content_dir);
/* Applies keys, speed and ASCII to an app. */
void prefs_apply(Prefs *p, App *a);
void prefs_fini(Prefs *p);

int cmd_settings(int argc, char **argv);

#endif
