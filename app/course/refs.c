/*
 * refs: the exercise and quiz-item id index (see refs.h).
 */
#include "course/refs.h"

#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/overlay.h"
#include "base/xalloc.h"
#include "course/ydoc.h"
#include "course/yevents.h"

typedef struct IdList {
    char **ids;
    size_t n, cap;
} IdList;

static void idlist_add(IdList *l, const char *id, size_t len)
{
    l->ids = xgrow(l->ids, &l->cap, l->n + 1, sizeof *l->ids);
    l->ids[l->n++] = xstrndup(id, len);
}

static int cmp_ids(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void index_exercises(IdList *out, const char *content_dir)
{
    char *root = path_join(content_dir, "exercises");
    char **folders;
    size_t nfolders = overlay_list_subdirs(root, &folders);
    for (size_t i = 0; i < nfolders; i++) {
        char *folder = path_join(root, folders[i]);
        char **files;
        size_t nfiles = overlay_list(folder, ".lua", &files);
        for (size_t j = 0; j < nfiles; j++)
            idlist_add(out, files[j], strlen(files[j]) - strlen(".lua"));
        dir_list_free(files, nfiles);
        free(folder);
    }
    dir_list_free(folders, nfolders);
    free(root);
}

/* Takes the ids under `items:`; anything else in the file is ignored. */
static void index_items(IdList *out, const YNode *root)
{
    const YNode *items = ymap_get(root, "items");
    if (!items || items->kind != YNODE_SEQ)
        return;
    for (size_t i = 0; i < items->nkids; i++) {
        const YNode *id = ymap_get(items->kids[i], "id");
        if (id && id->kind == YNODE_SCALAR && id->len > 0)
            idlist_add(out, id->str, id->len);
    }
}

static void index_quizzes(IdList *out, const char *content_dir, DiagList *diags)
{
    char *dir = path_join(content_dir, "assessments");
    char **files;
    size_t nfiles = overlay_list(dir, ".yaml", &files);
    yev_keep_these(true); /* `pydive validate` reads them again (course/yevents.h) */
    for (size_t i = 0; i < nfiles; i++) {
        char *path = overlay_join(dir, files[i]);
        DiagList local = {0};
        YDoc doc;
        if (ydoc_read_file(&doc, path, path, &local))
            index_items(out, doc.root);
        else
            diag_move(diags, &local); /* unparsable: the author must hear of it */
        diag_fini(&local);
        ydoc_fini(&doc);
        free(path);
    }
    yev_keep_these(false);
    dir_list_free(files, nfiles);
    free(dir);
}

void refs_build(RefIndex *ri, const char *content_dir, DiagList *diags)
{
    *ri = (RefIndex){0};
    if (!content_dir)
        return;
    IdList ex = {0}, qz = {0};
    index_exercises(&ex, content_dir);
    index_quizzes(&qz, content_dir, diags);
    if (ex.n > 1)
        qsort(ex.ids, ex.n, sizeof *ex.ids, cmp_ids);
    if (qz.n > 1)
        qsort(qz.ids, qz.n, sizeof *qz.ids, cmp_ids);
    *ri = (RefIndex){.active = true,
                     .exercises = ex.ids,
                     .nexercises = ex.n,
                     .quizzes = qz.ids,
                     .nquizzes = qz.n};
}

static bool has_id(char **ids, size_t n, const char *id)
{
    return n > 0 && bsearch(&id, ids, n, sizeof *ids, cmp_ids) != NULL;
}

bool refs_has_exercise(const RefIndex *ri, const char *id)
{
    return !ri->active || has_id(ri->exercises, ri->nexercises, id);
}

bool refs_has_quiz(const RefIndex *ri, const char *id)
{
    return !ri->active || has_id(ri->quizzes, ri->nquizzes, id);
}

void refs_fini(RefIndex *ri)
{
    dir_list_free(ri->exercises, ri->nexercises);
    dir_list_free(ri->quizzes, ri->nquizzes);
    *ri = (RefIndex){0};
}
