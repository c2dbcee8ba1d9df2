/*
 * session: course + profile set-up shared by the commands (see session.h).
 */
#include "cli/session.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "cli/cli.h"
#include "base/overlay.h"
#include "base/paths.h"
#include "course/outline_cache.h"

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

void pack_refs_init(PackRefs *r, const AssessContent *ac)
{
    *r = (PackRefs){0};
    if (!ac)
        return;
    r->competencies = calloc(ac->ncompetencies ? ac->ncompetencies : 1, sizeof *r->competencies);
    for (size_t i = 0; i < ac->ncompetencies; i++)
        r->competencies[i] = ac->competencies[i].id;
    for (size_t i = 0; i < ASSESS_NSTAGES; i++)
        r->stages[i] = ac->stages[i].id;
    r->refs = (WorkshopRefs){true, r->competencies, ac->ncompetencies, r->stages, ASSESS_NSTAGES};
}

void pack_refs_fini(PackRefs *r)
{
    free(r->competencies);
    *r = (PackRefs){0};
}

bool session_load_workshop(const char *content_dir, const Course *course,
                           const AssessContent *ac, Workshop *out, bool *has, DiagList *diags)
{
    char *path = path_join(content_dir, WORKSHOP_FILE);
    *has = file_exists(path);
    bool ok = true;
    if (*has) {
        PackRefs refs;
        pack_refs_init(&refs, ac);
        ok = workshop_load(path, path, course, &refs.refs, out, diags);
        pack_refs_fini(&refs);
        if (!ok) {
            workshop_fini(out);
            *has = false;
        }
    }
    free(path);
    return ok;
}

/* outline: the course without the cross-file references checked, and no
 * assessments (what `list` and `progress` show needs neither; `validate`
 * and the course screens check and use them). */
static int open_session(Session *s, const char *profile, bool want_write, bool outline)
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
    bool loaded;
    if (outline && outline_cache_read(s->content_dir, &s->course)) {
        loaded = true; /* nothing changed since a load without diagnostics */
    } else if (outline) {
        loaded = course_load_outline(s->content_dir, &s->course, &s->content_diags);
        if (loaded && s->content_diags.len == 0 && s->course.nchapters > 0)
            outline_cache_write(s->content_dir, &s->course);
    } else {
        loaded = course_load(s->content_dir, &s->course, &s->content_diags);
    }
    if (!loaded) {
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
    char *plan = path_join(s->content_dir, WORKSHOP_FILE);
    if (!outline || file_exists(plan)) /* a pack's plan is checked against them */
        open_assessments(s);
    free(plan);
    DiagList wd = {0};
    if (!session_load_workshop(s->content_dir, &s->course, s->assess_loaded ? &s->assess : NULL,
                               &s->workshop, &s->has_workshop, &wd)) {
        diag_print(&wd, stderr);
        diag_fini(&wd);
        fprintf(stderr, "pydive: the workshop plan in %s has errors (run 'pydive pack check "
                        "%s')\n", s->content_dir, s->content_dir);
        return 1;
    }
    diag_move(&s->content_diags, &wd); /* warnings */
    return 0;
}

int session_open(Session *s, const char *profile, bool want_write)
{
    return open_session(s, profile, want_write, false);
}

int session_open_outline(Session *s, const char *profile)
{
    return open_session(s, profile, false, true);
}

void session_report(const Session *s)
{
    diag_print(&s->content_diags, stderr);
    diag_print(&s->store_diags, stderr);
}

void session_close(Session *s)
{
    if (s->has_workshop)
        workshop_fini(&s->workshop);
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

bool session_pack_seed(uint64_t *seed)
{
    Buf err = {0};
    char *dir = paths_content_dir(&err);
    buf_fini(&err);
    if (!dir)
        return false;
    Course c;
    DiagList d = {0};
    bool found = false;
    if (course_load(dir, &c, &d)) {
        Workshop w;
        bool has = false;
        char *adir = path_join(dir, "assessments");
        AssessContent ac;
        bool have_ac = assess_content_load(adir, &ac, &d); /* policies name competencies */
        free(adir);
        if (session_load_workshop(dir, &c, have_ac ? &ac : NULL, &w, &has, &d) && has) {
            if (w.has_seed) {
                *seed = (uint64_t)w.seed;
                found = true;
            }
            workshop_fini(&w);
        }
        if (have_ac)
            assess_content_fini(&ac);
        course_fini(&c);
    }
    diag_fini(&d);
    free(dir);
    return found;
}

void cli_inherit(const char *pack_dir)
{
    Buf err = {0};
    char *shipped = paths_shipped_dir(&err);
    buf_fini(&err);
    if (!shipped)
        return; /* nothing to inherit: the pack stands alone */
    char *series = path_join(pack_dir, "lessons/course.yaml");
    int chapters = file_exists(series) ? course_declared_chapters(series) : 0;
    overlay_set(pack_dir, shipped, chapters);
    free(series);
    free(shipped);
}
