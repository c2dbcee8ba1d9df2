/*
 * keys: the binding table (see keys.h).  Order here is the order of the
 * help screen.
 */
#include "view/keys.h"

#include <string.h>

const Binding key_bindings[] = {
    {ACT_HELP, ON_ALL, {'?', KEY_NONE}, "?", "show or hide the keys of this screen", "help"},
    {ACT_QUIT, ON_HOME | ON_READER | ON_DASH | ON_PROGRAM, {'q', 'Q', KEY_NONE}, "q", "quit (your place is saved)", "quit"},
    {ACT_SEARCH, ON_TABLE, {'/', KEY_NONE}, "/", "tables: filter the rows by a word", "filter"},
    {ACT_SORT, ON_TABLE, {'s', KEY_RIGHT_ARROW, KEY_NONE}, "s Right",
     "tables: sort by the next column", "sort"},
    {ACT_REVERSE, ON_TABLE, {'r', KEY_NONE}, "r", "tables: reverse the order", "reverse"},
    {ACT_NEXT_SECTION, ON_TABLE, {'n', KEY_TAB_KEY, KEY_NONE}, "n Tab", "tables: the next table",
     NULL},
    {ACT_PREV_SECTION, ON_TABLE, {'p', KEY_BACKTAB, KEY_NONE}, "p", "tables: the previous table",
     NULL},
    {ACT_BACK, ON_TABLE, {'q', KEY_ESCAPE, KEY_BACKSPACE_KEY, KEY_NONE}, "q Esc",
     "tables: close them", "back"},
    {ACT_SEARCH, ON_HOME | ON_READER | ON_SEARCH, {'/', KEY_NONE}, "/",
     "search every chapter (Enter searches, Esc cancels)", "search"},
    {ACT_GLOSSARY, ON_HOME | ON_READER | ON_GLOSSARY, {'T', KEY_NONE}, "T",
     "the glossary: every term and where it is first explained", "terms"},
    {ACT_TERMS, ON_READER, {'t', KEY_NONE}, "t",
     "terms of this section; Enter shows where one is explained", NULL},
    {ACT_JUMP_BACK, ON_READER, {'\'', KEY_NONE}, "'", "back to where the last jump started",
     NULL},
    {ACT_EXERCISE, ON_READER, {'x', KEY_NONE}, "x", "open this section's exercise", "exercise"},
    {ACT_EDIT, ON_PROGRAM, {'e', KEY_NONE}, "e",
     "exercise: edit your file in $EDITOR; it reruns on save", NULL},
    {ACT_CHECK, ON_PROGRAM, {'x', KEY_NONE}, "x", "exercise: check your program now", NULL},
    {ACT_HINT, ON_PROGRAM, {'H', KEY_NONE}, "H", "exercise: the next hint", NULL},
    {ACT_SOLUTION, ON_PROGRAM, {'S', KEY_NONE}, "S",
     "exercise: the solution (solved, or S twice to give up)", NULL},
    {ACT_TABLES, ON_HOME | ON_READER, {'D', KEY_NONE}, "D",
     "the tables: chapter 4's binding tools, to sort and filter", "tables"},
    {ACT_CHARTS, ON_HOME | ON_READER, {'C', KEY_NONE}, "C",
     "the charts: chapter 6's figures with their sources", "charts"},
    {ACT_NEXT_SECTION, ON_CHARTS, {'n', KEY_RIGHT_ARROW, 'l', KEY_TAB_KEY, KEY_NONE}, "n Right",
     "charts: the next chart", "next"},
    {ACT_PREV_SECTION, ON_CHARTS, {'p', KEY_LEFT_ARROW, KEY_BACKTAB, KEY_NONE}, "p Left",
     "charts: the previous chart", "prev"},
    {ACT_BACK, ON_CHARTS, {'q', KEY_ESCAPE, 'h', KEY_BACKSPACE_KEY, KEY_NONE}, "q Esc",
     "charts: close them", "back"},
    {ACT_DASHBOARD, ON_HOME | ON_READER, {'a', KEY_NONE}, "a",
     "your skill stage, roadmap and review (the dashboard)", "stage"},
    {ACT_CHAPTER_CHECK, ON_READER, {'c', KEY_NONE}, "c", "take this chapter's check", "check"},
    {ACT_STAGE_TEST, ON_DASH, {'a', KEY_NONE}, "a", "take the stage assessment (all areas)",
     "assess"},
    {ACT_REVIEW, ON_DASH, {'v', KEY_NONE}, "v", "review the items due today", "review"},
    {ACT_TRACK, ON_DASH, {'t', KEY_NONE}, "t", "choose your goal (the roadmap follows it)", "goal"},
    {ACT_SELF_RATE, ON_DASH, {'R', KEY_NONE}, "R", "rate yourself in an area (1-5)", "rate"},
    {ACT_OPEN, ON_QUIZ, {KEY_RETURN, ' ', KEY_NONE}, "Enter",
     "next item (an answer is typed, then Enter)", NULL},
    {ACT_STEP, ON_PROGRAM, {KEY_RIGHT_ARROW, ' ', '.', 'n', KEY_NONE}, "Right Space n",
     "run the next statement", "step"},
    {ACT_STEP_BACK, ON_PROGRAM, {KEY_LEFT_ARROW, ',', 'p', KEY_NONE}, "Left , p",
     "one step back (replays the record)", "back"},
    {ACT_RUN, ON_PROGRAM, {KEY_RETURN, 'r', KEY_NONE}, "Enter r", "run or pause", "run"},
    {ACT_RUN_END, ON_PROGRAM, {'G', KEY_END_KEY, KEY_NONE}, "G End", "run to the end", NULL},
    {ACT_RESTART, ON_PROGRAM, {'g', KEY_HOME_KEY, KEY_NONE}, "g Home",
     "back to the first line", NULL},
    {ACT_FASTER, ON_PROGRAM, {'+', '=', KEY_NONE}, "+", "run faster", NULL},
    {ACT_SLOWER, ON_PROGRAM, {'-', KEY_NONE}, "-", "run slower", NULL},
    {ACT_GC_PHASE, ON_PROGRAM, {'c', KEY_NONE}, "c",
     "collect: one phase of a collection at a time", "collect"},
    {ACT_NEXT_VIEW, ON_PROGRAM, {KEY_TAB_KEY, 'v', KEY_NONE}, "Tab v",
     "next view (when they do not all fit)", "view"},
    {ACT_ZOOM, ON_PROGRAM, {'z', KEY_NONE}, "z", "zoom the view to the whole screen", "zoom"},
    {ACT_FOCUS, ON_PROGRAM, {'f', KEY_NONE}, "f", "graph: focus the next object", NULL},
    {ACT_NEIGHBOURS, ON_PROGRAM, {'F', KEY_NONE}, "F",
     "graph: only the focus and its neighbours", NULL},
    {ACT_PAN_UP, ON_PROGRAM, {KEY_UP_ARROW, 'k', KEY_NONE}, "Up k", "graph: scroll up", NULL},
    {ACT_PAN_DOWN, ON_PROGRAM, {KEY_DOWN_ARROW, 'j', KEY_NONE}, "Down j", "graph: scroll down",
     NULL},
    {ACT_PAN_LEFT, ON_PROGRAM, {'[', KEY_NONE}, "[", "graph: scroll left, towards the frames",
     NULL},
    {ACT_PAN_RIGHT, ON_PROGRAM, {']', KEY_NONE}, "]", "graph: scroll right", NULL},
    {ACT_LETTERS, ON_PROGRAM, {'l', KEY_NONE}, "l",
     "arena map: size-class letters or fullness shades", NULL},
    {ACT_POOL, ON_PROGRAM, {'o', KEY_NONE}, "o",
     "arena map: open the pool just used (blocks, free list)", "pool"},
    {ACT_BACK, ON_READER | ON_HELP | ON_MENU | ON_SEARCH | ON_DASH | ON_QUIZ | ON_PROGRAM |
                   ON_GLOSSARY,
     {KEY_ESCAPE, 'h', KEY_LEFT_ARROW, KEY_BACKSPACE_KEY, KEY_NONE}, "Esc h Left",
     "go back (reader: to the series page)", "back"},
    {ACT_BACK, ON_HELP, {'q', KEY_NONE}, "q", "close the help", NULL},
    {ACT_UP, ON_ALL & ~(ON_QUIZ | ON_PROGRAM), {'k', KEY_UP_ARROW, KEY_NONE}, "k Up", "move up one line or item", NULL},
    {ACT_DOWN, ON_ALL & ~(ON_QUIZ | ON_PROGRAM), {'j', KEY_DOWN_ARROW, KEY_NONE}, "j Down", "move down one line or item",
     NULL},
    {ACT_PAGE_DOWN, ON_ALL & ~(ON_QUIZ | ON_PROGRAM), {' ', KEY_PAGE_DOWN, 'f', KEY_NONE}, "Space PgDn f",
     "page down", "page"},
    {ACT_PAGE_UP, ON_ALL & ~(ON_QUIZ | ON_PROGRAM), {'b', KEY_PAGE_UP, KEY_NONE}, "b PgUp", "page up", NULL},
    {ACT_HALF_DOWN, ON_READER | ON_HELP, {'d', KEY_NONE}, "d", "half a page down", NULL},
    {ACT_HALF_UP, ON_READER | ON_HELP, {'u', KEY_NONE}, "u", "half a page up", NULL},
    {ACT_TOP, ON_ALL & ~(ON_QUIZ | ON_PROGRAM), {'g', KEY_HOME_KEY, KEY_NONE}, "g Home", "go to the top", NULL},
    {ACT_BOTTOM, ON_ALL & ~(ON_QUIZ | ON_PROGRAM), {'G', KEY_END_KEY, KEY_NONE}, "G End", "go to the end", NULL},
    {ACT_OPEN, ON_HOME | ON_MENU | ON_SEARCH | ON_GLOSSARY, {KEY_RETURN, 'l', KEY_RIGHT_ARROW, KEY_NONE}, "Enter l Right",
     "open the selected item", "open"},
    {ACT_RESUME, ON_HOME, {'r', KEY_NONE}, "r", "resume where you left off", "resume"},
    {ACT_NEXT_SECTION, ON_READER, {']', KEY_TAB_KEY, KEY_NONE}, "] Tab", "next section", NULL},
    {ACT_PREV_SECTION, ON_READER, {'[', KEY_BACKTAB, KEY_NONE}, "[ S-Tab", "previous section",
     NULL},
    {ACT_SECTIONS, ON_READER, {'s', KEY_NONE}, "s", "jump to a section (menu)", "sections"},
    {ACT_NEXT_CHAPTER, ON_READER, {'n', KEY_NONE}, "n", "next chapter", "next ch"},
    {ACT_PREV_CHAPTER, ON_READER, {'p', KEY_NONE}, "p", "previous chapter", NULL},
    {ACT_RUN_CODE, ON_READER, {'R', KEY_NONE}, "R",
     "run the code block on screen on the model", "run code"},
    {ACT_NEXT_EXERCISE, ON_HOME | ON_READER | ON_PROGRAM, {'X', KEY_NONE}, "X",
     "the next exercise not solved yet", "next ex"},
    {ACT_WHEEL_UP, ON_ALL, {KEY_WHEEL_UP, KEY_NONE}, "wheel", "scroll with the mouse wheel",
     NULL},
    {ACT_WHEEL_DOWN, ON_ALL, {KEY_WHEEL_DOWN, KEY_NONE}, NULL, NULL, NULL},
};
const size_t key_nbindings = sizeof key_bindings / sizeof key_bindings[0];

