/*
 * assess_cli: set-up shared by the assessment commands (see assess_cli.h).
 */
#include "cli/assess_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "base/fsutil.h"
#include "base/paths.h"
#include "base/xalloc.h"
#include "cli/cli.h"

static void read_clock(AssessCli *a)
{
    a->now = clock_now();
    a->today = assess_day(a->now, clock_utc_offset(a->now));
}

void assess_cli_tick(AssessCli *a)
{
    read_clock(a);
}

int assess_cli_open(AssessCli *a, int *argc, char **argv, bool want_write)
{
    *a = (AssessCli){0};
    const char *profile = NULL;
    if (cli_take_option(argc, argv, "--profile", &profile) < 0)
        return 2;
    if (profile && !paths_profile_name_ok(profile)) {
        fprintf(stderr, "pydive: '%s' is not a usable profile name (use 1-32 letters, digits, "
                        "'.', '_' or '-')\n", profile);
        return 2;
    }
    read_clock(a);
    Buf err = {0};
    char *content = paths_content_dir(&err);
    if (!content) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&err);
        return 1;
    }
    buf_fini(&err);
    char *dir = path_join(content, "assessments");
    free(content);
    a->content_loaded = true;
    bool ok = assess_content_load(dir, &a->content, &a->diags);
    free(dir);
    if (!ok) {
        diag_print(&a->diags, stderr);
        fprintf(stderr, "pydive: the assessment content cannot be used until these are "
                        "fixed\n");
        return 1;
    }
    a->profile = profile ? xstrdup(profile) : paths_default_profile();
    a->user_dir = paths_user_data_dir();
    if (!assess_store_open(&a->store, a->user_dir, a->profile, want_write, &a->log,
                           &a->diags)) {
        diag_print(&a->diags, stderr);
        assess_log_fini(&a->log);
        return 1;
    }
    a->store_open = true;
    diag_print(&a->diags, stderr); /* read-only, damaged file moved aside, ... */
    diag_fini(&a->diags);
    return 0;
}

bool assess_cli_save(AssessCli *a)
{
    Buf err = {0};
    bool ok = assess_store_save(&a->store, &a->log, &err);
    if (!ok)
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
    buf_fini(&err);
    return ok;
}

void assess_cli_close(AssessCli *a)
{
    if (a->store_open) {
        assess_store_close(&a->store);
        assess_log_fini(&a->log);
    }
    if (a->content_loaded)
        assess_content_fini(&a->content);
    diag_fini(&a->diags);
    free(a->profile);
    free(a->user_dir);
    *a = (AssessCli){0};
}

void assess_cli_date(int64_t day, char *out, size_t size)
{
    time_t t = (time_t)(day * 86400);
    struct tm tm;
    if (gmtime_r(&t, &tm))
        strftime(out, size, "%Y-%m-%d", &tm);
    else
        snprintf(out, size, "day %lld", (long long)day);
}

int assess_cli_no_more_args(int argc, char **argv)
{
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (argc > 1)
        return cli_usage_error("unexpected argument '%s'", argv[1]);
    return 0;
}
