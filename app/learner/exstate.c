/*
 * exstate: per-exercise state in the profile (see exstate.h).
 */
#include "learner/exstate.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/xalloc.h"

#define EXSTATE_FILE_MAX 4096

char *exstate_path(const char *profile_dir, const char *id)
{
    char *dir = path_join(profile_dir, "exercises");
    size_t n = strlen(id) + 7;
    char *name = xmalloc(n);
    snprintf(name, n, "%s.state", id);
    char *path = path_join(dir, name);
    free(dir);
    free(name);
    return path;
}

void exstate_serialize(const ExState *st, Buf *out)
{
    buf_adds(out, "# pydive exercise state (docs/EXERCISES.md)\n");
    buf_printf(out, "schema %d\n", EXSTATE_SCHEMA);
    buf_printf(out, "started %" PRId64 "\nlast %" PRId64 "\n", st->started, st->last);
    buf_printf(out, "attempts %d\nhints %d\n", st->attempts, st->hints);
    buf_printf(out, "solved %" PRId64 "\ngave_up %" PRId64 "\n", st->solved, st->gave_up);
    buf_printf(out, "seconds %" PRId64 "\n", st->seconds);
    buf_printf(out, "best %d/%d\n", st->best_right, st->best_total);
    buf_printf(out, "recorded %d\n", st->recorded ? 1 : 0);
}

static bool parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

bool exstate_parse(const char *text, size_t len, ExState *st, Buf *err)
{
    *st = (ExState){0};
    int lineno = 0;
    size_t pos = 0;
    char line[256];
    while (pos < len) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        lineno++;
        size_t n = end - pos;
        if (n >= sizeof line) {
            buf_printf(err, "line %d is too long", lineno);
            *st = (ExState){0};
            return false;
        }
        memcpy(line, text + pos, n);
        line[n] = '\0';
        pos = end + 1;
        if (n == 0 || line[0] == '#')
            continue;
        char *val = strchr(line, ' ');
        if (!val) {
            buf_printf(err, "line %d: expected 'key value'", lineno);
            *st = (ExState){0};
            return false;
        }
        *val++ = '\0';
        int64_t v = 0;
        bool ok = true;
        if (strcmp(line, "schema") == 0) {
            ok = parse_i64(val, 1, INT64_MAX, &v);
            if (ok && v > EXSTATE_SCHEMA) {
                buf_printf(err, "written by a newer pydive (schema %" PRId64 ")", v);
                *st = (ExState){0};
                return false;
            }
        } else if (strcmp(line, "started") == 0) {
            ok = parse_i64(val, 0, INT64_MAX, &st->started);
        } else if (strcmp(line, "last") == 0) {
            ok = parse_i64(val, 0, INT64_MAX, &st->last);
        } else if (strcmp(line, "attempts") == 0) {
            ok = parse_i64(val, 0, 1000000000, &v);
            st->attempts = (int)v;
        } else if (strcmp(line, "hints") == 0) {
            ok = parse_i64(val, 0, 3, &v);
            st->hints = (int)v;
        } else if (strcmp(line, "solved") == 0) {
            ok = parse_i64(val, 0, INT64_MAX, &st->solved);
        } else if (strcmp(line, "gave_up") == 0) {
            ok = parse_i64(val, 0, INT64_MAX, &st->gave_up);
        } else if (strcmp(line, "seconds") == 0) {
            ok = parse_i64(val, 0, INT64_MAX, &st->seconds);
        } else if (strcmp(line, "best") == 0) {
            int a, b;
            char extra;
            ok = sscanf(val, "%d/%d%c", &a, &b, &extra) == 2 && a >= 0 && b >= a;
            if (ok) {
                st->best_right = a;
                st->best_total = b;
            }
        } else if (strcmp(line, "recorded") == 0) {
            ok = parse_i64(val, 0, 1, &v);
            st->recorded = v == 1;
        } /* other keys: from a newer pydive, ignored */
        if (!ok) {
            buf_printf(err, "line %d: '%s' has a bad value '%s'", lineno, line, val);
            *st = (ExState){0};
            return false;
        }
    }
    return true;
}

