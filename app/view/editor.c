/*
 * editor: the built-in editor (see editor.h).
 */
#include "view/editor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "view/keys.h"

static void insert_line(Editor *e, size_t at, char *line)
{
    e->lines = xgrow(e->lines, &e->cap, e->n + 1, sizeof *e->lines);
    memmove(e->lines + at + 1, e->lines + at, (e->n - at) * sizeof *e->lines);
    e->lines[at] = line;
    e->n++;
}

bool editor_open(Editor *e, const char *path, Buf *err)
{
    memset(e, 0, sizeof *e);
    Buf text = {0};
    if (!file_read(path, 1 << 20, &text, err)) {
        buf_fini(&text);
        return false;
    }
    e->path = xstrdup(path);
    const char *p = buf_str(&text);
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (!nl && len == 0 && e->n > 0)
            break;
        insert_line(e, e->n, xstrndup(p, len));
        if (!nl)
            break;
        p = nl + 1;
    }
    buf_fini(&text);
    snprintf(e->status, sizeof e->status, "Ctrl-O saves, Ctrl-X leaves");
    return true;
}

void editor_fini(Editor *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->lines[i]);
    free(e->lines);
    free(e->path);
    memset(e, 0, sizeof *e);
}

bool editor_save(Editor *e, Buf *err)
{
    Buf out = {0};
    for (size_t i = 0; i < e->n; i++) {
        buf_adds(&out, e->lines[i]);
        buf_addc(&out, '\n');
    }
    bool ok = file_write_atomic(e->path, buf_str(&out), out.len, err);
    buf_fini(&out);
    if (ok) {
        e->dirty = false;
        snprintf(e->status, sizeof e->status, "Saved %zu lines.", e->n);
    }
    return ok;
}

static size_t prev_char(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80)
        ;
    return i;
}

