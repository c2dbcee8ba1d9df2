/*
 * exercise: runs an exercise file and validates the table it returns
 * (see exercise.h for the contract, docs/EXERCISES.md for the schema).
 *
 * The reader only uses raw table access, so an exercise's metatables never
 * run while it is being read, and it works inside sandbox_protect, so even
 * a memory error while reading comes back as a diagnostic.  Everything it
 * allocates is attached to the Exercise at once (see sandbox_lua.h).
 */
#include "script/exercise.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "base/xalloc.h"
#include "script/exercise_read.h"
#include "script/sandbox_lua.h"
#include "sim/profile.h"

#define EXERCISE_FILE_MAX ((size_t)1 << 20)

static const char *const top_keys[] = {
    "id",       "title",   "goal",    "kind",  "difficulty", "competencies", "hints",
    "solution", "program", "starter", "steps", "check",      "model",        "ends_in_error",
    "view",     "python",  NULL,
};
static const char *const step_keys[] = {"at",     "ask",     "type",  "choices",
                                        "answer", "explain", "model", NULL};
static const char *const kind_names[] = {"predict", "fix", "sandbox"};
static const char *const type_names[] = {"choice", "multi", "order", "number"};

const SimProfile *exercise_profile(const Exercise *ex)
{
    const SimProfile *p = ex->python ? sim_profile_find(ex->python) : NULL;
    return p ? p : sim_profile_default();
}

const char *exercise_kind_name(ExerciseKind kind)
{
    return kind_names[kind];
}

const char *exercise_step_type_name(StepType type)
{
    return type_names[type];
}

/* {====== Steps (predict) ====== */

static int count_lines(const char *s)
{
    int n = 0;
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++)
        n += s[i] == '\n';
    return n + (len > 0 && s[len - 1] != '\n');
}

/* Reads the answer on top (popping it) for a step whose type is known. */
static void take_answer(Reader *r, ExerciseStep *st, int line)
{
    lua_State *L = r->L;
    lua_Integer v;
    if (st->type == STEP_NUMBER) {
        if (lua_type(L, -1) != LUA_TNUMBER)
            exercise_err(r, line, "'answer' must be a number for a 'number' step (got a %s)",
                         exercise_type_of(L, -1));
        else
            st->number = (double)lua_tonumber(L, -1);
    } else if (st->type == STEP_CHOICE) {
        if (exercise_top_integer(r, "answer", line, &v)) {
            if (v < 1 || (size_t)v > st->nchoices)
                exercise_err(r, line,
                             "'answer' must be the number of one of the %zu choices (got %lld)",
                             st->nchoices, (long long)v);
            st->answer = xmalloc(sizeof *st->answer);
            st->answer[0] = (int)v;
            st->nanswer = 1;
        }
    } else {
        lua_Integer n = exercise_list_length(r, "answer", line);
        bool order = st->type == STEP_ORDER;
        if (n >= 0) {
            st->answer = xcalloc((size_t)n + 1, sizeof *st->answer);
            st->nanswer = (size_t)n;
            unsigned char *seen = xcalloc(st->nchoices + 1, 1);
            for (lua_Integer i = 1; i <= n; i++) {
                lua_rawgeti(L, -1, i);
                if (exercise_top_integer(r, "answer", line, &v) && v >= 1 &&
                    (size_t)v <= st->nchoices && !seen[v]) {
                    seen[v] = 1;
                    st->answer[i - 1] = (int)v;
                } else {
                    exercise_err(r, line, "'answer' must list distinct choice numbers 1..%zu",
                                 st->nchoices);
                }
                lua_pop(L, 1);
            }
            free(seen);
            if (order && (size_t)n != st->nchoices)
                exercise_err(r, line,
                             "'answer' of an 'order' step must give all %zu choices in order "
                             "(got %lld)",
                             st->nchoices, (long long)n);
            if (!order && n == 0)
                exercise_err(r, line, "'answer' of a 'multi' step must list at least one choice");
            for (size_t i = 1; !order && i < st->nanswer; i++) /* keep sorted: compare as sets */
                for (size_t j = i; j > 0 && st->answer[j - 1] > st->answer[j]; j--) {
                    int tmp = st->answer[j];
                    st->answer[j] = st->answer[j - 1];
                    st->answer[j - 1] = tmp;
                }
        }
    }
    lua_pop(L, 1);
}

