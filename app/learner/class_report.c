/*
 * class_report: taking in a room's exports (see class_report.h).
 */
#include "learner/class_report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"

void class_report_init(ClassReport *r)
{
    *r = (ClassReport){0};
}

void class_report_fini(ClassReport *r)
{
    for (size_t i = 0; i < r->nfiles; i++) {
        free(r->files[i].path);
        free(r->files[i].detail);
    }
    for (size_t i = 0; i < r->nlearners; i++) {
        free(r->learners[i].label);
        export_fini(&r->learners[i].ex);
    }
    free(r->files);
    free(r->learners);
    free(r->pack);
    *r = (ClassReport){0};
}

const char *class_file_state_name(ClassFileState s)
{
    static const char *const names[] = {"used", "refused", "duplicate", "other pack"};
    return (unsigned)s < 4 ? names[s] : "?";
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

void class_report_add(ClassReport *r, const char *path, const char *text, size_t len)
{
    r->files = xrealloc(r->files, (r->nfiles + 1) * sizeof *r->files);
    ClassFile *f = &r->files[r->nfiles++];
    *f = (ClassFile){.path = xstrdup(path)};
    Export e;
    DiagList dl = {0};
    f->status = export_read(text, len, path, &e, &dl);
    if (f->status != EXPORT_OK) {
        f->state = CLASS_BAD;
        char *first = dl.len ? diag_format(&dl.items[0]) : NULL;
        Buf b = {0};
        buf_printf(&b, "%s%s%s", export_status_text(f->status), first ? ": " : "",
                   first ? first : "");
        f->detail = buf_take(&b);
        free(first);
        export_fini(&e);
        diag_fini(&dl);
        return;
    }
    diag_fini(&dl);
    for (size_t i = 0; i < r->nlearners; i++) {
        if (strcmp(r->learners[i].ex.checksum, e.checksum) == 0) {
            f->state = CLASS_DUPLICATE;
            Buf b = {0};
            buf_printf(&b, "the same export as %s", r->files[r->learners[i].file].path);
            f->detail = buf_take(&b);
            export_fini(&e);
            return;
        }
    }
    r->learners = xrealloc(r->learners, (r->nlearners + 1) * sizeof *r->learners);
    r->learners[r->nlearners++] = (ClassLearner){xstrdup(e.profile), r->nfiles - 1, e};
}

void class_report_add_unreadable(ClassReport *r, const char *path, const char *why)
{
    r->files = xrealloc(r->files, (r->nfiles + 1) * sizeof *r->files);
    r->files[r->nfiles++] = (ClassFile){xstrdup(path), CLASS_BAD, EXPORT_DAMAGED, xstrdup(why)};
}

static bool same_pack(const Export *e, const char *pack, int version)
{
    if (!e->pack || !pack)
        return !e->pack && !pack;
    return strcmp(e->pack, pack) == 0 && e->pack_version == version;
}

/* The pack most learners' files were made with (first seen wins a tie). */
static void majority(const ClassReport *r, const char **pack, int *version)
{
    size_t best = 0;
    for (size_t i = 0; i < r->nlearners; i++) {
        const Export *e = &r->learners[i].ex;
        size_t n = 0;
        for (size_t k = 0; k < r->nlearners; k++)
            n += same_pack(&r->learners[k].ex, e->pack, e->pack_version);
        if (n > best) {
            best = n;
            *pack = e->pack;
            *version = e->pack_version;
        }
    }
}

static int by_label(const void *a, const void *b)
{
    return strcmp(((const ClassLearner *)a)->label, ((const ClassLearner *)b)->label);
}

__attribute__((format(printf, 2, 3)))
static void set_detail(ClassFile *f, const char *fmt, ...)
{
    Buf buf = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&buf, fmt, ap);
    va_end(ap);
    free(f->detail);
    f->detail = buf_take(&buf);
}

