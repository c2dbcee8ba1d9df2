/*
 * labs: the registry of lab views.
 */
#include "view/labs.h"

#include <string.h>

static const LabView *const views[] = {
    &lab_gil_view,
    &lab_flywheel_view,
    &lab_capi_view,
    &lab_roadmap_view,
    &lab_loop_view,
    NULL, /* end */
};
#define NVIEWS (sizeof views / sizeof views[0] - 1)

const LabView *lab_view_find(const char *name)
{
    for (size_t i = 0; name && views[i]; i++)
        if (strcmp(views[i]->name, name) == 0)
            return views[i];
    return NULL;
}
