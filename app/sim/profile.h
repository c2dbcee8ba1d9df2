/*
 * profile: the CPython versions the model can imitate, and every constant
 * or rule that differs between them.
 *
 * A SimProfile is immutable data.  Each field names the CPython fact it
 * encodes (see shared/reference/cpython-internals.md for the sources); the
 * heap, the allocator and the collector read these fields instead of testing
 * version numbers, so a new profile is a new table row.  Profiles that are
 * only partly modelled say so in `partial_note`.
 */
#ifndef PYDIVE_SIM_PROFILE_H
#define PYDIVE_SIM_PROFILE_H

#include <stdbool.h>
#include <stdint.h>

typedef enum SimVersion { SIM_V311, SIM_V312, SIM_V313, SIM_V313T, SIM_V314 } SimVersion;

/* One row of the startup `sys._debugmallocstats()` table: pools holding
 * blocks of this class and blocks in use, as measured right after
 * `python -S -s` started (oracle/measured/out/<ver>/a0_*). */
typedef struct SimStartupClass {
    uint16_t pools;
    uint32_t in_use;
} SimStartupClass;

typedef struct SimProfile {
    const char *name;         /* "3.11", as given to --python */
    const char *measured;     /* the interpreter the numbers come from */
    SimVersion version;
    const char *partial_note; /* NULL when fully modelled */

    /* pymalloc (obmalloc.c / pycore_obmalloc.h) */
    uint32_t arena_size;        /* ARENA_SIZE: 1 MiB since 3.10 */
    uint32_t pool_size;         /* POOL_SIZE: 16 KiB with the radix tree */
    bool keep_one_empty_arena;  /* bpo-37257, 3.9+ */
    uint8_t startup_arenas;     /* arenas mapped before the program runs */
    uint8_t startup_unaligned;  /* how many of them hold 63 pools, not 64 */
    SimStartupClass startup[32];
    uint16_t startup_freelist[3]; /* dict, float, list objects parked at start */

    /* cyclic GC (gcmodule.c 3.11, gc.c 3.13) */
    int threshold[3];            /* (700,10,10); 3.13: (2000,10,10) */
    bool gc_in_alloc;            /* 3.11: collect inside the allocation; 3.12+: eval breaker */
    uint32_t startup_gc_count0;  /* count0 when the program's first line runs */
    uint32_t startup_gc_count1;
    uint32_t startup_tracked;    /* tracked objects of the interpreter itself */
    uint32_t startup_frozen;     /* gc.get_freeze_count() at start (3.12: 375) */
    /* interpreter objects the program's first and second full collections
     * untrack (tuples of atoms, then tuples holding only those, one level per
     * collection; dicts of atoms) */
    uint16_t startup_untrack[2];
    bool clinic_kwtuple_lazy;
    bool str_vectorcall;
    bool extend_dict_resizes;    /* 3.13: list.extend of a dict, set or dict view into an empty
                                  * list over-allocates (list_resize), not exactly */
    bool property_specializes;   /* 3.12+: from its second run, a LOAD_ATTR that reads a
                                  * property enters the getter inline (LOAD_ATTR_PROPERTY),
                                  * the owner's stack reference moving into its frame */
    bool call_ex_inline;         /* 3.12+: f(*a, **k) of a Python function pushes its frame
                                  * inline and drops the tuple and dict before the body runs */
    bool inline_values;          /* 3.13: instance attributes stay inline after __dict__ is made */         /* 3.13: str(x) makes no argument tuple (measured) */    /* 3.11: a clinic parser builds its keyword tuple on first use */

    /* reference counts */
    int64_t immortal_refcnt;     /* 0 before PEP 683; else what getrefcount reports */
    bool interned_immortal;      /* 3.12: every interned str is immortal */
    bool names_immortal;         /* 3.13: the names a code object uses (co_names, its
                                  * variables) are interned immortal (measured) */
    int64_t static_refcnt;       /* 3.11: static objects start at 999999999 */
    const char *char1_interned;  /* 3.11, 3.12: the 1-character strings whose interned
                                  * object (code constants and names, sys.intern) is a
                                  * static str apart from the latin-1 singleton */
    int64_t none_refcnt, true_refcnt, false_refcnt; /* 3.11 counts at first line */
    int64_t ellipsis_refcnt;     /* 3.11: Ellipsis is static but counted (measured) */

    /* object layout */
    uint16_t str_header;         /* sizeof(PyASCIIObject): 48 in 3.11, 40 in 3.12+ */
    uint16_t str_compact_header; /* sizeof(PyCompactUnicodeObject): 72 / 56 */
    uint16_t instance_size;      /* getsizeof(plain instance): 56 in 3.11, 48 in 3.12+ */
    bool dict_keys_freelist_shown; /* 3.13 reports PyDictKeysObjects */
} SimProfile;

/* Looks a profile up by its --python name ("3.11", "3.12", ...); NULL if
 * unknown.  The returned pointer is static. */
const SimProfile *sim_profile_find(const char *name);
/* The profile used when none is asked for, everywhere (run, render, the
 * exercises): 3.11, the course's reference version. */
const SimProfile *sim_profile_default(void);
/* Comma-separated list of accepted names, for usage messages. */
const char *sim_profile_names(void);

#endif
