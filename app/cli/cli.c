/*
 * cli: the command table and the small option helpers every command uses.
 */
#include "cli/cli.h"
#include "cli/prefs.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const CliCommand cli_commands[] = {
    {NULL, "[--profile NAME] [--plain] [--present] [--ascii] [--no-color]",
     "open the course (--plain: linear text for screen readers and pipes)", cmd_open},
    {"list", "[--profile NAME]", "list the chapters with your progress", cmd_list},
    {"settings", "", "show your settings file (theme, keys, profile, speed) and its problems",
     cmd_settings},
    {"validate", "[PATH...]", "check lesson files; prints file:line:col errors", cmd_validate},
    {"progress", "[--profile NAME] [--json]", "show your saved progress", cmd_progress},
    {"reset", "[--profile NAME] [--chapter N] [--yes]", "forget saved progress", cmd_reset},
    {"render", "SCREEN [--size WxH] [--program FILE.py [--step N] [--python VER]]",
     "print a screen as text: home, help, dashboard, chapter:N[:SECTION], search:TEXT, program, view:arena|memory|graph|gc, lab", cmd_render},
    {"assess", "[--chapter N] [--profile NAME]",
     "take a chapter check, or the stage assessment, as plain prompts", cmd_assess},
    {"stage", "[--json] [--profile NAME]", "your skill stage per competency and overall", cmd_stage},
    {"roadmap", "[--track T] [--profile NAME]", "what to learn next for your goal", cmd_roadmap},
    {"review", "[--profile NAME]", "answer the missed items due today (SM-2)", cmd_review},
    {"run", "FILE.py [--python VER] [--cores N] [--memory SIZE] [--max-steps N] [--timeout S] [--trace] "
            "[--stats] [--json] [--watch [--views LIST] [--present]] | --check FILE.py... | --modelled",
     "run a Python program on the simulated CPython 3.11 (--python: 3.12, 3.13, 3.13t, 3.14; "
     "--watch: step it with live views; --check: parse only, print SyntaxErrors; "
     "--modelled: list what the simulation models and refuses; "
     "--memory: the program's address space, 16G by default, MemoryError past it; "
     "--cores: the simulated machine's cores, on which 3.13t runs threads at once, 2 by default; "
     "--max-steps N and --timeout S stop a runaway program; Ctrl-C stops it with "
     "KeyboardInterrupt). Exit 0 done, 1 Python error, 3 refused: uses what the simulation "
     "does not model",
     cmd_run},
    {"profiles", "[--json]", "list the learner profiles on this machine", cmd_profiles},
    {"pack", "check DIR", "check a workshop pack: course, assessments, workshop.yaml", cmd_pack},
    {"export", "[--format yaml|json|csv] [--profile NAME] [-o FILE]",
     "write your progress and assessment record to one checksummed file", cmd_export},
    {"import", "FILE [--profile NAME]",
     "merge an exported record into a profile (nothing here is dropped)", cmd_import},
    {"class", "report DIR|FILE... [--format text|csv|json]",
     "a class report from exported files (learners, chapters, stages, missed items)", cmd_class},
    {"gil", "[--threads N] [--cores C] [--regime gil|free|processes] [--workload W] "
            "[--seconds S] [--seed N] [--json] [--params]",
     "simulate threads under the GIL, free-threaded, or as processes", cmd_gil},
    {"tables", "[ID] [--sort COLUMN] [--desc] [--filter TEXT] [--check]",
     "comparison tables (chapter 4's binding tools) sorted and filtered as text", cmd_tables},
    {"lab", "FILE [--model gil] [--step N] [--seed N] [--watch] | --reference [--model M]",
     "run a lab program (the GIL scheduler, ...); --watch steps it with live views", cmd_lab},
    {"exercise", "list|run|check|hint|reset|show|solution [ID] [--profile NAME]",
     "exercises as text (list --chapter N, hint --next, solution --give-up)", cmd_exercise},
    {"charts", "[--chart ID] [--json] | --check FILE...",
     "chapter 6's data sets as labelled bars with source, date and note (--check: quoted figures)",
     cmd_charts},
    {"verify", "[FILE.lua...]",
     "check every exercise against the model (answers, solutions); file:line on a mismatch",
     cmd_verify},
};
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("pydive: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'pydive --help' for the commands.\n", stderr);
    return 2;
}

/* Prints `text` wrapped at 80 columns on spaces, every line after the first
 * indented by `indent` (the first starts at column `col`).  A word longer
 * than a line is printed whole. */
static void print_wrapped(const char *text, int col, int indent)
{
    const int width = 80;
    const char *p = text;
    bool line_start = true;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n == 0)
            break;
        if (!line_start && col + 1 + (int)n > width) {
            printf("\n%*s", indent, "");
            col = indent;
            line_start = true;
        }
        if (!line_start) {
            putchar(' ');
            col++;
        }
        printf("%.*s", (int)n, p);
        col += (int)n;
        line_start = false;
        p += n;
    }
    putchar('\n');
}

