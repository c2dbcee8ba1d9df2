/*
 * cmd_class: `pydive class report DIR|FILE... [--format text|csv|json]` — the
 * exports collected from a room (a USB stick's folder) as one report, offline:
 * per learner the sections read per chapter, exercises solved, hints used,
 * answers and the best chapter-check scores, the stage per competency;
 * per chapter how far the class got; the items most missed; and every file
 * that was not used, with why (learner/class_report.h).
 *
 * The course and assessments in use (the pack from --course, else the shipped
 * course) give chapter titles, section counts and stages: stages are
 * recomputed from each learner's evidence, as `pydive stage` does.  Without
 * assessments the last stage assessment's snapshot is shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/fsutil.h"
#include "base/overlay.h"
#include "base/paths.h"
#include "base/printable.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "learner/class_report.h"
#include "learner/gate.h"
#include "learner/mastery.h"
#include "ui/ui.h"

typedef enum Fmt { FMT_TEXT, FMT_CSV, FMT_JSON, FMT_MD } Fmt;

typedef struct Ctx {
    ClassReport r;
    Course course;
    bool has_course;
    AssessContent ac;
    bool has_ac;
    Workshop w;
    bool has_w;
    const Chapter **chapters; /* report order: the agenda's, else the course's */
    size_t nchapters;
    int64_t now;
} Ctx;

/* ---- collecting ---------------------------------------------------------------- */

