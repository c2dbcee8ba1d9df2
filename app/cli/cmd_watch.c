/*
 * cmd_watch: `pydive run FILE.py --watch [--views arena,memory,graph,gc,threads,loop]`
 * steps a program on the simulated CPython in the terminal, with the live
 * views of its memory and collector.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "cli/cli.h"
#include "base/paths.h"
#include "cli/prefs.h"
#include "cli/session.h"
#include "ui/ui.h"
#include "view/app.h"
#include "view/program.h"

/* The screen on its own, with the learner's settings: a program or a lab
 * (exactly one of prog and lab), Esc quits. */
static int watch(Program *prog, unsigned views, Lab *lab, bool present)
{
    Buf perr = {0};
    char *content = paths_content_dir(&perr);
    buf_fini(&perr);
    Prefs prefs;
    prefs_load(&prefs, content);
    free(content);
    App app;
    app_init(&app, NULL, NULL, NULL, !session_utf8_locale());
    prefs_apply(&prefs, &app);
    if (prog)
        app_open_program(&app, prog, views, true);
    else
        app_open_lab(&app, lab, true);
    app.present = present;
    const char *no_color = getenv("NO_COLOR");
    UiOptions opt = {.monochrome = no_color && *no_color,
                     .theme = prefs.has_theme ? &prefs.theme : NULL};
    int rc = ui_run(&app, &opt);
    app_fini(&app);
    diag_print(&prefs.diags, stderr);
    prefs_fini(&prefs);
    return rc;
}

static bool need_terminal(const char *render)
{
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
        return true;
    fprintf(stderr, "pydive: --watch needs a terminal; '%s' prints the same screen as text\n",
            render);
    return false;
}

int cmd_watch(const char *path, const SimProfile *prof, const char *views, bool present,
              uint64_t memory)
{
    unsigned bits = views ? program_views_parse(views) : PROGRAM_VIEW_ALL;
    if (!bits)
        return cli_usage_error("--views takes a list of arena, memory, graph, gc, threads and loop, not '%s'",
                               views);
    if (!need_terminal("pydive render program --program FILE --step N"))
        return 1;
    Program *prog = calloc(1, sizeof *prog);
    Buf err = {0};
    if (!prog || !program_open(prog, path, prof, &err)) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&err);
        free(prog);
        return 2;
    }
    buf_fini(&err);
    if (memory)
        program_set_memory(prog, memory);
    return watch(prog, bits, NULL, present);
}

int cmd_lab_watch(const char *path, const LabClass *cls, uint64_t seed)
{
    if (!need_terminal("pydive render lab --program FILE --step N"))
        return 1;
    Buf src = {0}, err = {0};
    if (!file_read(path, 1 << 20, &src, &err)) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&src), buf_fini(&err);
        return 2;
    }
    buf_fini(&err);
    Lab *lab = app_lab_load(cls, path, buf_str(&src), src.len, seed);
    buf_fini(&src);
    return watch(NULL, 0, lab, false);
}
