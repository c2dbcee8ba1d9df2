/*
 * cmd_verify: `pydive verify [FILE...]` — checks that every exercise (or the
 * files named) still loads, runs and agrees with the model, and that its hint
 * links and competencies exist in the course and assessments it ships with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "base/paths.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "script/exrun.h"

/* Checks what the script layer cannot: the hint's lesson link and the
 * competency ids against the loaded course and assessments. */
static void verify_refs(const Exercise *ex, const Course *course, const AssessContent *ac,
                        const char *src, DiagList *dl)
{
    if (ex->hint_link && course) {
        int chapter = atoi(ex->hint_link + 2);
        const char *section = strchr(ex->hint_link, '#') + 1;
        const Chapter *ch = course_chapter_by_number(course, chapter);
        if (!ch || chapter_section_index(ch, section) < 0) {
            const char *at = strstr(src, "hints");
            int line = 1;
            for (const char *p = src; at && p < at; p++)
                line += *p == '\n';
            diag_add(dl, DIAG_ERROR, ex->file, at ? line : ex->line, 0,
                     "the hint links %s, but chapter %d has no section '%s'", ex->hint_link,
                     chapter, section);
        }
    }
    for (size_t i = 0; ac && i < ex->ncompetencies; i++)
        if (assess_competency_index(ac, ex->competencies[i]) < 0)
            diag_add(dl, DIAG_ERROR, ex->file, ex->line, 0,
                     "unknown competency '%s' (see assessments/competencies.yaml)",
                     ex->competencies[i]);
}

static void verify_one(const char *path, const Course *course, const AssessContent *ac,
                       DiagList *dl, size_t *count)
{
    ExHandle h;
    (*count)++;
    if (exrun_load(&h, path, dl)) {
        exrun_verify(&h, dl);
        Buf src = {0}, err = {0};
        if (file_read(path, 1 << 20, &src, &err))
            verify_refs(&h.ex, course, ac, buf_str(&src), dl);
        buf_fini(&src);
        buf_fini(&err);
    }
    exrun_fini(&h);
}

int cmd_verify(int argc, char **argv)
{
    if (cli_take_flag(&argc, argv, "--help"))
        return cli_command_help("verify");
    if (cli_reject_unknown(argc, argv))
        return 2;
    Buf err = {0};
    char *content = paths_content_dir(&err);
    if (!content) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&err);
        return 1;
    }
    buf_fini(&err);
    DiagList dl = {0}, quiet = {0};
    Course course;
    bool have_course = course_load(content, &course, &quiet);
    char *adir = path_join(content, "assessments");
    AssessContent ac;
    bool have_ac = assess_content_load(adir, &ac, &quiet);
    free(adir);
    diag_fini(&quiet);
    size_t count = 0;
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            verify_one(argv[i], have_course ? &course : NULL, have_ac ? &ac : NULL, &dl,
                       &count);
    } else {
        ExEntry *idx;
        size_t n = exrun_index(content, &idx);
        for (size_t i = 0; i < n; i++)
            verify_one(idx[i].path, have_course ? &course : NULL, have_ac ? &ac : NULL, &dl,
                       &count);
        exrun_index_free(idx, n);
    }
    diag_print(&dl, stderr);
    size_t errors = diag_count(&dl, DIAG_ERROR);
    printf("verify: %zu exercise%s, %zu problem%s\n", count, count == 1 ? "" : "s", errors,
           errors == 1 ? "" : "s");
    diag_fini(&dl);
    if (have_course)
        course_fini(&course);
    if (have_ac)
        assess_content_fini(&ac);
    free(content);
    return errors ? 1 : 0;
}
