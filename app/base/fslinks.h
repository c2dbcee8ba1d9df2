/*
 * fslinks: symbolic links that lead out of a folder.
 *
 * A workshop pack is a folder of files copied from someone else.  A link in
 * it (lessons/01.yaml -> /etc/passwd, exercises -> ~/.ssh) would make pydive
 * read, and quote in its error messages, files that are not part of the pack.
 * Packs are checked with this before anything in them is read (issue 20).
 */
#ifndef PYDIVE_BASE_FSLINKS_H
#define PYDIVE_BASE_FSLINKS_H

#include <stdbool.h>

#include "base/buf.h"

#define FSLINKS_MAX_ENTRIES 20000 /* a pack holds far fewer files */
#define FSLINKS_MAX_DEPTH 16

/* Walks `root` without following links and checks that every symbolic link
 * resolves to a path inside root (a link that resolves nowhere is left for
 * the reader to report).  False when one leaves: *where gets the link's path
 * (root joined with its place inside) and *err one sentence that names no
 * target and quotes nothing of it.  Also false when root cannot be read or
 * holds more than FSLINKS_MAX_ENTRIES entries or FSLINKS_MAX_DEPTH levels of
 * folders (*where is then the folder). */
bool dir_links_stay_inside(const char *root, Buf *where, Buf *err);

/* The entries of a content folder pydive reads: lessons/, exercises/,
 * assessments/, assets/ and workshop.yaml (NULL-terminated). */
extern const char *const FSLINKS_CONTENT_PARTS[];

/* As dir_links_stay_inside, over only the FSLINKS_CONTENT_PARTS of root
 * (each checked itself, as a link, and walked when a folder; a missing one
 * is fine).  What else root holds is never read as content, so it is not
 * walked: in a source checkout that is build/ and tests/, thousands of
 * files. */
bool content_links_stay_inside(const char *root, Buf *where, Buf *err);

#endif
