/*
 * exrun: the exercise engine (see exrun.h).
 */
#include "script/exrun.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/overlay.h"
#include "base/xalloc.h"
#include "script/api_sim.h"
#include "script/exrun_internal.h"
#include "script/labs.h"
#include "script/sandbox_lua.h"

/* {====== Finding exercises ====== */

static int chapter_of(const char *folder)
{
    if (folder[0] != 'c' || folder[1] != 'h' || !isdigit((unsigned char)folder[2]))
        return 0;
    char *end;
    long n = strtol(folder + 2, &end, 10);
    return *end == '\0' && n > 0 && n < 100 ? (int)n : 0;
}

static int entry_cmp(const void *a, const void *b)
{
    const ExEntry *x = a, *y = b;
    if (x->chapter != y->chapter)
        return x->chapter < y->chapter ? -1 : 1;
    return strcmp(x->id, y->id);
}

size_t exrun_index(const char *content_dir, ExEntry **out)
{
    char *root = path_join(content_dir, "exercises");
    char **folders;
    size_t nfolders = overlay_list_subdirs(root, &folders);
    ExEntry *e = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < nfolders; i++) {
        char *folder = path_join(root, folders[i]);
        char **files;
        size_t nfiles = overlay_list(folder, ".lua", &files);
        for (size_t j = 0; j < nfiles; j++) {
            e = xgrow(e, &cap, n + 1, sizeof *e);
            e[n].id = xstrndup(files[j], strlen(files[j]) - 4);
            e[n].path = overlay_join(folder, files[j]);
            e[n].chapter = chapter_of(folders[i]);
            n++;
        }
        dir_list_free(files, nfiles);
        free(folder);
    }
    dir_list_free(folders, nfolders);
    free(root);
    if (n > 1)
        qsort(e, n, sizeof *e, entry_cmp);
    *out = e;
    return n;
}

void exrun_index_free(ExEntry *entries, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(entries[i].id);
        free(entries[i].path);
    }
    free(entries);
}

const ExEntry *exrun_index_find(const ExEntry *entries, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(entries[i].id, id) == 0)
            return &entries[i];
    return NULL;
}

/* }====== */

/* {====== A loaded exercise ====== */

bool exrun_load(ExHandle *h, const char *path, DiagList *dl)
{
    *h = (ExHandle){0};
    SandboxResult res = {0};
    h->sb = sandbox_new(NULL, &res);
    if (!h->sb || !api_sim_register(h->sb, &res) || !labs_register(h->sb, &res)) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, "cannot set up the sandbox: %s",
                 res.message ? res.message : sandbox_outcome_name(res.outcome));
        sandbox_result_fini(&res);
        return false;
    }
    sandbox_result_fini(&res);
    const char *slash = strrchr(path, '/');
    if (slash) {
        const char *start = slash;
        while (start > path && start[-1] != '/')
            start--;
        char *folder = xstrndup(start, (size_t)(slash - start));
        h->chapter = chapter_of(folder);
        free(folder);
    }
    return exercise_load(h->sb, path, &h->ex, dl);
}

void exrun_fini(ExHandle *h)
{
    exercise_fini(&h->ex);
    sandbox_free(h->sb);
    *h = (ExHandle){0};
}

const char *exrun_hint(const Exercise *ex, int rung)
{
    return rung >= 1 && rung <= EXERCISE_HINTS ? ex->hints[rung - 1] : NULL;
}

int exrun_hint_count(const Exercise *ex)
{
    int n = 0;
    while (n < EXERCISE_HINTS && ex->hints[n])
        n++;
    return n;
}

/* }====== */

/* {====== Predict: answers ====== */

const char *exrun_how_to_answer(const ExerciseStep *st)
{
    switch (st->type) {
    case STEP_CHOICE: return "the number of one choice";
    case STEP_MULTI: return "every right choice, numbers separated by spaces";
    case STEP_ORDER: return "all the numbers, in the right order";
    default: return "a number";
    }
}