static void read_step(Reader *r, int t, size_t i, ExerciseStep *st, int nlines, int steps_line)
{
    lua_State *L = r->L;
    int line = exercise_source_key_line(r->src, r->len, "at", i);
    st->line = r->step_line = line = line ? line : steps_line;
    snprintf(r->prefix, sizeof r->prefix, "step %zu: ", i);
    exercise_check_keys(r, t, step_keys, line);

    lua_Integer at;
    if (exercise_field(L, t, "at") == LUA_TNIL)
        exercise_err(r, line, "missing 'at' (the program line to stop before)");
    else if (exercise_top_integer(r, "at", line, &at) && (at < 1 || at > nlines))
        exercise_err(r, line, "'at' must be a line of the program, 1..%d (got %lld)", nlines,
                     (long long)at);
    else
        st->at = (int)at;
    lua_pop(L, 1);
    st->ask = exercise_read_string(r, t, "ask", true);
    int mt = exercise_field(L, t, "model");
    if (mt == LUA_TFUNCTION)
        st->has_model = true;
    else if (mt != LUA_TNIL)
        exercise_err(r, line, "'model' must be a function of the run (got a %s)",
                     exercise_type_of(L, -1));
    lua_pop(L, 1);
    st->explain = exercise_read_string(r, t, "explain", true);

    bool has_choices = exercise_field(L, t, "choices") != LUA_TNIL;
    if (has_choices)
        exercise_take_string_list(r, "choices", line, false, &st->choices, &st->nchoices);
    else
        lua_pop(L, 1);
    st->type = has_choices ? STEP_CHOICE : STEP_NUMBER;
    char *type = exercise_read_string(r, t, "type", false);
    if (type) {
        size_t k = 0;
        while (k < 4 && strcmp(type_names[k], type) != 0)
            k++;
        if (k == 4)
            exercise_err(r, line, "'type' must be one of choice, multi, order, number (got '%s')",
                         type);
        else
            st->type = (StepType)k;
        free(type);
    }
    if (st->type == STEP_NUMBER && has_choices)
        exercise_err(r, line, "a 'number' step takes no 'choices'");
    if (st->type != STEP_NUMBER && st->nchoices < 2)
        exercise_err(r, line, "a '%s' step needs 'choices', a list of at least 2 strings",
                     type_names[st->type]);
    if (exercise_field(L, t, "answer") == LUA_TNIL) {
        exercise_err(r, line, "missing 'answer'");
        lua_pop(L, 1);
    } else {
        take_answer(r, st, line);
    }
    r->prefix[0] = '\0';
}

/* Reads the list of steps on top of the stack (not consumed). */
static void read_steps(Reader *r)
{
    lua_State *L = r->L;
    Exercise *ex = r->ex;
    int line = exercise_key_line(r, "steps");
    lua_Integer n = exercise_list_length(r, "steps", line);
    if (n == 0)
        exercise_err(r, line, "'steps' must hold at least one step");
    if (n <= 0)
        return;
    int list = lua_gettop(L);
    int nlines = count_lines(ex->program ? ex->program : "");
    ex->steps = xcalloc((size_t)n, sizeof *ex->steps);
    ex->nsteps = (size_t)n;
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, list, i) != LUA_TTABLE)
            exercise_err(r, line, "step %lld must be a table { at = ..., ask = ... } (got a %s)",
                         (long long)i, exercise_type_of(L, -1));
        else
            read_step(r, lua_gettop(L), (size_t)i, &ex->steps[i - 1], nlines, line);
        lua_pop(L, 1);
    }
}

/* }====== */

/* {====== The exercise table ====== */