void class_report_settle(ClassReport *r, const char *pack, int pack_version)
{
    const char *want = pack;
    int version = pack_version;
    if (!pack)
        majority(r, &want, &version);
    r->pack = want ? xstrdup(want) : NULL;
    r->pack_version = want ? version : 0;
    size_t kept = 0;
    for (size_t i = 0; i < r->nlearners; i++) {
        ClassLearner *l = &r->learners[i];
        if (same_pack(&l->ex, r->pack, r->pack_version)) {
            r->learners[kept++] = *l;
            continue;
        }
        ClassFile *f = &r->files[l->file];
        f->state = CLASS_OTHER_PACK;
        char other[160], class_[160];
        snprintf(other, sizeof other, "%s v%d", l->ex.pack ? l->ex.pack : "the shipped course",
                 l->ex.pack_version);
        snprintf(class_, sizeof class_, "%s v%d", r->pack ? r->pack : "the shipped course",
                 r->pack_version);
        if (!l->ex.pack)
            snprintf(other, sizeof other, "the shipped course");
        if (!r->pack)
            snprintf(class_, sizeof class_, "the shipped course");
        set_detail(f, "made with %s, the class is on %s: not merged", other, class_);
        free(l->label);
        export_fini(&l->ex);
    }
    r->nlearners = kept;
    for (size_t i = 0; i < r->nlearners; i++) {
        bool repeated = false;
        for (size_t k = 0; k < r->nlearners; k++)
            repeated |= k != i && strcmp(r->learners[k].ex.profile, r->learners[i].ex.profile) == 0;
        if (!repeated)
            continue;
        ClassLearner *l = &r->learners[i];
        Buf b = {0};
        buf_printf(&b, "%s (%s)", l->ex.profile, base_name(r->files[l->file].path));
        free(l->label);
        l->label = buf_take(&b);
        set_detail(&r->files[l->file], "profile '%s' is in another file too: listed apart%s",
                   l->ex.profile, " (if it is one learner, merge the files with pydive import "
                   "first)");
    }
    qsort(r->learners, r->nlearners, sizeof *r->learners, by_label);
}

static int by_missed(const void *a, const void *b)
{
    const MissedItem *x = a, *y = b;
    if (x->wrong != y->wrong)
        return y->wrong - x->wrong;
    if (x->learners != y->learners)
        return y->learners - x->learners;
    return strcmp(x->item, y->item);
}

size_t class_missed_items(const ClassReport *r, MissedItem **out)
{
    MissedItem *m = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < r->nlearners; i++) {
        const AssessLog *log = &r->learners[i].ex.log;
        for (size_t a = 0; a < log->nanswers; a++) {
            const AnswerRec *ans = &log->answers[a];
            MissedItem *it = NULL;
            for (size_t k = 0; k < n && !it; k++)
                if (strcmp(m[k].item, ans->item) == 0)
                    it = &m[k];
            if (!it) {
                m = xgrow(m, &cap, n + 1, sizeof *m);
                it = &m[n++];
                *it = (MissedItem){xstrdup(ans->item), 0, 0, 0};
            }
            it->answered++;
            if (ans->result != RESULT_CORRECT)
                it->wrong++;
        }
        /* learners who missed it: once per learner */
        for (size_t k = 0; k < n; k++) {
            bool missed = false;
            for (size_t a = 0; a < log->nanswers && !missed; a++)
                missed = log->answers[a].result != RESULT_CORRECT &&
                         strcmp(log->answers[a].item, m[k].item) == 0;
            m[k].learners += missed;
        }
    }
    size_t kept = 0;
    for (size_t k = 0; k < n; k++) {
        if (m[k].wrong > 0)
            m[kept++] = m[k];
        else
            free(m[k].item);
    }
    if (kept > 1) /* m may be NULL when nothing was answered: qsort wants a real array */
        qsort(m, kept, sizeof *m, by_missed);
    *out = m;
    return kept;
}

void class_missed_free(MissedItem *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(m[i].item);
    free(m);
}
