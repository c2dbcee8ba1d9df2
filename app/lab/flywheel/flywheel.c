/*
 * flywheel: the equations of flywheel.h, one step at a time.
 */
#include "lab/flywheel/flywheel.h"

#include <string.h>

const FlyParamInfo flywheel_param_info[5] = {
    {"a", "libraries written per unit of users", 0, 10},
    {"b", "tools and investment drawn per library", 0, 10},
    {"d", "share of libraries and tools that decay each step", 0, 1},
    {"g", "pull of libraries and tools on users", 0, 10},
    {"c", "share of users who leave each step", 0, 1},
};

FlyParams flywheel_defaults(void)
{
    return (FlyParams){.a = 0.5, .b = 0.5, .d = 0.1, .g = 0.1, .c = 0.05};
}

double *flywheel_param(FlyParams *p, const char *name)
{
    double *slots[5] = {&p->a, &p->b, &p->d, &p->g, &p->c};
    for (int i = 0; i < 5; i++)
        if (strcmp(flywheel_param_info[i].name, name) == 0)
            return slots[i];
    return NULL;
}

const FlyParamInfo *flywheel_param_find(const char *name)
{
    for (int i = 0; i < 5; i++)
        if (strcmp(flywheel_param_info[i].name, name) == 0)
            return &flywheel_param_info[i];
    return NULL;
}

bool flywheel_step(const FlyParams *p, FlyState *s)
{
    double u = s->users, l = s->libraries, t = s->tools;
    double nl = l + p->a * u - p->d * l;
    double nt = t + p->b * l - p->d * t;
    double nu = u + p->g * (l + t) * u * (1 - u) - p->c * u;
    bool clamped = nu < 0 || nu > 1;
    s->users = nu < 0 ? 0 : nu > 1 ? 1 : nu;
    s->libraries = nl;
    s->tools = nt;
    return clamped;
}

int flywheel_steps_to(const FlyParams *p, FlyState s0, double level, int max)
{
    for (int k = 1; k <= max; k++) {
        flywheel_step(p, &s0);
        if (s0.users >= level)
            return k;
    }
    return 0;
}