bool exrun_parse_answer(const ExerciseStep *st, const char *text, ExAnswer *out, Buf *err)
{
    *out = (ExAnswer){0};
    buf_clear(err);
    const char *p = text;
    if (st->type == STEP_NUMBER) {
        while (isspace((unsigned char)*p))
            p++;
        char *end;
        double v = strtod(p, &end);
        while (end != p && isspace((unsigned char)*end))
            end++;
        if (end == p || *end != '\0' || !isfinite(v)) {
            buf_adds(err, "type a number, like 9 or 0.5");
            return false;
        }
        out->number = v;
        return true;
    }
    bool seen[EXRUN_MAX_PICKS + 1] = {false};
    for (;;) {
        while (isspace((unsigned char)*p) || *p == ',')
            p++;
        if (*p == '\0')
            break;
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || (*end && !isspace((unsigned char)*end) && *end != ',')) {
            buf_printf(err, "type choice numbers 1 to %zu", st->nchoices);
            return false;
        }
        if (v < 1 || (size_t)v > st->nchoices || v > EXRUN_MAX_PICKS) {
            buf_printf(err, "%ld is not a choice (1 to %zu)", v, st->nchoices);
            return false;
        }
        if (seen[v]) {
            buf_printf(err, "%ld is given twice", v);
            return false;
        }
        seen[v] = true;
        out->picks[out->npicks++] = (int)v;
        p = end;
    }
    if (out->npicks == 0) {
        buf_adds(err, "no choice given");
        return false;
    }
    if (st->type == STEP_CHOICE && out->npicks != 1) {
        buf_adds(err, "pick exactly one choice");
        return false;
    }
    if (st->type == STEP_ORDER && out->npicks != st->nchoices) {
        buf_printf(err, "put all %zu choices in order", st->nchoices);
        return false;
    }
    return true;
}

static bool same_number(double a, double b)
{
    return fabs(a - b) <= 1e-9 * fmax(1.0, fabs(b));
}

ExVerdict exrun_judge(const ExerciseStep *st, const ExAnswer *a, size_t *in_place)
{
    size_t place = 0;
    ExVerdict v = EX_WRONG;
    switch (st->type) {
    case STEP_NUMBER: v = same_number(a->number, st->number) ? EX_RIGHT : EX_WRONG; break;
    case STEP_CHOICE: v = a->npicks == 1 && a->picks[0] == st->answer[0] ? EX_RIGHT : EX_WRONG; break;
    case STEP_MULTI: {
        size_t right = 0;
        bool wrong = false;
        for (size_t i = 0; i < a->npicks; i++) {
            bool ok = false;
            for (size_t j = 0; j < st->nanswer; j++)
                ok = ok || st->answer[j] == a->picks[i];
            if (ok)
                right++;
            else
                wrong = true;
        }
        place = right;
        v = !wrong && right == st->nanswer ? EX_RIGHT : !wrong && right > 0 ? EX_PARTIAL : EX_WRONG;
        break;
    }
    case STEP_ORDER:
        for (size_t i = 0; i < st->nanswer && i < a->npicks; i++)
            place += st->answer[i] == a->picks[i];
        v = place == st->nanswer && a->npicks == st->nanswer ? EX_RIGHT
            : place > 0                                       ? EX_PARTIAL
                                                              : EX_WRONG;
        break;
    }
    if (in_place)
        *in_place = place;
    return v;
}

static void number_text(Buf *out, double v)
{
    if (v == floor(v) && fabs(v) < 1e15)
        buf_printf(out, "%.0f", v);
    else
        buf_printf(out, "%.10g", v);
}

void exrun_answer_text(const ExerciseStep *st, Buf *out)
{
    buf_clear(out);
    if (st->type == STEP_NUMBER) {
        number_text(out, st->number);
        return;
    }
    for (size_t i = 0; i < st->nanswer; i++)
        buf_printf(out, "%s%d", i ? (st->type == STEP_ORDER ? " " : ", ") : "", st->answer[i]);
    buf_adds(out, " (");
    for (size_t i = 0; i < st->nanswer; i++) {
        int c = st->answer[i];
        buf_printf(out, "%s%s", i ? (st->type == STEP_ORDER ? ", then " : "; ") : "",
                   c >= 1 && (size_t)c <= st->nchoices ? st->choices[c - 1] : "?");
    }
    buf_addc(out, ')');
}

int exrun_reveal_line(const Exercise *ex, size_t i)
{
    return i + 1 < ex->nsteps ? ex->steps[i + 1].at : 0;
}

/* }====== */

/* {====== Calling into the script ====== */

/* Pushes the global table `run` (raw: the globals report unknown names). */
static void push_run(lua_State *L)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushstring(L, "run");
    lua_rawget(L, -2);
    lua_remove(L, -2);
}

int exrun_check_body(lua_State *L)
{
    CheckCall *c = lua_touserdata(L, 1);
    if (lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_RETURNED_KEY) != LUA_TTABLE ||
        (lua_pushstring(L, "check"), lua_rawget(L, -2)) != LUA_TFUNCTION) {
        sandbox_ctx(L)->host_error = true;
        return luaL_error(L, "%s: no function 'check' to call", sandbox_ctx(L)->chunk);
    }
    push_run(L);
    lua_call(L, 1, 2);
    c->passed = lua_toboolean(L, -2);
    if (lua_type(L, -1) == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, -1, &n);
        c->message = xstrndup(s, n);
    }
    return 0;
}

