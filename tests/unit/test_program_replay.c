/*
 * Step back on the program screen (issue 22, bugs 1 and 5): a replay must
 * draw, at every step, exactly the frame stepping forward drew, on a
 * program of a million objects; and the start-up arenas are on the map
 * from step 0.
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
#include "base/xalloc.h"
#include "view/app.h"
#include "view/canvas.h"
#include "view/keys.h"
#include "view/program.h"

#define W 100
#define H 30
#define NVIEWS 4

static const char *million =
    "import gc\n"
    "class Node:\n"
    "    def __del__(self):\n"
    "        print('bye', self.name)\n"
    "a = Node()\n"
    "a.name = 'a'\n"
    "b = Node()\n"
    "b.name = 'b'\n"
    "a.other = b\n"
    "b.other = a\n"
    "del a\n"
    "del b\n"
    "gc.collect()\n"
    "nums = list(range(1000000))\n"
    "total = len(nums)\n"
    "del nums\n"
    "more = [[i] for i in range(3000)]\n"
    "print(total, len(more))\n";

/* Calls, a closure's cell, recursion and a cycle made then dropped: the
 * graph's frames and locals, stepped back, must be those stepped forward. */
static const char *calls =
    "def make(n):\n"
    "    items = [n]\n"
    "    def inner(k):\n"
    "        items.append(k)\n"
    "        return len(items)\n"
    "    inner(n + 1)\n"
    "    return items\n"
    "def fact(n):\n"
    "    if n <= 1:\n"
    "        return 1\n"
    "    return n * fact(n - 1)\n"
    "a = make(1)\n"
    "b = make(2)\n"
    "c = fact(4)\n"
    "a.append(b)\n"
    "b.append(a)\n"
    "del a, b\n"
    "import gc\n"
    "print(gc.collect())\n";

/* "step 16 of 16" on the way forward reads "step 16 of 17" once the whole
 * run is recorded: the total is what the replay knows more, the frame is
 * otherwise the same.  Blanks " of N" after "step K". */
static void drop_total(char *t)
{
    for (char *p = strstr(t, " - step "); p; p = strstr(p + 1, " - step ")) {
        char *q = p + 8;
        while (*q >= '0' && *q <= '9')
            q++;
        if (strncmp(q, " of ", 4) != 0)
            continue;
        char *e = q + 4;
        while (*e >= '0' && *e <= '9')
            e++;
        memset(q, ' ', (size_t)(e - q)); /* the header is laid out right-aligned */
    }
}

/* Every view of the screen at this step (Tab cycles through them). */
static char *frames(App *a)
{
    Buf all = {0};
    for (int v = 0; v < NVIEWS; v++) {
        Canvas *cv = canvas_new(W, H, true);
        app_draw(a, cv);
        canvas_to_text(cv, &all);
        canvas_free(cv);
        app_key(a, 'v');
    }
    char *t = buf_take(&all);
    drop_total(t);
    return t;
}

static void open_app(App *a, const char *src, const char *ver)
{
    Program *p = xcalloc(1, sizeof *p);
    program_init(p, "million.py", src, strlen(src), sim_profile_find(ver));
    app_init(a, NULL, NULL, NULL, true);
    app_resize(a, W, H);
    app_open_program(a, p, PROGRAM_VIEW_ALL, true);
}

static void replay_matches(const char *src, const char *ver)
{
    App a;
    open_app(&a, src, ver);
    char *fwd[64];
    size_t n = 0;
    fwd[n++] = frames(&a);
    while (n < 64) {
        size_t pos = a.prog->pos;
        app_key(&a, KEY_RIGHT_ARROW);
        if (a.prog->pos == pos)
            break;
        fwd[n++] = frames(&a);
    }
    assert_true(a.prog->finished);
    assert_true(n > 15);
    if (src == calls) { /* the graph drew the calls' frames on the way */
        size_t calls_seen = 0, locals_seen = 0;
        for (size_t k = 0; k < n; k++) {
            calls_seen += strstr(fwd[k], "| make ") != NULL || strstr(fwd[k], "| inner ") != NULL;
            locals_seen += strstr(fwd[k], "|items -") != NULL;
        }
        assert_true(calls_seen > 0); /* a frame title beside the source pane */
        assert_true(locals_seen > 0);
    }
    /* back one step at a time, as Left does, each a replay from the start */
    for (size_t k = n - 1; k-- > 0;) {
        app_key(&a, KEY_LEFT_ARROW);
        assert_int_equal(a.prog->pos, k);
        char *back = frames(&a);
        if (strcmp(back, fwd[k]) != 0) {
            fprintf(stderr, "--- forward, step %zu\n%s--- after stepping back\n%s", k, fwd[k], back);
            fail_msg("%s: step %zu drawn after stepping back differs from stepping forward", ver, k);
        }
        free(back);
    }
    assert_false(a.prog->diverged);
    for (size_t i = 0; i < n; i++)
        free(fwd[i]);
    app_fini(&a);
}

static void step_back_311(void **state) { (void)state; replay_matches(million, "3.11"); }
static void step_back_313(void **state) { (void)state; replay_matches(million, "3.13"); }
static void step_back_frames(void **state) { (void)state; replay_matches(calls, "3.11"); }

static void startup_arenas_at_step_zero(void **state)
{
    (void)state;
    Program p;
    program_init(&p, "one.py", "x = 1\n", 6, sim_profile_find("3.11"));
    HeapSnapshot snap;
    program_snapshot(&p, &snap, 100);
    size_t live = 0;
    for (size_t i = 0; i < snap.narenas; i++)
        live += snap.arenas[i].live;
    assert_true(p.sim->pm.narenas_current > 0);
    assert_int_equal(live, p.sim->pm.narenas_current); /* before any step */
    snapshot_free(&snap);
    program_fini(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(startup_arenas_at_step_zero),
        cmocka_unit_test(step_back_311),
        cmocka_unit_test(step_back_313),
        cmocka_unit_test(step_back_frames),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
