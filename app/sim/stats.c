/*
 * stats: formats the heap as `sys._debugmallocstats()` does
 * (_PyObject_DebugMallocStats, printone, _PyDebugAllocatorStats in
 * Objects/obmalloc.c; layout checked against oracle/measured a0 output),
 * plus snapshots for views and --json.
 */
#include "sim/stats.h"
#include "sim/internal.h"

#include <stdio.h>
#include <string.h>

#include "sim/gc.h"

static void commas(char *out, size_t cap, uint64_t v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
    size_t j = 0;
    for (int i = 0; i < n && j + 2 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[j++] = ',';
        out[j++] = tmp[i];
    }
    out[j] = '\0';
}

static void printone(Buf *b, const char *label, uint64_t v)
{
    char num[40];
    commas(num, sizeof num, v);
    buf_printf(b, "%-35s= %20s\n", label, num);
}

static void freelist_line(Buf *b, unsigned n, const char *name, unsigned size)
{
    char left[96];
    snprintf(left, sizeof left, "%u free %s * %u bytes each", n, name, size);
    char num[40];
    commas(num, sizeof num, (uint64_t)n * size);
    buf_printf(b, "%48s = %20s\n", left, num);
}

void sim_debugmallocstats(const Sim *s, Buf *b)
{
    PmStats st;
    pm_stats(&s->pm, &st);
    uint32_t pool = s->pm.pool_size, arena = s->pm.arena_size;
    buf_printf(b, "Small block threshold = %d, in %d size classes.\n\n", PM_SMALL_REQUEST,
               PM_NCLASSES);
    buf_adds(b, "class   size   num pools   blocks in use  avail blocks\n");
    buf_adds(b, "-----   ----   ---------   -------------  ------------\n");
    for (unsigned c = 0; c < PM_NCLASSES; c++) {
        if (!st.pools[c])
            continue;
        buf_printf(b, "%5u %6u %11u %15llu %13llu\n", c, pm_class_size(c), st.pools[c],
                   (unsigned long long)st.in_use[c], (unsigned long long)st.avail[c]);
    }
    buf_addc(b, '\n');
    printone(b, "# arenas allocated total", st.arenas_total);
    printone(b, "# arenas reclaimed", st.arenas_reclaimed);
    printone(b, "# arenas highwater mark", st.arenas_highwater);
    printone(b, "# arenas allocated current", st.arenas_current);
    char label[80];
    snprintf(label, sizeof label, "%llu arenas * %u bytes/arena",
             (unsigned long long)st.arenas_current, arena);
    printone(b, label, st.arenas_current * arena);
    buf_addc(b, '\n');
    printone(b, "# bytes in allocated blocks", st.bytes_allocated);
    printone(b, "# bytes in available blocks", st.bytes_available);
    snprintf(label, sizeof label, "%llu unused pools * %u bytes",
             (unsigned long long)st.unused_pools, pool);
    printone(b, label, st.unused_pools * pool);
    printone(b, "# bytes lost to pool headers", st.bytes_pool_headers);
    printone(b, "# bytes lost to quantization", st.bytes_quantization);
    printone(b, "# bytes lost to arena alignment", st.unaligned_arenas * pool);
    printone(b, "Total", st.arenas_current * arena);
    buf_adds(b, "\narena map counts\n");
    printone(b, "# arena map mid nodes", 1);
    printone(b, "# arena map bot nodes", 1);
    buf_addc(b, '\n');
    printone(b, "# bytes lost to arena map root", 262144);
    printone(b, "# bytes lost to arena map mid", 262144);
    printone(b, "# bytes lost to arena map bot", 131072);
    printone(b, "Total", 655360);
    buf_addc(b, '\n');
    freelist_line(b, s->fl_dict.n, "PyDictObjects", 48);
    if (s->prof->dict_keys_freelist_shown)
        freelist_line(b, s->fl_keys.n, "PyDictKeysObjects", 32);
    freelist_line(b, s->fl_float.n, "PyFloatObjects", 24);
    freelist_line(b, s->fl_list.n, "PyListObjects", 40);
    for (unsigned n = 1; n < SIM_TUPLE_MAXSAVE; n++) {
        char name[48];
        snprintf(name, sizeof name, "%u-sized PyTupleObjects", n);
        freelist_line(b, s->fl_tuple[n].n, name, 24 + 8 * n);
    }
}

