/*
 * dirs: sub-folder listing (see dirs.h).
 */
#include "base/dirs.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/xalloc.h"

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t dir_list_subdirs(const char *dir, char ***names)
{
    *names = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *full = path_join(dir, e->d_name);
        bool is_dir = dir_exists(full);
        free(full);
        if (!is_dir)
            continue;
        *names = xgrow(*names, &cap, n + 1, sizeof **names);
        (*names)[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(*names, n, sizeof **names, cmp_names);
    return n;
}