static size_t next_char(const char *s, size_t i)
{
    size_t n = strlen(s);
    if (i >= n)
        return n;
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

static void insert_text(Editor *e, const char *t, size_t len)
{
    char *l = e->lines[e->cy];
    size_t n = strlen(l);
    char *nl = xmalloc(n + len + 1);
    memcpy(nl, l, e->cx);
    memcpy(nl + e->cx, t, len);
    memcpy(nl + e->cx + len, l + e->cx, n - e->cx + 1);
    free(l);
    e->lines[e->cy] = nl;
    e->cx += len;
    e->dirty = true;
}

static void clamp(Editor *e)
{
    if (e->cy >= e->n)
        e->cy = e->n ? e->n - 1 : 0;
    size_t len = strlen(e->lines[e->cy]);
    if (e->cx > len)
        e->cx = len;
    while (e->cx > 0 && ((unsigned char)e->lines[e->cy][e->cx] & 0xC0) == 0x80)
        e->cx--;
}

bool editor_key(Editor *e, int key, int rows)
{
    char *l = e->lines[e->cy];
    if (key != EDITOR_CTRL_X)
        e->leaving = false;
    switch (key) {
    case EDITOR_CTRL_X:
        if (e->dirty && !e->leaving) {
            e->leaving = true;
            snprintf(e->status, sizeof e->status,
                     "Unsaved changes: Ctrl-O saves them, Ctrl-X again leaves without saving.");
            return false;
        }
        return true;
    case EDITOR_CTRL_O: {
        Buf err = {0};
        if (!editor_save(e, &err))
            snprintf(e->status, sizeof e->status, "Not saved: %s", buf_str(&err));
        buf_fini(&err);
        return false;
    }
    case KEY_UP_ARROW: if (e->cy > 0) e->cy--; break;
    case KEY_DOWN_ARROW: if (e->cy + 1 < e->n) e->cy++; break;
    case KEY_LEFT_ARROW:
        if (e->cx > 0)
            e->cx = prev_char(l, e->cx);
        else if (e->cy > 0)
            e->cx = strlen(e->lines[--e->cy]);
        break;
    case KEY_RIGHT_ARROW:
        if (e->cx < strlen(l))
            e->cx = next_char(l, e->cx);
        else if (e->cy + 1 < e->n)
            e->cy++, e->cx = 0;
        break;
    case KEY_HOME_KEY: e->cx = 0; break;
    case KEY_END_KEY: e->cx = strlen(l); break;
    case KEY_PAGE_UP: e->cy = e->cy > (size_t)rows ? e->cy - (size_t)rows : 0; break;
    case KEY_PAGE_DOWN: e->cy += (size_t)rows; break;
    case KEY_RETURN: { /* split the line, keeping its indentation */
        size_t ind = 0;
        while (l[ind] == ' ')
            ind++;
        if (ind > e->cx)
            ind = e->cx;
        char *rest = xmalloc(ind + strlen(l + e->cx) + 1);
        memset(rest, ' ', ind);
        strcpy(rest + ind, l + e->cx);
        l[e->cx] = '\0';
        insert_line(e, e->cy + 1, rest);
        e->cy++;
        e->cx = ind;
        e->dirty = true;
        break;
    }
    case KEY_BACKSPACE_KEY:
        if (e->cx > 0) {
            size_t p = prev_char(l, e->cx);
            memmove(l + p, l + e->cx, strlen(l + e->cx) + 1);
            e->cx = p;
            e->dirty = true;
        } else if (e->cy > 0) { /* join with the line above */
            char *up = e->lines[e->cy - 1];
            size_t ul = strlen(up);
            char *joined = xmalloc(ul + strlen(l) + 1);
            memcpy(joined, up, ul);
            strcpy(joined + ul, l);
            free(up);
            free(l);
            e->lines[e->cy - 1] = joined;
            memmove(e->lines + e->cy, e->lines + e->cy + 1, (e->n - e->cy - 1) * sizeof *e->lines);
            e->n--;
            e->cy--;
            e->cx = ul;
            e->dirty = true;
        }
        break;
    case KEY_TAB_KEY: insert_text(e, "    ", 4); break;
    default:
        if (key >= ' ' && key < KEY_SPECIAL && key != 127) {
            char enc[4] = {0};
            insert_text(e, enc, utf8_encode((uint32_t)key, enc));
        }
        break;
    }
    clamp(e);
    if (e->cy < e->top)
        e->top = e->cy;
    if (e->cy >= e->top + (size_t)rows)
        e->top = e->cy - (size_t)rows + 1;
    return false;
}

void editor_draw(Editor *e, Canvas *cv)
{
    canvas_fill(cv, (Rect){0, 0, cv->w, 1}, ' ', ROLE_TITLE);
    char title[512];
    snprintf(title, sizeof title, "Editing %s%s", e->path, e->dirty ? " (changed)" : "");
    canvas_text_fit(cv, 1, 0, cv->w - 2, title, ROLE_TITLE);
    int rows = cv->h - 2;
    for (int r = 0; r < rows && e->top + (size_t)r < e->n; r++) {
        size_t i = e->top + (size_t)r;
        char num[16];
        snprintf(num, sizeof num, "%4zu ", i + 1);
        canvas_text(cv, 0, 1 + r, 5, num, ROLE_SUBTLE);
        canvas_text(cv, 5, 1 + r, cv->w - 5, e->lines[i], ROLE_CODEBLOCK);
    }
    /* The cursor as a reversed cell, so it shows in every terminal. */
    int cx = 5 + (int)utf8_width(e->lines[e->cy], e->cx);
    int cy = 1 + (int)(e->cy - e->top);
    if (cx < cv->w)
        canvas_paint_row(cv, cy, cx, cx + 1, ROLE_SELECTED);
    canvas_fill(cv, (Rect){0, cv->h - 1, cv->w, 1}, ' ', ROLE_STATUS);
    canvas_text_fit(cv, 1, cv->h - 1, cv->w - 2, e->status, ROLE_STATUS);
}
