/*
 * session: course + profile set-up shared by the commands (see session.h).
 */
#include "cli/session.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/paths.h"

/* The assessments are optional: a problem there is reported on the
 * dashboard and in `pydive stage`, and reading goes on. */
static void open_assessments(Session *s)
{
    char *dir = path_join(s->content_dir, "assessments");
    DiagList diags = {0};
    s->assess_loaded = assess_content_load(dir, &s->assess, &diags);
    free(dir);
    if (!s->assess_loaded) {
        assess_content_fini(&s->assess); /* what the failed load did hold */
        char *first = diags.len ? diag_format(&diags.items[0]) : NULL;
        snprintf(s->assess_error, sizeof s->assess_error, "%s (run 'pydive stage' for all)",
                 first ? first : "assessments/ is missing");
        free(first);
    } else if (assess_store_open_beside(&s->assess_store, &s->store, s->profile, &s->assess_log,
                                        &diags)) {
        s->assess_open = true;
    } else {
        assess_log_fini(&s->assess_log);
        snprintf(s->assess_error, sizeof s->assess_error, "your assessment record cannot be opened");
    }
    diag_move(&s->store_diags, &diags);
}

bool session_save(Session *s, char *err, size_t errlen)
{
    Buf e = {0};
    bool ok = store_save(&s->store, &s->progress, &e);
    if (ok && s->assess_open)
        ok = assess_store_save(&s->assess_store, &s->assess_log, &e);
    if (!ok)
        snprintf(err, errlen, "%s", buf_str(&e));
    buf_fini(&e);
    return ok;
}

int session_open(Session *s, const char *profile, bool want_write)
{
    *s = (Session){0};
    Buf err = {0};
    s->content_dir = paths_content_dir(&err);
    if (!s->content_dir) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&err);
        return 1;
    }
    buf_fini(&err);
    if (!course_load(s->content_dir, &s->course, &s->content_diags)) {
        diag_print(&s->content_diags, stderr);
        fprintf(stderr, "pydive: the course in %s cannot be loaded\n", s->content_dir);
        return 1;
    }
    s->course_loaded = true;
    if (s->course.nchapters == 0) {
        diag_print(&s->content_diags, stderr);
        fprintf(stderr, "pydive: no chapter of the course could be loaded\n");
        return 1;
    }
    if (profile && !paths_profile_name_ok(profile)) {
        fprintf(stderr, "pydive: '%s' is not a usable profile name (use 1-32 letters, digits, "
                        "'.', '_' or '-')\n", profile);
        return 2;
    }
    s->profile = profile ? strdup(profile) : paths_default_profile();
    s->user_dir = paths_user_data_dir();
    if (!store_open(&s->store, s->user_dir, s->profile, want_write, &s->progress,
                    &s->store_diags)) {
        diag_print(&s->store_diags, stderr);
        return 1;
    }
    s->store_open = true;
    open_assessments(s);
    return 0;
}

void session_report(const Session *s)
{
    diag_print(&s->content_diags, stderr);
    diag_print(&s->store_diags, stderr);
}

void session_close(Session *s)
{
    if (s->assess_open) {
        assess_store_close(&s->assess_store);
        assess_log_fini(&s->assess_log);
    }
    if (s->assess_loaded)
        assess_content_fini(&s->assess);
    if (s->store_open) {
        store_close(&s->store);
        progress_fini(&s->progress);
    }
    if (s->course_loaded)
        course_fini(&s->course);
    diag_fini(&s->content_diags);
    diag_fini(&s->store_diags);
    free(s->content_dir);
    free(s->profile);
    free(s->user_dir);
    *s = (Session){0};
}

bool session_utf8_locale(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}
