/*
 * class_report: exported records collected from a room, taken in for one
 * report (`pydive class report`).  Pure bookkeeping over Export values; the
 * tables are drawn by app/cli/cmd_class.c with the course and assessments.
 *
 * Files are never merged blindly.  Each file ends in one state:
 *   CLASS_USED        read, verified, one learner of the report;
 *   CLASS_BAD         damaged, tampered (checksum) or from a newer pydive —
 *                     its ExportStatus and first diagnostic say which;
 *   CLASS_DUPLICATE   the same export as an earlier file (same checksum);
 *   CLASS_OTHER_PACK  made with another pack or pack version than the class
 *                     (the one asked for, else the one most files share).
 * Two different files with one profile name stay two learners, labelled
 * "name (file)", with a note: they may be two people on two laptops with the
 * same login; if they are one learner, `pydive import` merges them first.
 */
#ifndef PYDIVE_LEARNER_CLASS_REPORT_H
#define PYDIVE_LEARNER_CLASS_REPORT_H

#include <stddef.h>

#include "learner/export.h"

typedef enum ClassFileState { CLASS_USED, CLASS_BAD, CLASS_DUPLICATE, CLASS_OTHER_PACK } ClassFileState;

typedef struct ClassFile {
    char *path;
    ClassFileState state;
    ExportStatus status;
    char *detail;        /* why not used, or a note; NULL when none */
} ClassFile;

typedef struct ClassLearner {
    char *label;         /* profile name, made unique */
    size_t file;         /* index into files */
    Export ex;           /* owned */
} ClassLearner;

typedef struct ClassReport {
    ClassFile *files;
    size_t nfiles;
    ClassLearner *learners; /* by label after class_report_settle */
    size_t nlearners;
    char *pack;          /* the class's pack id (NULL = the shipped course) */
    int pack_version;
} ClassReport;

typedef struct MissedItem {
    char *item;
    int wrong;           /* wrong or partial answers, all learners */
    int answered;        /* answers, all learners */
    int learners;        /* learners with at least one wrong answer */
} MissedItem;

void class_report_init(ClassReport *r);
void class_report_fini(ClassReport *r);
/* Takes in one file's bytes (`path` names it in messages). */
void class_report_add(ClassReport *r, const char *path, const char *text, size_t len);
/* Records a file that could not be read at all (CLASS_BAD, `why`). */
void class_report_add_unreadable(ClassReport *r, const char *path, const char *why);
/* Settles the pack (`pack` NULL: the most common among the files) and the
 * labels; call once after the last add. */
void class_report_settle(ClassReport *r, const char *pack, int pack_version);
/* Items answered wrong at least once, most missed first; *out is malloc'ed,
 * free with class_missed_free. */
size_t class_missed_items(const ClassReport *r, MissedItem **out);
void class_missed_free(MissedItem *m, size_t n);
const char *class_file_state_name(ClassFileState s);

#endif
