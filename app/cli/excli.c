/*
 * excli: an exercise opened for the exercise commands (see excli.h).
 */
#include "cli/excli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/fsutil.h"
#include "base/xalloc.h"
#include "view/access.h"
#include "view/doc.h"
#include "view/styled.h"

void excli_close(ExCli *c)
{
    if (c->loaded)
        exrun_fini(&c->h);
    exrun_index_free(c->index, c->nindex);
    if (c->session_open)
        session_close(&c->s);
    free(c->work);
    *c = (ExCli){0};
}

const char *excli_profile_dir(const ExCli *c)
{
    return c->s.store.profile_dir;
}

int excli_open(ExCli *c, const char *profile, const char *id, bool write)
{
    *c = (ExCli){0};
    c->now = clock_now();
    int rc = session_open(&c->s, profile, write);
    c->session_open = true;
    if (rc != 0)
        return rc;
    diag_print(&c->s.store_diags, stderr);
    c->nindex = exrun_index(c->s.content_dir, &c->index);
    if (!id)
        return 0;
    c->entry = exrun_index_find(c->index, c->nindex, id);
    if (!c->entry) {
        fprintf(stderr, "pydive: no exercise '%s' (see pydive exercise list)\n", id);
        return 2;
    }
    DiagList dl = {0};
    c->loaded = true;
    bool ok = exrun_load(&c->h, c->entry->path, &dl);
    if (!ok) {
        diag_print(&dl, stderr);
        fprintf(stderr, "pydive: exercise '%s' cannot be used until its file is fixed\n", id);
    }
    diag_fini(&dl);
    if (!ok)
        return 1;
    doc_links_use(&c->s.course); /* "ch02#cycles" in the texts reads "§2.3 ..." */
    const Chapter *ch = course_chapter_by_number(&c->s.course, c->h.chapter);
    if (ch && c->s.has_workshop) { /* a workshop pack decides which chapters are open */
        AccessCtx actx = {.workshop = &c->s.workshop,
                          .course = &c->s.course,
                          .progress = &c->s.progress,
                          .assess = c->s.assess_loaded ? &c->s.assess : NULL,
                          .log = c->s.assess_open ? &c->s.assess_log : NULL,
                          .now = c->now};
        ChapterAccess a = access_chapter(&actx, ch->id);
        if (a.state != ACCESS_OPEN) {
            fprintf(stderr, "pydive: exercise '%s' is in chapter %d, which this workshop has "
                            "not opened for you%s%s\n",
                    id, c->h.chapter, a.why[0] ? ": " : "", a.why);
            return 2;
        }
    }
    Buf err = {0};
    if (!exstate_load(excli_profile_dir(c), id, &c->st, &err))
        fprintf(stderr, "pydive: warning: %s\n", buf_str(&err));
    buf_fini(&err);
    char *wdir = path_join(excli_profile_dir(c), "work");
    const char *ext = c->h.ex.lab ? c->h.ex.lab->ext : "py";
    size_t n = strlen(id) + strlen(ext) + 2;
    char *name = xmalloc(n);
    snprintf(name, n, "%s.%s", id, ext);
    c->work = path_join(wdir, name);
    free(name);
    free(wdir);
    return 0;
}

bool excli_save(ExCli *c, bool record)
{
    bool ok = true;
    Buf err = {0};
    if (c->s.store.read_only) {
        fputs("pydive: this profile is open elsewhere (read-only here); nothing is saved\n",
              stderr);
        return false;
    }
    if (!exstate_save(excli_profile_dir(c), c->h.ex.id, &c->st, &err)) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        ok = false;
    }
    buf_fini(&err);
    if (record) {
        char why[256];
        if (!session_save(&c->s, why, sizeof why)) {
            fprintf(stderr, "pydive: %s\n", why);
            ok = false;
        }
    }
    return ok;
}

bool excli_record(ExCli *c)
{
    if (!c->s.assess_open)
        return false;
    const Exercise *ex = &c->h.ex;
    return exstate_record(&c->st, &c->s.assess_log, ex->id, c->now, ex->difficulty,
                          (const char *const *)ex->competencies, ex->ncompetencies);
}

bool excli_write_file(const char *path, const char *text, Buf *err)
{
    char *slash = strrchr(path, '/');
    if (slash) {
        char *dir = xstrndup(path, (size_t)(slash - path));
        bool ok = dir_make(dir, err);
        free(dir);
        if (!ok)
            return false;
    }
    return file_write_atomic(path, text, strlen(text), err);
}

bool excli_ensure_work(ExCli *c, bool *created)
{
    *created = false;
    if (file_exists(c->work))
        return true;
    Buf err = {0};
    bool ok = excli_write_file(c->work, c->h.ex.starter ? c->h.ex.starter : c->h.ex.program, &err);
    if (!ok)
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
    buf_fini(&err);
    *created = ok;
    return ok;
}

void excli_indent(const char *text, const char *prefix)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        printf("%s%.*s\n", prefix, (int)n, p);
        p += n + (nl != NULL);
    }
}

const char *excli_prose(const char *text)
{
    static Styled st;
    styled_clear(&st);
    markup_plain(text ? text : "", &st);
    return st.text ? st.text : "";
}

void excli_print_read_link(const char *link)
{
    const char *hash = link ? strchr(link, '#') : NULL;
    if (hash)
        printf("Read: pydive render chapter:%d:%s\n", atoi(link + 2), hash + 1);
}

void excli_print_program(const char *program)
{
    int n = 1;
    const char *p = program;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        printf("  %3d | %.*s\n", n++, (int)len, p);
        p += len + (nl != NULL);
    }
}
