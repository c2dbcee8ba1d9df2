/*
 * profiles: listing the learner profiles (see profiles.h).  Each profile's
 * files are parsed read-only with the stores' own parsers, so what is listed
 * is what opening the profile would see.
 */
#include "learner/profiles.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fsutil.h"
#include "base/paths.h"
#include "base/xalloc.h"
#include "learner/assess_store.h"
#include "learner/store.h"

static void read_progress(const char *dir, ProfileInfo *pi)
{
    char *path = path_join(dir, "progress.yaml");
    Buf text = {0}, err = {0};
    if (file_exists(path)) {
        Progress p;
        DiagList dl = {0};
        bool got = file_read(path, PROGRESS_FILE_MAX, &text, &err);
        if (got && progress_parse(text.data ? text.data : "", text.len, path, &p, &dl)) {
            pi->progress_updated = p.updated;
            for (size_t i = 0; i < p.nchapters; i++)
                pi->sections_read += p.chapters[i].nread;
            pi->last_chapter = p.last_chapter ? xstrdup(p.last_chapter) : NULL;
        } else {
            pi->damaged = true;
        }
        if (got) /* the parser initialised it, even on failure */
            progress_fini(&p);
        diag_fini(&dl);
    }
    buf_fini(&text);
    buf_fini(&err);
    free(path);
}

static int64_t read_assessments(const char *dir, ProfileInfo *pi)
{
    char *path = path_join(dir, "assessments.yaml");
    Buf text = {0}, err = {0};
    int64_t updated = 0;
    if (file_exists(path)) {
        AssessLog log;
        DiagList dl = {0};
        bool got = file_read(path, ASSESS_FILE_MAX, &text, &err);
        if (got && assess_log_parse(text.data ? text.data : "", text.len, path, &log, &dl)) {
            updated = log.updated;
            pi->answers = log.nanswers;
        } else {
            pi->damaged = true;
        }
        if (got)
            assess_log_fini(&log);
        diag_fini(&dl);
    }
    buf_fini(&text);
    buf_fini(&err);
    free(path);
    return updated;
}

static int by_use(const void *a, const void *b)
{
    const ProfileInfo *x = a, *y = b;
    if (x->last_used != y->last_used)
        return x->last_used > y->last_used ? -1 : 1;
    return strcmp(x->name, y->name);
}

void profiles_list(const char *user_data_dir, ProfileList *out)
{
    *out = (ProfileList){0};
    char *root = path_join(user_data_dir, "profiles");
    char **names;
    size_t n = dir_list_subdirs(root, &names);
    out->items = xcalloc(n ? n : 1, sizeof *out->items);
    for (size_t i = 0; i < n; i++) {
        if (!paths_profile_name_ok(names[i]))
            continue;
        ProfileInfo *pi = &out->items[out->n++];
        pi->name = xstrdup(names[i]);
        char *dir = path_join(root, names[i]);
        read_progress(dir, pi);
        int64_t a = read_assessments(dir, pi);
        pi->last_used = a > pi->progress_updated ? a : pi->progress_updated;
        free(dir);
    }
    qsort(out->items, out->n, sizeof *out->items, by_use);
    dir_list_free(names, n);
    free(root);
}

void profiles_fini(ProfileList *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].name);
        free(l->items[i].last_chapter);
    }
    free(l->items);
    *l = (ProfileList){0};
}

const ProfileInfo *profiles_find(const ProfileList *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].name, name) == 0)
            return &l->items[i];
    return NULL;
}
