/*
 * profile: the table of version profiles.
 *
 * Start-up heaps: sys._debugmallocstats() at the start of a program run as learners
 * run it (`python3.X FILE.py`, site imported; 3.11.7, 3.12.1, 3.13.0, env -i, ASLR
 * off; tests/oracle/startup/record.sh): 4 arenas on 3.11 (three of them holding 63
 * pools), 2 on 3.12 and 3.13 (both of 63), with which arena-playground ends, as on
 * CPython, with 9 arenas, 303 pools and 2,025 blocks of 96 bytes in use on 3.11.
 * (oracle/measured's a0 tables, taken under the measuring harness, held twice
 * the blocks and made the 3.12/3.13 profiles start one arena high.)  GC thresholds: gcmodule.c 3.11.2 and
 * pycore_runtime_init.h 3.12.1 / 3.13.0.  Immortal refcounts: object.h 3.12.1,
 * 3.13.0; refcount.h (3.14 line) `_Py_IMMORTAL_INITIAL_REFCNT`.
 */
#include "sim/profile.h"

#include <string.h>

#define KIB 1024u
#define MIB (1024u * 1024u)

/* 3.13.0's measured start-up pools per size class (as 3.11's: site imported,
 * env -i, ASLR off); 3.13t and 3.14 have no measurement of their own yet and
 * start from the same heap. */
#define STARTUP_313                                                                        \
    {{1, 29}, {2, 596}, {9, 2864}, {21, 5228}, {18, 3635}, {3, 420}, {2, 215}, {3, 348},  \
     {1, 65}, {8, 713}, {1, 61}, {1, 46}, {3, 175}, {3, 170}, {2, 84}, {2, 101},          \
     {2, 74}, {2, 60}, {1, 44}, {2, 61}, {1, 33}, {1, 31}, {1, 28}, {1, 18},              \
     {4, 124}, {1, 14}, {1, 14}, {1, 13}, {1, 17}, {1, 14}, {1, 10}, {1, 18}}

/* The 1-character strings CPython has already interned as static objects of
 * their own (3.11's deep-frozen modules' and _Py_ID strings, 3.12's _Py_ID
 * strings) when the program's code is compiled, so that its constant 'a' is
 * not chr(97); 3.13 interns the latin-1 singleton itself.  Measured: for every
 * c < 256, whether exec("x = " + repr(c)) binds chr(ord(c)) (3.11.7, 3.12.1,
 * 3.13.0, -S and with site alike). */
#define CHAR1_INTERNED_311 "BCLST_abcdefhijklmnopqrstvwxy"
#define CHAR1_INTERNED_312 "_abcdenprsx"

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
        .char1_interned = CHAR1_INTERNED_311,
        .none_refcnt = 3776, .true_refcnt = 21, .false_refcnt = 56, .ellipsis_refcnt = 3,
        .str_header = 48, .str_compact_header = 72, .instance_size = 56,
    },
    {
        .name = "3.12", .measured = "3.12.1", .version = SIM_V312,
        .arena_size = MIB, .pool_size = 16 * KIB, .keep_one_empty_arena = true,
        .startup_arenas = 2, .startup_unaligned = 2,
        .startup = {{1, 29}, {1, 493}, {5, 1431}, {13, 3251}, {15, 2971}, {1, 145},
                    {1, 41}, {2, 245}, {1, 11}, {7, 631}, {1, 15}, {1, 14},
                    {2, 111}, {2, 91}, {1, 14}, {1, 19}, {1, 22}, {1, 5},
                    {1, 4}, {1, 2}, {1, 2}, {1, 5}, {0, 0}, {1, 1},
                    {3, 86}, {1, 2}, {1, 1}, {1, 2}, {1, 6}, {1, 4},
                    {1, 1}, {1, 14}},
        .startup_freelist = {6, 4, 24},
        .threshold = {700, 10, 10}, .gc_in_alloc = false,
        .startup_gc_count0 = 522, .startup_gc_count1 = 3, .startup_tracked = 4189,
        .startup_untrack = {33, 1},
        .startup_frozen = 375, .call_ex_inline = true, .property_specializes = true,
        .immortal_refcnt = 4294967295LL, .interned_immortal = true, .static_refcnt = 0,
        .char1_interned = CHAR1_INTERNED_312,
        .str_header = 40, .str_compact_header = 56, .instance_size = 48,
    },
    {
        .name = "3.13", .measured = "3.13.0", .version = SIM_V313,
        .arena_size = MIB, .pool_size = 16 * KIB, .keep_one_empty_arena = true,
        .startup_arenas = 2, .startup_unaligned = 2,
        .startup = STARTUP_313,
        .startup_freelist = {6, 4, 24},
        .threshold = {2000, 10, 10}, .gc_in_alloc = false,
        .startup_gc_count0 = 526, .startup_gc_count1 = 2, .startup_tracked = 4301,
        .startup_untrack = {102, 2}, .str_vectorcall = true,
        .inline_values = true, .call_ex_inline = true, .property_specializes = true, .extend_dict_resizes = true,
        .immortal_refcnt = 4294967295LL, .interned_immortal = false, .names_immortal = true, .static_refcnt = 0,
        .str_header = 40, .str_compact_header = 56, .instance_size = 48,
        .dict_keys_freelist_shown = true,
    },
    {
        .name = "3.13t", .measured = "source only (PEP 703, 3.13.0 headers)",
        .version = SIM_V313T,
        .partial_note = "3.13t is partly modelled: threads run at once on simulated "
                        "cores with biased reference counting's estimated costs, but "
                        "mimalloc and the free-threaded object header are not "
                        "simulated; pymalloc, the generational collector and 3.13 "
                        "sizes stand in for them",
        .arena_size = MIB, .pool_size = 16 * KIB, .keep_one_empty_arena = true,
        .startup_arenas = 2, .startup_unaligned = 2,
        .startup = STARTUP_313,
        .startup_freelist = {6, 4, 24},
        .threshold = {2000, 10, 10}, .gc_in_alloc = false,
        .startup_gc_count0 = 526, .startup_gc_count1 = 2, .startup_tracked = 4262,
        .call_ex_inline = true, .property_specializes = true, .extend_dict_resizes = true,
        .immortal_refcnt = 4294967295LL, .interned_immortal = false, .names_immortal = true, .static_refcnt = 0,
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
        .startup_arenas = 2, .startup_unaligned = 2,
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