/* The first "chNN#section-id" in s, or NULL. */
static char *find_link(const char *s)
{
    for (const char *p = s; (p = strstr(p, "ch")) != NULL; p++) {
        if (p > s && exercise_is_word(p[-1]))
            continue;
        if (p[2] < '0' || p[2] > '9' || p[3] < '0' || p[3] > '9' || p[4] != '#')
            continue;
        size_t n = 5;
        while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' && p[n] <= '9') || p[n] == '-')
            n++;
        if (n > 5 && p[5] != '-')
            return xstrndup(p, n);
    }
    return NULL;
}

static void read_hints(Reader *r, int t, bool required)
{
    lua_State *L = r->L;
    Exercise *ex = r->ex;
    int line = exercise_key_line(r, "hints");
    if (exercise_field(L, t, "hints") == LUA_TNIL) {
        lua_pop(L, 1);
        if (required)
            exercise_err(r, r->return_line,
                         "missing 'hints' (a list of 3 strings: a nudge, the concept "
                         "with a lesson link like ch02#cycles, part of the answer)");
        return;
    }
    char **hints = NULL;
    size_t n = 0;
    lua_Integer len = exercise_take_string_list(r, "hints", line, false, &hints, &n);
    for (size_t i = 0; i < n; i++) {
        if (i < EXERCISE_HINTS)
            ex->hints[i] = hints[i];
        else
            free(hints[i]);
    }
    free(hints);
    if (len >= 0 && n != EXERCISE_HINTS)
        exercise_err(r, line,
                     "'hints' must hold exactly 3 strings: a nudge, the concept with a lesson "
                     "link, part of the answer (got %zu)",
                     n);
    if (ex->hints[1] && !(ex->hint_link = find_link(ex->hints[1])))
        exercise_err(r, line,
                     "the second hint must link the lesson section it builds on, as "
                     "chNN#section-id (e.g. ch02#cycles)");
}

/* A field that this kind of exercise does not use. */
static void forbid(Reader *r, int t, const char *key)
{
    if (exercise_field(r->L, t, key) != LUA_TNIL)
        exercise_err(r, exercise_key_line(r, key), "'%s' is not used by %s exercises", key,
                     kind_names[r->ex->kind]);
    lua_pop(r->L, 1);
}

static void read_check(Reader *r, int t, bool required)
{
    lua_State *L = r->L;
    int type = exercise_field(L, t, "check");
    if (type == LUA_TFUNCTION) {
        lua_Debug ar;
        lua_getinfo(L, ">S", &ar); /* pops the function */
        r->ex->has_check = true;
        r->ex->check_line = ar.linedefined;
        return;
    }
    if (type != LUA_TNIL)
        exercise_err(r, exercise_key_line(r, "check"), "'check' must be a function (got a %s)",
                     exercise_type_of(L, -1));
    else if (required)
        exercise_err(r, r->return_line,
                     "missing 'check' (a function that judges the learner's heap)");
    lua_pop(L, 1);
}

/* The file name without folder and ".lua". */
static char *file_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".lua") == 0)
        n -= 4;
    return xstrndup(base, n);
}

