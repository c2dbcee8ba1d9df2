/*
 * assess_score: scoring one answer, and reading an answer typed as a line
 * (see quiz.h).  Multiple choice is right only as the exact set; ordering
 * only in the exact order, with the count of choices in place reported as
 * partial credit; numeric within the item's absolute tolerance; predict by
 * comparing outputs line by line, ignoring trailing spaces and blank lines.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "learner/quiz.h"

/* Output with trailing blanks on each line and trailing empty lines removed. */
static char *normalise(const char *s)
{
    Buf b = {0};
    buf_adds(&b, "");
    while (s && *s) {
        const char *eol = strchr(s, '\n');
        size_t n = eol ? (size_t)(eol - s) : strlen(s);
        size_t m = n;
        while (m > 0 && (s[m - 1] == ' ' || s[m - 1] == '\t' || s[m - 1] == '\r'))
            m--;
        buf_add(&b, s, m);
        buf_addc(&b, '\n');
        s += n + (eol ? 1 : 0);
    }
    while (b.len > 0 && b.data[b.len - 1] == '\n')
        b.data[--b.len] = '\0';
    return buf_take(&b);
}

void quiz_score(const Item *it, const Response *r, const char *expected, Score *out)
{
    *out = (Score){.result = RESULT_WRONG};
    switch (it->kind) {
    case ITEM_SINGLE:
        if (r->nchoices == 1 && r->choices[0] == it->answer[0])
            out->result = RESULT_CORRECT;
        break;
    case ITEM_MULTIPLE: {
        bool same = r->nchoices == it->nanswer;
        for (size_t i = 0; same && i < it->nanswer; i++) {
            bool found = false;
            for (size_t j = 0; j < r->nchoices; j++)
                found = found || r->choices[j] == it->answer[i];
            same = found;
        }
        if (same)
            out->result = RESULT_CORRECT;
        break;
    }
    case ITEM_ORDERING:
        out->total = it->nanswer;
        for (size_t i = 0; i < it->nanswer && i < r->nchoices; i++)
            out->in_place += r->choices[i] == it->answer[i];
        if (out->in_place == it->nanswer && r->nchoices == it->nanswer)
            out->result = RESULT_CORRECT;
        else if (out->in_place > 0)
            out->result = RESULT_PARTIAL;
        break;
    case ITEM_NUMERIC:
        /* the slack absorbs binary rounding: 58 is within 0.1 of 57.9 */
        if (isfinite(r->number) &&
            fabs(r->number - it->number) <= it->tolerance + 1e-9 * fmax(1.0, fabs(it->number)))
            out->result = RESULT_CORRECT;
        break;
    case ITEM_PREDICT: {
        char *want = normalise(expected), *got = normalise(r->text);
        if (expected && strcmp(want, got) == 0)
            out->result = RESULT_CORRECT;
        out->expected = want;
        free(got);
        break;
    }
    default: break;
    }
}

void score_fini(Score *s)
{
    free(s->expected);
    *s = (Score){0};
}

/* Choice numbers from 1, separated by spaces or commas. */
static bool parse_choices(const Item *it, const char *line, Response *r, Buf *err)
{
    const char *p = line;
    r->nchoices = 0;
    while (*p) {
        if (*p == ' ' || *p == ',' || *p == '\t') {
            p++;
            continue;
        }
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v < 1 || (size_t)v > it->nchoices) {
            buf_printf(err, "expected choice numbers from 1 to %zu", it->nchoices);
            return false;
        }
        for (size_t i = 0; i < r->nchoices; i++)
            if (r->choices[i] == (size_t)(v - 1)) {
                buf_printf(err, "choice %ld is given twice; give each once", v);
                return false;
            }
        if (r->nchoices == sizeof r->choices / sizeof r->choices[0]) {
            buf_adds(err, "too many numbers");
            return false;
        }
        r->choices[r->nchoices++] = (size_t)(v - 1);
        p = end;
    }
    if (r->nchoices == 0) {
        buf_printf(err, "expected %s", it->kind == ITEM_SINGLE ? "the number of one choice"
                                                               : "choice numbers");
        return false;
    }
    if (it->kind == ITEM_SINGLE && r->nchoices != 1) {
        buf_adds(err, "expected one choice number");
        return false;
    }
    if (it->kind == ITEM_ORDERING && r->nchoices != it->nchoices) {
        buf_printf(err, "expected all %zu choice numbers, in order", it->nchoices);
        return false;
    }
    return true;
}

bool quiz_parse_response(const Item *it, const char *line, Response *r, Buf *err)
{
    *r = (Response){0};
    buf_clear(err);
    if (it->kind == ITEM_PREDICT) {
        r->text = line;
        return true;
    }
    if (it->kind != ITEM_NUMERIC)
        return parse_choices(it, line, r, err);
    while (isspace((unsigned char)*line))
        line++;
    char *end;
    r->number = strtod(line, &end);
    while (isspace((unsigned char)*end))
        end++;
    if (end == line || *end != '\0' || !isfinite(r->number)) {
        buf_adds(err, "expected a number, like 42 or 0.5");
        return false;
    }
    return true;
}

void quiz_answer_text(const Item *it, Buf *out)
{
    buf_clear(out);
    switch (it->kind) {
    case ITEM_SINGLE:
        buf_printf(out, "%zu. %s", it->answer[0] + 1, it->choices[it->answer[0]]);
        break;
    case ITEM_MULTIPLE:
    case ITEM_ORDERING:
        for (size_t i = 0; i < it->nanswer; i++)
            buf_printf(out, "%s%zu", i ? (it->kind == ITEM_ORDERING ? " -> " : ", ") : "",
                       it->answer[i] + 1);
        for (size_t i = 0; i < it->nanswer; i++)
            buf_printf(out, "%s%s", i ? (it->kind == ITEM_ORDERING ? " -> " : "; ") : " (",
                       it->choices[it->answer[i]]);
        buf_addc(out, ')');
        break;
    case ITEM_NUMERIC:
        buf_printf(out, "%g", it->number);
        if (it->tolerance > 0)
            buf_printf(out, " (within %g)", it->tolerance);
        if (it->unit)
            buf_printf(out, " %s", it->unit);
        break;
    case ITEM_PREDICT: buf_adds(out, "the output the simulator computes"); break;
    default: break;
    }
}
