/*
 * Unit tests for the lab registries (lab/lab.c, script/labs.c, view/labs.c):
 * every lab has its three rows and a reference card, names and extensions
 * are unique, and the shared runner's contract holds for each lab on an
 * empty program (nothing to run: finished at once, no output).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "script/labs.h"
#include "lab/lab.h"
#include "view/labs.h"

static void every_lab_has_its_three_rows(void **state)
{
    (void)state;
    size_t n;
    const LabClass *const *all = lab_classes(&n);
    assert_true(n >= 5);
    for (size_t i = 0; i < n; i++) {
        const LabClass *c = all[i];
        assert_ptr_equal(lab_class_find(c->name), c);
        if (!lab_binding_find(c->name) || !lab_view_find(c->name))
            fail_msg("lab '%s' lacks its Lua binding or its view row", c->name);
        assert_non_null(c->title);
        assert_non_null(c->ext);
        for (size_t j = 0; j < i; j++) {
            assert_string_not_equal(all[j]->name, c->name);
            assert_string_not_equal(all[j]->ext, c->ext);
        }
        /* the reference card: "form\tmeaning\n" lines */
        assert_non_null(c->reference);
        assert_true(strlen(c->reference) > 0);
        for (const char *p = c->reference; *p;) {
            size_t len = strcspn(p, "\n"), tab = strcspn(p, "\t");
            if (tab >= len)
                fail_msg("lab '%s': a reference line without a tab: %.*s", c->name, (int)len, p);
            assert_int_equal(p[len], '\n');
            p += len + 1;
        }
    }
    assert_null(lab_class_find("nope"));
    assert_null(lab_class_find(NULL));
}

static void an_empty_program_is_finished_at_once(void **state)
{
    (void)state;
    size_t n;
    const LabClass *const *all = lab_classes(&n);
    for (size_t i = 0; i < n; i++) {
        Lab lab;
        DiagList dl = {0};
        const char *src = "# nothing but a comment\n\n";
        if (!lab_open(&lab, all[i], src, strlen(src), "empty", 1, &dl))
            fail_msg("lab '%s' refuses an empty program", all[i]->name);
        assert_true(lab.finished);
        assert_int_equal(lab_line(&lab), 0);
        assert_false(lab_step(&lab));
        assert_false(lab_busy(&lab));
        lab_close(&lab);
        diag_fini(&dl);
    }
}

/* Every lab reads through base/linescan: one message for a NUL byte, at its
 * line, and the other lines still read (so a second mistake is found too). */
static void every_lab_refuses_a_nul_byte_the_same_way(void **state)
{
    (void)state;
    size_t n;
    const LabClass *const *all = lab_classes(&n);
    const char src[] = "# first line\nx\0y\n";
    for (size_t i = 0; i < n; i++) {
        Lab lab;
        DiagList dl = {0};
        if (lab_open(&lab, all[i], src, sizeof src - 1, "nul.lab", 1, &dl))
            fail_msg("lab '%s' reads a NUL byte", all[i]->name);
        lab_close(&lab);
        assert_int_equal(dl.len, 1);
        assert_string_equal(dl.items[0].file, "nul.lab");
        assert_int_equal(dl.items[0].line, 2);
        if (strcmp(dl.items[0].msg, "expected text, found a NUL byte") != 0)
            fail_msg("lab '%s' says: %s", all[i]->name, dl.items[0].msg);
        diag_fini(&dl);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_lab_has_its_three_rows),
        cmocka_unit_test(an_empty_program_is_finished_at_once),
        cmocka_unit_test(every_lab_refuses_a_nul_byte_the_same_way),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