/* A command: its usage, then what it does, both wrapped whole words. */
static void print_row(const CliCommand *c)
{
    char left[256];
    snprintf(left, sizeof left, "pydive %s%s%s", c->name ? c->name : "", c->name ? " " : "",
             c->usage);
    fputs("  ", stdout);
    print_wrapped(left, 2, c->name ? 10 + (int)strlen(c->name) : 9);
    fputs("      ", stdout);
    print_wrapped(c->summary, 6, 6);
}

void cli_print_help(void)
{
    puts("pydive - Python Memory Model Deep Dive, a terminal course\n");
    puts("Usage:");
    for (size_t i = 0; i < cli_ncommands; i++)
        print_row(&cli_commands[i]);
    puts("  pydive --help | --version\n");
    puts("Options:");
    puts("  --profile NAME   learner profile (default: your login name)");
    puts("  --python VER     the Python a program runs on: 3.11 (the default, as in the");
    puts("                   exercises), 3.12, 3.13, 3.13t, 3.14");
    puts("  --course DIR     use a workshop pack or another course folder (any command)");
    puts("  --help           show this help, or a command's help after the command\n");
    puts("Files:");
    puts("  progress  $XDG_DATA_HOME/pydive/profiles/NAME/ (~/.local/share/pydive/...)");
    puts("  content   --course DIR or $PYDIVE_COURSE (a pack; a bare NAME is looked up in");
    puts("            the shipped assets/packs/), else $PYDIVE_DATA, else beside the");
    puts("            program, else the install location\n");
    puts("Environment: PYDIVE_COURSE, PYDIVE_DATA, XDG_DATA_HOME, NO_COLOR, LANG/LC_ALL.");
    puts("Inside the course press ? for the keys.");
}

int cli_command_help(const char *name)
{
    for (size_t i = 0; i < cli_ncommands; i++) {
        const CliCommand *c = &cli_commands[i];
        if (c->name && strcmp(c->name, name) == 0) {
            char usage[320];
            snprintf(usage, sizeof usage, "Usage: pydive %s %s", c->name, c->usage);
            print_wrapped(usage, 0, 15 + (int)strlen(c->name));
            fputs("  ", stdout);
            print_wrapped(c->summary, 2, 2);
            return 0;
        }
    }
    return 2;
}

static void remove_args(int *argc, char **argv, int at, int count)
{
    for (int i = at; i + count <= *argc; i++)
        argv[i] = argv[i + count];
    *argc -= count;
}

int cli_take_option(int *argc, char **argv, const char *name, const char **value)
{
    size_t n = strlen(name);
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strncmp(argv[i], name, n) != 0)
            continue;
        if (argv[i][n] == '=') {
            *value = argv[i] + n + 1;
            remove_args(argc, argv, i, 1);
            return 1;
        }
        if (argv[i][n] == '\0') {
            if (i + 1 >= *argc) {
                cli_usage_error("option %s needs a value", name);
                return -1;
            }
            *value = argv[i + 1];
            remove_args(argc, argv, i, 2);
            return 2;
        }
    }
    return 0;
}

bool cli_take_flag(int *argc, char **argv, const char *name)
{
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], name) == 0) {
            remove_args(argc, argv, i, 1);
            return true;
        }
    }
    return false;
}

bool cli_reject_unknown(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            cli_usage_error("unknown option '%s' for '%s'", argv[i], argv[0]);
            return true;
        }
    }
    return false;
}

bool cli_read_line(Buf *line)
{
    buf_clear(line);
    int c;
    bool any = false;
    while ((c = getchar()) != EOF) {
        any = true;
        if (c == '\n')
            break;
        buf_addc(line, (char)c);
    }
    if (line->len > 0 && line->data[line->len - 1] == '\r')
        line->data[--line->len] = '\0';
    return any;
}

/* Options that take a value as the next word, whichever command has them: the
 * value is not mistaken for the command. */
static bool takes_value(const char *opt)
{
    static const char *const with_value[] = {
        "--profile", "--python", "--course", "--chapter", "--format", "--size", "--program",
        "--step", "--views", "--track", "--sort", "--filter", "--chart", "--model", "--seed",
        "--threads", "--cores", "--regime", "--workload", "--seconds", "--max-steps",
        "--timeout", "-o", NULL};
    if (strchr(opt, '='))
        return false;
    for (size_t i = 0; with_value[i]; i++)
        if (strcmp(opt, with_value[i]) == 0)
            return true;
    return false;
}

static bool is_command(const char *word)
{
    for (size_t i = 1; i < cli_ncommands; i++)
        if (strcmp(cli_commands[i].name, word) == 0)
            return true;
    return false;
}

void cli_command_first(int argc, char **argv)
{
    int i = 1;
    while (i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0)
        i += takes_value(argv[i]) && i + 1 < argc ? 2 : 1;
    if (i <= 1 || i >= argc || !is_command(argv[i]))
        return;
    char *cmd = argv[i];
    for (int k = i; k > 1; k--)
        argv[k] = argv[k - 1];
    argv[1] = cmd;
}
