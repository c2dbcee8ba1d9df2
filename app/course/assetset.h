/*
 * assetset: the one loader for a folder of content data files
 * (assets/data/ charts, assets/tables/ tables): every NAME.yaml the pack has
 * or inherits, each parsed into an item of a caller's array.
 */
#ifndef PYDIVE_COURSE_ASSETSET_H
#define PYDIVE_COURSE_ASSETSET_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

/* How to read one file and free one item of the array. */
typedef struct AssetKind {
    const char *folder; /* below the content folder: "assets/data" */
    size_t item_size;   /* sizeof one item */
    /* Reads the file at path (named `display` in diagnostics) into *item;
     * the item is filled as far as possible either way. */
    bool (*read)(const char *path, const char *display, void *item, DiagList *diags);
    void (*fini)(void *item);
} AssetKind;

/* Reads every content_dir/FOLDER/NAME.yaml in name order into *items
 * (never NULL afterwards: an empty set is one zeroed item and *n = 0).
 * Files with errors are reported, freed and left out; false then.  A missing
 * folder is an empty set. */
bool assetset_load(const AssetKind *kind, const char *content_dir, void **items, size_t *n,
                   DiagList *diags);
void assetset_fini(const AssetKind *kind, void *items, size_t n);

#endif
