/*
 * paths: content and learner-data locations (see paths.h).
 */
#include "base/paths.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fslinks.h"
#include "base/fsutil.h"
#include "base/xalloc.h"

#ifndef PYDIVE_DATADIR
#define PYDIVE_DATADIR "/usr/local/share/pydive"
#endif

static bool has_course(const char *dir)
{
    char *lessons = path_join(dir, "lessons/course.yaml");
    bool ok = file_exists(lessons);
    free(lessons);
    return ok;
}

static char *exe_dir(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return xstrdup(buf[0] ? buf : "/");
}

static char *course_option; /* --course DIR, owned */

void paths_set_course(const char *dir)
{
    free(course_option);
    course_option = dir && *dir ? xstrdup(dir) : NULL;
}

const char *paths_course_option(void)
{
    if (course_option)
        return course_option;
    const char *env = getenv("PYDIVE_COURSE");
    return env && *env ? env : NULL;
}

/* The pack folder for `want` (see paths.h, step 0), or NULL with *err. */
static char *pack_dir(const char *want, Buf *err)
{
    const char *what = course_option ? "--course" : "PYDIVE_COURSE=";
    char *dir = NULL;
    if (dir_exists(want)) {
        dir = xstrdup(want);
    } else if (!strchr(want, '/')) {
        Buf ignored = {0};
        char *shipped = paths_shipped_dir(&ignored);
        buf_fini(&ignored);
        if (shipped) {
            char *packs = path_join(shipped, "assets/packs");
            char *named = path_join(packs, want);
            if (dir_exists(named))
                dir = named;
            else
                free(named);
            free(packs);
            free(shipped);
        }
    }
    buf_clear(err);
    if (!dir) {
        buf_printf(err, "%s%s%s: no such course folder (nor a shipped pack of that name)",
                   what, course_option ? " " : "", want);
        return NULL;
    }
    char *plan = path_join(dir, "workshop.yaml");
    bool pack = has_course(dir) || file_exists(plan); /* a pack may hold only its plan */
    free(plan);
    if (!pack) {
        buf_printf(err, "%s%s%s: not a course folder (it has neither lessons/course.yaml nor "
                   "a workshop.yaml)", what, course_option ? " " : "", dir);
        free(dir);
        return NULL;
    }
    Buf where = {0}, why = {0};
    if (!content_links_stay_inside(dir, &where, &why)) {
        buf_printf(err, "%s%s%s: %s: %s", what, course_option ? " " : "", want, buf_str(&where),
                   buf_str(&why));
        free(dir);
        dir = NULL;
    }
    buf_fini(&where);
    buf_fini(&why);
    return dir;
}

char *paths_content_dir(Buf *err)
{
    const char *want = paths_course_option();
    if (want)
        return pack_dir(want, err);
    return paths_shipped_dir(err);
}

char *paths_shipped_dir(Buf *err)
{
    const char *env = getenv("PYDIVE_DATA");
    if (env && *env) {
        if (dir_exists(env))
            return xstrdup(env);
        buf_clear(err);
        buf_printf(err, "PYDIVE_DATA=%s is not a directory", env);
        return NULL;
    }
    char *dir = exe_dir();
    if (dir && has_course(dir))
        return dir;
    free(dir);
    if (has_course(PYDIVE_DATADIR))
        return xstrdup(PYDIVE_DATADIR);
    buf_clear(err);
    buf_printf(err, "cannot find the course content (looked beside the program and in %s; "
                    "set PYDIVE_DATA to the folder holding lessons/)", PYDIVE_DATADIR);
    return NULL;
}

/* $ENV/rel when ENV holds an absolute path (the XDG rule), else
 * $HOME/fallback/rel (the home from the password file when HOME is unset). */
static char *xdg_path(const char *env, const char *fallback, const char *rel)
{
    const char *xdg = getenv(env);
    if (xdg && xdg[0] == '/')
        return path_join(xdg, rel);
    const char *home = getenv("HOME");
    if (!home || !*home) {
        struct passwd *pw = getpwuid(getuid());
        home = pw && pw->pw_dir ? pw->pw_dir : "/tmp";
    }
    char *base = path_join(home, fallback);
    char *path = path_join(base, rel);
    free(base);
    return path;
}

char *paths_user_data_dir(void)
{
    return xdg_path("XDG_DATA_HOME", ".local/share", "pydive");
}

char *paths_cache_dir(void)
{
    return xdg_path("XDG_CACHE_HOME", ".cache", "pydive");
}

char *paths_config_file(void)
{
    return xdg_path("XDG_CONFIG_HOME", ".config", "pydive/config.yaml");
}

bool paths_profile_name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 32 || name[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

char *paths_default_profile(void)
{
    const char *candidates[] = {getenv("USER"), getenv("LOGNAME"), NULL};
    struct passwd *pw = getpwuid(getuid());
    candidates[2] = pw ? pw->pw_name : NULL;
    for (size_t i = 0; i < 3; i++)
        if (candidates[i] && paths_profile_name_ok(candidates[i]))
            return xstrdup(candidates[i]);
    return xstrdup("learner");
}
