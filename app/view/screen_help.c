/*
 * screen_help: the keys, generated from the binding table, grouped by the
 * screen they work on.
 */
#include <stdio.h>
#include <string.h>

#include "view/keys.h"
#include "view/screens.h"

typedef struct Group {
    unsigned bit;
    const char *title;
} Group;

static const Group groups[] = {
    {ON_HOME, "Series page"},
    {ON_READER, "Chapter reader"},
    {ON_MENU, "Section menu"},
    {ON_SEARCH, "Search results"},
    {ON_GLOSSARY, "Glossary"},
    {ON_CHARTS, "Charts (chapter 6's figures)"},
    {ON_TABLE, "Tables (chapter 4's binding tools)"},
    {ON_DASH, "Skill stage dashboard"},
    {ON_QUIZ, "Quiz (after an answer; while typing, keys go into the answer)"},
    {ON_PROGRAM, "Program and its views (pydive run --watch)"},
    {ON_HELP, "This help"},
};

static bool heap_only(KeyAction act)
{
    return act == ACT_GC_PHASE || act == ACT_POOL || act == ACT_FOCUS ||
           act == ACT_NEIGHBOURS || act == ACT_LETTERS;
}

/* The binding's label with only the keys that do its action on that screen
 * (Left steps back on the program screen, so it is not listed for "go back"
 * there too); false when none is left. */
static bool live_label(const Binding *b, unsigned bit, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (const char *p = b->label; *p;) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (!len)
            break;
        char tok[24];
        snprintf(tok, sizeof tok, "%.*s", (int)len, p);
        int key = keys_parse(tok);
        if ((key == KEY_NONE || keys_lookup(key, bit) == b->action) && n + len + 2 < cap)
            n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? " " : "", tok);
        p += len;
    }
    return n > 0;
}

/* The group of the screen help was opened from. */
static size_t group_of(ScreenId s)
{
    static const struct {
        ScreenId screen;
        unsigned bit;
    } map[] = {{SCREEN_HOME, ON_HOME},         {SCREEN_READER, ON_READER},
               {SCREEN_MENU, ON_MENU},         {SCREEN_SEARCH, ON_SEARCH},
               {SCREEN_GLOSSARY, ON_GLOSSARY}, {SCREEN_CHARTS, ON_CHARTS},
               {SCREEN_TABLE, ON_TABLE},       {SCREEN_DASHBOARD, ON_DASH},
               {SCREEN_QUIZ, ON_QUIZ},         {SCREEN_PROGRAM, ON_PROGRAM}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (map[i].screen == s)
            for (size_t g = 0; g < sizeof groups / sizeof *groups; g++)
                if (groups[g].bit == map[i].bit)
                    return g;
    return 0;
}

/* Writes (or, with cv NULL, only counts) the help lines from row `skip`;
 * opened from a lab, its directives come first, then the keys of the screen
 * help was opened from (group `first`), then the others. */
static int help_lines(Canvas *cv, const LabClass *lab, size_t first, int skip, int y0, int rows)
{
    int line = 0;
#define EMIT(x, text, role)                                                              \
    do {                                                                                 \
        int r_ = line - skip;                                                            \
        if (cv && r_ >= 0 && r_ < rows)                                                  \
            canvas_text_fit(cv, (x), y0 + r_, cv->w - (x) - 1, (text), (role));          \
    } while (0)
    if (lab && lab->reference) {
        char title[128], form[96];
        snprintf(title, sizeof title, "The %s lab: one directive a line (# starts a comment)",
                 lab->title);
        EMIT(1, title, ROLE_HEADING);
        line++;
        for (const char *p = lab->reference; *p;) {
            size_t n = strcspn(p, "\n"), tab = strcspn(p, "\t");
            if (tab > n)
                tab = n;
            snprintf(form, sizeof form, "%.*s", (int)tab, p);
            EMIT(3, form, ROLE_CODE);
            if (tab < n) {
                char meaning[160];
                snprintf(meaning, sizeof meaning, "%.*s", (int)(n - tab - 1), p + tab + 1);
                EMIT(36, meaning, ROLE_NORMAL);
            }
            line++;
            p += n + (p[n] == '\n');
        }
        EMIT(3, "More: docs/EXERCISES.md, section 8.", ROLE_SUBTLE);
        line += 2;
    }
    size_t ngroups = sizeof groups / sizeof *groups;
    for (size_t k = 0; k < ngroups; k++) {
        /* this screen's keys first, as htop's F1: then the others in order */
        size_t g = k == 0 ? first : k <= first ? k - 1 : k;
        EMIT(1, groups[g].title, ROLE_HEADING);
        line++;
        for (size_t i = 0; i < key_nbindings; i++) {
            const Binding *b = &key_bindings[i];
            if (!b->label || !(b->screens & groups[g].bit))
                continue;
            if (lab && groups[g].bit == ON_PROGRAM && heap_only(b->action))
                continue; /* a lab has no heap: those keys do nothing there */
            char label[64];
            if (!live_label(b, groups[g].bit, label, sizeof label))
                continue;
            EMIT(3, label, ROLE_KEY);
            EMIT(20, b->help, ROLE_NORMAL);
            line++;
        }
        if (groups[g].bit == ON_HOME || groups[g].bit == ON_DASH) {
            EMIT(3, "1-9", ROLE_KEY);
            EMIT(20, groups[g].bit == ON_HOME ? "open that chapter" : "take that chapter's check",
                 ROLE_NORMAL);
            line++;
        }
        line++;
    }
#undef EMIT
    return line;
}

void screen_help_draw(App *a, Canvas *cv)
{
    chrome_top(a, cv, "Keys", "? or Esc closes");
    int rows = cv->h - 2;
    const LabClass *lab = a->lab && a->back[SCREEN_HELP] == SCREEN_PROGRAM ? a->lab->cls : NULL;
    size_t first = group_of(a->back[SCREEN_HELP]);
    int total = help_lines(NULL, lab, first, 0, 0, 0);
    int max = total - rows > 0 ? total - rows : 0;
    if (a->help_top > max)
        a->help_top = max;
    help_lines(cv, lab, first, a->help_top, 1, rows);
    chrome_hints(a, cv, ON_HELP);
}