static void read_common(Reader *r, int t)
{
    lua_State *L = r->L;
    Exercise *ex = r->ex;
    ex->id = exercise_read_string(r, t, "id", true);
    if (ex->id) {
        char *stem = file_stem(r->path);
        if (!exercise_is_id(ex->id))
            exercise_err(r, exercise_key_line(r, "id"),
                         "'id' must be lowercase letters, digits and '-' "
                         "([a-z0-9][a-z0-9-]*), not '%s'",
                         ex->id);
        else if (strcmp(stem, ex->id) != 0)
            exercise_err(r, exercise_key_line(r, "id"),
                         "'id' must match the file name: '%s' (got '%s')", stem, ex->id);
        free(stem);
    }
    ex->title = exercise_read_string(r, t, "title", true);
    ex->goal = exercise_read_string(r, t, "goal", true);
    char *model = exercise_read_string(r, t, "model", false);
    if (model && strcmp(model, "python") != 0 && !(ex->lab = lab_class_find(model))) {
        size_t n;
        const LabClass *const *labs = lab_classes(&n);
        Buf names = {0};
        for (size_t i = 0; i < n; i++)
            buf_printf(&names, ", %s", labs[i]->name);
        exercise_err(r, exercise_key_line(r, "model"),
                     "'model' must be python%s (got '%s')", buf_str(&names), model);
        buf_fini(&names);
    }
    free(model);
    char *view = exercise_read_string(r, t, "view", false);
    if (view) {
        static const char *const views[] = {"arena", "memory", "graph", "gc", "threads", "loop"};
        for (size_t i = 0; i < sizeof views / sizeof *views && !ex->view; i++)
            if (strcmp(view, views[i]) == 0)
                ex->view = views[i];
        if (ex->lab)
            exercise_err(r, exercise_key_line(r, "view"),
                         "'view' names the first view of a Python program; a lab has its own "
                         "pages");
        else if (!ex->view)
            exercise_err(r, exercise_key_line(r, "view"),
                         "'view' must be arena, memory, graph, gc, threads or loop (got '%s')", view);
        free(view);
    }

    char *python = exercise_read_string(r, t, "python", false);
    if (python) {
        const SimProfile *prof = sim_profile_find(python);
        if (ex->lab)
            exercise_err(r, exercise_key_line(r, "python"),
                         "'python' names the profile a Python program runs on; a lab has none");
        else if (!prof)
            exercise_err(r, exercise_key_line(r, "python"), "'python' must be one of %s (got '%s')",
                         sim_profile_names(), python);
        else
            ex->python = prof->name;
        free(python);
    }

    lua_Integer d;
    int line = exercise_key_line(r, "difficulty");
    if (exercise_field(L, t, "difficulty") == LUA_TNIL)
        exercise_err(r, r->return_line, "missing 'difficulty' (a whole number 1..5)");
    else if (exercise_top_integer(r, "difficulty", line, &d) &&
             (d < 1 || d > EXERCISE_DIFFICULTY_MAX))
        exercise_err(r, line, "'difficulty' must be 1..5 (got %lld)", (long long)d);
    else
        ex->difficulty = (int)d;
    lua_pop(L, 1);

    if (exercise_field(L, t, "competencies") == LUA_TNIL) {
        lua_pop(L, 1);
        exercise_err(r, r->return_line, "missing 'competencies' (a list of competency ids)");
    } else {
        lua_Integer n =
            exercise_take_string_list(r, "competencies", exercise_key_line(r, "competencies"),
                                      true, &ex->competencies, &ex->ncompetencies);
        if (n == 0)
            exercise_err(r, exercise_key_line(r, "competencies"),
                         "'competencies' must name at least one");
    }
}

/* Returns false when `kind` is missing or unknown (kind rules then skipped). */
static bool read_kind(Reader *r, int t)
{
    char *kind = exercise_read_string(r, t, "kind", true);
    if (!kind)
        return false;
    size_t k = 0;
    while (k < 3 && strcmp(kind_names[k], kind) != 0)
        k++;
    if (k == 3)
        exercise_err(r, exercise_key_line(r, "kind"),
                     "'kind' must be one of predict, fix, sandbox (got '%s')", kind);
    else
        r->ex->kind = (ExerciseKind)k;
    free(kind);
    return k < 3;
}

