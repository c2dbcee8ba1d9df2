/*
 * assess_store: the assessments file of a profile on disk (see
 * assess_store.h).  Owns who may write (the profile-lock holder), what is
 * confirmed (only what a completed rename put in place: stale temporary
 * files are removed by the next writer) and what happens to a damaged file
 * (moved aside and reported).  All file-system work goes through base/fsutil.
 */
#include "learner/assess_store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/paths.h"
#include "base/xalloc.h"
#include "learner/profile_file.h"

#define ASSESS_FILE "assessments.yaml"
#define LOCK_FILE "lock"
#define TEMP_PREFIX ASSESS_FILE ".tmp-"

static const ProfileFileKind assess_kind = {
    .noun = "assessments",
    .shows = "no assessments",
    .max_bytes = ASSESS_FILE_MAX,
    .schema = ASSESS_LOG_SCHEMA_VERSION,
};

static void set_aside(AssessStore *s, const DiagList *why, DiagList *diags)
{
    if (!profile_file_set_aside(&assess_kind, s->path, s->read_only, why, diags))
        s->read_only = true; /* saving would overwrite the only copy */
}

static bool load(AssessStore *s, AssessLog *out, DiagList *diags)
{
    Buf text = {0};
    DiagList why = {0};
    ProfileRead r = profile_file_read(&assess_kind, s->path, &text, &why, diags);
    if (r == PROFILE_READ_DAMAGED)
        set_aside(s, &why, diags);
    if (r == PROFILE_READ_TEXT) {
        AssessLog parsed;
        if (assess_log_parse(buf_str(&text), text.len, s->path, &parsed, &why)) {
            free(parsed.profile);
            parsed.profile = out->profile ? xstrdup(out->profile) : NULL;
            assess_log_fini(out);
            *out = parsed;
        } else if (parsed.schema_version > ASSESS_LOG_SCHEMA_VERSION) {
            s->read_only = true; /* a newer pydive's file: never moved, never written over */
            profile_file_warn_newer(&assess_kind, s->path, parsed.schema_version, diags);
            assess_log_fini(&parsed);
        } else {
            assess_log_fini(&parsed);
            set_aside(s, &why, diags);
        }
    }
    diag_fini(&why);
    buf_fini(&text);
    return r != PROFILE_READ_FAILED;
}

static bool open_common(AssessStore *s, const char *profile_dir, const char *profile,
                        AssessLog *out, DiagList *diags)
{
    s->profile_dir = xstrdup(profile_dir);
    s->path = path_join(profile_dir, ASSESS_FILE);
    assess_log_init(out, profile);
    Buf err = {0};
    bool ok = s->read_only || dir_make(s->profile_dir, &err); /* reading needs no folder */
    if (!ok)
        diag_add(diags, DIAG_ERROR, NULL, 0, 0, "%s", buf_str(&err));
    buf_fini(&err);
    if (ok && !s->read_only)
        profile_file_remove_temps(s->profile_dir, TEMP_PREFIX, diags);
    return ok && load(s, out, diags);
}

bool assess_store_open(AssessStore *s, const char *user_data_dir, const char *profile,
                       bool want_write, AssessLog *out, DiagList *diags)
{
    *s = (AssessStore){.lock_fd = -1, .read_only = true};
    if (!profile || !paths_profile_name_ok(profile)) {
        assess_log_init(out, NULL);
        diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                 "'%s' is not a usable profile name; expected 1-32 characters of "
                 "A-Z a-z 0-9 . _ - not starting with '.'", profile ? profile : "");
        return false;
    }
    char *profiles = path_join(user_data_dir, "profiles");
    char *dir = path_join(profiles, profile);
    free(profiles);
    Buf err = {0};
    if (want_write && !dir_make(dir, &err)) {
        diag_add(diags, DIAG_WARNING, NULL, 0, 0,
                 "%s; opened read-only — answers will not be saved", buf_str(&err));
    } else if (want_write) {
        char *lock = path_join(dir, LOCK_FILE);
        s->lock_fd = file_lock(lock, &err);
        s->read_only = s->lock_fd < 0;
        if (s->read_only && errno == EWOULDBLOCK)
            diag_add(diags, DIAG_WARNING, NULL, 0, 0, "profile '%s' is open in another "
                     "pydive; opened read-only — answers will not be saved", profile);
        else if (s->read_only)
            diag_add(diags, DIAG_WARNING, NULL, 0, 0, "profile '%s' cannot be locked (%s); "
                     "opened read-only — answers will not be saved", profile, buf_str(&err));
        free(lock);
    }
    buf_fini(&err);
    bool ok = open_common(s, dir, profile, out, diags);
    free(dir);
    if (!ok)
        assess_store_close(s);
    return ok;
}

bool assess_store_open_beside(AssessStore *s, const Store *progress, const char *profile,
                              AssessLog *out, DiagList *diags)
{
    *s = (AssessStore){.lock_fd = -1, .read_only = progress->read_only};
    bool ok = open_common(s, progress->profile_dir, profile, out, diags);
    if (!ok)
        assess_store_close(s);
    return ok;
}

bool assess_store_save(AssessStore *s, const AssessLog *log, Buf *err)
{
    if (!s->path || s->read_only) {
        buf_clear(err);
        buf_printf(err, "the profile is open read-only; the assessment was not saved");
        return false;
    }
    Buf text = {0};
    assess_log_serialize(log, &text);
    bool ok = text.len > 0;
    if (!ok) {
        buf_clear(err);
        buf_adds(err, "could not turn the assessments into YAML; nothing was saved");
    } else {
        ok = file_write_atomic(s->path, text.data, text.len, err);
    }
    buf_fini(&text);
    return ok;
}

void assess_store_close(AssessStore *s)
{
    if (s->lock_fd >= 0)
        file_unlock(s->lock_fd);
    free(s->profile_dir);
    free(s->path);
    *s = (AssessStore){.lock_fd = -1, .read_only = true};
}
