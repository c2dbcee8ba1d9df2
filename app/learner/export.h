/*
 * export: a learner's whole record — progress and assessment record — as one
 * portable, versioned file with an integrity checksum, in YAML, JSON or CSV,
 * and read back from any of the three.  The format is docs/EXPORT.md.
 *
 * Every format ends with a checksum line: "sha256:" and the SHA-256 (FIPS
 * 180-4, base/sha256.h) of every byte of the file before that line.  So a
 * flipped byte, a cut or an edit anywhere is caught; the checksum guards
 * against accidents, not against someone who recomputes it.
 *
 * Reading is strict, in this order: the syntax of the format, the export
 * version (a newer one is refused with its own message), the checksum, then
 * every field (all keys known and required, as in the profile files).
 */
#ifndef PYDIVE_LEARNER_EXPORT_H
#define PYDIVE_LEARNER_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/sha256.h"
#include "learner/assess_log.h"
#include "learner/progress.h"

#define EXPORT_VERSION 1
#define EXPORT_FORMAT_NAME "pydive-export"
#define EXPORT_FILE_MAX (16 * 1024 * 1024) /* bytes; larger files are refused */

typedef enum ExportFormat { EXPORT_YAML, EXPORT_JSON, EXPORT_CSV } ExportFormat;

typedef enum ExportStatus {
    EXPORT_OK,
    EXPORT_DAMAGED,  /* not an export, cut short, or a field is wrong */
    EXPORT_TAMPERED, /* the checksum is missing or does not match */
    EXPORT_FUTURE,   /* written by a newer pydive (a higher export version) */
} ExportStatus;

typedef struct Export {
    int version;        /* EXPORT_VERSION when written by this pydive */
    char *profile;      /* the learner's profile name */
    int64_t exported;   /* Unix seconds */
    char *course;       /* the course title; NULL when unknown */
    char *pack;         /* the workshop pack's id; NULL = the shipped course */
    int pack_version;   /* the pack's version; 0 without a pack */
    Progress progress;  /* owned */
    AssessLog log;      /* owned */
    char checksum[SHA256_HEX]; /* hex digest, filled by export_write / export_read */
} Export;

/* An empty export for `profile` (NULL allowed while reading). */
void export_init(Export *e, const char *profile);
void export_fini(Export *e);

/* Writes *e in `format` to *out (replacing it) and stores the checksum in
 * e->checksum.  Deterministic: the same record gives the same bytes. */
void export_write(Export *e, ExportFormat format, Buf *out);

/* Reads an export in any of the formats (told apart by their first bytes).
 * On anything but EXPORT_OK, *diags says why with file:line:col where there
 * is one, and *out is an empty export (always export_fini it). */
ExportStatus export_read(const char *text, size_t len, const char *file, Export *out,
                         DiagList *diags);

bool export_format_parse(const char *name, ExportFormat *out);
const char *export_format_name(ExportFormat f);
/* One line for a learner: "damaged", "changed after export (checksum)" ... */
const char *export_status_text(ExportStatus s);

/* ---- internal to export*.c ----------------------------------------------- */
/* The CSV half (export_csv.c). */
void export_write_csv(const Export *e, Buf *out);
/* Reads a CSV export: version, then checksum (export_verify), then rows. */
ExportStatus export_read_csv(const char *text, size_t len, const char *file, Export *out,
                             DiagList *diags);
/* Compares the digest of text[0..body) with `sum` (hex), storing the digest
 * in out->checksum; EXPORT_TAMPERED with a diagnostic when they differ. */
ExportStatus export_verify(const char *text, size_t body, const char *sum, const char *file,
                           Export *out, DiagList *diags);
/* The digest of text[0..len) as hex. */
void export_digest(const char *text, size_t len, char out[SHA256_HEX]);

#endif
