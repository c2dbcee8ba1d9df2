/*
 * excli: what the exercise commands share (cmd_exercise.c, cmd_exercise_show.c):
 * an exercise opened with the learner's profile (a Session, so progress and the
 * assessment record share one lock), its saved state and the learner's work file.
 */
#ifndef PYDIVE_CLI_EXCLI_H
#define PYDIVE_CLI_EXCLI_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "cli/session.h"
#include "learner/exstate.h"
#include "script/exrun.h"

#define WORK_FILE_MAX (256 * 1024)

typedef struct ExCli {
    Session s;
    bool session_open;
    ExEntry *index;
    size_t nindex;
    ExHandle h;
    bool loaded;
    const ExEntry *entry;
    ExState st;
    char *work;   /* <profile>/work/ID.EXT */
    int64_t now;
} ExCli;

/* Opens the profile (for writing when `write`) and, when `id` is given, loads
 * that exercise, its state and its work-file name.  Returns 0 or an exit
 * status (the message printed); call excli_close either way. */
int excli_open(ExCli *c, const char *profile, const char *id, bool write);
void excli_close(ExCli *c);
const char *excli_profile_dir(const ExCli *c);
/* Saves the exercise state and, when `record`, the session (assessment
 * record); false (with a message) when anything could not be saved. */
bool excli_save(ExCli *c, bool record);
/* Adds the evidence (once, when the outcome is known) to the record. */
bool excli_record(ExCli *c);
/* Writes `text` to `path`, making its folder first. */
bool excli_write_file(const char *path, const char *text, Buf *err);
/* Copies the starter into the work file when there is none yet. */
bool excli_ensure_work(ExCli *c, bool *created);
/* Prints `text` line by line after `prefix`. */
void excli_indent(const char *text, const char *prefix);
/* "ch02#cycles" as the command that shows it: "pydive render chapter:2:cycles". */
void excli_print_read_link(const char *link);
/* Prose as the learner reads it: lesson links as "§2.3 Cycles", markers
 * dropped (a static buffer: valid until the next call). */
const char *excli_prose(const char *text);
/* The program with line numbers. */
void excli_print_program(const char *program);

/* `pydive exercise show ID` (cmd_exercise_show.c). */
int exercise_show(ExCli *c, const char *id, bool flag);

#endif
