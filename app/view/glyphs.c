/*
 * glyphs: UTF-8 and ASCII drawing characters (see glyphs.h).
 */
#include "view/glyphs.h"

#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"

static const uint32_t utf8_set[GLYPH_COUNT] = {
    [GLYPH_HLINE] = 0x2500,       [GLYPH_VLINE] = 0x2502,
    [GLYPH_TOP_LEFT] = 0x250C,    [GLYPH_TOP_RIGHT] = 0x2510,
    [GLYPH_BOTTOM_LEFT] = 0x2514, [GLYPH_BOTTOM_RIGHT] = 0x2518,
    [GLYPH_BULLET] = 0x2022,      [GLYPH_POINTER] = 0x25B8,
    [GLYPH_BAR_FULL] = 0x2588,    [GLYPH_BAR_EMPTY] = 0x2591,
    [GLYPH_CHECK] = 0x2713,       [GLYPH_DOT] = 0x00B7,
    [GLYPH_WRAP] = 0x21AA,        [GLYPH_ARROW_UP] = 0x2191,
    [GLYPH_ARROW_DOWN] = 0x2193,   [GLYPH_SHADE_LIGHT] = 0x2591,
    [GLYPH_SHADE_MEDIUM] = 0x2592, [GLYPH_SHADE_DARK] = 0x2593,
    [GLYPH_EMPTY] = 0x00B7,        [GLYPH_ARROW_RIGHT] = 0x2192,
    [GLYPH_CYCLE] = 0x21BA,
};

static const uint32_t ascii_set[GLYPH_COUNT] = {
    [GLYPH_HLINE] = '-',       [GLYPH_VLINE] = '|',      [GLYPH_TOP_LEFT] = '+',
    [GLYPH_TOP_RIGHT] = '+',   [GLYPH_BOTTOM_LEFT] = '+', [GLYPH_BOTTOM_RIGHT] = '+',
    [GLYPH_BULLET] = '*',      [GLYPH_POINTER] = '>',    [GLYPH_BAR_FULL] = '#',
    [GLYPH_BAR_EMPTY] = '.',   [GLYPH_CHECK] = 'x',      [GLYPH_DOT] = '.',
    [GLYPH_WRAP] = '>',        [GLYPH_ARROW_UP] = '^',   [GLYPH_ARROW_DOWN] = 'v',
    [GLYPH_SHADE_LIGHT] = '-', [GLYPH_SHADE_MEDIUM] = '=', [GLYPH_SHADE_DARK] = '+',
    [GLYPH_EMPTY] = '.',       [GLYPH_ARROW_RIGHT] = '>', [GLYPH_CYCLE] = '@',
};

uint32_t glyph(bool ascii, Glyph g)
{
    return ascii ? ascii_set[g] : utf8_set[g];
}

typedef struct Spelling {
    uint32_t cp;
    const char *ascii;
} Spelling;

static const Spelling spellings[] = {
    {0x00A0, " "},   {0x00AB, "<<"},  {0x00B7, "."},   {0x00BB, ">>"},  {0x00D7, "x"},
    {0x00F7, "/"},   {0x2010, "-"},   {0x2011, "-"},   {0x2013, "-"},   {0x2014, "--"},
    {0x2018, "'"},   {0x2019, "'"},   {0x201C, "\""},  {0x201D, "\""},  {0x2022, "*"},
    {0x2026, "..."}, {0x2032, "'"},   {0x2190, "<-"},  {0x2192, "->"},  {0x2191, "^"},
    {0x2193, "v"},   {0x21D2, "=>"},  {0x2212, "-"},   {0x2248, "~"},   {0x2260, "!="},
    {0x2264, "<="},  {0x2265, ">="},  {0x2500, "-"},   {0x2502, "|"},   {0x25B8, ">"},
    {0x2713, "x"},   {0x2714, "x"},   {0x2717, "x"},   {0x00B2, "^2"},  {0x00B3, "^3"},
    {0x00BD, "1/2"}, {0x00BC, "1/4"}, {0x00B0, "deg"}, {0x00A9, "(c)"}, {0x2122, "(tm)"},
    {0x00A7, "section "},
};

/* Latin-1 letters with diacritics, folded to their base letter. */
static const char latin1_fold[64] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTs"
                                    "aaaaaaaceeeeiiiidnooooo/ouuuuyty";

static const char *spell(uint32_t cp)
{
    for (size_t i = 0; i < sizeof spellings / sizeof *spellings; i++)
        if (spellings[i].cp == cp)
            return spellings[i].ascii;
    return NULL;
}

uint32_t glyph_ascii_fallback(uint32_t cp)
{
    if (cp < 0x7F)
        return cp;
    const char *s = spell(cp);
    if (s && strlen(s) == 1)
        return (uint32_t)s[0];
    if (cp >= 0xC0 && cp <= 0xFF)
        return (uint32_t)latin1_fold[cp - 0xC0];
    if (cp >= 0x2500 && cp <= 0x257F)
        return '+';
    return '?';
}

char *glyph_asciify(const char *s)
{
    Buf b = {0};
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (cp < 0x80) {
            buf_addc(&b, (char)cp);
        } else {
            const char *sp = spell(cp);
            if (sp)
                buf_adds(&b, sp);
            else
                buf_addc(&b, (char)glyph_ascii_fallback(cp));
        }
        i += len;
    }
    return buf_take(&b);
}
