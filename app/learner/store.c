/*
 * store: a learner profile's progress on disk (see store.h).
 *
 * Owns the profile directory layout and the rules around it: who may write
 * (the holder of the profile lock), what counts as confirmed (only the file
 * that a completed rename put in place; temporary files a killed save left
 * behind are removed by the next writer), and what happens to a file that
 * cannot be read (moved aside and reported, never overwritten unseen).
 * All file-system work goes through base/fsutil.
 */
#include "learner/store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/paths.h"
#include "base/xalloc.h"
#include "learner/profile_file.h"

#define PROGRESS_FILE "progress.yaml"
#define LOCK_FILE "lock"
#define TEMP_PREFIX PROGRESS_FILE ".tmp-" /* as file_write_atomic names them */

static const char *profile_of(const Store *s)
{
    const char *slash = strrchr(s->profile_dir, '/');
    return slash ? slash + 1 : s->profile_dir;
}

static const ProfileFileKind progress_kind = {
    .noun = "progress",
    .shows = "no progress",
    .max_bytes = PROGRESS_FILE_MAX,
    .schema = PROGRESS_SCHEMA_VERSION,
};

static void take_lock(Store *s, DiagList *diags)
{
    char *lock_path = path_join(s->profile_dir, LOCK_FILE);
    Buf err = {0};
    s->lock_fd = file_lock(lock_path, &err);
    if (s->lock_fd >= 0) {
        s->read_only = false;
    } else if (errno == EWOULDBLOCK) {
        s->held_elsewhere = true;
        diag_add(diags, DIAG_WARNING, NULL, 0, 0,
                 "profile '%s' is open in another pydive; opened read-only — "
                 "changes will not be saved", profile_of(s));
    } else {
        diag_add(diags, DIAG_WARNING, NULL, 0, 0,
                 "profile '%s' cannot be locked (%s); opened read-only — "
                 "changes will not be saved", profile_of(s), buf_str(&err));
    }
    buf_fini(&err);
    free(lock_path);
}

static void drop_lock(Store *s)
{
    file_unlock(s->lock_fd);
    s->lock_fd = -1;
    s->read_only = true;
}

/* The progress file cannot be used: keep it for the learner to look at and
 * start from an empty record; when it cannot be moved aside, saving would
 * overwrite the only copy, so the lock is dropped. */
static void set_aside(Store *s, const DiagList *why, DiagList *diags)
{
    if (!profile_file_set_aside(&progress_kind, s->path, s->read_only, why, diags))
        drop_lock(s);
}

/* Reads the progress file into *out.  False when it exists but cannot be
 * read at all (permissions, I/O): the profile is then unusable. */
static bool load(Store *s, Progress *out, DiagList *diags)
{
    Buf text = {0};
    DiagList why = {0};
    ProfileRead r = profile_file_read(&progress_kind, s->path, &text, &why, diags);
    if (r == PROFILE_READ_DAMAGED)
        set_aside(s, &why, diags);
    if (r == PROFILE_READ_TEXT) {
        Progress parsed;
        if (progress_parse(text.data, text.len, s->path, &parsed, &why)) {
            free(parsed.profile);
            parsed.profile = xstrdup(out->profile); /* the directory names the profile */
            progress_fini(out);
            *out = parsed;
        } else if (parsed.schema_version > PROGRESS_SCHEMA_VERSION) {
            /* a newer pydive's: without the lock nothing here saves (nor the
             * assessments beside it) until pydive is updated */
            if (!s->read_only)
                drop_lock(s);
            profile_file_warn_newer(&progress_kind, s->path, parsed.schema_version, diags);
            progress_fini(&parsed);
        } else {
            progress_fini(&parsed);
            set_aside(s, &why, diags);
        }
    }
    diag_fini(&why);
    buf_fini(&text);
    return r != PROFILE_READ_FAILED;
}

bool store_open(Store *s, const char *user_data_dir, const char *profile, bool want_write,
                Progress *out, DiagList *diags)
{
    *s = (Store){.lock_fd = -1, .read_only = true};
    bool name_ok = profile && paths_profile_name_ok(profile);
    progress_init(out, name_ok ? profile : "");
    if (!name_ok) {
        diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                 "'%s' is not a usable profile name; expected 1-32 characters of "
                 "A-Z a-z 0-9 . _ - not starting with '.'", profile ? profile : "");
        return false;
    }
    char *profiles = path_join(user_data_dir, "profiles");
    s->profile_dir = path_join(profiles, profile);
    s->path = path_join(s->profile_dir, PROGRESS_FILE);
    free(profiles);

    Buf err = {0};
    if (!dir_make(s->profile_dir, &err)) /* a read-only home: read the course, save nothing */
        diag_add(diags, DIAG_WARNING, NULL, 0, 0,
                 "%s; opened read-only — changes will not be saved", buf_str(&err));
    else if (want_write)
        take_lock(s, diags);
    buf_fini(&err);
    if (!s->read_only)
        profile_file_remove_temps(s->profile_dir, TEMP_PREFIX, diags);
    bool ok = load(s, out, diags);
    if (!ok)
        store_close(s);
    return ok;
}

bool store_save(Store *s, const Progress *p, Buf *err)
{
    if (!s->path || s->read_only || s->lock_fd < 0) {
        buf_clear(err);
        buf_printf(err, "profile '%s' is open read-only; progress was not saved",
                   s->profile_dir ? profile_of(s) : "?");
        return false;
    }
    Buf text = {0};
    progress_serialize(p, &text);
    bool ok = text.len > 0;
    if (!ok) {
        buf_clear(err);
        buf_printf(err, "could not turn the progress of '%s' into YAML; nothing was saved",
                   profile_of(s));
    } else {
        ok = file_write_atomic(s->path, text.data, text.len, err);
    }
    buf_fini(&text);
    return ok;
}

void store_close(Store *s)
{
    file_unlock(s->lock_fd);
    free(s->profile_dir);
    free(s->path);
    *s = (Store){.lock_fd = -1, .read_only = true};
}
