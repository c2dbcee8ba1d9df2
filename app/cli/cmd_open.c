/*
 * cmd_open: `pydive [--profile NAME]` opens the course in the terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/paths.h"
#include "cli/cli.h"
#include "learner/profiles.h"
#include "cli/prefs.h"
#include "cli/session.h"
#include "ui/ui.h"
#include "view/app.h"

static bool save_progress(void *ctx, char *err, size_t errlen)
{
    return session_save(ctx, err, errlen);
}

/* With several learners on this machine and no --profile, asks which one
 * is reading.  Returns NULL (use the default), "" (the learner gave up) or
 * the name chosen (caller frees). */
static char *pick_profile(bool ascii)
{
    char *dir = paths_user_data_dir();
    ProfileList l;
    profiles_list(dir, &l);
    free(dir);
    if (l.n < 2) {
        profiles_fini(&l);
        return NULL;
    }
    char **labels = calloc(l.n, sizeof *labels);
    char *login = paths_default_profile(); /* the login user's own, selected at first */
    size_t mine = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (strcmp(l.items[i].name, login) == 0)
            mine = i;
        Buf b = {0};
        buf_printf(&b, "%-20s %zu sections read, %zu answers%s", l.items[i].name,
                   l.items[i].sections_read, l.items[i].answers,
                   l.items[i].damaged ? " (a file needs repair)" : "");
        labels[i] = buf_take(&b);
    }
    free(login);
    int k = ui_choose("pydive: who is reading?", (const char *const *)labels, l.n, mine,
                      "Enter picks  q quits  (a new learner: pydive --profile NAME)", ascii);
    char *name = k >= 0 ? strdup(l.items[k].name) : strdup("");
    for (size_t i = 0; i < l.n; i++)
        free(labels[i]);
    free(labels);
    profiles_fini(&l);
    return name;
}

int cmd_open(int argc, char **argv)
{
    const char *profile = NULL;
    if (cli_take_option(&argc, argv, "--profile", &profile) < 0)
        return 2;
    bool ascii_flag = cli_take_flag(&argc, argv, "--ascii");
    bool mono_flag = cli_take_flag(&argc, argv, "--no-color");
    bool plain = cli_take_flag(&argc, argv, "--plain");
    bool present = cli_take_flag(&argc, argv, "--present");
    const char *exercise = NULL; /* pydive exercise run ID opens the course on it */
    if (cli_take_option(&argc, argv, "--exercise", &exercise) < 0)
        return 2;
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (argc > 1)
        return cli_usage_error("unexpected argument '%s'", argv[1]);
    char why[160];
    if (!plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) &&
        !ui_terminal_usable(why, sizeof why)) {
        fprintf(stderr, "pydive: %s, so the course screens cannot be drawn; reading in "
                        "plain text instead (pydive --plain)\n", why);
        plain = true;
    }
    if (plain) {
        Session ps;
        int prc = session_open(&ps, profile, true);
        if (prc == 0) {
            session_report(&ps);
            prc = plain_run(&ps, ascii_flag || !session_utf8_locale());
        }
        session_close(&ps);
        return prc;
    }
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fputs("pydive: the course needs a terminal; for text output try "
              "'pydive --plain', 'pydive render home' or 'pydive list'\n", stderr);
        return 1;
    }

    Buf perr = {0};
    char *content = paths_content_dir(&perr);
    buf_fini(&perr);
    Prefs prefs;
    prefs_load(&prefs, content);
    free(content);
    if (!profile)
        profile = prefs.settings.profile;
    char *picked = NULL;
    if (!profile && !plain) {
        picked = pick_profile(ascii_flag || !session_utf8_locale());
        if (picked && !*picked) { /* gave up at the picker */
            free(picked);
            prefs_fini(&prefs);
            return 0;
        }
        profile = picked;
    }
    Session s;
    int rc = session_open(&s, profile, true);
    if (rc != 0) {
        session_close(&s);
        prefs_fini(&prefs);
        free(picked);
        return rc;
    }
    App app;
    app_init(&app, &s.course, &s.progress, s.profile, ascii_flag || !session_utf8_locale());
    app_set_assessments(&app, s.assess_open ? &s.assess : NULL, s.assess_open ? &s.assess_log : NULL,
                        s.assess_error);
    app.workshop = s.has_workshop ? &s.workshop : NULL;
    app.present = present;
    prefs_apply(&prefs, &app);
    app.profile_dir = s.store.profile_dir;
    app_tick(&app, clock_now());
    if (exercise && !app_open_exercise(&app, exercise)) {
        fprintf(stderr, "pydive: %s\n", app.notice);
        app_fini(&app);
        session_close(&s);
        prefs_fini(&prefs);
        free(picked);
        return 1;
    }
    size_t broken = diag_count(&s.content_diags, DIAG_ERROR);
    if (s.store.read_only && s.store.held_elsewhere)
        snprintf(app.notice, sizeof app.notice,
                 "Profile '%s' is open in another pydive: reading only, progress is not saved.",
                 s.profile);
    else if (s.store.read_only)
        snprintf(app.notice, sizeof app.notice,
                 "Profile '%s' cannot be written here: reading only, progress is not saved.",
                 s.profile);
    else if (broken)
        snprintf(app.notice, sizeof app.notice,
                 "%zu error(s) in the lesson files; the rest of the course works. "
                 "See 'pydive validate'.", broken);
    else if (diag_count(&s.store_diags, DIAG_WARNING))
        snprintf(app.notice, sizeof app.notice, "%s", s.store_diags.items[0].msg);

    const char *no_color = getenv("NO_COLOR");
    UiOptions opt = {
        .monochrome = mono_flag || (no_color && *no_color),
        .save = s.store.read_only ? NULL : save_progress,
        .save_ctx = &s,
        .theme = prefs.has_theme ? &prefs.theme : NULL,
    };
    rc = ui_run(&app, &opt);
    app_fini(&app);
    session_report(&s); /* after the screen is restored, so nothing is lost */
    diag_print(&prefs.diags, stderr);
    session_close(&s);
    prefs_fini(&prefs);
    free(picked);
    return rc;
}
