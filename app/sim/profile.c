/*
 * profile: the table of version profiles.
 *
 * Startup tables come from oracle/measured/out/<ver>/a0_startup_debugmallocstats.txt
 * (python -S -s, ASLR off), except 3.11's: sys._debugmallocstats() at the start of a
 * program run as learners run it (`python3.11 FILE.py`, site imported; 3.11.7, env -i,
 * ASLR off), with which arena-playground ends, as on CPython, with 9 arenas, 303 pools
 * and 2,025 blocks of 96 bytes in use (tests/oracle/startup/).  GC thresholds: gcmodule.c 3.11.2 and
 * pycore_runtime_init.h 3.12.1 / 3.13.0.  Immortal refcounts: object.h 3.12.1,
 * 3.13.0; refcount.h (3.14 line) `_Py_IMMORTAL_INITIAL_REFCNT`.
 */
#include "sim/profile.h"

#include <string.h>

#define KIB 1024u
#define MIB (1024u * 1024u)

/* 3.13.0's measured start-up pools per size class; 3.13t and 3.14 have no
 * measurement of their own yet and start from the same heap. */
#define STARTUP_313                                                                        \
    {{1, 66}, {2, 923}, {16, 5242}, {36, 9064}, {26, 5195}, {6, 890}, {4, 487}, {5, 590},  \
     {2, 151}, {16, 1578}, {2, 121}, {1, 84}, {4, 297}, {4, 252}, {3, 165}, {5, 266},      \
     {4, 180}, {5, 232}, {2, 101}, {3, 104}, {2, 91}, {2, 84}, {2, 60}, {2, 59},           \
     {5, 182}, {2, 44}, {2, 40}, {1, 32}, {2, 37}, {1, 32}, {2, 38}, {2, 41}}

