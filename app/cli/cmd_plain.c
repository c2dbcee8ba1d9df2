/*
 * cmd_plain: `pydive --plain` reads the course as linear text with numbered
 * choices, for screen readers, braille displays and pipes: no curses, no
 * cursor movement, one question per line.  It keeps the same progress as
 * the terminal screens (sections read, the place to resume) and hands
 * quizzes to `pydive assess`, which is plain text already.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/clock.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "view/access.h"
#include "view/doc.h"

/* A line of stdin without its newline and trailing blanks; false at the end. */
static bool read_line(Buf *line)
{
    bool any = cli_read_line(line);
    while (line->len > 0 && (line->data[line->len - 1] == '\r' || line->data[line->len - 1] == ' '))
        line->data[--line->len] = '\0';
    return any;
}

static int text_width(void)
{
    const char *cols = getenv("COLUMNS");
    int w = cols ? atoi(cols) : 0;
    return w >= 40 && w <= 200 ? w : 80;
}

static size_t sections_read(const Session *s, const Chapter *ch)
{
    size_t n = 0;
    for (size_t i = 0; i < ch->nsections; i++)
        n += progress_is_read(&s->progress, ch->id, ch->sections[i].id);
    return n;
}

static bool save_failing; /* the last save failed: said once, and the exit status is 1 */

static void save(Session *s)
{
    char err[256];
    if (s->store.read_only)
        return;
    if (session_save(s, err, sizeof err)) {
        save_failing = false;
        return;
    }
    if (!save_failing) /* a full disk fails every save: one message until it recovers */
        fprintf(stderr, "pydive: progress not saved: %s\n", err);
    save_failing = true;
}

static void print_menu(const Session *s)
{
    const Course *c = &s->course;
    printf("\n%s\n%s\n%s, %zu chapters, %d minutes of reading.\n\n", c->title, c->subtitle,
           c->difficulty, c->nchapters, c->read_minutes);
    for (size_t i = 0; i < c->nchapters; i++) {
        const Chapter *ch = &c->chapters[i];
        printf("%2d. %s (%zu of %zu sections read, %d min)\n", ch->number, ch->title,
               sections_read(s, ch), ch->nsections, ch->read_minutes);
    }
    const Chapter *last = s->progress.last_chapter
                              ? course_chapter_by_id(c, s->progress.last_chapter) : NULL;
    if (last)
        printf(" r. Resume chapter %d\n", last->number);
    printf(" a. Check yourself: a chapter check or the stage assessment\n");
    printf(" q. Quit\n");
}

/* Prints one section as plain lines (no colour, no cursor movement). */
static void print_section(const Doc *d, int section)
{
    size_t from = d->section_line[section];
    for (size_t i = from; i < d->n && d->lines[i].section == section; i++)
        printf("%s\n", d->lines[i].text);
}

/* Reads a chapter section by section from `start`; returns false on quit. */
static bool read_chapter(Session *s, const Chapter *ch, int start, bool ascii, Buf *line)
{
    Doc d = {0};
    DocTitles titles;
    doc_titles_load(&titles, s->course.dir);
    doc_layout_chapter_titled(&d, ch, text_width(), ascii, &titles);
    doc_titles_fini(&titles);
    if (start == 0)
        for (size_t i = 0; i < d.n && d.lines[i].section < 0; i++)
            printf("%s\n", d.lines[i].text);
    int64_t now = clock_now();
    for (int sec = start; sec < (int)ch->nsections; sec++) {
        progress_set_position(&s->progress, ch->id, ch->sections[sec].id, 0, 0, now);
        print_section(&d, sec);
        progress_mark_read(&s->progress, ch->id, ch->sections[sec].id, now);
        save(s);
        printf("\n[Section %d.%d of %zu read. Enter: next section, m: menu, q: quit] ",
               ch->number, sec + 1, ch->nsections);
        fflush(stdout);
        if (!read_line(line) || strcmp(buf_str(line), "q") == 0) {
            doc_fini(&d);
            return false;
        }
        if (strcmp(buf_str(line), "m") == 0)
            break;
    }
    doc_fini(&d);
    return true;
}

