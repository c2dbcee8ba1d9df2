/*
 * cmd_lab: `pydive lab FILE [--model NAME] [--step N] [--seed N] [--watch]`
 * runs a lab program (lab/lab.h: the GIL scheduler, ...) and prints what it
 * printed, as `pydive run` does for Python.  The model comes from --model or
 * the file's extension (FILE.gil).  --step N stops after N lines; --watch
 * steps it on the lab screen with its live views.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fsutil.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "lab/lab.h"

/* The lab named by --model, or by the file's extension. */
static const LabClass *lab_for(const char *model, const char *path)
{
    if (model)
        return lab_class_find(model);
    const char *dot = strrchr(path, '.');
    size_t n;
    const LabClass *const *all = lab_classes(&n);
    for (size_t i = 0; dot && i < n; i++)
        if (strcmp(all[i]->ext, dot + 1) == 0)
            return all[i];
    return NULL;
}

static void list_models(Buf *b)
{
    size_t n;
    const LabClass *const *all = lab_classes(&n);
    for (size_t i = 0; i < n; i++)
        buf_printf(b, "%s%s (.%s)", i ? ", " : "", all[i]->name, all[i]->ext);
}

/* `--reference`: each lab's directives, as `?` shows them on the lab screen. */
static int print_reference(const char *model)
{
    size_t n;
    const LabClass *const *all = lab_classes(&n);
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        if (model && strcmp(all[i]->name, model) != 0)
            continue;
        found = true;
        printf("%s lab (--model %s, files .%s):\n", all[i]->title, all[i]->name, all[i]->ext);
        for (const char *p = all[i]->reference ? all[i]->reference : ""; *p;) {
            size_t len = strcspn(p, "\n"), tab = strcspn(p, "\t");
            if (tab > len)
                tab = len;
            printf("  %-34.*s %.*s\n", (int)tab, p, tab < len ? (int)(len - tab - 1) : 0,
                   tab < len ? p + tab + 1 : "");
            p += len + (p[len] == '\n');
        }
        putchar('\n');
    }
    if (!found)
        return cli_usage_error("no lab '%s'", model);
    puts("Every directive, and what exercises read: docs/EXERCISES.md, section 8.");
    return 0;
}

int cmd_lab(int argc, char **argv)
{
    const char *model = NULL, *step_s = NULL, *seed_s = NULL;
    bool watch = cli_take_flag(&argc, argv, "--watch");
    bool reference = cli_take_flag(&argc, argv, "--reference");
    if (cli_take_option(&argc, argv, "--model", &model) < 0 ||
        cli_take_option(&argc, argv, "--step", &step_s) < 0 ||
        cli_take_option(&argc, argv, "--seed", &seed_s) < 0 || cli_reject_unknown(argc, argv))
        return 2;
    if (reference && argc == 1)
        return print_reference(model);
    if (argc != 2)
        return cli_usage_error("'lab' takes one program file");
    const char *path = argv[1];
    const LabClass *cls = lab_for(model, path);
    if (!cls) {
        Buf b = {0};
        list_models(&b);
        int rc = cli_usage_error("%s: which lab? Give --model, one of %s", path, buf_str(&b));
        buf_fini(&b);
        return rc;
    }
    long steps = -1;
    uint64_t seed = 1;
    char *end;
    if (step_s) {
        errno = 0;
        steps = strtol(step_s, &end, 10);
        if (errno || end == step_s || *end || steps < 0)
            return cli_usage_error("--step takes a number of lines, 0 or more");
    }
    if (seed_s) {
        errno = 0;
        seed = strtoull(seed_s, &end, 10);
        if (errno || end == seed_s || *end || *seed_s == '-')
            return cli_usage_error("--seed takes a whole number");
    } else {
        session_pack_seed(&seed); /* the whole room sees one run */
    }
    if (watch)
        return cmd_lab_watch(path, cls, seed);
    Buf src = {0}, err = {0};
    if (!file_read(path, 1 << 20, &src, &err)) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&src), buf_fini(&err);
        return 2;
    }
    buf_fini(&err);
    Lab lab;
    DiagList dl = {0};
    if (!lab_open(&lab, cls, buf_str(&src), src.len, path, seed, &dl)) {
        diag_print(&dl, stderr);
        diag_fini(&dl);
        lab_close(&lab);
        buf_fini(&src);
        return 1;
    }
    diag_fini(&dl);
    buf_fini(&src);
    if (steps < 0)
        lab_finish(&lab);
    while (steps >= 0 && lab.steps < (size_t)steps && lab_step(&lab))
        ;
    if (lab_busy(&lab))
        lab_step(&lab); /* a line started is shown played out */
    fputs(buf_str(&lab.out), stdout);
    fputs(buf_str(&lab.err), stderr);
    if (!lab.finished)
        printf("(stopped before line %d)\n", lab_line(&lab));
    int rc = lab.finished ? lab.exit_code : 0;
    lab_close(&lab);
    return rc;
}
