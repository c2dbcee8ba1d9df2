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
#include "view/program.h"
#include "base/fsutil.h"
#include "lab/lab.h"
#include "view/views.h"

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

/* `render view:NAME|program --program FILE [--step N] [--python VER]`: a
 * view, or the whole program screen, after N steps of the program. */
static int render_program(const char *spec, const char *file, const char *step,
                          const char *phases, const char *ver, int w, int h, bool ascii,
                          bool present)
{
    unsigned bits = PROGRAM_VIEW_ALL;
    bool pool = strcmp(spec, "view:pool") == 0;
    if (pool)
        bits = PROGRAM_VIEW_ARENA;
    else if (strncmp(spec, "view:", 5) == 0 && !(bits = program_views_parse(spec + 5)))
        return cli_usage_error("unknown view '%s' (arena, pool, memory, graph, gc, threads, loop)", spec + 5);
    if (!file)
        return cli_usage_error("render %s needs --program FILE.py", spec);
    char *end = NULL;
    long steps = step ? strtol(step, &end, 10) : 0;
    if (step && (*end || steps < 0))
        return cli_usage_error("--step wants a number of steps, not '%s'", step);
    const SimProfile *prof = ver ? sim_profile_find(ver) : sim_profile_default();
    if (!prof)
        return cli_usage_error("unknown Python version '%s' (choose from %s)", ver,
                               sim_profile_names());
    Program *prog = calloc(1, sizeof *prog);
    Buf err = {0};
    if (!program_open(prog, file, prof, &err)) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&err);
        free(prog);
        return 2;
    }
    buf_fini(&err);
    program_run(prog, (size_t)steps);
    long nphases = phases ? strtol(phases, &end, 10) : 0;
    for (long i = 0; i < nphases; i++) /* a collection, stepped phase by phase */
        program_gc_phase(prog);
    App app;
    app_init(&app, NULL, NULL, NULL, ascii);
    app_resize(&app, w, h);
    app_open_program(&app, prog, bits, true);
    app.present = present;
    Canvas *cv = canvas_new(w, h, ascii);
    if (strcmp(spec, "program") == 0) {
        app_draw(&app, cv);
    } else {
        HeapSnapshot snap;
        program_snapshot(prog, &snap, 2000);
        Rect r = {0, 0, w, h};
        SnapPoolDetail d;
        if (pool && program_pool_detail(prog, (uint32_t)prog->touched_arena,
                                        (uint32_t)prog->touched_pool, &d)) {
            view_pool_zoom(&d, cv, r);
            pool_detail_free(&d);
        } else if (pool) {
            canvas_text(cv, 0, 0, w, "No pool has been used yet at this step.", ROLE_NORMAL);
        } else if (bits == PROGRAM_VIEW_ARENA)
            view_arena_map(&snap, &(ArenaMapOptions){.wide = present}, cv, r);
        else if (bits == PROGRAM_VIEW_MEMORY)
            view_memory_chart(prog->samples, prog->sample_blocks, prog->pos, cv, r);
        else if (bits == PROGRAM_VIEW_GRAPH)
            view_object_graph(&snap, &(GraphOptions){0}, cv, r);
        else if (bits == PROGRAM_VIEW_THREADS)
            view_threads(py_vmsched(prog->run), prof->name, cv, r);
        else if (bits == PROGRAM_VIEW_LOOP)
            view_loop(py_looplog(prog->run), cv, r);
        else
            view_gc(&snap, cv, r);
        snapshot_free(&snap);
    }
    Buf out = {0};
    canvas_to_text(cv, &out);
    fwrite(out.data, 1, out.len, stdout);
    buf_fini(&out);
    canvas_free(cv);
    app_fini(&app);
    return 0;
}

/* `render lab --program FILE [--model NAME] [--step N] [--frames K] [--page P]`:
 * the lab screen after N lines; the last line started is shown played out,
 * or only K frames into it. */
