/*
 * cmd_open: `pydive [--profile NAME]` opens the course in the terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/session.h"
#include "ui/ui.h"
#include "view/app.h"

static bool save_progress(void *ctx, char *err, size_t errlen)
{
    return session_save(ctx, err, errlen);
}

int cmd_open(int argc, char **argv)
{
    const char *profile = NULL;
    if (cli_take_option(&argc, argv, "--profile", &profile) < 0)
        return 2;
    bool ascii_flag = cli_take_flag(&argc, argv, "--ascii");
    bool mono_flag = cli_take_flag(&argc, argv, "--no-color");
    bool plain = cli_take_flag(&argc, argv, "--plain");
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

    Session s;
    int rc = session_open(&s, profile, true);
    if (rc != 0) {
        session_close(&s);
        return rc;
    }
    App app;
    app_init(&app, &s.course, &s.progress, s.profile, ascii_flag || !session_utf8_locale());
    app_set_assessments(&app, s.assess_open ? &s.assess : NULL, s.assess_open ? &s.assess_log : NULL,
                        s.assess_error);
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
    };
    rc = ui_run(&app, &opt);
    app_fini(&app);
    session_report(&s); /* after the screen is restored, so nothing is lost */
    session_close(&s);
    return rc;
}