static void add_file(Ctx *x, const char *path)
{
    Buf text = {0}, err = {0};
    if (file_read(path, EXPORT_FILE_MAX, &text, &err))
        class_report_add(&x->r, path, text.data ? text.data : "", text.len);
    else
        class_report_add_unreadable(&x->r, path, buf_str(&err));
    buf_fini(&text);
    buf_fini(&err);
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_dir(Ctx *x, const char *dir)
{
    static const char *const sfx[] = {".yaml", ".yml", ".json", ".csv"};
    char **all = NULL;
    size_t n = 0;
    for (size_t s = 0; s < 4; s++) {
        char **names;
        size_t k = dir_list(dir, sfx[s], &names);
        all = xrealloc(all, (n + k + 1) * sizeof *all);
        for (size_t i = 0; i < k; i++)
            all[n++] = path_join(dir, names[i]);
        dir_list_free(names, k);
    }
    qsort(all, n, sizeof *all, by_str);
    for (size_t i = 0; i < n; i++) {
        add_file(x, all[i]);
        free(all[i]);
    }
    free(all);
}

static void load_content(Ctx *x)
{
    Buf err = {0};
    char *dir = paths_content_dir(&err);
    buf_fini(&err);
    if (!dir)
        return;
    DiagList quiet = {0};
    x->has_course = course_load(dir, &x->course, &quiet);
    if (x->has_course) {
        char *adir = path_join(dir, "assessments");
        char *stages = path_join(adir, "stages.yaml");
        bool tried = overlay_file_exists(stages);
        x->has_ac = tried && assess_content_load(adir, &x->ac, &quiet);
        if (tried && !x->has_ac)
            assess_content_fini(&x->ac);
        session_load_workshop(dir, &x->course, x->has_ac ? &x->ac : NULL, &x->w, &x->has_w,
                              &quiet);
        x->chapters = xcalloc(x->course.nchapters + 1, sizeof *x->chapters);
        if (x->has_w) {
            for (size_t i = 0; i < x->w.nagenda; i++)
                x->chapters[x->nchapters++] =
                    course_chapter_by_id(&x->course, x->w.agenda[i].chapter_id);
        } else {
            for (size_t i = 0; i < x->course.nchapters; i++)
                x->chapters[x->nchapters++] = &x->course.chapters[i];
        }
        free(stages);
        free(adir);
    }
    diag_fini(&quiet);
    free(dir);
}

/* ---- figures --------------------------------------------------------------------- */

typedef struct Figures {
    size_t *read;           /* per report chapter: sections read */
    int *check;             /* per report chapter: best check %, -1 none */
    int solved, tried, hints, answers, correct;
    const char **stage;     /* per competency: stage id or NULL */
    const char *overall;
} Figures;

static size_t sections_read(const Progress *p, const Chapter *ch)
{
    size_t n = 0;
    for (size_t i = 0; i < ch->nsections; i++)
        n += progress_is_read(p, ch->id, ch->sections[i].id);
    return n;
}

static bool seen_before(const ExerciseRec *xs, size_t upto, const char *id, bool solved)
{
    for (size_t i = 0; i < upto; i++)
        if (strcmp(xs[i].exercise, id) == 0 && (!solved || xs[i].solved))
            return true;
    return false;
}

static void figures(const Ctx *x, const Export *e, Figures *f)
{
    *f = (Figures){0};
    f->read = xcalloc(x->nchapters + 1, sizeof *f->read);
    f->check = xcalloc(x->nchapters + 1, sizeof *f->check);
    for (size_t c = 0; c < x->nchapters; c++) {
        f->read[c] = sections_read(&e->progress, x->chapters[c]);
        f->check[c] = gate_check_score(&e->log, x->chapters[c]->number);
    }
    const AssessLog *log = &e->log;
    for (size_t i = 0; i < log->nexercises; i++) {
        const ExerciseRec *r = &log->exercises[i];
        f->tried += !seen_before(log->exercises, i, r->exercise, false);
        f->solved += r->solved && !seen_before(log->exercises, i, r->exercise, true);
        f->hints += r->hints;
    }
    f->answers = (int)log->nanswers;
    for (size_t i = 0; i < log->nanswers; i++)
        f->correct += log->answers[i].result == RESULT_CORRECT;
    if (x->has_ac) {
        f->stage = xcalloc(x->ac.ncompetencies + 1, sizeof *f->stage);
        StageReport sr;
        mastery_report(&x->ac, log, x->now, &sr);
        for (size_t i = 0; i < sr.n; i++)
            f->stage[i] = sr.comps[i].stage >= 0 ? x->ac.stages[sr.comps[i].stage].id : NULL;
        f->overall = sr.overall >= 0 ? x->ac.stages[sr.overall].id : NULL;
        stage_report_fini(&sr);
    } else {
        for (size_t i = log->nsessions; i-- > 0;)
            if (log->sessions[i].kind == SESSION_STAGE) {
                f->overall = log->sessions[i].overall;
                break;
            }
    }
}

static void figures_fini(Figures *f)
{
    free(f->read);
    free(f->check);
    free(f->stage);
}

/* Per chapter over the class: started, finished, mean read %, mean best check. */
typedef struct ChapterSum {
    int started, finished, checked;
    double read_pct, check_sum;
} ChapterSum;

static ChapterSum chapter_sum(const Ctx *x, const Figures *fs, size_t c)
{
    ChapterSum s = {0};
    const Chapter *ch = x->chapters[c];
    for (size_t i = 0; i < x->r.nlearners; i++) {
        const Progress *p = &x->r.learners[i].ex.progress;
        s.started += progress_chapter_get(p, ch->id) != NULL;
        s.finished += ch->nsections > 0 && fs[i].read[c] == ch->nsections;
        s.read_pct += ch->nsections ? 100.0 * (double)fs[i].read[c] / (double)ch->nsections : 0;
        if (fs[i].check[c] >= 0) {
            s.checked++;
            s.check_sum += fs[i].check[c];
        }
    }
    if (x->r.nlearners)
        s.read_pct /= (double)x->r.nlearners;
    return s;
}

static const char *or_dash(const char *s)
{
    return s ? s : "-";
}

/* ---- text -------------------------------------------------------------------------- */

static void print_text(FILE *out, const Ctx *x, const Figures *fs, const MissedItem *m, size_t nm)
{
    const ClassReport *r = &x->r;
    fprintf(out, "Class report: %zu learner%s from %zu file%s", r->nlearners,
           r->nlearners == 1 ? "" : "s", r->nfiles, r->nfiles == 1 ? "" : "s");
    if (r->pack)
        fprintf(out, " (pack %s v%d)", shown(r->pack), r->pack_version);
    /* Two tables of at most 80 columns: reading per chapter (in as many
     * blocks of chapters as it takes), then exercises and answers. */
    int lw = 7;
    for (size_t i = 0; i < r->nlearners; i++) {
        int n = (int)strlen(shown(r->learners[i].label));
        lw = n > lw ? n : lw;
    }
    lw = lw > 20 ? 20 : lw;
    size_t per = (size_t)((80 - lw) / 9);
    fprintf(out, "\n\nLearners: sections read per chapter, and the best check score\n");
    for (size_t from = 0; from < x->nchapters; from += per) {
        size_t to = from + per < x->nchapters ? from + per : x->nchapters;
        fprintf(out, "%s%-*s", from ? "\n" : "", lw, "learner");
        for (size_t c = from; c < to; c++) {
            char head[16];
            snprintf(head, sizeof head, "ch%d", x->chapters[c]->number);
            fprintf(out, " %-8s", head);
        }
        fputc('\n', out);
        for (size_t i = 0; i < r->nlearners; i++) {
            const Figures *f = &fs[i];
            fprintf(out, "%-*.*s", lw, lw, shown(r->learners[i].label));
            for (size_t c = from; c < to; c++) {
                char cell[32];
                if (f->check[c] >= 0)
                    snprintf(cell, sizeof cell, "%zu/%zu %d%%", f->read[c],
                             x->chapters[c]->nsections, f->check[c]);
                else
                    snprintf(cell, sizeof cell, "%zu/%zu", f->read[c], x->chapters[c]->nsections);
                fprintf(out, " %-8s", cell);
            }
            fputc('\n', out);
        }
    }
    fprintf(out, "\nLearners: exercises and answers\n%-*s %9s %5s %7s %5s  %s\n", lw, "learner",
            "solved", "hints", "answers", "right", "overall stage");
    for (size_t i = 0; i < r->nlearners; i++) {
        const Figures *f = &fs[i];
        char solved[24], right[16];
        snprintf(solved, sizeof solved, "%d/%d", f->solved, f->tried);
        snprintf(right, sizeof right, "%d%%", f->answers ? f->correct * 100 / f->answers : 0);
        fprintf(out, "%-*.*s %9s %5d %7d %5s  %s\n", lw, lw, shown(r->learners[i].label), solved,
                f->hints, f->answers, f->answers ? right : "-", shown(or_dash(f->overall)));
    }
    fprintf(out, "\nChapters\n%2s %7s %8s %5s %12s  %s\n", "ch", "started", "finished", "read",
            "check (took)", "title");
    for (size_t c = 0; c < x->nchapters; c++) {
        ChapterSum s = chapter_sum(x, fs, c);
        char check[24] = "-";
        if (s.checked)
            snprintf(check, sizeof check, "%.0f%% (%d)", s.check_sum / s.checked, s.checked);
        bool closed = x->has_w && !workshop_is_open(&x->w, x->chapters[c]->id);
        fprintf(out, "%2d %7d %8d %4.0f%% %12s  %s%s\n", x->chapters[c]->number, s.started,
                s.finished, s.read_pct, check, closed ? "(closed) " : "",
                shown(x->chapters[c]->title));
    }
    if (x->has_ac) {
        fprintf(out, "\nStages per competency (learners at each stage)\n");
        for (size_t k = 0; k < x->ac.ncompetencies; k++) {
            fprintf(out, "  %-28s", shown(x->ac.competencies[k].id));
            int none = 0;
            for (int s = 0; s < ASSESS_NSTAGES; s++) {
                int n = 0;
                for (size_t i = 0; i < r->nlearners; i++)
                    n += fs[i].stage[k] && strcmp(fs[i].stage[k], x->ac.stages[s].id) == 0;
                if (n)
                    fprintf(out, " %s %d,", shown(x->ac.stages[s].id), n);
            }
            for (size_t i = 0; i < r->nlearners; i++)
                none += !fs[i].stage[k];
            fprintf(out, " not assessed %d\n", none);
        }
    }
    fprintf(out, "\nMost missed items (wrong or partial answers)\n");
    if (nm == 0)
        fprintf(out, "  none\n");
    for (size_t i = 0; i < nm && i < 10; i++)
        fprintf(out, "  %-32s %3d of %3d answers, by %d learner%s\n", shown(m[i].item), m[i].wrong,
               m[i].answered, m[i].learners, m[i].learners == 1 ? "" : "s");
    bool any = false;
    for (size_t i = 0; i < r->nfiles; i++) {
        const ClassFile *f = &r->files[i];
        if (f->state == CLASS_USED && !f->detail)
            continue;
        if (!any)
            fprintf(out, "\nFiles not used, or to look at\n");
        any = true;
        fprintf(out, "  %s: %s%s%s\n", shown(f->path), class_file_state_name(f->state),
               f->detail ? ": " : "", shown(f->detail));
    }
}

/* ---- CSV and JSON ---------------------------------------------------------------------- */

/* ",cell": escaped, quoted when needed, never a formula (printable_csv). */
static void csv_field(const char *s)
{
    Buf b = {0};
    buf_addc(&b, ',');
    printable_csv(&b, s);
    fputs(buf_str(&b), stdout);
    buf_fini(&b);
}

/* Four tables, each row starting with its table's name, so one file can be
 * filtered into sheets (the first row of each table names its columns). */
static void print_csv(const Ctx *x, const Figures *fs, const MissedItem *m, size_t nm)
{
    const ClassReport *r = &x->r;
    printf("table,learner,file");
    for (size_t c = 0; c < x->nchapters; c++)
        printf(",ch%d_read,ch%d_sections,ch%d_check", x->chapters[c]->number,
               x->chapters[c]->number, x->chapters[c]->number);
    printf(",exercises_solved,exercises_tried,hints,answers,correct,overall");
    for (size_t k = 0; x->has_ac && k < x->ac.ncompetencies; k++)
        csv_field(x->ac.competencies[k].id);
    putchar('\n');
    for (size_t i = 0; i < r->nlearners; i++) {
        const Figures *f = &fs[i];
        printf("learner");
        csv_field(r->learners[i].label);
        csv_field(r->files[r->learners[i].file].path);
        for (size_t c = 0; c < x->nchapters; c++) {
            printf(",%zu,%zu,", f->read[c], x->chapters[c]->nsections);
            if (f->check[c] >= 0)
                printf("%d", f->check[c]);
        }
        printf(",%d,%d,%d,%d,%d", f->solved, f->tried, f->hints, f->answers, f->correct);
        csv_field(f->overall);
        for (size_t k = 0; x->has_ac && k < x->ac.ncompetencies; k++)
            csv_field(f->stage[k]);
        putchar('\n');
    }
    printf("table,number,id,title,sections,started,finished,read_percent,check_mean,"
           "check_taken\n");
    for (size_t c = 0; c < x->nchapters; c++) {
        const Chapter *ch = x->chapters[c];
        ChapterSum s = chapter_sum(x, fs, c);
        printf("chapter,%d", ch->number);
        csv_field(ch->id);
        csv_field(ch->title);
        printf(",%zu,%d,%d,%.1f,", ch->nsections, s.started, s.finished, s.read_pct);
        if (s.checked)
            printf("%.1f", s.check_sum / s.checked);
        printf(",%d\n", s.checked);
    }
    printf("table,item,wrong,answered,learners\n");
    for (size_t i = 0; i < nm; i++) {
        printf("item");
        csv_field(m[i].item);
        printf(",%d,%d,%d\n", m[i].wrong, m[i].answered, m[i].learners);
    }
    printf("table,path,state,detail\n");
    for (size_t i = 0; i < r->nfiles; i++) {
        printf("file");
        csv_field(r->files[i].path);
        csv_field(class_file_state_name(r->files[i].state));
        csv_field(r->files[i].detail);
        putchar('\n');
    }
}

static void js(Buf *b, const char *s)
{
    printable_json(b, s);
}

static void print_json(const Ctx *x, const Figures *fs, const MissedItem *m, size_t nm)
{
    const ClassReport *r = &x->r;
    Buf b = {0};
    buf_adds(&b, "{\"report\": 1, \"pack\": ");
    js(&b, r->pack);
    buf_printf(&b, ", \"pack_version\": %d, \"learners\": [", r->pack_version);
    for (size_t i = 0; i < r->nlearners; i++) {
        const Figures *f = &fs[i];
        buf_adds(&b, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
        js(&b, r->learners[i].label);
        buf_adds(&b, ", \"profile\": ");
        js(&b, r->learners[i].ex.profile);
        buf_adds(&b, ", \"file\": ");
        js(&b, r->files[r->learners[i].file].path);
        buf_adds(&b, ", \"chapters\": [");
        for (size_t c = 0; c < x->nchapters; c++) {
            buf_printf(&b, "%s{\"number\": %d, \"read\": %zu, \"sections\": %zu, \"check\": ",
                       c ? ", " : "", x->chapters[c]->number, f->read[c],
                       x->chapters[c]->nsections);
            if (f->check[c] >= 0)
                buf_printf(&b, "%d}", f->check[c]);
            else
                buf_adds(&b, "null}");
        }
        buf_printf(&b, "], \"exercises_solved\": %d, \"exercises_tried\": %d, \"hints\": %d, "
                       "\"answers\": %d, \"correct\": %d, \"overall\": ", f->solved, f->tried,
                   f->hints, f->answers, f->correct);
        js(&b, f->overall);
        buf_adds(&b, ", \"stages\": {");
        for (size_t k = 0; x->has_ac && k < x->ac.ncompetencies; k++) {
            buf_adds(&b, k ? ", " : "");
            js(&b, x->ac.competencies[k].id);
            buf_adds(&b, ": ");
            js(&b, f->stage[k]);
        }
        buf_adds(&b, "}}");
    }
    buf_adds(&b, "\n], \"chapters\": [");
    for (size_t c = 0; c < x->nchapters; c++) {
        ChapterSum s = chapter_sum(x, fs, c);
        buf_printf(&b, "%s\n  {\"number\": %d, \"id\": ", c ? "," : "", x->chapters[c]->number);
        js(&b, x->chapters[c]->id);
        buf_printf(&b, ", \"sections\": %zu, \"started\": %d, \"finished\": %d, "
                       "\"read_percent\": %.1f, \"check_taken\": %d, \"check_mean\": ",
                   x->chapters[c]->nsections, s.started, s.finished, s.read_pct, s.checked);
        if (s.checked)
            buf_printf(&b, "%.1f}", s.check_sum / s.checked);
        else
            buf_adds(&b, "null}");
    }
    buf_adds(&b, "\n], \"missed\": [");
    for (size_t i = 0; i < nm; i++) {
        buf_adds(&b, i ? ",\n  {\"item\": " : "\n  {\"item\": ");
        js(&b, m[i].item);
        buf_printf(&b, ", \"wrong\": %d, \"answered\": %d, \"learners\": %d}", m[i].wrong,
                   m[i].answered, m[i].learners);
    }
    buf_adds(&b, "\n], \"files\": [");
    for (size_t i = 0; i < r->nfiles; i++) {
        buf_adds(&b, i ? ",\n  {\"path\": " : "\n  {\"path\": ");
        js(&b, r->files[i].path);
        buf_adds(&b, ", \"state\": ");
        js(&b, class_file_state_name(r->files[i].state));
        buf_adds(&b, ", \"detail\": ");
        js(&b, r->files[i].detail);
        buf_adds(&b, "}");
    }
    buf_adds(&b, "\n]}\n");
    fputs(buf_str(&b), stdout);
    buf_fini(&b);
}

/* ---- Markdown: the same tables, for a handout or a wiki ---------------------------------- */

static void print_md(const Ctx *x, const Figures *fs, const MissedItem *m, size_t nm)
{
    const ClassReport *r = &x->r;
    printf("# Class report\n\n%zu learner%s from %zu file%s", r->nlearners,
           r->nlearners == 1 ? "" : "s", r->nfiles, r->nfiles == 1 ? "" : "s");
    if (r->pack)
        printf(" (pack %s v%d)", shown(r->pack), r->pack_version);
    printf(".\n\n## Learners\n\nSections read per chapter, and the best check score.\n\n| learner |");
    for (size_t c = 0; c < x->nchapters; c++)
        printf(" ch%d |", x->chapters[c]->number);
    printf(" exercises solved | hints | answers | right | overall stage |\n|---|");
    for (size_t c = 0; c < x->nchapters; c++)
        printf("---|");
    printf("---|---|---|---|---|\n");
    for (size_t i = 0; i < r->nlearners; i++) {
        const Figures *f = &fs[i];
        printf("| %s |", shown(r->learners[i].label));
        for (size_t c = 0; c < x->nchapters; c++) {
            printf(" %zu/%zu", f->read[c], x->chapters[c]->nsections);
            if (f->check[c] >= 0)
                printf(" (%d%%)", f->check[c]);
            printf(" |");
        }
        char right[16] = "-";
        if (f->answers)
            snprintf(right, sizeof right, "%d%%", f->correct * 100 / f->answers);
        printf(" %d/%d | %d | %d | %s | %s |\n", f->solved, f->tried, f->hints, f->answers, right,
               shown(or_dash(f->overall)));
    }
    printf("\n## Chapters\n\n| chapter | started | finished | read | check (took) |\n"
           "|---|---|---|---|---|\n");
    for (size_t c = 0; c < x->nchapters; c++) {
        ChapterSum s = chapter_sum(x, fs, c);
        printf("| %d. %s | %d | %d | %.0f%% |", x->chapters[c]->number, shown(x->chapters[c]->title),
               s.started, s.finished, s.read_pct);
        if (s.checked)
            printf(" %.0f%% (%d) |\n", s.check_sum / s.checked, s.checked);
        else
            printf(" - |\n");
    }
    printf("\n## Most missed items\n\n| item | wrong or partial | learners |\n|---|---|---|\n");
    for (size_t i = 0; i < nm && i < 10; i++)
        printf("| %s | %d of %d | %d |\n", shown(m[i].item), m[i].wrong, m[i].answered, m[i].learners);
    bool any = false;
    for (size_t i = 0; i < r->nfiles; i++) {
        const ClassFile *f = &r->files[i];
        if (f->state == CLASS_USED && !f->detail)
            continue;
        if (!any)
            printf("\n## Files not used, or to look at\n\n");
        any = true;
        printf("- `%s`: %s%s%s\n", shown(f->path), class_file_state_name(f->state),
               f->detail ? ": " : "", shown(f->detail));
    }
}

/* ---- the command ----------------------------------------------------------------------- */

int cmd_class(int argc, char **argv)
{
    const char *format = "text";
    if (cli_take_option(&argc, argv, "--format", &format) < 0 || cli_reject_unknown(argc, argv))
        return 2;
    Fmt fmt = strcmp(format, "text") == 0 ? FMT_TEXT : strcmp(format, "csv") == 0 ? FMT_CSV
              : strcmp(format, "json") == 0 ? FMT_JSON : strcmp(format, "md") == 0 ? FMT_MD
              : (Fmt)-1;
    if ((int)fmt < 0)
        return cli_usage_error("unknown format '%s' (text, md, csv or json)", format);
    if (argc < 2 || strcmp(argv[1], "report") != 0)
        return cli_usage_error("usage: pydive class report DIR|FILE... [--format text|md|csv|json]");
    if (argc < 3)
        return cli_usage_error("class report needs the folders or files of exports");
    Ctx x = {0};
    x.now = clock_now();
    class_report_init(&x.r);
    for (int i = 2; i < argc; i++) {
        if (dir_exists(argv[i]))
            add_dir(&x, argv[i]);
        else
            add_file(&x, argv[i]);
    }
    load_content(&x);
    class_report_settle(&x.r, x.has_w ? x.w.id : NULL, x.has_w ? x.w.version : 0);
    Figures *fs = xcalloc(x.r.nlearners + 1, sizeof *fs);
    for (size_t i = 0; i < x.r.nlearners; i++)
        figures(&x, &x.r.learners[i].ex, &fs[i]);
    MissedItem *m;
    size_t nm = class_missed_items(&x.r, &m);
    if (fmt == FMT_TEXT && isatty(STDOUT_FILENO)) {
        /* On a terminal: the same report as a screen to scroll. */
        char *text = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&text, &len);
        print_text(mem, &x, fs, m, nm);
        fclose(mem);
        ui_page("Class report", text, !session_utf8_locale());
        free(text);
    } else if (fmt == FMT_TEXT) {
        print_text(stdout, &x, fs, m, nm);
    } else if (fmt == FMT_MD)
        print_md(&x, fs, m, nm);
    else if (fmt == FMT_CSV)
        print_csv(&x, fs, m, nm);
    else
        print_json(&x, fs, m, nm);
    size_t bad = 0;
    for (size_t i = 0; i < x.r.nfiles; i++)
        bad += x.r.files[i].state != CLASS_USED;
    if (bad && fmt != FMT_TEXT)
        fprintf(stderr, "pydive class report: %zu file%s not used (see the files table)\n", bad,
                bad == 1 ? "" : "s");
    int rc = x.r.nlearners > 0 ? 0 : 1;
    if (!x.r.nlearners)
        fprintf(stderr, "pydive class report: no usable export among %zu file%s\n", x.r.nfiles,
                x.r.nfiles == 1 ? "" : "s");
    class_missed_free(m, nm);
    for (size_t i = 0; i < x.r.nlearners; i++)
        figures_fini(&fs[i]);
    free(fs);
    class_report_fini(&x.r);
    free(x.chapters);
    if (x.has_w)
        workshop_fini(&x.w);
    if (x.has_ac)
        assess_content_fini(&x.ac);
    if (x.has_course)
        course_fini(&x.course);
    return rc;
}