typedef struct ModelCall {
    const ExerciseStep *st;
    size_t index;        /* 1-based step number */
    bool is_number;
    double number;
    int *picks;          /* capacity st->nchoices + 1, owned by the caller */
    size_t npicks;
} ModelCall;

/* The value at idx as a choice number of the step; raises when it is not one. */
static int choice_of(lua_State *L, int idx, const ExerciseStep *st)
{
    if (lua_type(L, idx) == LUA_TSTRING) {
        const char *s = lua_tostring(L, idx);
        for (size_t i = 0; i < st->nchoices; i++)
            if (strcmp(st->choices[i], s) == 0)
                return (int)i + 1;
        return luaL_error(L, "model returned \"%s\", which is not one of the choices", s);
    }
    if (lua_isinteger(L, idx)) {
        lua_Integer v = lua_tointeger(L, idx);
        if (v >= 1 && (size_t)v <= st->nchoices)
            return (int)v;
        return luaL_error(L, "model returned %d, not a choice number 1..%d", (int)v,
                          (int)st->nchoices);
    }
    return luaL_error(L, "model must return a choice (its number or its text), got a %s",
                      luaL_typename(L, idx));
}

static int model_body(lua_State *L)
{
    ModelCall *m = lua_touserdata(L, 1);
    const ExerciseStep *st = m->st;
    if (lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_RETURNED_KEY) != LUA_TTABLE ||
        (lua_pushstring(L, "steps"), lua_rawget(L, -2)) != LUA_TTABLE ||
        lua_rawgeti(L, -1, (lua_Integer)m->index) != LUA_TTABLE ||
        (lua_pushstring(L, "model"), lua_rawget(L, -2)) != LUA_TFUNCTION) {
        sandbox_ctx(L)->host_error = true;
        return luaL_error(L, "step %d has no function 'model'", (int)m->index);
    }
    push_run(L);
    lua_call(L, 1, 1);
    int top = lua_gettop(L);
    if (st->type == STEP_NUMBER) {
        if (lua_type(L, top) != LUA_TNUMBER)
            return luaL_error(L, "model must return a number, got a %s", luaL_typename(L, top));
        m->is_number = true;
        m->number = (double)lua_tonumber(L, top);
    } else if (st->type == STEP_CHOICE) {
        m->picks[0] = choice_of(L, top, st);
        m->npicks = 1;
    } else {
        if (lua_type(L, top) != LUA_TTABLE)
            return luaL_error(L, "model must return a list of choices, got a %s",
                              luaL_typename(L, top));
        lua_Integer n = (lua_Integer)lua_rawlen(L, top);
        if ((size_t)n > st->nchoices)
            return luaL_error(L, "model returned %d choices; there are %d", (int)n,
                              (int)st->nchoices);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, top, i);
            m->picks[m->npicks++] = choice_of(L, -1, st);
            lua_pop(L, 1);
        }
    }
    return 0;
}

/* }====== */

/* {====== Fix: checking a program ====== */

void excheck_fini(ExCheck *c)
{
    free(c->message);
    free(c->error_line);
    buf_fini(&c->output);
    buf_fini(&c->errout);
    *c = (ExCheck){0};
}

static void unbind(Sandbox *sb)
{
    SandboxResult res = {0};
    api_sim_bind(sb, NULL, &res);
    sandbox_result_fini(&res);
}

bool exrun_bind(Sandbox *sb, const Bound *b, SandboxResult *res)
{
    return b->lab ? labs_bind(sb, b->lab, res) : api_sim_bind(sb, b->run, res);
}

bool exrun_check(ExHandle *h, const char *program, size_t len, const char *filename,
                 ExCheck *out)
{
    *out = (ExCheck){0};
    if (!h->ex.has_check) {
        out->script_error = true;
        out->message = xstrdup("this exercise has no check function");
        return false;
    }
    if (h->ex.lab)
        return exrun_check_lab(h, program, len, filename, out);
    SimRun run;
    Buf err = {0};
    if (!simrun_start(&run, program, len, filename, h->ex.python, &err)) {
        out->script_error = true;
        out->message = buf_take(&err);
        return false;
    }
    buf_fini(&err);
    simrun_finish(&run);
    out->exit_code = run.exit_code;
    buf_add(&out->output, buf_str(&run.out), run.out.len);
    buf_add(&out->errout, buf_str(&run.err), run.err.len);
    if (run.exit_code != 0) {
        Buf line = {0};
        simrun_error_line(&run, &line);
        out->error_line = buf_take(&line);
    }
    SandboxResult res = {0};
    CheckCall c = {0};
    bool ran = api_sim_bind(h->sb, &run, &res) && sandbox_protect(h->sb, exrun_check_body, &c, &res);
    unbind(h->sb);
    exrun_check_result(out, ran, &c, &res);
    simrun_fini(&run);
    return ran;
}

