/*
 * cmd_validate: `pydive validate [PATH...]` checks lesson files the way the
 * course loads them and prints every problem as file:line:col on stderr,
 * then one summary line on stdout.  Exit 0 when clean, 1 on any error.
 *
 * A PATH is a content folder (holding lessons/), a lessons/ folder, a
 * course.yaml (checks its whole course) or one chapter module.  With no PATH
 * the installed or $PYDIVE_DATA content is checked.  File names in messages
 * stay as the user wrote them (relative to the current folder).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fslinks.h"
#include "base/fsutil.h"
#include "base/overlay.h"
#include "base/paths.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "course/course.h"
#include "course/yevents.h"
#include "learner/assess.h"

/* The folder part of `path` without trailing '/': "" for a bare name. */
static char *parent_of(const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    while (n > 0 && path[n - 1] != '/')
        n--;
    while (n > 1 && path[n - 1] == '/')
        n--;
    return xstrndup(path, n);
}

static bool base_is(const char *path, const char *name)
{
    size_t n = strlen(path), m = strlen(name);
    while (n > 1 && path[n - 1] == '/')
        n--;
    return n >= m && strncmp(path + n - m, name, m) == 0 && (n == m || path[n - m - 1] == '/');
}

/* An absolute content folder under the current one is shown relative. */
static char *shown_path(const char *dir)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return xstrdup(dir);
    size_t n = strlen(cwd);
    if (strcmp(dir, cwd) == 0)
        return xstrdup("");
    if (strncmp(dir, cwd, n) == 0 && dir[n] == '/')
        return xstrdup(dir + n + 1);
    return xstrdup(dir);
}

/* An action's "chNN" or "chNN#section-id" must name a loaded chapter and
 * one of its sections. */
static void check_action_ref(const Course *c, const Action *act, const char *file,
                             DiagList *diags)
{
    int number = 0, used = 0;
    if (sscanf(act->ref, "ch%2d%n", &number, &used) != 1) {
        diag_add(diags, DIAG_ERROR, file, 0, 0,
                 "action '%s': ref '%s' should read chNN or chNN#section-id", act->id, act->ref);
        return;
    }
    const Chapter *ch = course_chapter_by_number(c, number);
    const char *section = act->ref[used] == '#' ? act->ref + used + 1 : NULL;
    if (!ch)
        diag_add(diags, DIAG_ERROR, file, 0, 0, "action '%s': ref '%s' names no chapter of the "
                 "course", act->id, act->ref);
    else if (section && chapter_section_index(ch, section) < 0)
        diag_add(diags, DIAG_ERROR, file, 0, 0, "action '%s': chapter %d has no section '%s'",
                 act->id, number, section);
}

/* The assessments, when the content has them (a workshop pack may not). */
static size_t validate_assessments(const char *dir, const Course *c, DiagList *diags)
{
    char *adir = path_join(dir, "assessments");
    char *stages = path_join(adir, "stages.yaml");
    size_t files = 0;
    if (overlay_file_exists(stages)) {
        char **names;
        files = overlay_list(adir, ".yaml", &names);
        dir_list_free(names, files);
        AssessContent ac;
        if (assess_content_load(adir, &ac, diags)) {
            char *actions = overlay_join(adir, "actions.yaml");
            for (size_t i = 0; i < ac.nactions; i++)
                if (ac.actions[i].ref)
                    check_action_ref(c, &ac.actions[i], actions, diags);
            free(actions);
        }
        assess_content_fini(&ac); /* a failed load holds memory too */
    }
    free(stages);
    free(adir);
    return files;
}

size_t cli_validate_course(const char *dir, DiagList *diags)
{
    Course c;
    size_t assessed = 0;
    Buf where = {0}, why = {0};
    bool contained = content_links_stay_inside(dir, &where, &why);
    if (!contained) /* nothing in the folder is read: a link could quote any file */
        diag_add(diags, DIAG_ERROR, buf_str(&where), 0, 0, "%s", buf_str(&why));
    buf_fini(&where);
    buf_fini(&why);
    if (!contained)
        return 0;
    if (course_load(dir, &c, diags)) {
        assessed = validate_assessments(dir, &c, diags);
        course_fini(&c);
    }
    char *lessons = path_join(dir, "lessons");
    char **names;
    size_t n = course_list_modules(lessons, &names);
    dir_list_free(names, n);
    free(lessons);
    return 1 + n + assessed;
}

static size_t validate_chapter(const char *path, DiagList *diags)
{
    char *folder = parent_of(path);
    char *content = NULL;
    if (base_is(folder, "lessons")) {
        content = parent_of(folder);
    } else {
        Buf err = {0};
        content = paths_content_dir(&err); /* NULL: references go unchecked */
        buf_fini(&err);
    }
    Chapter ch;
    if (chapter_load_file(path, content, &ch, diags))
        chapter_fini(&ch);
    free(content);
    free(folder);
    return 1;
}

static size_t validate_path(const char *path, DiagList *diags)
{
    if (dir_exists(path)) {
        char *lessons = path_join(path, "lessons");
        char *series = path_join(path, "course.yaml");
        size_t n = 0;
        if (dir_exists(lessons)) {
            n = cli_validate_course(path, diags);
        } else if (base_is(path, "lessons") || file_exists(series)) {
            char *content = parent_of(path);
            n = cli_validate_course(content, diags);
            free(content);
        } else {
            diag_add(diags, DIAG_ERROR, path, 0, 0,
                     "not a content folder (no lessons/ inside) nor a lessons/ folder");
        }
        free(series);
        free(lessons);
        return n;
    }
    if (base_is(path, "course.yaml")) {
        char *folder = parent_of(path);
        size_t n = 0;
        if (base_is(folder, "lessons")) {
            char *content = parent_of(folder);
            n = cli_validate_course(content, diags);
            free(content);
        } else {
            diag_add(diags, DIAG_ERROR, path, 0, 0,
                     "course.yaml is checked with its course, so it must sit in a lessons/ "
                     "folder");
        }
        free(folder);
        return n;
    }
    return validate_chapter(path, diags);
}

int cmd_validate(int argc, char **argv)
{
    if (cli_reject_unknown(argc, argv))
        return 2;
    DiagList diags = {0};
    size_t files = 0;
    yev_keep_begin(); /* the assessments are read twice: parsed once (course/yevents.h) */
    if (argc < 2) {
        Buf err = {0};
        char *dir = paths_content_dir(&err);
        if (!dir) {
            fprintf(stderr, "pydive validate: %s\n", buf_str(&err));
            buf_fini(&err);
            yev_keep_end();
            return 1;
        }
        char *shown = shown_path(dir);
        files = cli_validate_course(shown, &diags);
        free(shown);
        free(dir);
    }
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--") != 0)
            files += validate_path(argv[i], &diags);
    yev_keep_end();

    diag_print(&diags, stderr);
    size_t errors = diag_count(&diags, DIAG_ERROR);
    printf("checked %zu file%s: %zu error%s\n", files, files == 1 ? "" : "s", errors,
           errors == 1 ? "" : "s");
    diag_fini(&diags);
    return errors ? 1 : 0;
}
