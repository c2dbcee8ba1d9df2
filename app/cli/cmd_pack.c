/*
 * cmd_pack: `pydive pack check DIR` checks a workshop pack as a whole — its
 * course (lessons/, exercises, quiz refs), its assessments/ and the
 * workshop.yaml plan against both — printing every problem as file:line:col
 * on stderr and one summary on stdout, after the plan and what the pack
 * overrides (a pack holds only what it changes and inherits the rest from the
 * shipped course).  Exit 0 when clean, 1 on any error, 2 on a usage error.
 * The pack layout is docs/WORKSHOP.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/fsutil.h"
#include "base/overlay.h"
#include "cli/cli.h"
#include "cli/session.h"

/* What the plan says, for an instructor reading the check's output. */
static void print_plan(const Workshop *w, const Course *c)
{
    printf("%s (pack %s, version %d): %zu chapter%s, %d min", w->title, w->id, w->version,
           w->nagenda, w->nagenda == 1 ? "" : "s", w->total_minutes);
    if (w->has_seed)
        printf(", seed %lld", (long long)w->seed);
    putchar('\n');
    for (size_t i = 0; i < w->nagenda; i++) {
        const WorkshopChapter *wc = &w->agenda[i];
        const Chapter *ch = course_chapter_by_id(c, wc->chapter_id);
        const WorkshopPolicy *p = &wc->policy;
        /* the title whole on its own line, the plan under it */
        printf("  %zu. ch%d %s\n     %3d min  %-6s skip:%s solutions:%s", i + 1, wc->number,
               ch ? ch->title : wc->chapter_id, wc->minutes, wc->open ? "open" : "closed",
               p->skip ? "yes" : "no", workshop_solutions_name(p->solutions));
        if (p->min_score >= 0)
            printf(" min_score:%d%%", p->min_score);
        if (p->min_competency)
            printf(" min_stage:%s/%s", p->min_competency, p->min_stage);
        putchar('\n');
    }
}

/* The pack's own files: those it overrides, those it adds, and where the
 * rest comes from. */
static void print_own_files(void)
{
    char **names;
    bool *over;
    size_t n = overlay_own_files(&names, &over);
    for (int pass = 1; pass >= 0; pass--) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            k += over[i] == pass;
        printf("%s %zu file%s%s\n", pass ? "overrides" : "adds", k, k == 1 ? "" : "s",
               k ? ":" : "");
        for (size_t i = 0; i < n; i++)
            if (over[i] == pass)
                printf("  %s\n", names[i]);
    }
    if (overlay_shipped())
        printf("inherits the rest from %s\n", overlay_shipped());
    dir_list_free(names, n);
    free(over);
}

static int pack_check(const char *dir)
{
    DiagList diags = {0};
    size_t files = 0;
    cli_inherit(dir);
    char *lessons = path_join(dir, "lessons");
    if (!dir_exists(dir) || !overlay_dir_exists(lessons)) {
        diag_add(&diags, DIAG_ERROR, dir, 0, 0, "not a pack folder (no lessons/ inside, nor a "
                 "shipped course to inherit them from)");
    } else {
        files = cli_validate_course(dir, &diags);
        DiagList again = {0}; /* the same problems, already reported above */
        Course c;
        if (files > 0 && course_load(dir, &c, &again)) { /* 0: links leave the pack */
            char *adir = path_join(dir, "assessments");
            char *stages = path_join(adir, "stages.yaml");
            AssessContent ac;
            bool tried = overlay_file_exists(stages);
            bool has_ac = tried && assess_content_load(adir, &ac, &again);
            if (tried && !has_ac)
                assess_content_fini(&ac);
            Workshop w;
            bool has = false;
            char *plan = path_join(dir, WORKSHOP_FILE);
            if (!file_exists(plan))
                diag_add(&diags, DIAG_ERROR, plan, 0, 0, "a pack needs a workshop.yaml (see "
                         "docs/WORKSHOP.md)");
            else if (session_load_workshop(dir, &c, has_ac ? &ac : NULL, &w, &has, &diags) &&
                     has && diag_count(&diags, DIAG_ERROR) == 0) {
                print_plan(&w, &c);
                print_own_files();
            }
            files += file_exists(plan);
            if (has)
                workshop_fini(&w);
            if (has_ac)
                assess_content_fini(&ac);
            free(plan);
            free(stages);
            free(adir);
            course_fini(&c);
        }
        diag_fini(&again);
    }
    free(lessons);
    diag_print(&diags, stderr);
    size_t errors = diag_count(&diags, DIAG_ERROR);
    printf("checked %zu file%s: %zu error%s\n", files, files == 1 ? "" : "s", errors,
           errors == 1 ? "" : "s");
    diag_fini(&diags);
    return errors ? 1 : 0;
}

int cmd_pack(int argc, char **argv)
{
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (argc < 2)
        return cli_usage_error("pack needs a subcommand: pydive pack check DIR");
    if (strcmp(argv[1], "check") != 0)
        return cli_usage_error("unknown pack subcommand '%s' (there is: check)", argv[1]);
    if (argc != 3)
        return cli_usage_error("usage: pydive pack check DIR");
    return pack_check(argv[2]);
}
