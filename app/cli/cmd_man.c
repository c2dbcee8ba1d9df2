/*
 * cmd_man: `pydive --man` writes the pydive(1) manual page in roff.  The
 * COMMANDS and KEYS sections come from the same tables the program runs on
 * (cli_commands, key_bindings), so the manual cannot drift from the program;
 * `make install` installs what this prints.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "view/keys.h"

/* Writes text with roff's special characters escaped. */
static void roff(const char *s)
{
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", stdout);
        else if (*s == '-')
            fputs("\\-", stdout);
        else
            putchar(*s);
    }
}

static const struct {
    unsigned bit;
    const char *title;
} key_groups[] = {
    {ON_HOME, "Series page"},     {ON_READER, "Chapter reader"},
    {ON_MENU, "Section menu"},    {ON_SEARCH, "Search results"},
    {ON_GLOSSARY, "Glossary"},
    {ON_DASH, "Skill-stage dashboard"}, {ON_QUIZ, "Quiz (after an answer)"},
    {ON_PROGRAM, "Program screen (run --watch)"}, {ON_HELP, "Help"},
};

static void keys_section(void)
{
    puts(".SH KEYS\nPress \\fB?\\fR on any screen for the keys of that screen.");
    for (size_t g = 0; g < sizeof key_groups / sizeof *key_groups; g++) {
        printf(".SS %s\n", key_groups[g].title);
        for (size_t i = 0; i < key_nbindings; i++) {
            const Binding *b = &key_bindings[i];
            if (!b->label || !b->help || !(b->screens & key_groups[g].bit))
                continue;
            fputs(".TP\n.B ", stdout);
            roff(b->label);
            putchar('\n');
            roff(b->help);
            putchar('\n');
        }
    }
    puts(".PP\nWhile an answer is being typed in a quiz, every key goes into the answer: "
         "\\fBEnter\\fR answers, \\fBEsc\\fR stops (answers so far are kept).");
}

int cmd_man(void)
{
    puts(".TH PYDIVE 1 \"2026\" \"pydive\" \"User Commands\"\n"
         ".SH NAME\npydive \\- Python Memory Model Deep Dive, a terminal course\n"
         ".SH SYNOPSIS\n.B pydive\n[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]\n"
         ".SH DESCRIPTION\n"
         "pydive is a course in seven chapters on CPython's memory: pymalloc's arenas, pools "
         "and blocks; reference counting and the cyclic garbage collector; the GIL and "
         "free-threaded Python; bindings; async services; the AI ecosystem; and a plan for "
         "your next steps.  Its exercises and views run on a simulated CPython that prints "
         "what CPython 3.11 prints.  It works offline and keeps your progress on your disk.\n"
         ".PP\nWith no command, pydive opens the series page.  \\fBResume\\fR goes to the "
         "exact chapter and line where you stopped.");
    puts(".SH COMMANDS");
    for (size_t i = 0; i < cli_ncommands; i++) {
        const CliCommand *c = &cli_commands[i];
        fputs(".TP\n.B pydive", stdout);
        if (c->name)
            printf(" %s", c->name);
        fputs("\n", stdout);
        roff(c->usage);
        fputs("\n.br\n", stdout);
        roff(c->summary);
        putchar('\n');
    }
    puts(".SH GLOBAL OPTIONS\n"
         ".TP\n.BI \\-\\-profile \" NAME\"\nThe learner (default: your login name).  Each "
         "profile has its own progress and assessment record.\n"
         ".TP\n.BI \\-\\-course \" DIR\"\nUse a workshop pack (a course folder with a "
         "workshop.yaml) instead of the shipped course; also \\fBPYDIVE_COURSE\\fR.\n"
         ".TP\n.B \\-\\-plain\nThe course as linear text with numbered choices, for screen "
         "readers, braille displays and pipes.\n"
         ".TP\n.B \\-\\-present\nPresenter mode for a projector: large views, no learner-only "
         "panes.\n"
         ".TP\n.B \\-\\-ascii\nDraw with ASCII only (automatic without a UTF-8 locale).\n"
         ".TP\n.B \\-\\-no\\-color\nNo colour (also \\fBNO_COLOR\\fR); nothing is shown by "
         "colour alone.\n"
         ".TP\n.B \\-\\-help\nAfter a command: that command's usage.  Alone: all commands.\n"
         ".TP\n.B \\-\\-version\nThe version.");
    keys_section();
    puts(".SH FILES\n"
         ".TP\n.I $XDG_DATA_HOME/pydive/profiles/NAME/\n(~/.local/share/pydive/... when "
         "XDG_DATA_HOME is unset) progress.yaml, assessments.yaml and a lock file; saves are "
         "atomic.  A damaged file is moved aside as FILE.damaged-DATE and reported.\n"
         ".TP\n.I PREFIX/share/pydive/\nThe course: lessons/, exercises/, assessments/, "
         "assets/.\n"
         ".TP\n.I $XDG_CACHE_HOME/pydive/\n(~/.cache/pydive/ when XDG_CACHE_HOME is unset) "
         "the course outline \\fBlist\\fR and \\fBprogress\\fR keep between runs; "
         "rebuilt when a lesson changes, safe to delete.\n"
         ".SH ENVIRONMENT\n"
         ".TP\n.B PYDIVE_DATA\nThe content folder to use instead of the installed one.\n"
         ".TP\n.B PYDIVE_COURSE\nA workshop pack, as \\-\\-course.\n"
         ".TP\n.B XDG_DATA_HOME\nWhere profiles are kept.\n"
         ".TP\n.B XDG_CACHE_HOME\nWhere the course outline is kept.\n"
         ".TP\n.B NO_COLOR\nAny value turns colour off.\n"
         ".TP\n.B LANG, LC_ALL\nWithout a UTF-8 locale, pydive draws with ASCII.\n"
         ".TP\n.B COLUMNS\nThe width of \\-\\-plain output.\n"
         ".TP\n.B PYDIVE_NOW\nA fixed time (Unix seconds), for tests of the review schedule.\n"
         ".SH EXAMPLES\n"
         ".TP\n.B pydive\nOpen the course.\n"
         ".TP\n.B pydive run prog.py \\-\\-watch\nStep a program on the simulated CPython with "
         "live views of its arenas, memory, objects and collector.\n"
         ".TP\n.B pydive render chapter:2 \\-\\-size 80x40 > ch2.txt\nA chapter page as text, "
         "for a handout.\n"
         ".TP\n.B pydive export \\-o alice.yaml; pydive import alice.yaml\nCarry progress "
         "between laptops; import merges and drops nothing.\n"
         ".TP\n.B pydive class report /media/usb\nA class report from the exports of a room.\n"
         ".SH EXIT STATUS\n0 on success, 1 when the command failed (it says why), 2 for a "
         "usage error.\n"
         ".SH SEE ALSO\nThe README, docs/AUTHORING.md (lessons), docs/ASSESSMENTS.md, "
         "docs/EXERCISES.md, docs/EXPORT.md, docs/WORKSHOP.md.");
    return 0;
}
