/*
 * app_goto: a screen by name, as `pydive render SPEC` and the tests ask for
 * one (home, help, dashboard, glossary, charts[:ID], tables[:ID], chapter:N,
 * chapter:N:SECTION, search:TEXT): one row per name in goto_specs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/app.h"
#include "view/screens.h"

/* ---- navigation by name (render SCREEN, --screen) ------------------------ */

static bool goto_home(App *a, const char *arg, char *err, size_t errlen)
{
    (void)arg, (void)err, (void)errlen;
    a->screen = SCREEN_HOME;
    return true;
}

static bool goto_glossary(App *a, const char *arg, char *err, size_t errlen)
{
    (void)arg, (void)err, (void)errlen;
    app_open_glossary(a, false);
    return true;
}

static bool goto_tables(App *a, const char *arg, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    app_open_tables(a, arg);
    return true;
}

static bool goto_charts(App *a, const char *arg, char *err, size_t errlen)
{
    app_open_charts(a, arg);
    if (a->notice[0]) {
        snprintf(err, errlen, "%s", a->notice);
        return false;
    }
    return true;
}

static bool goto_dashboard(App *a, const char *arg, char *err, size_t errlen)
{
    (void)arg, (void)err, (void)errlen;
    a->screen = SCREEN_DASHBOARD;
    return true;
}

static bool goto_help(App *a, const char *arg, char *err, size_t errlen)
{
    (void)arg, (void)err, (void)errlen;
    a->back[SCREEN_HELP] = SCREEN_HOME;
    a->screen = SCREEN_HELP;
    return true;
}

static bool goto_search(App *a, const char *arg, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    snprintf(a->query, sizeof a->query, "%s", arg);
    app_run_search(a);
    return true;
}

static bool goto_chapter(App *a, const char *arg, char *err, size_t errlen)
{
    char *end;
    long n = strtol(arg, &end, 10);
    const Chapter *ch = course_chapter_by_number(a->course, (int)n);
    if (end == arg || (*end && *end != ':') || !ch) {
        snprintf(err, errlen, "no chapter '%s' (the course has chapters 1-%zu)", arg,
                 a->course->nchapters);
        return false;
    }
    if (!app_open_chapter(a, (int)(ch - a->course->chapters), false)) {
        snprintf(err, errlen, "chapter %ld: %s", n, a->notice);
        return false;
    }
    if (*end == ':') {
        int s = chapter_section_index(ch, end + 1);
        if (s < 0) {
            snprintf(err, errlen, "chapter %ld has no section '%s'", n, end + 1);
            return false;
        }
        app_scroll_to(a, (long)a->doc.section_line[s]);
    }
    return true;
}

/* What `render SPEC` accepts: NAME, or NAME:ARG where the row takes one
 * (ARG_TEXT: a non-empty one). */
enum { ARG_NONE, ARG_OPTIONAL, ARG_NEEDED, ARG_TEXT };
static const struct {
    const char *name;
    int arg;
    bool (*open)(App *a, const char *arg, char *err, size_t errlen); /* arg NULL: none */
} goto_specs[] = {
    {"home", ARG_NONE, goto_home},         {"help", ARG_NONE, goto_help},
    {"dashboard", ARG_NONE, goto_dashboard}, {"glossary", ARG_NONE, goto_glossary},
    {"charts", ARG_OPTIONAL, goto_charts},   {"tables", ARG_OPTIONAL, goto_tables},
    {"chapter", ARG_NEEDED, goto_chapter},   {"search", ARG_TEXT, goto_search},
};

bool app_goto(App *a, const char *spec, char *err, size_t errlen)
{
    const char *colon = strchr(spec, ':');
    size_t n = colon ? (size_t)(colon - spec) : strlen(spec);
    const char *arg = colon ? colon + 1 : NULL;
    for (size_t i = 0; i < sizeof goto_specs / sizeof *goto_specs; i++) {
        if (strlen(goto_specs[i].name) != n || strncmp(spec, goto_specs[i].name, n) != 0)
            continue;
        int takes = goto_specs[i].arg;
        if ((arg && takes == ARG_NONE) || (!arg && takes >= ARG_NEEDED) ||
            (takes == ARG_TEXT && !*arg))
            break;
        return goto_specs[i].open(a, arg, err, errlen);
    }
    snprintf(err, errlen,
             "unknown screen '%s' (try home, help, dashboard, glossary, charts[:ID], tables[:ID], chapter:N, "
             "chapter:N:SECTION, search:TEXT)",
             spec);
    return false;
}
