/*
 * keys: the one table of key bindings.
 *
 * Every key pydive answers to is a row here, with the screens it works on
 * and its help text, so the help screen and the hint bar are generated from
 * the same data the dispatcher reads and can never drift from it.
 * Keys are Unicode code points for characters and KEY_* values above the
 * Unicode range for special keys; the curses front end translates to these.
 */
#ifndef PYDIVE_VIEW_KEYS_H
#define PYDIVE_VIEW_KEYS_H

#include <stdbool.h>
#include <stddef.h>

enum {
    KEY_NONE = 0,
    KEY_SPECIAL = 0x110000,
    KEY_UP_ARROW,
    KEY_DOWN_ARROW,
    KEY_LEFT_ARROW,
    KEY_RIGHT_ARROW,
    KEY_PAGE_UP,
    KEY_PAGE_DOWN,
    KEY_HOME_KEY,
    KEY_END_KEY,
    KEY_RETURN,
    KEY_ESCAPE,
    KEY_BACKSPACE_KEY,
    KEY_TAB_KEY,
    KEY_BACKTAB,
    KEY_WHEEL_UP,
    KEY_WHEEL_DOWN,
};

typedef enum KeyAction {
    ACT_NONE,
    ACT_QUIT,
    ACT_HELP,
    ACT_BACK,
    ACT_UP,
    ACT_DOWN,
    ACT_PAGE_UP,
    ACT_PAGE_DOWN,
    ACT_HALF_UP,
    ACT_HALF_DOWN,
    ACT_TOP,
    ACT_BOTTOM,
    ACT_OPEN,
    ACT_RESUME,
    ACT_NEXT_SECTION,
    ACT_PREV_SECTION,
    ACT_SECTIONS,
    ACT_NEXT_CHAPTER,
    ACT_PREV_CHAPTER,
    ACT_WHEEL_UP,
    ACT_WHEEL_DOWN,
    ACT_SEARCH,
    ACT_DASHBOARD,     /* the skill-stage dashboard */
    ACT_STAGE_TEST,    /* start the stage assessment */
    ACT_REVIEW,        /* review the items due */
    ACT_CHAPTER_CHECK, /* the check of the chapter being read */
    ACT_TRACK,         /* choose the next goal (track) */
    ACT_SELF_RATE,     /* rate yourself in one area (optional evidence) */
    ACT_STEP,          /* program: one statement forward */
    ACT_STEP_BACK,     /* program: one step back (a replay of the record) */
    ACT_RUN,           /* program: run or pause */
    ACT_RUN_END,       /* program: run to the end */
    ACT_RESTART,       /* program: back to the first line */
    ACT_FASTER,
    ACT_SLOWER,
    ACT_GC_PHASE,      /* program: one phase of a collection */
    ACT_NEXT_VIEW,
    ACT_ZOOM,
    ACT_FOCUS,         /* graph: focus the next object */
    ACT_NEIGHBOURS,    /* graph: only the focus and its neighbours */
    ACT_LETTERS,       /* arena map: size-class letters or fullness */
    ACT_POOL,          /* arena map: open the pool just used, block by block */
    ACT_GLOSSARY,      /* every marked term, and where it is first explained */
    ACT_TERMS,         /* the terms of this section */
    ACT_JUMP_BACK,     /* back to where the last jump started */
    ACT_EXERCISE,      /* reader: the exercise of this section */
    ACT_EDIT,          /* exercise: edit the program in $VISUAL / $EDITOR */
    ACT_CHECK,         /* exercise: check the program now */
    ACT_HINT,          /* exercise: the next rung of the hint ladder */
    ACT_SOLUTION,      /* exercise: the solution (after solving, or giving up) */
    ACT_CHARTS,        /* chapter 6's charts (assets/data) */
    ACT_TABLES,        /* the comparison tables (assets/tables) */
    ACT_SORT,          /* tables: sort by the next column */
    ACT_REVERSE,       /* tables: reverse the order */
    ACT_RUN_CODE,      /* reader: run the code block on screen on the model */
    ACT_NEXT_EXERCISE, /* home, reader, program: the next exercise not solved yet */
    ACT_PAN_UP,        /* graph: scroll the laid-out graph (the focus is let go) */
    ACT_PAN_DOWN,
    ACT_PAN_LEFT,
    ACT_PAN_RIGHT,
    ACT_COUNT
} KeyAction;

/* Screens a binding works on (bit set). */
enum {
    ON_HOME = 1,
    ON_READER = 2,
    ON_HELP = 4,
    ON_MENU = 8,
    ON_SEARCH = 16,
    ON_DASH = 32,
    ON_QUIZ = 64, /* only while an answer is on screen: typing goes to the answer */
    ON_PROGRAM = 128,
    ON_GLOSSARY = 256,
    ON_CHARTS = 512,
    ON_TABLE = 1024,
    ON_ALL = ON_HOME | ON_READER | ON_HELP | ON_MENU | ON_SEARCH | ON_DASH | ON_QUIZ | ON_PROGRAM |
             ON_GLOSSARY | ON_CHARTS | ON_TABLE,
};

typedef struct Binding {
    KeyAction action;
    unsigned screens;
    int keys[5];       /* KEY_NONE-terminated */
    const char *label; /* how the keys are written in help, e.g. "j Down" */
    const char *help;  /* what it does */
    const char *hint;  /* short form for the hint bar, NULL to leave out */
} Binding;

extern const Binding key_bindings[];
extern const size_t key_nbindings;

/* Action names, as the settings file writes them ("quit", "next-section"). */
const char *keys_action_name(KeyAction a);
KeyAction keys_action_by_name(const char *name);
/* A key written in the settings file ("Q", "Enter", "Tab", "Space", "Up",
 * "PgDn", "F" ...) as a key code; KEY_NONE when it is not one. */
int keys_parse(const char *text);
/* The screens an action is bound on in the built-in table (ON_* bits). */
unsigned keys_action_screens(KeyAction a);

/* The action bound to `key` on `screen` (one ON_* bit), or ACT_NONE. */
KeyAction keys_lookup(int key, unsigned screen);
/* A digit key '1'..'9' as a chapter number, else 0. */
int keys_digit(int key);

#endif
