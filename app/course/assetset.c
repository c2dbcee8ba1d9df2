/*
 * assetset: a folder of content data files into one array (see assetset.h).
 */
#include "course/assetset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/overlay.h"
#include "base/fsutil.h"
#include "base/xalloc.h"

typedef struct Loading {
    const AssetKind *kind;
    char *items; /* item_size bytes each */
    size_t n, cap;
    DiagList *diags;
} Loading;

static bool load_one(const char *path, const char *name, void *ctx)
{
    Loading *l = ctx;
    size_t size = l->kind->item_size;
    char display[512];
    snprintf(display, sizeof display, "%s/%s", l->kind->folder, name);
    l->items = xgrow(l->items, &l->cap, l->n + 1, size);
    void *item = l->items + l->n * size;
    memset(item, 0, size);
    if (!l->kind->read(path, display, item, l->diags)) {
        l->kind->fini(item);
        return false;
    }
    l->n++;
    return true;
}

bool assetset_load(const AssetKind *kind, const char *content_dir, void **items, size_t *n,
                   DiagList *diags)
{
    char *dir = path_join(content_dir, kind->folder);
    Loading l = {.kind = kind, .diags = diags};
    bool ok = overlay_each(dir, ".yaml", load_one, &l);
    free(dir);
    if (!l.items)
        l.items = xcalloc(1, kind->item_size); /* callers may index an empty set's items */
    *items = l.items;
    *n = l.n;
    return ok;
}

void assetset_fini(const AssetKind *kind, void *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        kind->fini((char *)items + i * kind->item_size);
    free(items);
}
