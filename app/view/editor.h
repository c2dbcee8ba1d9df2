/*
 * editor: a small built-in text editor for an exercise's file, used when
 * neither $VISUAL nor $EDITOR names one.  Keys as in nano: arrows, Home,
 * End, PgUp, PgDn move; typing inserts; Backspace deletes; Enter splits a
 * line; Tab inserts four spaces; Ctrl-O saves; Ctrl-X leaves (twice when
 * there are unsaved changes).  Saves are atomic, like every pydive save.
 */
#ifndef PYDIVE_VIEW_EDITOR_H
#define PYDIVE_VIEW_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "view/canvas.h"

#define EDITOR_CTRL_O 15
#define EDITOR_CTRL_X 24

typedef struct Editor {
    char *path;
    char **lines;   /* UTF-8, without newlines */
    size_t n, cap;
    size_t cy, cx;  /* cursor: line, byte offset in the line */
    size_t top;     /* first line shown */
    bool dirty;     /* changed since the last save */
    bool leaving;   /* Ctrl-X pressed once with unsaved changes */
    char status[160];
} Editor;

bool editor_open(Editor *e, const char *path, Buf *err);
void editor_fini(Editor *e);
bool editor_save(Editor *e, Buf *err);
/* Handles one key; returns true when the editor should close. */
bool editor_key(Editor *e, int key, int rows);
void editor_draw(Editor *e, Canvas *cv);

#endif
