/*
 * The memory chart's block maxima (program.c keeps the largest live and
 * held bytes of every MEM_BLOCK samples as the record grows, so a frame
 * reads n/MEM_BLOCK values): the chart drawn from them must be the chart
 * drawn from every sample, also after the record is cut by taking another
 * path from an earlier step.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "sim/profile.h"
#include "view/canvas.h"
#include "view/program.h"
#include "view/views.h"

/* Memory that rises, falls and rises again over a few hundred steps. */
static const char src[] = "keep = []\n"
                          "for i in range(120):\n"
                          "    keep.append(bytes(100 + i * 40))\n"
                          "    if i % 30 == 29:\n"
                          "        keep = []\n"
                          "done = 1\n";

/* Every complete block holds the largest of its samples. */
static void assert_blocks_current(const Program *p)
{
    for (size_t b = 0; (b + 1) * MEM_BLOCK <= p->nactions; b++) {
        uint64_t live = 0, held = 0;
        for (size_t i = b * MEM_BLOCK; i < (b + 1) * MEM_BLOCK; i++) {
            live = p->samples[i].live_bytes > live ? p->samples[i].live_bytes : live;
            held = p->samples[i].held_bytes > held ? p->samples[i].held_bytes : held;
        }
        assert_int_equal(p->sample_blocks[b].live_bytes, live);
        assert_int_equal(p->sample_blocks[b].held_bytes, held);
    }
}

/* The chart from the blocks and from every sample, at several sizes. */
static void assert_same_chart(const Program *p)
{
    static const int sizes[][2] = {{200, 60}, {80, 20}, {37, 9}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        Canvas *a = canvas_new(sizes[k][0], sizes[k][1], false);
        Canvas *b = canvas_new(sizes[k][0], sizes[k][1], false);
        Rect r = {0, 0, sizes[k][0], sizes[k][1]};
        view_memory_chart(p->samples, NULL, p->pos, a, r);
        view_memory_chart(p->samples, p->sample_blocks, p->pos, b, r);
        Buf ta = {0}, tb = {0};
        canvas_to_text(a, &ta);
        canvas_to_text(b, &tb);
        assert_string_equal(buf_str(&ta), buf_str(&tb));
        buf_fini(&ta), buf_fini(&tb);
        canvas_free(a), canvas_free(b);
    }
}

static void blocks_draw_the_chart_every_sample_draws(void **state)
{
    (void)state;
    Program p;
    program_init(&p, "blocks.py", src, strlen(src), sim_profile_find("3.11"));
    size_t steps = 0;
    while (program_step(&p)) {
        if (++steps % 37 == 0)
            assert_same_chart(&p);
    }
    assert_true(p.nactions > 4 * MEM_BLOCK); /* several blocks, or the test proves nothing */
    assert_blocks_current(&p);
    assert_same_chart(&p);

    /* Back to a step inside a block, then another path (a collection) from
     * there: the record is cut and its last block summed again. */
    size_t cut = 2 * MEM_BLOCK + 17;
    program_seek(&p, cut);
    assert_true(program_gc_phase(&p));
    assert_int_equal(p.nactions, cut + 1);
    assert_blocks_current(&p);
    while (program_step(&p))
        ;
    assert_blocks_current(&p);
    assert_same_chart(&p);
    program_fini(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blocks_draw_the_chart_every_sample_draws),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