KeyAction keys_lookup(int key, unsigned screen)
{
    for (size_t i = 0; i < key_nbindings; i++) {
        const Binding *b = &key_bindings[i];
        if (!(b->screens & screen))
            continue;
        for (int k = 0; k < 5 && b->keys[k] != KEY_NONE; k++)
            if (b->keys[k] == key)
                return b->action;
    }
    return ACT_NONE;
}

int keys_digit(int key)
{
    return key >= '1' && key <= '9' ? key - '0' : 0;
}

static const char *const action_names[ACT_COUNT] = {
    [ACT_NONE] = "none",           [ACT_QUIT] = "quit",
    [ACT_HELP] = "help",           [ACT_BACK] = "back",
    [ACT_UP] = "up",               [ACT_DOWN] = "down",
    [ACT_PAGE_UP] = "page-up",     [ACT_PAGE_DOWN] = "page-down",
    [ACT_HALF_UP] = "half-up",     [ACT_HALF_DOWN] = "half-down",
    [ACT_TOP] = "top",             [ACT_BOTTOM] = "bottom",
    [ACT_OPEN] = "open",           [ACT_RESUME] = "resume",
    [ACT_NEXT_SECTION] = "next-section", [ACT_PREV_SECTION] = "previous-section",
    [ACT_SECTIONS] = "sections",   [ACT_NEXT_CHAPTER] = "next-chapter",
    [ACT_PREV_CHAPTER] = "previous-chapter", [ACT_WHEEL_UP] = "wheel-up",
    [ACT_WHEEL_DOWN] = "wheel-down", [ACT_SEARCH] = "search",
    [ACT_DASHBOARD] = "dashboard", [ACT_STAGE_TEST] = "stage-assessment",
    [ACT_REVIEW] = "review",       [ACT_CHAPTER_CHECK] = "chapter-check",
    [ACT_TRACK] = "goal",          [ACT_SELF_RATE] = "rate",
    [ACT_STEP] = "step",           [ACT_STEP_BACK] = "step-back",
    [ACT_RUN] = "run",             [ACT_RUN_END] = "run-to-end",
    [ACT_RESTART] = "restart",     [ACT_FASTER] = "faster",
    [ACT_SLOWER] = "slower",       [ACT_GC_PHASE] = "collect",
    [ACT_NEXT_VIEW] = "next-view", [ACT_ZOOM] = "zoom",
    [ACT_FOCUS] = "focus",         [ACT_NEIGHBOURS] = "neighbours",
    [ACT_LETTERS] = "letters",     [ACT_POOL] = "pool",
    [ACT_GLOSSARY] = "glossary",   [ACT_TERMS] = "terms",
    [ACT_JUMP_BACK] = "jump-back", [ACT_EXERCISE] = "exercise",
    [ACT_EDIT] = "edit",           [ACT_CHECK] = "check",
    [ACT_HINT] = "hint",           [ACT_SOLUTION] = "solution",
    [ACT_CHARTS] = "charts",       [ACT_TABLES] = "tables",
    [ACT_SORT] = "sort",           [ACT_REVERSE] = "reverse",
    [ACT_RUN_CODE] = "run-code",   [ACT_NEXT_EXERCISE] = "next-exercise",
    [ACT_PAN_UP] = "graph-up",     [ACT_PAN_DOWN] = "graph-down",
    [ACT_PAN_LEFT] = "graph-left", [ACT_PAN_RIGHT] = "graph-right",
};