static void read_exercise(Reader *r, int t)
{
    lua_State *L = r->L;
    Exercise *ex = r->ex;
    exercise_check_keys(r, t, top_keys, r->return_line);
    bool known = read_kind(r, t);
    read_common(r, t);
    if (!known)
        return;
    bool play = ex->kind == EXERCISE_SANDBOX;
    read_hints(r, t, !play);
    ex->solution = exercise_read_string(r, t, "solution", !play);
    if (ex->kind == EXERCISE_FIX) {
        ex->starter = exercise_read_string(r, t, "starter", true);
        read_check(r, t, true);
        forbid(r, t, "program");
        forbid(r, t, "ends_in_error");
        forbid(r, t, "steps");
        return;
    }
    int et = exercise_field(L, t, "ends_in_error");
    if (et == LUA_TBOOLEAN)
        ex->ends_in_error = lua_toboolean(L, -1);
    else if (et != LUA_TNIL)
        exercise_err(r, exercise_key_line(r, "ends_in_error"),
                     "'ends_in_error' must be true or false (got a %s)", exercise_type_of(L, -1));
    lua_pop(L, 1);
    ex->program = exercise_read_string(r, t, "program", !play);
    if (play && !ex->program)
        ex->program = xstrdup(""); /* an empty playground */
    forbid(r, t, "starter");
    forbid(r, t, "check");
    if (ex->kind == EXERCISE_PREDICT) {
        if (exercise_field(L, t, "steps") == LUA_TNIL)
            exercise_err(r, r->return_line,
                         "missing 'steps' (a list of { at, ask, answer, explain })");
        else if (ex->program)
            read_steps(r);
        lua_pop(L, 1);
    } else {
        forbid(r, t, "steps");
    }
}

static int read_body(lua_State *L)
{
    Reader *r = lua_touserdata(L, 1);
    r->L = L;
    lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_RETURNED_KEY);
    if (!lua_istable(L, -1))
        exercise_err(r, r->return_line,
                     "the file must return a table of exercise fields (got a %s)",
                     exercise_type_of(L, -1));
    else
        read_exercise(r, lua_gettop(L));
    return 0;
}

/* }====== */

/* {====== Entry points ====== */

/* A sandbox failure as a diagnostic: its own file:line when it has one. */
static void diag_from_result(DiagList *dl, const char *path, const SandboxResult *res)
{
    const char *text = res->message ? res->message : sandbox_outcome_name(res->outcome);
    if (res->file && res->line > 0) {
        const char *rest = strchr(text + strlen(res->file) + 1, ':');
        text = rest ? rest + 1 : text;
        while (*text == ' ')
            text++;
    }
    diag_add(dl, DIAG_ERROR, path, res->line, 0, "%s", text);
}

bool exercise_load_string(Sandbox *sb, const char *path, const char *src, size_t len, Exercise *ex,
                          DiagList *dl)
{
    size_t before = diag_count(dl, DIAG_ERROR);
    Reader r = {.ex = ex, .dl = dl, .path = path, .src = src, .len = len};
    r.return_line = exercise_source_return_line(src, len);
    ex->file = xstrdup(path);
    ex->line = r.return_line;

    Buf name = {0};
    buf_printf(&name, "@%s", path);
    SandboxResult res = {0};
    if (!sandbox_run_string(sb, src, len, buf_str(&name), &res) ||
        !sandbox_protect(sb, read_body, &r, &res))
        diag_from_result(dl, path, &res);
    sandbox_result_fini(&res);
    buf_fini(&name);
    return diag_count(dl, DIAG_ERROR) == before;
}

bool exercise_load(Sandbox *sb, const char *path, Exercise *ex, DiagList *dl)
{
    Buf src = {0}, err = {0};
    bool ok;
    if (!file_read(path, EXERCISE_FILE_MAX, &src, &err)) {
        ex->file = xstrdup(path);
        diag_add(dl, DIAG_ERROR, path, 0, 0, "%s", buf_str(&err));
        ok = false;
    } else {
        ok = exercise_load_string(sb, path, buf_str(&src), src.len, ex, dl);
    }
    buf_fini(&src);
    buf_fini(&err);
    return ok;
}

static void free_list(char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

void exercise_fini(Exercise *ex)
{
    free(ex->file);
    free(ex->id);
    free(ex->title);
    free(ex->goal);
    free_list(ex->competencies, ex->ncompetencies);
    for (int i = 0; i < EXERCISE_HINTS; i++)
        free(ex->hints[i]);
    free(ex->hint_link);
    free(ex->solution);
    free(ex->program);
    free(ex->starter);
    for (size_t i = 0; i < ex->nsteps; i++) {
        ExerciseStep *st = &ex->steps[i];
        free(st->ask);
        free_list(st->choices, st->nchoices);
        free(st->answer);
        free(st->explain);
    }
    free(ex->steps);
    *ex = (Exercise){0};
}

/* }====== */