bool exstate_load(const char *profile_dir, const char *id, ExState *st, Buf *err)
{
    *st = (ExState){0};
    char *path = exstate_path(profile_dir, id);
    bool ok = true;
    if (file_exists(path)) {
        Buf text = {0}, why = {0};
        if (!file_read(path, EXSTATE_FILE_MAX, &text, &why) ||
            !exstate_parse(buf_str(&text), text.len, st, &why)) {
            buf_printf(err, "%s: %s (starting this exercise afresh)", path, buf_str(&why));
            ok = false;
        }
        buf_fini(&text);
        buf_fini(&why);
    }
    free(path);
    return ok;
}

bool exstate_save(const char *profile_dir, const char *id, const ExState *st, Buf *err)
{
    char *dir = path_join(profile_dir, "exercises");
    bool ok = dir_make(dir, err);
    free(dir);
    if (!ok)
        return false;
    char *path = exstate_path(profile_dir, id);
    Buf text = {0};
    exstate_serialize(st, &text);
    ok = file_write_atomic(path, buf_str(&text), text.len, err);
    buf_fini(&text);
    free(path);
    return ok;
}

void exstate_touch(ExState *st, int64_t now)
{
    if (!st->started)
        st->started = now;
    st->last = now;
}

int exstate_next_hint(ExState *st, int nhints, int64_t now)
{
    exstate_touch(st, now);
    if (st->hints < nhints)
        st->hints++;
    return st->hints;
}

void exstate_attempt(ExState *st, int64_t now)
{
    exstate_touch(st, now);
    st->attempts++;
}

static void stop_clock(ExState *st, int64_t now)
{
    if (st->seconds == 0 && st->started && now > st->started)
        st->seconds = now - st->started;
}

void exstate_solve(ExState *st, int64_t now)
{
    exstate_touch(st, now);
    if (!st->solved) {
        st->solved = now;
        if (!st->gave_up)
            stop_clock(st, now);
    }
}

void exstate_give_up(ExState *st, int64_t now)
{
    exstate_touch(st, now);
    if (!st->gave_up && !st->solved) {
        st->gave_up = now;
        stop_clock(st, now);
    }
}

bool exstate_solution_open(const ExState *st)
{
    return st->solved || st->gave_up;
}

int exstate_level(int difficulty)
{
    if (difficulty < 1)
        difficulty = 1;
    if (difficulty > 5)
        difficulty = 5;
    return (difficulty * 3 + 4) / 5; /* 1 -> 1, 2-3 -> 2, 4-5 -> 3 */
}

bool exstate_record(ExState *st, AssessLog *log, const char *id, int64_t now, int difficulty,
                    const char *const *competencies, size_t n)
{
    if (st->recorded || (!st->solved && !st->gave_up))
        return false;
    bool solved = st->solved && (!st->gave_up || st->solved < st->gave_up);
    assess_log_add_exercise(log, id, now, solved, st->hints, exstate_level(difficulty),
                            competencies, n);
    st->recorded = true;
    return true;
}

void exstate_record_answer(AssessLog *log, const char *id, size_t step, int64_t now,
                           AnswerResult result, int difficulty,
                           const char *const *competencies, size_t n)
{
    if (!log)
        return;
    char item[160];
    snprintf(item, sizeof item, "%s#%zu", id, step);
    assess_log_add_answer(log, item, now, result, exstate_level(difficulty), competencies, n, 0);
}

bool exstate_pass(ExState *st, AssessLog *log, const char *id, int right, int total, int64_t now,
                  int difficulty, const char *const *competencies, size_t n)
{
    exstate_attempt(st, now);
    if (right > st->best_right || st->best_total == 0) {
        st->best_right = right;
        st->best_total = total;
    }
    if (right == total)
        exstate_solve(st, now);
    if (st->recorded || !log)
        return false;
    assess_log_add_exercise(log, id, now, right == total, st->hints, exstate_level(difficulty),
                            competencies, n);
    st->recorded = true;
    return true;
}
