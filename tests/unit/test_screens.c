/*
 * Unit tests for the screen table (view/app.c, screens.h): one row per
 * ScreenId, each with a name and a draw function, key-table bits that never
 * overlap, and only the screens that read raw keys without an action row.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "view/screens.h"

static void every_screen_has_its_row(void **state)
{
    (void)state;
    unsigned seen = 0;
    for (int id = SCREEN_HOME; id < SCREEN_COUNT; id++) {
        const ScreenClass *sc = screen_class((ScreenId)id);
        assert_non_null(sc->name);
        assert_non_null(sc->draw);
        for (int other = SCREEN_HOME; other < id; other++)
            assert_string_not_equal(screen_class((ScreenId)other)->name, sc->name);
        assert_int_equal(seen & sc->keys, 0); /* a binding names one screen's bit */
        seen |= sc->keys;
        bool raw = id == SCREEN_QUIZ || id == SCREEN_EDITOR;
        assert_true(raw ? sc->act == NULL : sc->act != NULL);
    }
    assert_ptr_equal(screen_class((ScreenId)99), screen_class(SCREEN_HOME));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_has_its_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
