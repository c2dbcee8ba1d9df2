/*
 * paths: content and learner-data locations (see paths.h).
 */
#include "base/paths.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

char *paths_content_dir(Buf *err)
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

char *paths_user_data_dir(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && xdg[0] == '/')
        return path_join(xdg, "pydive");
    const char *home = getenv("HOME");
    if (!home || !*home) {
        struct passwd *pw = getpwuid(getuid());
        home = pw && pw->pw_dir ? pw->pw_dir : "/tmp";
    }
    char *share = path_join(home, ".local/share");
    char *dir = path_join(share, "pydive");
    free(share);
    return dir;
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