static void check_yourself(Session *s, Buf *line)
{
    printf("Type a chapter number for its check, or s for the stage assessment: ");
    fflush(stdout);
    if (!read_line(line))
        return;
    /* argv for cmd_assess, in writable storage as a real argv would be. */
    char a0[] = "assess", a1[] = "--chapter", a3[] = "--profile", chapter[16];
    char *argv[6] = {a0, NULL, NULL, NULL, NULL, NULL};
    int argc = 1;
    if (strcmp(buf_str(line), "s") != 0) {
        int n = atoi(buf_str(line));
        if (!course_chapter_by_number(&s->course, n)) {
            printf("There is no chapter '%s'.\n", buf_str(line));
            return;
        }
        snprintf(chapter, sizeof chapter, "%d", n);
        argv[argc++] = a1;
        argv[argc++] = chapter;
    }
    argv[argc++] = a3;
    argv[argc++] = s->profile;
    /* The quiz keeps its own record under the same profile lock: let go of
     * ours while it runs, then take it back. */
    save(s);
    store_close(&s->store);
    if (s->assess_open)
        assess_store_close(&s->assess_store);
    cmd_assess(argc, argv);
    DiagList diags = {0};
    Progress fresh;
    if (store_open(&s->store, s->user_dir, s->profile, true, &fresh, &diags)) {
        progress_fini(&s->progress);
        s->progress = fresh;
    }
    if (s->assess_open && !assess_store_open_beside(&s->assess_store, &s->store, s->profile,
                                                    &s->assess_log, &diags))
        s->assess_open = false;
    diag_fini(&diags);
}

int plain_run(Session *s, bool ascii)
{
    Buf line = {0};
    if (s->store.read_only && s->store.held_elsewhere)
        printf("Note: profile '%s' is open in another pydive; progress will not be saved.\n",
               s->profile);
    else if (s->store.read_only)
        printf("Note: profile '%s' cannot be written here (see the warning above); progress "
               "will not be saved.\n", s->profile);
    for (;;) {
        print_menu(s);
        printf("Choose: ");
        fflush(stdout);
        if (!read_line(&line) || strcmp(buf_str(&line), "q") == 0)
            break;
        const char *in = buf_str(&line);
        const Chapter *ch = NULL;
        int start = 0;
        if (strcmp(in, "r") == 0 && s->progress.last_chapter) {
            ch = course_chapter_by_id(&s->course, s->progress.last_chapter);
            const ChapterProgress *cp = ch ? progress_chapter_get(&s->progress, ch->id) : NULL;
            int sec = cp && cp->section_id ? chapter_section_index(ch, cp->section_id) : -1;
            start = sec > 0 ? sec : 0;
        } else if (strcmp(in, "a") == 0) {
            check_yourself(s, &line);
            continue;
        } else {
            ch = course_chapter_by_number(&s->course, atoi(in));
        }
        if (!ch) {
            printf("Type a chapter number, r, a or q.\n");
            continue;
        }
        AccessCtx ctx = {s->has_workshop ? &s->workshop : NULL, &s->course, &s->progress,
                         s->assess_open ? &s->assess : NULL, s->assess_open ? &s->assess_log : NULL,
                         clock_now()};
        ChapterAccess acc = access_chapter(&ctx, ch->id);
        if (acc.state != ACCESS_OPEN) {
            printf("%s\n", acc.why[0] ? acc.why : "This chapter is not open yet.");
            continue;
        }
        if (!read_chapter(s, ch, start, ascii, &line))
            break;
    }
    save(s);
    buf_fini(&line);
    if (save_failing) {
        printf("\nYour place could not be saved (see the message above).\n");
        return 1;
    }
    if (!s->store.read_only)
        printf("\nYour place is saved. Run pydive --plain again to resume.\n");
    return 0;
}