static int render_lab(const char *file, const char *model, const char *step,
                      const char *frames, const char *page, int w, int h, bool ascii,
                      bool present)
{
    if (!file)
        return cli_usage_error("render lab needs --program FILE");
    const LabClass *cls = model ? lab_class_find(model) : NULL;
    if (!cls && !model) { /* by extension */
        const char *dot = strrchr(file, '.');
        size_t n;
        const LabClass *const *all = lab_classes(&n);
        for (size_t i = 0; dot && i < n; i++)
            if (strcmp(all[i]->ext, dot + 1) == 0)
                cls = all[i];
    }
    if (!cls)
        return cli_usage_error("render lab: which lab? Give --model (gil, ...)");
    char *end = NULL;
    long steps = step ? strtol(step, &end, 10) : -1;
    if (step && (*end || steps < 0))
        return cli_usage_error("--step wants a number of lines, not '%s'", step);
    long nframes = frames ? strtol(frames, &end, 10) : -1;
    if (frames && (*end || nframes < 0))
        return cli_usage_error("--frames wants a number of frames, not '%s'", frames);
    long npage = page ? strtol(page, &end, 10) : 0;
    if (page && (*end || npage < 0))
        return cli_usage_error("--page wants a view number from 0, not '%s'", page);
    Buf src = {0}, err = {0};
    if (!file_read(file, 1 << 20, &src, &err)) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&src), buf_fini(&err);
        return 2;
    }
    buf_fini(&err);
    Lab *lab = app_lab_load(cls, file, buf_str(&src), src.len, 1);
    buf_fini(&src);
    App app;
    app_init(&app, NULL, NULL, NULL, ascii);
    app_resize(&app, w, h);
    app_open_lab(&app, lab, true);
    app.present = present;
    app.lab_opts.page = (int)npage;
    while (!lab->finished && (steps < 0 || lab->steps < (size_t)steps)) {
        app.lab_last_line = lab_line(lab);
        if (!lab_step(lab))
            break;
    }
    for (long i = 0; lab_busy(lab) && (nframes < 0 || i < nframes); i++)
        lab_tick(lab);
    Canvas *cv = canvas_new(w, h, ascii);
    app_draw(&app, cv);
    Buf out = {0};
    canvas_to_text(cv, &out);
    fputs(buf_str(&out), stdout);
    buf_fini(&out);
    canvas_free(cv);
    app_fini(&app);
    return 0;
}

int cmd_render(int argc, char **argv)
{
    const char *profile = NULL, *size = NULL, *program = NULL, *step = NULL, *ver = NULL,
               *phases = NULL, *model = NULL, *frames = NULL, *page = NULL, *chart = NULL;
    if (cli_take_option(&argc, argv, "--profile", &profile) < 0 ||
        cli_take_option(&argc, argv, "--size", &size) < 0 ||
        cli_take_option(&argc, argv, "--program", &program) < 0 ||
        cli_take_option(&argc, argv, "--step", &step) < 0 ||
        cli_take_option(&argc, argv, "--python", &ver) < 0 ||
        cli_take_option(&argc, argv, "--phases", &phases) < 0 ||
        cli_take_option(&argc, argv, "--model", &model) < 0 ||
        cli_take_option(&argc, argv, "--frames", &frames) < 0 ||
        cli_take_option(&argc, argv, "--page", &page) < 0 ||
        cli_take_option(&argc, argv, "--chart", &chart) < 0)
        return 2;
    bool ascii = cli_take_flag(&argc, argv, "--ascii");
    bool present = cli_take_flag(&argc, argv, "--present");
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (argc != 2)
        return cli_usage_error("render needs one SCREEN (home, help, chapter:N, chapter:N:SECTION)");
    int w = 80, h = 24;
    if (size && !parse_size(size, &w, &h))
        return cli_usage_error("--size wants WIDTHxHEIGHT between 1x1 and 1000x1000, not '%s'",
                               size);

    if (strcmp(argv[1], "lab") == 0)
        return render_lab(program, model, step, frames, page, w, h,
                          ascii || !session_utf8_locale(), present);
    if (strncmp(argv[1], "view:", 5) == 0 || strcmp(argv[1], "program") == 0)
        return render_program(argv[1], program, step, phases, ver, w, h,
                              ascii || !session_utf8_locale(), present);

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
    app.workshop = s.has_workshop ? &s.workshop : NULL;
    app.present = present;
    app_tick(&app, clock_now());
    app_resize(&app, w, h);
    char err[256], spec[160];
    /* `render charts --chart ID` is the screen charts:ID */
    snprintf(spec, sizeof spec, "%s%s%s", argv[1], chart ? ":" : "", chart ? chart : "");
    if (!app_goto(&app, spec, err, sizeof err)) {
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