bool exrun_check_result(ExCheck *out, bool ran, CheckCall *c, SandboxResult *res)
{
    if (ran) {
        out->passed = c->passed;
        out->message = c->message;
    } else {
        out->script_error = true;
        out->message = xstrdup(res->message ? res->message : sandbox_outcome_name(res->outcome));
        free(c->message);
    }
    sandbox_result_fini(res);
    return ran;
}

/* }====== */

/* {====== Verify ====== */

static void model_text(const ExerciseStep *st, const ModelCall *m, Buf *out)
{
    buf_clear(out);
    if (st->type == STEP_NUMBER) {
        number_text(out, m->number);
        return;
    }
    for (size_t i = 0; i < m->npicks; i++)
        buf_printf(out, "%s%d", i ? (st->type == STEP_ORDER ? " " : ", ") : "", m->picks[i]);
    buf_adds(out, " (");
    for (size_t i = 0; i < m->npicks; i++)
        buf_printf(out, "%s%s", i ? (st->type == STEP_ORDER ? ", then " : "; ") : "",
                   st->choices[m->picks[i] - 1]);
    buf_addc(out, ')');
}

static bool model_agrees(const ExerciseStep *st, const ModelCall *m)
{
    ExAnswer a = {0};
    if (st->type == STEP_NUMBER) {
        a.number = m->number;
    } else {
        for (size_t i = 0; i < m->npicks && i < EXRUN_MAX_PICKS; i++)
            a.picks[a.npicks++] = m->picks[i];
    }
    return exrun_judge(st, &a, NULL) == EX_RIGHT;
}

/* Strips "file:line: " from a sandbox message that already names the file. */
static const char *bare(const SandboxResult *res)
{
    const char *text = res->message ? res->message : sandbox_outcome_name(res->outcome);
    if (res->file && res->line > 0 && strncmp(text, res->file, strlen(res->file)) == 0) {
        const char *rest = strchr(text + strlen(res->file) + 1, ':');
        if (rest) {
            text = rest + 1;
            while (*text == ' ')
                text++;
        }
    }
    return text;
}

static int result_line(const SandboxResult *res, int fallback)
{
    return res->line > 0 ? res->line : fallback;
}

void exrun_verify_step(ExHandle *h, const Bound *b, size_t i, DiagList *dl)
{
    const Exercise *ex = &h->ex;
    const ExerciseStep *st = &ex->steps[i];
    if (!st->has_model) {
        diag_add(dl, DIAG_ERROR, ex->file, st->line,
                 0, "step %zu: no 'model' function: verify cannot check the stated answer "
                    "against the model (add model = function(run) return ... end)",
                 i + 1);
        return;
    }
    ModelCall m = {.st = st, .index = i + 1};
    m.picks = xcalloc(st->nchoices + 1, sizeof *m.picks);
    SandboxResult res = {0};
    if (!exrun_bind(h->sb, b, &res) || !sandbox_protect(h->sb, model_body, &m, &res)) {
        diag_add(dl, DIAG_ERROR, ex->file, result_line(&res, st->line), 0,
                 "step %zu: model failed: %s", i + 1, bare(&res));
    } else if (!model_agrees(st, &m)) {
        Buf stated = {0}, got = {0};
        exrun_answer_text(st, &stated);
        model_text(st, &m, &got);
        diag_add(dl, DIAG_ERROR, ex->file, st->line, 0,
                 "step %zu: the stated answer is %s but the model gives %s", i + 1,
                 buf_str(&stated), buf_str(&got));
        buf_fini(&stated);
        buf_fini(&got);
    }
    sandbox_result_fini(&res);
    free(m.picks);
}