const char *keys_action_name(KeyAction a)
{
    return a < ACT_COUNT && action_names[a] ? action_names[a] : "none";
}

KeyAction keys_action_by_name(const char *name)
{
    for (int a = 1; a < ACT_COUNT; a++)
        if (action_names[a] && strcmp(action_names[a], name) == 0)
            return (KeyAction)a;
    return ACT_NONE;
}

unsigned keys_action_screens(KeyAction a)
{
    unsigned bits = 0;
    for (size_t i = 0; i < key_nbindings; i++)
        if (key_bindings[i].action == a)
            bits |= key_bindings[i].screens;
    return bits;
}

int keys_parse(const char *text)
{
    static const struct {
        const char *name;
        int key;
    } named[] = {
        {"Enter", KEY_RETURN},      {"Esc", KEY_ESCAPE},        {"Tab", KEY_TAB_KEY},
        {"Space", ' '},             {"Up", KEY_UP_ARROW},       {"Down", KEY_DOWN_ARROW},
        {"Left", KEY_LEFT_ARROW},   {"Right", KEY_RIGHT_ARROW}, {"PgUp", KEY_PAGE_UP},
        {"PgDn", KEY_PAGE_DOWN},    {"Home", KEY_HOME_KEY},     {"End", KEY_END_KEY},
        {"Backspace", KEY_BACKSPACE_KEY},
    };
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strcmp(text, named[i].name) == 0)
            return named[i].key;
    unsigned char c = (unsigned char)text[0];
    return c > ' ' && c < 0x7F && text[1] == '\0' ? c : KEY_NONE;
}
