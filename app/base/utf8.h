/*
 * utf8: decoding and display width, independent of the C locale.
 *
 * The canvas stores code points and must know how many terminal columns each
 * takes, also in headless runs under LANG=C, so the width table is ours.
 */
#ifndef PYDIVE_BASE_UTF8_H
#define PYDIVE_BASE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes one code point from s[0..n); returns the bytes used (>= 1 when
 * n > 0).  Malformed input yields UTF8_REPLACEMENT and consumes one byte. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* The offset of the first malformed sequence in s[0..n), or n when it is
 * all well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
size_t utf8_invalid_at(const char *s, size_t n);
/* Writes cp as UTF-8 into out (at least 4 bytes); returns the byte count. */
size_t utf8_encode(uint32_t cp, char *out);
/* Terminal columns: 0 for combining marks and controls, 2 for wide East
 * Asian characters and emoji, 1 otherwise. */
int utf8_cp_width(uint32_t cp);
/* Columns of a whole string of n bytes. */
size_t utf8_width(const char *s, size_t n);

#endif