void sim_snapshot(const Sim *s, SimSnapshot *o)
{
    memset(o, 0, sizeof *o);
    pm_stats(&s->pm, &o->pm);
    for (uint32_t id = 1; id < s->nobj; id++) {
        uint8_t k = s->obj[id].kind;
        if (k != SK_FREE && k != SK_SENTINEL) {
            o->objects_by_kind[k]++;
            o->live_objects++;
        }
    }
    for (int g = 0; g < 3; g++) {
        o->gen_size[g] = gc_list_size(s, s->gc.gen[g].head);
        o->gen_count[g] = s->gc.gen[g].count;
        o->gen_threshold[g] = s->gc.gen[g].threshold;
        o->collections[g] = s->gc.collections[g];
        o->collected[g] = s->gc.collected[g];
    }
    o->permanent_size = gc_freeze_count(s);
    o->freelist_float = s->fl_float.n;
    o->freelist_list = s->fl_list.n;
    o->freelist_dict = s->fl_dict.n;
    for (unsigned n = 0; n < SIM_TUPLE_MAXSAVE; n++)
        o->freelist_tuple[n] = s->fl_tuple[n].n;
}

void sim_snapshot_json(const Sim *s, Buf *b)
{
    SimSnapshot sn;
    sim_snapshot(s, &sn);
    buf_printf(b, "{\"python\": \"%s\", \"arenas\": {\"current\": %llu, \"total\": %llu, "
                  "\"highwater\": %llu, \"unused_pools\": %llu}, \"size_classes\": [",
               s->prof->name, (unsigned long long)sn.pm.arenas_current,
               (unsigned long long)sn.pm.arenas_total, (unsigned long long)sn.pm.arenas_highwater,
               (unsigned long long)sn.pm.unused_pools);
    bool first = true;
    for (unsigned c = 0; c < PM_NCLASSES; c++) {
        if (!sn.pm.pools[c])
            continue;
        buf_printf(b, "%s{\"class\": %u, \"size\": %u, \"pools\": %u, \"in_use\": %llu, "
                      "\"avail\": %llu}",
                   first ? "" : ", ", c, pm_class_size(c), sn.pm.pools[c],
                   (unsigned long long)sn.pm.in_use[c], (unsigned long long)sn.pm.avail[c]);
        first = false;
    }
    buf_printf(b, "], \"raw_malloc\": {\"blocks\": %llu, \"bytes\": %llu}, \"objects\": {",
               (unsigned long long)sn.pm.raw_blocks, (unsigned long long)sn.pm.raw_bytes);
    first = true;
    for (unsigned k = SK_NONE; k < SK_COUNT; k++) {
        if (!sn.objects_by_kind[k])
            continue;
        buf_printf(b, "%s\"%s\": %llu", first ? "" : ", ", sim_kind_name((SimKind)k),
                   (unsigned long long)sn.objects_by_kind[k]);
        first = false;
    }
    buf_adds(b, "}, \"gc\": {\"generations\": [");
    for (int g = 0; g < 3; g++)
        buf_printf(b, "%s{\"objects\": %zu, \"count\": %d, \"threshold\": %d, "
                      "\"collections\": %llu, \"collected\": %llu}",
                   g ? ", " : "", sn.gen_size[g], sn.gen_count[g], sn.gen_threshold[g],
                   (unsigned long long)sn.collections[g], (unsigned long long)sn.collected[g]);
    buf_printf(b, "], \"permanent\": %zu}}\n", sn.permanent_size);
}

void sim_snapshot_text(const Sim *s, Buf *b)
{
    SimSnapshot sn;
    sim_snapshot(s, &sn);
    buf_printf(b, "== heap (python %s model) ==\n", s->prof->name);
    buf_printf(b, "arenas: %llu current, %llu allocated in total, highwater %llu, "
                  "%llu unused pools\n",
               (unsigned long long)sn.pm.arenas_current, (unsigned long long)sn.pm.arenas_total,
               (unsigned long long)sn.pm.arenas_highwater, (unsigned long long)sn.pm.unused_pools);
    buf_adds(b, "class  size  pools  in use  avail\n");
    for (unsigned c = 0; c < PM_NCLASSES; c++)
        if (sn.pm.pools[c])
            buf_printf(b, "%5u %5u %6u %7llu %6llu\n", c, pm_class_size(c), sn.pm.pools[c],
                       (unsigned long long)sn.pm.in_use[c], (unsigned long long)sn.pm.avail[c]);
    buf_printf(b, "system malloc: %llu blocks, %llu bytes\n",
               (unsigned long long)sn.pm.raw_blocks, (unsigned long long)sn.pm.raw_bytes);
    buf_adds(b, "objects by type:");
    for (unsigned k = SK_NONE; k < SK_COUNT; k++)
        if (sn.objects_by_kind[k])
            buf_printf(b, " %s=%llu", sim_kind_name((SimKind)k),
                       (unsigned long long)sn.objects_by_kind[k]);
    buf_adds(b, "\ngc generations:");
    for (int g = 0; g < 3; g++)
        buf_printf(b, " gen%d=%zu objects (count %d/%d, %llu collections)", g, sn.gen_size[g],
                   sn.gen_count[g], sn.gen_threshold[g], (unsigned long long)sn.collections[g]);
    buf_printf(b, "; permanent=%zu\n", sn.permanent_size);
}
