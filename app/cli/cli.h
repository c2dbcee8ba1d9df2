/*
 * cli: the command-line commands, one file each, and what they share.
 *
 * `pydive [COMMAND] [OPTIONS]`: every command is a row of cli_commands (its
 * name, usage line and one-line summary drive `pydive --help`), so the help
 * text cannot drift from what is accepted.  A command returns the process
 * exit status: 0 success, 1 failure it reported, 2 usage error.
 */
#ifndef PYDIVE_CLI_CLI_H
#define PYDIVE_CLI_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/diag.h"

typedef int (*CliRun)(int argc, char **argv);

typedef struct CliCommand {
    const char *name;    /* NULL for the default command (open the course) */
    const char *usage;   /* arguments after the name */
    const char *summary; /* one line for --help */
    CliRun run;          /* argv[0] is the command name */
} CliCommand;

extern const CliCommand cli_commands[];
extern const size_t cli_ncommands;

/* Prints "pydive: <message>" and a pointer to --help on stderr; returns 2. */
/* Moves the first word that names a command, when only options come before
 * it, to argv[1] (the options keep their order after it). */
void cli_command_first(int argc, char **argv);
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the usage of one command on stdout; returns 0. */
int cli_command_help(const char *name);
void cli_print_help(void);

/* Options shared by several commands.  cli_take_option removes a recognised
 * "--name VALUE" or "--name=VALUE" from argv and stores VALUE; returns -1 when
 * the value is missing (after printing the error), else the number removed. */
int cli_take_option(int *argc, char **argv, const char *name, const char **value);
/* Removes a recognised boolean "--name" flag; returns true when present. */
bool cli_take_flag(int *argc, char **argv, const char *name);
/* Any "--..." left in argv[1..] is unknown: reports it (returns true). */
bool cli_reject_unknown(int argc, char **argv);

/* Checks a content folder the way `validate DIR` does (lessons, course.yaml,
 * assessments and their refs); returns the number of files checked. */
size_t cli_validate_course(const char *dir, DiagList *diags);
/* Reads one line of stdin into *line without its "\n" or "\r\n"; false at
 * the end of input (nothing read). */
bool cli_read_line(Buf *line);
/* A workshop pack inherits what it does not hold from the shipped course:
 * sets the overlay (base/overlay.h) for `pack_dir` over the shipped course,
 * with the chapter count of the pack's own lessons/course.yaml.  Does nothing
 * when the shipped course cannot be found or is the pack itself. */
void cli_inherit(const char *pack_dir);

int cmd_open(int argc, char **argv);
/* pydive --man: the manual page, in roff, from the command and key tables. */
int cmd_man(void);
int cmd_list(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_progress(int argc, char **argv);
int cmd_reset(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_assess(int argc, char **argv);
int cmd_stage(int argc, char **argv);
int cmd_roadmap(int argc, char **argv);
int cmd_review(int argc, char **argv);
int cmd_run(int argc, char **argv);
struct SimProfile;
/* run --watch: the program screen in the terminal (cmd_watch.c). */
int cmd_watch(const char *path, const struct SimProfile *prof, const char *views, bool present,
              uint64_t memory);
/* A size such as 4G, 512M, 64K, 16GiB or 1000000 (bytes); false when it is not one. */
bool cli_parse_size(const char *text, uint64_t *bytes);
/* lab --watch: a lab program on the program screen (cmd_watch.c). */
struct LabClass;
int cmd_lab_watch(const char *path, const struct LabClass *cls, uint64_t seed);
int cmd_profiles(int argc, char **argv);
int cmd_pack(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_class(int argc, char **argv);
int cmd_gil(int argc, char **argv);
int cmd_lab(int argc, char **argv);
int cmd_tables(int argc, char **argv);
/* cmd_exercise.c, cmd_exercise_show.c: `exercise list|check|hint|reset|show|solution`. */
int cmd_exercise(int argc, char **argv);
/* cmd_verify.c: `verify`. */
int cmd_verify(int argc, char **argv);
/* cmd_charts.c: chapter 6's data sets as text or JSON. */
int cmd_charts(int argc, char **argv);

#endif
