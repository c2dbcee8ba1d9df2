/*
 * cmd_export: `pydive export` writes a learner's record to one checksummed
 * file; `pydive import FILE` merges such a file into a profile (home and
 * school laptops).  Format and merge rules: docs/EXPORT.md.
 *
 * Export only reads: the profile's two files are parsed as they are on disk
 * (a running pydive replaces them atomically, so a read never sees half a
 * save), and a damaged one stops the export rather than export less.
 * Import verifies the whole file before touching anything, then holds the
 * profile lock for the merge and the two atomic saves; the merge only adds,
 * so nothing already saved is lost, and running it again changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/fsutil.h"
#include "base/overlay.h"
#include "base/paths.h"
#include "base/printable.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "learner/export.h"
#include "learner/merge.h"
#include "learner/profiles.h"

/* ---- export -------------------------------------------------------------------- */

/* The course title and pack (id, version) of the content in use; left NULL /
 * 0 when the content cannot be loaded (the export does not need it). */
static void label_content(Export *e)
{
    Buf err = {0};
    char *dir = paths_content_dir(&err);
    buf_fini(&err);
    if (!dir)
        return;
    DiagList quiet = {0};
    Course c;
    if (course_load(dir, &c, &quiet)) {
        e->course = c.title ? xstrdup(c.title) : NULL;
        char *adir = path_join(dir, "assessments");
        char *stages = path_join(adir, "stages.yaml");
        AssessContent ac;
        bool tried = overlay_file_exists(stages);
        bool has_ac = tried && assess_content_load(adir, &ac, &quiet);
        if (tried && !has_ac)
            assess_content_fini(&ac);
        Workshop w;
        bool has = false;
        if (session_load_workshop(dir, &c, has_ac ? &ac : NULL, &w, &has, &quiet) && has) {
            e->pack = xstrdup(w.id);
            e->pack_version = w.version;
            workshop_fini(&w);
        }
        if (has_ac)
            assess_content_fini(&ac);
        free(stages);
        free(adir);
        course_fini(&c);
    }
    diag_fini(&quiet);
    free(dir);
}

/* Parses one profile file when it exists; false (reported) when it is damaged. */
static bool read_profile_file(const char *dir, const char *name, bool progress, Export *e)
{
    char *path = path_join(dir, name);
    bool ok = true;
    if (file_exists(path)) {
        Buf text = {0}, err = {0};
        DiagList dl = {0};
        ok = file_read(path, progress ? PROGRESS_FILE_MAX : ASSESS_FILE_MAX, &text, &err);
        if (!ok) {
            fprintf(stderr, "pydive export: %s\n", shown(buf_str(&err)));
        } else if (progress) {
            progress_fini(&e->progress);
            ok = progress_parse(text.data ? text.data : "", text.len, path, &e->progress, &dl);
        } else {
            assess_log_fini(&e->log);
            ok = assess_log_parse(text.data ? text.data : "", text.len, path, &e->log, &dl);
        }
        diag_print(&dl, stderr);
        if (!ok)
            fprintf(stderr, "pydive export: %s cannot be read; nothing was exported (open the "
                            "profile once: pydive moves a damaged file aside and says where)\n",
                    path);
        diag_fini(&dl);
        buf_fini(&text);
        buf_fini(&err);
    }
    free(path);
    return ok;
}

int cmd_export(int argc, char **argv)
{
    const char *profile = NULL, *format = "yaml", *output = NULL;
    if (cli_take_option(&argc, argv, "--profile", &profile) < 0 ||
        cli_take_option(&argc, argv, "--format", &format) < 0 ||
        cli_take_option(&argc, argv, "--output", &output) < 0 ||
        cli_take_option(&argc, argv, "-o", &output) < 0 || cli_reject_unknown(argc, argv))
        return 2;
    if (argc > 1)
        return cli_usage_error("unexpected argument '%s'", argv[1]);
    ExportFormat fmt;
    if (!export_format_parse(format, &fmt))
        return cli_usage_error("unknown format '%s' (yaml, json or csv)", format);
    char *name = profile ? xstrdup(profile) : paths_default_profile();
    if (!paths_profile_name_ok(name)) {
        fprintf(stderr, "pydive export: '%s' is not a usable profile name\n", shown(name));
        free(name);
        return 2;
    }
    char *user = paths_user_data_dir();
    ProfileList l;
    profiles_list(user, &l);
    int rc = 1;
    if (!profiles_find(&l, name)) {
        fprintf(stderr, "pydive export: there is no profile '%s' here", name);
        for (size_t i = 0; i < l.n; i++)
            fprintf(stderr, "%s%s", i ? ", " : " (profiles: ", l.items[i].name);
        fprintf(stderr, "%s\n", l.n ? ")" : "");
        goto out;
    }
    char *profiles = path_join(user, "profiles");
    char *dir = path_join(profiles, name);
    free(profiles);
    Export e;
    export_init(&e, name);
    bool ok = read_profile_file(dir, "progress.yaml", true, &e) &&
              read_profile_file(dir, "assessments.yaml", false, &e);
    free(dir);
    if (ok) {
        free(e.progress.profile);
        e.progress.profile = xstrdup(name);
        free(e.log.profile);
        e.log.profile = xstrdup(name);
        e.exported = clock_now();
        label_content(&e);
        Buf out = {0}, err = {0};
        export_write(&e, fmt, &out);
        if (output && !file_write_atomic(output, out.data, out.len, &err)) {
            fprintf(stderr, "pydive export: %s\n", shown(buf_str(&err)));
        } else {
            if (!output)
                fwrite(out.data, 1, out.len, stdout);
            fprintf(stderr, "Exported profile '%s' (%zu chapters, %zu answers, %zu sessions) "
                            "as %s%s%s, sha256:%.16s...\n", name, e.progress.nchapters,
                    e.log.nanswers, e.log.nsessions, export_format_name(fmt),
                    output ? " to " : "", output ? output : "", e.checksum);
            rc = 0;
        }
        buf_fini(&out);
        buf_fini(&err);
    }
    export_fini(&e);
out:
    profiles_fini(&l);
    free(user);
    free(name);
    return rc;
}

