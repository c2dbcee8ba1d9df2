/*
 * cmd_profiles: `pydive profiles [--json]` lists the learner profiles on
 * this machine, most recently used first, the default one starred.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/printable.h"
#include "base/fsutil.h"
#include "base/paths.h"
#include "cli/cli.h"
#include "learner/profiles.h"

static void when(int64_t t, char *out, size_t len)
{
    if (t <= 0) {
        snprintf(out, len, "never");
        return;
    }
    time_t tt = (time_t)t;
    struct tm tm;
    if (!localtime_r(&tt, &tm) || !strftime(out, len, "%Y-%m-%d %H:%M", &tm))
        snprintf(out, len, "%lld", (long long)t);
}

/* JSON string escaping for ids and titles; NULL as "". */
static void json_str(Buf *b, const char *s) { printable_json(b, s ? s : ""); }

int cmd_profiles(int argc, char **argv)
{
    bool json = cli_take_flag(&argc, argv, "--json");
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (argc > 1)
        return cli_usage_error("unexpected argument '%s'", argv[1]);
    char *dir = paths_user_data_dir();
    char *root = path_join(dir, "profiles");
    char *mine = paths_default_profile();
    ProfileList l;
    profiles_list(dir, &l);
    if (json) {
        Buf b = {0};
        buf_adds(&b, "{\"dir\": ");
        json_str(&b, root);
        buf_adds(&b, ", \"default\": ");
        json_str(&b, mine);
        buf_adds(&b, ", \"profiles\": [");
        for (size_t i = 0; i < l.n; i++) {
            const ProfileInfo *p = &l.items[i];
            buf_printf(&b, "%s\n  {\"name\": ", i ? "," : "");
            json_str(&b, p->name);
            buf_printf(&b, ", \"last_used\": %lld, \"sections_read\": %zu, \"answers\": %zu, "
                           "\"last_chapter\": ", (long long)p->last_used, p->sections_read,
                       p->answers);
            if (p->last_chapter)
                json_str(&b, p->last_chapter);
            else
                buf_adds(&b, "null");
            buf_printf(&b, ", \"damaged\": %s}", p->damaged ? "true" : "false");
        }
        buf_adds(&b, "\n]}\n");
        fputs(buf_str(&b), stdout);
        buf_fini(&b);
    } else if (l.n == 0) {
        printf("No profiles yet in %s (the first start makes '%s').\n", root, mine);
    } else {
        printf("Profiles in %s (* = default, pick one with --profile NAME):\n", root);
        for (size_t i = 0; i < l.n; i++) {
            const ProfileInfo *p = &l.items[i];
            char t[40];
            when(p->last_used, t, sizeof t);
            printf("%c %-32s last used %-16s %4zu sections read %5zu answers%s\n",
                   strcmp(p->name, mine) == 0 ? '*' : ' ', p->name, t, p->sections_read,
                   p->answers, p->damaged ? "  (a damaged file: opening it moves it aside)" : "");
        }
    }
    profiles_fini(&l);
    free(mine);
    free(root);
    free(dir);
    return 0;
}
