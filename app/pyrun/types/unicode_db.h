/*
 * unicode_db: what str's character methods know of a code point from U+0080
 * on, per profile (unicode_db.c, generated from the interpreters by
 * tests/tools/gen-unicode-db.py): the Unicode properties the is* methods
 * test and the full case mappings (one character, or up to three).
 */
#ifndef PYDIVE_PYRUN_TYPES_UNICODE_DB_H
#define PYDIVE_PYRUN_TYPES_UNICODE_DB_H

#include <stddef.h>
#include <stdint.h>

enum {
    UC_ALPHA = 1 << 0, UC_DECIMAL = 1 << 1, UC_DIGIT = 1 << 2, UC_NUMERIC = 1 << 3,
    UC_SPACE = 1 << 4, UC_UPPER = 1 << 5, UC_LOWER = 1 << 6, UC_TITLE = 1 << 7,
    UC_CASED = 1 << 8, UC_IGNORABLE = 1 << 9, UC_XID_START = 1 << 10, UC_XID_CONTINUE = 1 << 11,
};

/* A mapping: the character itself, the character moved by v, or text v */
enum { UC_SAME, UC_DELTA, UC_TEXT };
typedef struct UcMap {
    uint8_t kind;
    int32_t v;
} UcMap;

/* The maps, in this order */
enum { UC_TO_LOWER, UC_TO_UPPER, UC_TO_TITLE, UC_TO_FOLD };

typedef struct UcRecord {
    uint16_t flags;
    UcMap map[4];
} UcRecord;

typedef struct UcRange {
    uint32_t first, last;
    uint16_t record;
} UcRange;

typedef struct UcTable {
    const UcRange *base;
    size_t nbase;
    const UcRange *diff; /* where this profile's database differs from base */
    size_t ndiff;
} UcTable;

extern const UcRecord uc_records[];
extern const uint32_t uc_texts[][4]; /* up to three characters, then 0 */
extern const UcTable uc_tables[3];   /* 3.11, 3.12, 3.13 */

/* The record of c (c >= 0x80) in table t (0: 3.11, 1: 3.12, 2: 3.13) */
const UcRecord *uc_lookup(int t, uint32_t c);
/* c's full mapping `which` into out; returns its length (1 to 3) */
int uc_map(int t, uint32_t c, int which, uint32_t out[3]);

#endif
