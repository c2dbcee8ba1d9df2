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

#define PROGRESS_FILE "progress.yaml"
#define LOCK_FILE "lock"
#define TEMP_PREFIX PROGRESS_FILE ".tmp-" /* as file_write_atomic names them */

static const char *profile_of(const Store *s)
{
    const char *slash = strrchr(s->profile_dir, '/');
    return slash ? slash + 1 : s->profile_dir;
}

/* A save killed before its rename leaves "progress.yaml.tmp-" plus six random characters.  It was
 * never confirmed, so it is dropped.  Only the lock holder may do this: a
 * temporary file may belong to a save in progress in another pydive. */
static void remove_stale_temps(const Store *s, DiagList *diags)
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

/* Adds what the parser said, as notes under the warning just added. */
static void add_as_notes(DiagList *diags, const DiagList *from)
{
    for (size_t i = 0; i < from->len; i++) {
        const Diag *d = &from->items[i];
        diag_add(diags, DIAG_NOTE, d->file, d->line, d->col, "%s", d->msg);
    }
}

/* The progress file cannot be used: keep it for the learner to look at and
 * start from an empty record. */
static void set_aside(Store *s, const DiagList *why, DiagList *diags)
{
    if (s->read_only) {
        diag_add(diags, DIAG_WARNING, s->path, 0, 0,
                 "progress file is damaged; showing no progress and leaving the file as it "
                 "is (this pydive opened the profile read-only)");
        add_as_notes(diags, why);
        return;
    }
    Buf moved = {0}, err = {0};
    if (file_move_aside(s->path, &moved, &err)) {
        diag_add(diags, DIAG_WARNING, s->path, 0, 0,
                 "progress file was damaged and moved to %s; starting clean", buf_str(&moved));
    } else {
        /* Saving now would overwrite the only copy: refuse to write. */
        drop_lock(s);
        diag_add(diags, DIAG_WARNING, s->path, 0, 0,
                 "progress file is damaged and could not be moved aside (%s); opened "
                 "read-only so it is not overwritten", buf_str(&err));
    }
    add_as_notes(diags, why);
    buf_fini(&moved);
    buf_fini(&err);
}

/* The progress file is a newer pydive's: keep it exactly as it is.  Without
 * the lock nothing here saves (nor the assessments beside it), until pydive
 * is updated. */
static void keep_newer(Store *s, int schema, DiagList *diags)
{
    if (!s->read_only)
        drop_lock(s);
    diag_add(diags, DIAG_WARNING, s->path, 0, 0,
             "progress file was written by a newer pydive (schema %d; this pydive reads schema "
             "%d): opened read-only, showing no progress, and the file is kept as it is; "
             "update pydive to go on with this profile, or use another one (--profile NAME)",
             schema, PROGRESS_SCHEMA_VERSION);
}

/* Reads the progress file into *out.  False when it exists but cannot be
 * read at all (permissions, I/O): the profile is then unusable. */
static bool load(Store *s, Progress *out, DiagList *diags)
{
    if (!file_exists(s->path))
        return true; /* a new profile */
    Buf err = {0}, text = {0};
    DiagList why = {0};
    size_t size = 0;
    bool ok = file_size(s->path, &size, &err);
    if (ok && size > PROGRESS_FILE_MAX) {
        diag_add(&why, DIAG_ERROR, s->path, 0, 0,
                 "the file is %zu bytes; expected at most %d", size, PROGRESS_FILE_MAX);
        set_aside(s, &why, diags);
    } else if (ok && (ok = file_read(s->path, PROGRESS_FILE_MAX, &text, &err))) {
        Progress parsed;
        if (progress_parse(text.data, text.len, s->path, &parsed, &why)) {
            free(parsed.profile);
            parsed.profile = xstrdup(out->profile); /* the directory names the profile */
            progress_fini(out);
            *out = parsed;
        } else if (parsed.schema_version > PROGRESS_SCHEMA_VERSION) {
            keep_newer(s, parsed.schema_version, diags);
            progress_fini(&parsed);
        } else {
            progress_fini(&parsed);
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
        remove_stale_temps(s, diags);
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
