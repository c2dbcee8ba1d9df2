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

/* Appends s[0..n) with its inline markup applied; newlines become spaces. */
void markup_inline(const char *s, size_t n, Role base, const MarkupOptions *opt,
                   Styled *out);

#endif
