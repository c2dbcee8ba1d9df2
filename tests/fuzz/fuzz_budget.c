/*
 * fuzz_budget: libFuzzer target for the simulation's memory budget.  The
 * input picks a budget (1 MiB .. 64 GiB) and a host limit, then a list of
 * requests with sizes up to 2^64 (strings, bytes, bytearrays, lists, tuples,
 * dicts, sets, resizes, appends) and, last, a Python program that asks for a
 * huge value through pyrun.  Every request must be granted or refused
 * (MemoryError), never crash, never write past a payload, and the modelled
 * address space must never pass the budget it was given.
 * Not built by `make test`; build and run with tests/fuzz/run.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/pyrun.h"
#include "sim/profile.h"
#include "sim/sim.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct BudgetIn {
    const uint8_t *p;
    size_t n;
} BudgetIn;

static uint64_t budget_take(BudgetIn *in, unsigned bytes)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes && in->n > 0; i++, in->p++, in->n--)
        v = v << 8 | *in->p;
    return v;
}

/* A size that is often huge: a power of two near 2^k, or a small count. */
static uint64_t budget_size(BudgetIn *in)
{
    uint64_t k = budget_take(in, 1);
    uint64_t low = budget_take(in, 2);
    if (k < 64)
        return ((uint64_t)1 << k) + (low & 0xff) - 128;
    return low % 4096;
}

static void budget_sink(void *ctx, int stream, const char *text, size_t n)
{
    (void)ctx, (void)stream, (void)text, (void)n;
}

static void budget_check(const Sim *s, uint64_t limit)
{
    if (pm_mapped(&s->pm) > limit && pm_mapped(&s->pm) > SIM_DEFAULT_MEMORY / 1024)
        abort(); /* granted past the budget */
}

static void budget_ops(Sim *s, BudgetIn *in, uint64_t limit)
{
    static const uint8_t zeros[4096];
    SimId keep[64] = {0};
    unsigned nkeep = 0;
    for (int step = 0; step < 48 && in->n > 0; step++) {
        unsigned op = (unsigned)budget_take(in, 1) % 11;
        uint64_t n = budget_size(in);
        SimId r = 0;
        SimId last = nkeep ? keep[(nkeep - 1) % 64] : 0;
        switch (op) {
        case 0: r = sim_bytes(s, NULL, (size_t)n); break;
        case 1: r = sim_bytearray(s, NULL, (size_t)n); break;
        case 2: r = sim_list(s, (size_t)n); break;
        case 3: r = sim_tuple(s, (size_t)n); break;
        case 4: r = sim_str(s, (const char *)zeros, n < sizeof zeros ? (size_t)n : sizeof zeros); break;
        case 5: r = sim_dict_presized(s, (size_t)n, n & 1); break;
        case 6:
            r = sim_set(s);
            sim_set_presize(s, r, (size_t)n);
            break;
        case 7:
            if (last && sim_kind(s, last) == SK_LIST)
                sim_list_reserve_exact(s, last, (size_t)n);
            break;
        case 8:
            if (last && sim_kind(s, last) == SK_LIST && n % 100000 > sim_obj(s, last)->len &&
                sim_list_resize(s, last, (size_t)n % 100000))
                for (uint32_t i = 0; i < sim_obj(s, last)->len; i++)
                    if (!sim_items(s, last)[i])
                        sim_items(s, last)[i] = sim_none(s);
            break;
        case 9:
            if (last && sim_kind(s, last) == SK_BYTEARRAY)
                sim_bytearray_resize(s, last, (size_t)n);
            break;
        default:
            if (last && sim_kind(s, last) == SK_LIST)
                for (uint64_t i = 0; i < n % 5000; i++)
                    sim_list_append(s, last, sim_int(s, (int64_t)i * 1000));
            break;
        }
        if (r && (sim_kind(s, r) == SK_LIST || sim_kind(s, r) == SK_TUPLE)) {
            /* a granted payload is writable: its first and last 4,096 slots are
             * written (all of them took 10 s for 2^24 slots under ASan, a harness
             * timeout, not a fault; the rest stay empty, which dealloc skips) */
            uint32_t len = sim_obj(s, r)->len;
            for (uint32_t i = 0; i < len; i = i == 4095 && len > 8192 ? len - 4096 : i + 1)
                sim_items(s, r)[i] = sim_none(s);
        }
        if (r) {
            if (nkeep >= 64)
                sim_decref(s, keep[nkeep % 64]);
            keep[nkeep++ % 64] = r;
        }
        budget_check(s, limit);
        sim_take_nomem(s);
    }
    for (unsigned i = 0; i < nkeep && i < 64; i++)
        sim_decref(s, keep[i]);
}

static void budget_program(Sim *s, BudgetIn *in)
{
    /* each program: text before the size, the size, text after it */
    static const char *forms[][2] = {
        {"x = bytes(", ")\n"}, {"x = bytearray(", ")\n"}, {"x = list(range(", "))\n"},
        {"x = 'ab' * ", "\n"}, {"x = [None] * ", "\n"}, {"x = f'{1:>", "}'\n"},
        {"x = tuple(range(", "))\n"}, {"x = set(range(", "))\n"},
        {"x = ' '.join(['a' * 1000] * ", ")\n"},
        {"x = 'a'\nfor i in range(", "):\n    x = x + x\n"},
        {"try:\n    x = bytes(", ")\nexcept MemoryError:\n    x = b''\nprint(len(x))\n"},
    };
    unsigned f = (unsigned)budget_take(in, 1) % (sizeof forms / sizeof forms[0]);
    unsigned long long n = budget_size(in);
    char src[256];
    snprintf(src, sizeof src, "%s%llu%s", forms[f][0], n, forms[f][1]);
    PyRun *run = py_new(s, src, strlen(src), "budget.py", budget_sink, NULL);
    py_set_step_limit(run, 200000);
    py_run(run);
    py_free(run);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1024)
        return 0;
    BudgetIn in = {data, size};
    uint64_t limit = (uint64_t)1 << (20 + budget_take(&in, 1) % 17); /* 1 MiB .. 64 GiB */
    Sim *sim = sim_new(sim_profile_find(budget_take(&in, 1) & 1 ? "3.11" : "3.13"));
    sim_set_memory_limit(sim, limit);
    sim_set_host_limit(sim, (uint64_t)256 << 20); /* the fuzzer's own RSS stays small */
    budget_ops(sim, &in, limit);
    budget_program(sim, &in);
    budget_check(sim, limit);
    sim_free(sim);
    return 0;
}
