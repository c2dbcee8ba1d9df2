/*
 * styled: text with a role per byte, and the inline markup of lesson prose.
 *
 * Lesson prose marks *emphasis*, **strong**, `code` and citations [^id].
 * markup_inline turns one paragraph into a Styled string with the markers
 * removed and each byte tagged with the Role to draw it in; citations become
 * "[n]" where n is the source's position in the chapter's list (1-based).
 */
#ifndef PYDIVE_VIEW_STYLED_H
#define PYDIVE_VIEW_STYLED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "view/canvas.h"

typedef struct Styled {
    char *text;     /* NUL-terminated */
    uint8_t *roles; /* one Role per byte of text */
    size_t len, cap;
} Styled;

void styled_add(Styled *st, const char *s, size_t n, Role role);
void styled_adds(Styled *st, const char *s, Role role);
void styled_clear(Styled *st);
void styled_fini(Styled *st);

/* Maps a citation id to its 1-based number, or 0 when unknown. */
typedef int (*CiteLookup)(const char *id, size_t len, const void *ctx);

typedef struct MarkupOptions {
    bool ascii;           /* replace non-ASCII with ASCII spellings */
    CiteLookup cite;      /* may be NULL: citations are shown as written */
    const void *cite_ctx;
} MarkupOptions;

/* A lesson link "chNN#section-id" as the learner reads it: writes "§2.3 Cycles"
 * (section number and title) into out and returns true, or false when the
 * course has no such section. */
typedef bool (*LinkLookup)(int chapter, const char *id, size_t len, char *out, size_t cap,
                           const void *ctx);
/* Sets the one resolver for the whole program (the app sets it from its
 * course; NULL: links show as "chapter N").  Not thread-safe; set at start. */
void markup_set_links(LinkLookup fn, const void *ctx);
/* Plain text with its links resolved and markers dropped (for command-line
 * output): appends to out, NUL-terminated. */
void markup_plain(const char *s, Styled *out);

/* A source line as a learner may read it: the course's internal notes
 * ("(reference/content-facts.md §4.3)", "; scripts in reference/...") are
 * files that do not ship, so parentheses and ;-parts citing them are left
 * out.  Writes into out (always NUL-terminated). */
void source_shown(const char *src, char *out, size_t cap);

/* Appends s[0..n) with its inline markup applied; newlines become spaces.
 * Lesson links "chNN#section-id" become "§N.M Title" (markup_set_links). */
void markup_inline(const char *s, size_t n, Role base, const MarkupOptions *opt,
                   Styled *out);

#endif
