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

#define ASSESS_FILE "assessments.yaml"
#define LOCK_FILE "lock"
#define TEMP_PREFIX ASSESS_FILE ".tmp-"

static void remove_stale_temps(const AssessStore *s, DiagList *diags)
{
    char **names;
    size_t n = dir_list(s->profile_dir, "", &names);
    for (size_t i = 0; i < n; i++) {
        if (strncmp(names[i], TEMP_PREFIX, strlen(TEMP_PREFIX)) != 0)
            continue;
        char *full = path_join(s->profile_dir, names[i]);
        Buf err = {0};
        if (!file_remove(full, &err))
            diag_add(diags, DIAG_WARNING, full, 0, 0,
                     "could not remove a temporary file left by an interrupted save: %s",
                     buf_str(&err));
        buf_fini(&err);
        free(full);
    }
    dir_list_free(names, n);
}

static void add_as_notes(DiagList *diags, const DiagList *from)
{
    for (size_t i = 0; i < from->len; i++) {
        const Diag *d = &from->items[i];
        diag_add(diags, DIAG_NOTE, d->file, d->line, d->col, "%s", d->msg);
    }
}

static void set_aside(AssessStore *s, const DiagList *why, DiagList *diags)
{
    if (s->read_only) {
        diag_add(diags, DIAG_WARNING, s->path, 0, 0,
                 "assessments file is damaged; showing no assessments and leaving the file "
                 "as it is (the profile is open read-only)");
        add_as_notes(diags, why);
        return;
    }
    Buf moved = {0}, err = {0};
    if (file_move_aside(s->path, &moved, &err)) {
        diag_add(diags, DIAG_WARNING, s->path, 0, 0,
                 "assessments file was damaged and moved to %s; starting clean",
                 buf_str(&moved));
    } else {
        s->read_only = true; /* saving would overwrite the only copy */
        diag_add(diags, DIAG_WARNING, s->path, 0, 0,
                 "assessments file is damaged and could not be moved aside (%s); opened "
                 "read-only so it is not overwritten", buf_str(&err));
    }
    add_as_notes(diags, why);
    buf_fini(&moved);
    buf_fini(&err);
}

/* The file is a newer pydive's: never moved, never written over. */
static void keep_newer(AssessStore *s, int schema, DiagList *diags)
{
    s->read_only = true;
    diag_add(diags, DIAG_WARNING, s->path, 0, 0,
             "assessments file was written by a newer pydive (schema %d; this pydive reads "
             "schema %d): opened read-only, showing no assessments, and the file is kept as it "
             "is; update pydive to go on with this profile, or use another one (--profile NAME)",
             schema, ASSESS_LOG_SCHEMA_VERSION);
}

static bool load(AssessStore *s, AssessLog *out, DiagList *diags)
{
    if (!file_exists(s->path))
        return true;
    Buf err = {0}, text = {0};
    DiagList why = {0};
    size_t size = 0;
    bool ok = file_size(s->path, &size, &err);
    if (ok && size > ASSESS_FILE_MAX) {
        diag_add(&why, DIAG_ERROR, s->path, 0, 0, "the file is %zu bytes; expected at most %d",
                 size, ASSESS_FILE_MAX);
        set_aside(s, &why, diags);
    } else if (ok && (ok = file_read(s->path, ASSESS_FILE_MAX, &text, &err))) {
        AssessLog parsed;
        if (assess_log_parse(buf_str(&text), text.len, s->path, &parsed, &why)) {
            free(parsed.profile);
            parsed.profile = out->profile ? xstrdup(out->profile) : NULL;
            assess_log_fini(out);
            *out = parsed;
        } else if (parsed.schema_version > ASSESS_LOG_SCHEMA_VERSION) {
            keep_newer(s, parsed.schema_version, diags);
            assess_log_fini(&parsed);
        } else {
            assess_log_fini(&parsed);
            set_aside(s, &why, diags);
        }
    }
    if (!ok)
        diag_add(diags, DIAG_ERROR, NULL, 0, 0, "%s", buf_str(&err));
    diag_fini(&why);
    buf_fini(&err);
    buf_fini(&text);
    return ok;
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
        remove_stale_temps(s, diags);
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