static const SimProfile profiles[] = {
    {
        .name = "3.11", .measured = "3.11.7", .version = SIM_V311,
        .arena_size = MIB, .pool_size = 16 * KIB, .keep_one_empty_arena = true,
        .startup_arenas = 4, .startup_unaligned = 3,
        .startup = {{1, 108}, {3, 1150}, {13, 4188}, {50, 12596}, {37, 7443}, {9, 1525},
                    {6, 730}, {10, 1187}, {3, 266}, {27, 2686}, {3, 195}, {3, 215},
                    {7, 504}, {7, 465}, {6, 380}, {5, 267}, {5, 246}, {4, 191},
                    {3, 131}, {3, 102}, {3, 106}, {2, 88}, {3, 90}, {2, 71},
                    {6, 237}, {2, 63}, {2, 45}, {2, 41}, {2, 43}, {2, 38},
                    {2, 34}, {2, 50}},
        .startup_freelist = {6, 4, 22},
        .threshold = {700, 10, 10}, .gc_in_alloc = true,
        .startup_gc_count0 = 455, .startup_gc_count1 = 6, .startup_tracked = 3966,
        .startup_untrack = {34, 1}, .clinic_kwtuple_lazy = true,
        .immortal_refcnt = 0, .interned_immortal = false, .static_refcnt = 999999999,
        .none_refcnt = 3776, .true_refcnt = 21, .false_refcnt = 56, .ellipsis_refcnt = 3,
        .str_header = 48, .str_compact_header = 72, .instance_size = 56,
    },
    {
        .name = "3.12", .measured = "3.12.1", .version = SIM_V312,
        .arena_size = MIB, .pool_size = 16 * KIB, .keep_one_empty_arena = true,
        .startup_arenas = 3, .startup_unaligned = 3,
        .startup = {{1, 66}, {2, 802}, {12, 4017}, {29, 7140}, {23, 4568}, {4, 650},
                    {3, 320}, {4, 497}, {2, 115}, {15, 1474}, {2, 88}, {1, 57},
                    {4, 238}, {3, 209}, {3, 138}, {3, 187}, {4, 192}, {3, 110},
                    {1, 52}, {2, 62}, {2, 59}, {1, 44}, {1, 32}, {1, 32},
                    {4, 153}, {1, 24}, {1, 26}, {1, 31}, {1, 34}, {1, 15},
                    {1, 16}, {2, 34}},
        .startup_freelist = {6, 4, 24},
        .threshold = {700, 10, 10}, .gc_in_alloc = false,
        .startup_gc_count0 = 522, .startup_gc_count1 = 3, .startup_tracked = 4189,
        .startup_untrack = {33, 1},
        .startup_frozen = 375, .call_ex_inline = true, .property_specializes = true,
        .immortal_refcnt = 4294967295LL, .interned_immortal = true, .static_refcnt = 0,
        .str_header = 40, .str_compact_header = 56, .instance_size = 48,
    },
    {
        .name = "3.13", .measured = "3.13.0", .version = SIM_V313,
        .arena_size = MIB, .pool_size = 16 * KIB, .keep_one_empty_arena = true,
        .startup_arenas = 3, .startup_unaligned = 3,
        .startup = STARTUP_313,
        .startup_freelist = {6, 4, 24},
        .threshold = {2000, 10, 10}, .gc_in_alloc = false,
        .startup_gc_count0 = 526, .startup_gc_count1 = 2, .startup_tracked = 4301,
        .startup_untrack = {102, 2}, .str_vectorcall = true,
        .inline_values = true, .call_ex_inline = true, .property_specializes = true, .extend_dict_resizes = true,
        .immortal_refcnt = 4294967295LL, .interned_immortal = false, .static_refcnt = 0,
        .str_header = 40, .str_compact_header = 56, .instance_size = 48,
        .dict_keys_freelist_shown = true,
    },
    {
        .name = "3.13t", .measured = "source only (PEP 703, 3.13.0 headers)",
        .version = SIM_V313T,
        .partial_note = "3.13t is partly modelled: mimalloc and biased reference "
                        "counting are not simulated; pymalloc, the generational "
                        "collector and 3.13 sizes stand in for them",
        .arena_size = MIB, .pool_size = 16 * KIB, .keep_one_empty_arena = true,
        .startup_arenas = 3, .startup_unaligned = 3,
        .startup = STARTUP_313,
        .startup_freelist = {6, 4, 24},
        .threshold = {2000, 10, 10}, .gc_in_alloc = false,
        .startup_gc_count0 = 526, .startup_gc_count1 = 2, .startup_tracked = 4262,
        .call_ex_inline = true, .property_specializes = true, .extend_dict_resizes = true,
        .immortal_refcnt = 4294967295LL, .interned_immortal = false, .static_refcnt = 0,
        .str_header = 40, .str_compact_header = 56, .instance_size = 48,
        .dict_keys_freelist_shown = true,
    },
    {
        .name = "3.14", .measured = "source only (main-branch snapshots)",
        .version = SIM_V314,
        .partial_note = "3.14 is partly modelled: immortal refcount 3221225472 "
                        "(refcount.h) and thresholds (2000, 10, 0) are used, but the "
                        "incremental collector and stack-borrowed references are not",
        .arena_size = MIB, .pool_size = 16 * KIB, .keep_one_empty_arena = true,
        .startup_arenas = 3, .startup_unaligned = 3,
        .startup = STARTUP_313,
        .startup_freelist = {6, 4, 24},
        .threshold = {2000, 10, 0}, .gc_in_alloc = false,
        .startup_gc_count0 = 526, .startup_gc_count1 = 2, .startup_tracked = 4262,
        .call_ex_inline = true, .property_specializes = true, .extend_dict_resizes = true,
        .immortal_refcnt = 3221225472LL, .interned_immortal = false, .static_refcnt = 0,
        .str_header = 40, .str_compact_header = 56, .instance_size = 48,
        .dict_keys_freelist_shown = true,
    },
};

#define NPROFILES (sizeof profiles / sizeof profiles[0])

const SimProfile *sim_profile_find(const char *name)
{
    for (unsigned i = 0; i < NPROFILES; i++)
        if (strcmp(profiles[i].name, name) == 0)
            return &profiles[i];
    return NULL;
}

const SimProfile *sim_profile_default(void)
{
    /* 3.11: the course's reference interpreter, the one every exercise's
     * figures were checked against; `pydive run` and the exercises agree */
    return &profiles[0];
}

const char *sim_profile_names(void)
{
    return "3.11, 3.12, 3.13, 3.13t, 3.14";
}