/* ---- import -------------------------------------------------------------------- */

static void print_stats(const char *file, const char *profile, const MergeStats *st)
{
    if (merge_changes(st) == 0) {
        printf("Nothing new in %s: profile '%s' already has all of it.\n", shown(file), profile);
        return;
    }
    printf("Merged %s into profile '%s':\n", shown(file), profile);
    printf("  progress: %zu chapter%s added, %zu section%s newly read, %zu position%s taken\n",
           st->chapters_added, st->chapters_added == 1 ? "" : "s", st->sections_added,
           st->sections_added == 1 ? "" : "s", st->positions_taken,
           st->positions_taken == 1 ? "" : "s");
    printf("  answers: %zu added, %zu already here; exercises: %zu added; ratings: %zu added\n",
           st->answers_added, st->answers_same, st->exercises_added, st->ratings_added);
    printf("  sessions: %zu added (%zu renumbered), %zu already here; review cards: %zu added, "
           "%zu updated\n", st->sessions_added, st->sessions_renumbered, st->sessions_same,
           st->cards_added, st->cards_taken);
}

/* Merges *e into the profile under its lock; 0, or 1 after saying why. */
static int merge_into(const char *file, const char *profile, const Export *e)
{
    char *user = paths_user_data_dir();
    Store st;
    Progress p;
    DiagList dl = {0};
    int rc = 1;
    if (!store_open(&st, user, profile, true, &p, &dl)) {
        diag_print(&dl, stderr);
        diag_fini(&dl);
        progress_fini(&p);
        free(user);
        return 1;
    }
    AssessStore as;
    AssessLog log;
    bool as_open = false;
    if (st.read_only && st.held_elsewhere) {
        fprintf(stderr, "pydive import: profile '%s' is open in another pydive; close it and "
                        "import again (nothing was changed)\n", profile);
    } else if (st.read_only) { /* a newer pydive's files, a read-only home: the reason */
        diag_print(&dl, stderr);
        fprintf(stderr, "pydive import: profile '%s' cannot be written here (see above); "
                        "nothing was changed\n", profile);
    } else if (!(as_open = assess_store_open_beside(&as, &st, profile, &log, &dl))) {
        fprintf(stderr, "pydive import: the assessment record of '%s' cannot be opened\n",
                profile);
    } else {
        diag_print(&dl, stderr); /* e.g. a damaged file moved aside */
        MergeStats ms = {0};
        progress_merge(&p, &e->progress, &ms);
        assess_log_merge(&log, &e->log, &ms);
        Buf err = {0};
        if (merge_changes(&ms) == 0) {
            rc = 0;
        } else if (!store_save(&st, &p, &err) || !assess_store_save(&as, &log, &err)) {
            fprintf(stderr, "pydive import: %s (what was saved before is intact; run the "
                            "import again)\n", buf_str(&err));
        } else {
            rc = 0;
        }
        if (rc == 0)
            print_stats(file, profile, &ms);
        buf_fini(&err);
    }
    if (as_open) {
        assess_store_close(&as);
        assess_log_fini(&log);
    }
    store_close(&st);
    progress_fini(&p);
    diag_fini(&dl);
    free(user);
    return rc;
}

int cmd_import(int argc, char **argv)
{
    const char *profile = NULL;
    if (cli_take_option(&argc, argv, "--profile", &profile) < 0 ||
        cli_reject_unknown(argc, argv))
        return 2;
    if (argc != 2)
        return cli_usage_error("usage: pydive import FILE [--profile NAME]");
    const char *file = argv[1];
    Buf text = {0}, err = {0};
    if (!file_read(file, EXPORT_FILE_MAX, &text, &err)) {
        fprintf(stderr, "pydive import: %s\n", shown(buf_str(&err)));
        buf_fini(&text);
        buf_fini(&err);
        return 1;
    }
    buf_fini(&err);
    Export e;
    DiagList dl = {0};
    ExportStatus s = export_read(text.data ? text.data : "", text.len, file, &e, &dl);
    buf_fini(&text);
    diag_print(&dl, stderr);
    diag_fini(&dl);
    int rc;
    if (s != EXPORT_OK) {
        fprintf(stderr, "pydive import: %s: %s; nothing was imported\n", shown(file),
                export_status_text(s));
        rc = 1;
    } else if (profile && !paths_profile_name_ok(profile)) {
        fprintf(stderr, "pydive import: '%s' is not a usable profile name\n", shown(profile));
        rc = 2;
    } else if (!profile && !paths_profile_name_ok(e.profile)) {
        fprintf(stderr, "pydive import: the file's profile '%s' is not a usable name here; "
                        "choose one with --profile NAME\n", shown(e.profile));
        rc = 2;
    } else {
        rc = merge_into(file, profile ? profile : e.profile, &e);
    }
    export_fini(&e);
    return rc;
}