static void verify_predict(ExHandle *h, DiagList *dl)
{
    const Exercise *ex = &h->ex;
    if (ex->lab) {
        exrun_verify_predict_lab(h, dl);
        return;
    }
    SimRun run;
    Buf err = {0};
    if (!simrun_start(&run, ex->program, strlen(ex->program), ex->id, ex->python, &err)) {
        diag_add(dl, DIAG_ERROR, ex->file, ex->line, 0, "%s", buf_str(&err));
        buf_fini(&err);
        return;
    }
    for (size_t i = 0; i < ex->nsteps; i++) {
        const ExerciseStep *st = &ex->steps[i];
        if (!simrun_run_to_line(&run, st->at)) {
            diag_add(dl, DIAG_ERROR, ex->file, st->line, 0,
                     "step %zu: the program never stops before line %d%s", i + 1, st->at,
                     i > 0 ? " after the step before it (steps must follow the run's order)"
                           : "");
            break;
        }
        int reveal = exrun_reveal_line(ex, i);
        if (reveal)
            simrun_run_to_line(&run, reveal);
        else
            simrun_finish(&run);
        Bound b = {&run, NULL};
        exrun_verify_step(h, &b, i, dl);
    }
    simrun_finish(&run);
    simrun_error_line(&run, &err);
    char what[64];
    snprintf(what, sizeof what, "the program (Python %s)", run.prof->name);
    exrun_check_ending(ex, run.exit_code, buf_str(&err), what, dl);
    unbind(h->sb);
    buf_fini(&err);
    simrun_fini(&run);
}

static void verify_fix(ExHandle *h, DiagList *dl)
{
    const Exercise *ex = &h->ex;
    int line = ex->check_line ? ex->check_line : ex->line;
    struct {
        const char *what, *src;
        bool must_pass;
    } cases[] = {{"the reference solution", ex->solution, true},
                 {"the starter", ex->starter, false}};
    for (size_t k = 0; k < 2; k++) {
        if (!cases[k].src)
            continue;
        ExCheck c;
        bool ran = exrun_check(h, cases[k].src, strlen(cases[k].src), ex->id, &c);
        if (!ran) {
            const char *msg = c.message ? c.message : "?";
            size_t fl = strlen(ex->file);
            int at = line;
            if (strncmp(msg, ex->file, fl) == 0 && msg[fl] == ':') { /* "file:line: text" */
                char *end;
                long l = strtol(msg + fl + 1, &end, 10);
                if (end != msg + fl + 1 && *end == ':') {
                    at = (int)l;
                    msg = end + 1 + (end[1] == ' ');
                }
            }
            diag_add(dl, DIAG_ERROR, ex->file, at, 0, "check failed on %s: %s", cases[k].what,
                     msg);
        }
        else if (cases[k].must_pass && !c.passed)
            diag_add(dl, DIAG_ERROR, ex->file, line, 0,
                     "%s does not pass check: %s%s%s", cases[k].what,
                     c.message ? c.message : "(no reason given)",
                     c.error_line ? "; the program failed: " : "",
                     c.error_line ? c.error_line : "");
        else if (!cases[k].must_pass && c.passed)
            diag_add(dl, DIAG_ERROR, ex->file, line, 0,
                     "%s already passes check: the exercise would be solved before it "
                     "starts",
                     cases[k].what);
        excheck_fini(&c);
    }
}

static void verify_sandbox(ExHandle *h, DiagList *dl)
{
    const Exercise *ex = &h->ex;
    if (!ex->program || !ex->program[0])
        return;
    if (ex->lab) {
        exrun_verify_sandbox_lab(h, dl);
        return;
    }
    SimRun run;
    Buf err = {0};
    if (simrun_start(&run, ex->program, strlen(ex->program), ex->id, ex->python, &err)) {
        simrun_finish(&run);
        simrun_error_line(&run, &err);
        char what[64];
        snprintf(what, sizeof what, "the program (Python %s)", run.prof->name);
        exrun_check_ending(ex, run.exit_code, buf_str(&err), what, dl);
        simrun_fini(&run);
    }
    buf_fini(&err);
}

void exrun_check_ending(const Exercise *ex, int exit_code, const char *error, const char *what,
                        DiagList *dl)
{
    if (exit_code != 0 && !ex->ends_in_error)
        diag_add(dl, DIAG_ERROR, ex->file, ex->line, 0, "%s fails on the model: %s", what,
                 error);
    else if (exit_code == 0 && ex->ends_in_error)
        diag_add(dl, DIAG_ERROR, ex->file, ex->line, 0,
                 "%s runs to its end, but 'ends_in_error = true' says it stops with an error",
                 what);
}

bool exrun_verify(ExHandle *h, DiagList *dl)
{
    size_t before = diag_count(dl, DIAG_ERROR);
    switch (h->ex.kind) {
    case EXERCISE_PREDICT: verify_predict(h, dl); break;
    case EXERCISE_FIX: verify_fix(h, dl); break;
    case EXERCISE_SANDBOX: verify_sandbox(h, dl); break;
    }
    return diag_count(dl, DIAG_ERROR) == before;
}

/* }====== */
