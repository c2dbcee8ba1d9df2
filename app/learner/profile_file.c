/*
 * profile_file: the on-disk rules shared by the files of a profile folder
 * (see profile_file.h).  All file-system work goes through base/fsutil.
 */
#include "learner/profile_file.h"

#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/paths.h"

void profile_file_remove_temps(const char *dir, const char *prefix, DiagList *diags)
{
    char **names;
    size_t n = dir_list(dir, "", &names);
    for (size_t i = 0; i < n; i++) {
        if (strncmp(names[i], prefix, strlen(prefix)) != 0)
            continue;
        char *full = path_join(dir, names[i]);
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

ProfileRead profile_file_read(const ProfileFileKind *kind, const char *path, Buf *text,
                              DiagList *why, DiagList *diags)
{
    if (!file_exists(path))
        return PROFILE_READ_ABSENT;
    Buf err = {0};
    size_t size = 0;
    ProfileRead r = PROFILE_READ_TEXT;
    if (!file_size(path, &size, &err) || (size <= kind->max_bytes &&
                                          !file_read(path, kind->max_bytes, text, &err))) {
        diag_add(diags, DIAG_ERROR, NULL, 0, 0, "%s", buf_str(&err));
        r = PROFILE_READ_FAILED;
    } else if (size > kind->max_bytes) {
        diag_add(why, DIAG_ERROR, path, 0, 0, "the file is %zu bytes; expected at most %zu",
                 size, kind->max_bytes);
        r = PROFILE_READ_DAMAGED;
    }
    buf_fini(&err);
    return r;
}

/* What the parser said, as notes under the warning just added. */
static void add_as_notes(DiagList *diags, const DiagList *from)
{
    for (size_t i = 0; i < from->len; i++) {
        const Diag *d = &from->items[i];
        diag_add(diags, DIAG_NOTE, d->file, d->line, d->col, "%s", d->msg);
    }
}

bool profile_file_set_aside(const ProfileFileKind *kind, const char *path, bool read_only,
                            const DiagList *why, DiagList *diags)
{
    bool moved_ok = true;
    if (read_only) {
        diag_add(diags, DIAG_WARNING, path, 0, 0,
                 "%s file is damaged; showing %s and leaving the file as it is (this pydive "
                 "opened the profile read-only)", kind->noun, kind->shows);
    } else {
        Buf moved = {0}, err = {0};
        moved_ok = file_move_aside(path, &moved, &err);
        if (moved_ok)
            diag_add(diags, DIAG_WARNING, path, 0, 0,
                     "%s file was damaged and moved to %s; starting clean", kind->noun,
                     buf_str(&moved));
        else
            diag_add(diags, DIAG_WARNING, path, 0, 0,
                     "%s file is damaged and could not be moved aside (%s); opened "
                     "read-only so it is not overwritten", kind->noun, buf_str(&err));
        buf_fini(&moved);
        buf_fini(&err);
    }
    add_as_notes(diags, why);
    return moved_ok;
}

void profile_file_warn_newer(const ProfileFileKind *kind, const char *path, int schema,
                             DiagList *diags)
{
    diag_add(diags, DIAG_WARNING, path, 0, 0,
             "%s file was written by a newer pydive (schema %d; this pydive reads schema %d): "
             "opened read-only, showing %s, and the file is kept as it is; update pydive to "
             "go on with this profile, or use another one (--profile NAME)",
             kind->noun, schema, kind->schema, kind->shows);
}
