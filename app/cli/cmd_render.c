/*
 * cmd_render: `pydive render SCREEN [--size WxH]` prints a screen as text
 * through the headless canvas: the same drawing code as the terminal, for
 * slides, handouts and golden tests.  Progress is read, never written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "view/app.h"
#include "view/canvas.h"

static bool parse_size(const char *s, int *w, int *h)
{
    char *end;
    long a = strtol(s, &end, 10);
    if (end == s || (*end != 'x' && *end != 'X'))
        return false;
    const char *p = end + 1;
    long b = strtol(p, &end, 10);
    if (end == p || *end || a < 1 || b < 1 || a > 1000 || b > 1000)
        return false;
    *w = (int)a;
    *h = (int)b;
    return true;
}

int cmd_render(int argc, char **argv)
{
    const char *profile = NULL, *size = NULL;
    if (cli_take_option(&argc, argv, "--profile", &profile) < 0 ||
        cli_take_option(&argc, argv, "--size", &size) < 0)
        return 2;
    bool ascii = cli_take_flag(&argc, argv, "--ascii");
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (argc != 2)
        return cli_usage_error("render needs one SCREEN (home, help, chapter:N, chapter:N:SECTION)");
    int w = 80, h = 24;
    if (size && !parse_size(size, &w, &h))
        return cli_usage_error("--size wants WIDTHxHEIGHT between 1x1 and 1000x1000, not '%s'",
                               size);

    Session s;
    int rc = session_open(&s, profile, false);
    if (rc != 0) {
        session_close(&s);
        return rc;
    }
    App app;
    app_init(&app, &s.course, &s.progress, s.profile, ascii || !session_utf8_locale());
    app_set_assessments(&app, s.assess_open ? &s.assess : NULL, s.assess_open ? &s.assess_log : NULL,
                        s.assess_error);
    app_tick(&app, clock_now());
    app_resize(&app, w, h);
    char err[256];
    if (!app_goto(&app, argv[1], err, sizeof err)) {
        fprintf(stderr, "pydive: %s\n", err);
        rc = 2;
    } else {
        Canvas *cv = canvas_new(w, h, app.ascii);
        app_draw(&app, cv);
        Buf out = {0};
        canvas_to_text(cv, &out);
        fwrite(out.data, 1, out.len, stdout);
        buf_fini(&out);
        canvas_free(cv);
    }
    app_fini(&app);
    diag_print(&s.content_diags, stderr);
    session_close(&s);
    return rc;
}
