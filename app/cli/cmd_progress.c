/*
 * cmd_progress: `list`, `progress [--json]` and `reset` — the learner's
 * saved progress from the command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/printable.h"
#include "cli/cli.h"
#include "cli/session.h"

static size_t sections_read(const Progress *p, const Chapter *ch)
{
    size_t n = 0;
    for (size_t i = 0; i < ch->nsections; i++)
        n += progress_is_read(p, ch->id, ch->sections[i].id);
    return n;
}

/* Takes --profile, refuses anything else left in argv, and opens the
 * session.  Returns 0 with the session open, or the exit status. */
static int open_for(Session *s, int argc, char **argv, bool want_write, bool outline)
{
    const char *profile = NULL;
    if (cli_take_option(&argc, argv, "--profile", &profile) < 0 ||
        cli_reject_unknown(argc, argv))
        return 2;
    if (argc > 1)
        return cli_usage_error("unexpected argument '%s'", argv[1]);
    int rc = outline ? session_open_outline(s, profile) : session_open(s, profile, want_write);
    if (rc != 0)
        session_close(s);
    return rc;
}

int cmd_list(int argc, char **argv)
{
    Session s;
    int rc = open_for(&s, argc, argv, false, true);
    if (rc != 0)
        return rc;
    printf("%s\n", s.course.title);
    for (size_t i = 0; i < s.course.nchapters; i++) {
        const Chapter *ch = &s.course.chapters[i];
        size_t done = sections_read(&s.progress, ch);
        printf("%2d. %-58s %zu/%zu read  %3d min\n", ch->number, ch->title, done,
               ch->nsections, ch->read_minutes);
    }
    diag_print(&s.content_diags, stderr);
    session_close(&s);
    return 0;
}

/* JSON string escaping for ids and titles; NULL as "". */
static void json_str(Buf *b, const char *s) { printable_json(b, s ? s : ""); }

static void print_json(const Session *s)
{
    Buf b = {0};
    buf_adds(&b, "{\"schema\": 1, \"profile\": ");
    json_str(&b, s->profile);
    buf_adds(&b, ", \"file\": ");
    json_str(&b, s->store.path);
    buf_adds(&b, ", \"last_chapter\": ");
    if (s->progress.last_chapter)
        json_str(&b, s->progress.last_chapter);
    else
        buf_adds(&b, "null");
    buf_adds(&b, ", \"chapters\": [");
    for (size_t i = 0; i < s->course.nchapters; i++) {
        const Chapter *ch = &s->course.chapters[i];
        const ChapterProgress *cp = progress_chapter_get(&s->progress, ch->id);
        buf_printf(&b, "%s\n  {\"number\": %d, \"id\": ", i ? "," : "", ch->number);
        json_str(&b, ch->id);
        buf_printf(&b, ", \"sections\": %zu, \"read\": %zu, \"section\": ", ch->nsections,
                   sections_read(&s->progress, ch));
        if (cp && cp->section_id)
            json_str(&b, cp->section_id);
        else
            buf_adds(&b, "null");
        buf_printf(&b, ", \"last_opened\": %lld}", cp ? (long long)cp->last_opened : 0LL);
    }
    buf_adds(&b, "\n]}\n");
    fputs(buf_str(&b), stdout);
    buf_fini(&b);
}

static void print_text(const Session *s)
{
    printf("Profile %s (%s)\n", s->profile, s->store.path);
    const Chapter *last = s->progress.last_chapter
                              ? course_chapter_by_id(&s->course, s->progress.last_chapter)
                              : NULL;
    if (!last) {
        puts("Nothing read yet: `pydive` starts at chapter 1.");
        return;
    }
    const ChapterProgress *cp = progress_chapter_get(&s->progress, last->id);
    int sec = cp && cp->section_id ? chapter_section_index(last, cp->section_id) : -1;
    if (sec >= 0)
        printf("Resume at chapter %d, section %d.%d %s\n", last->number, last->number, sec + 1,
               last->sections[sec].title);
    else
        printf("Resume at the start of chapter %d\n", last->number);
    for (size_t i = 0; i < s->course.nchapters; i++) {
        const Chapter *ch = &s->course.chapters[i];
        printf("  %d. %-56s %zu/%zu sections read\n", ch->number, ch->title,
               sections_read(&s->progress, ch), ch->nsections);
    }
}

int cmd_progress(int argc, char **argv)
{
    bool json = cli_take_flag(&argc, argv, "--json");
    Session s;
    int rc = open_for(&s, argc, argv, false, true);
    if (rc != 0)
        return rc;
    diag_print(&s.store_diags, stderr);
    if (json)
        print_json(&s);
    else
        print_text(&s);
    session_close(&s);
    return 0;
}

static bool confirm(const char *what)
{
    if (!isatty(STDIN_FILENO)) {
        fprintf(stderr, "pydive: not resetting %s without --yes (no terminal to ask)\n", what);
        return false;
    }
    printf("Forget your progress in %s? This cannot be undone. [y/N] ", what);
    fflush(stdout);
    char line[16];
    if (!fgets(line, sizeof line, stdin))
        return false;
    return line[0] == 'y' || line[0] == 'Y';
}

int cmd_reset(int argc, char **argv)
{
    const char *chapter = NULL;
    if (cli_take_option(&argc, argv, "--chapter", &chapter) < 0)
        return 2;
    bool yes = cli_take_flag(&argc, argv, "--yes");
    Session s;
    int rc = open_for(&s, argc, argv, true, false);
    if (rc != 0)
        return rc;
    if (s.store.read_only) {
        if (!s.store.held_elsewhere)
            diag_print(&s.store_diags, stderr); /* why: a newer pydive's file, a read-only home */
        fprintf(stderr, s.store.held_elsewhere
                            ? "pydive: profile '%s' is open in another pydive; close it first\n"
                            : "pydive: profile '%s' cannot be written here (see above); nothing "
                              "was reset\n", s.profile);
        session_close(&s);
        return 1;
    }
    const Chapter *ch = NULL;
    if (chapter) {
        char *end;
        long n = strtol(chapter, &end, 10);
        ch = *end == '\0' ? course_chapter_by_number(&s.course, (int)n) : NULL;
        if (!ch) {
            fprintf(stderr, "pydive: no chapter '%s' (the course has chapters 1-%zu)\n", chapter,
                    s.course.nchapters);
            session_close(&s);
            return 2;
        }
    }
    char what[128];
    if (ch)
        snprintf(what, sizeof what, "chapter %d", ch->number);
    else
        snprintf(what, sizeof what, "the whole course (profile %s)", s.profile);
    if (!yes && !confirm(what)) {
        session_close(&s);
        return 1;
    }
    if (ch)
        progress_reset_chapter(&s.progress, ch->id);
    else
        progress_reset_all(&s.progress);
    Buf err = {0};
    rc = store_save(&s.store, &s.progress, &err) ? 0 : 1;
    if (rc)
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
    else
        printf("Progress in %s reset.\n", what);
    buf_fini(&err);
    session_close(&s);
    return rc;
}
