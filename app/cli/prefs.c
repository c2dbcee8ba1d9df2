/*
 * prefs: settings applied to the screens, and `pydive settings` (see prefs.h).
 */
#include "cli/prefs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/overlay.h"
#include "base/paths.h"
#include "base/printable.h"
#include "cli/cli.h"

void prefs_load(Prefs *p, const char *content_dir)
{
    memset(p, 0, sizeof *p);
    char *file = paths_config_file();
    settings_load(file, &p->settings, &p->diags);
    free(file);
    if (p->settings.theme && content_dir) {
        char name[160];
        snprintf(name, sizeof name, "assets/themes/%s.yaml", p->settings.theme);
        char *path = overlay_join(content_dir, name);
        if (!file_exists(path))
            diag_add(&p->diags, DIAG_ERROR, p->settings.file, 0, 0,
                     "no theme '%s' (themes are the files in %s/assets/themes/)",
                     p->settings.theme, content_dir);
        else
            p->has_theme = theme_load(path, canvas_role_names, ROLE_COUNT, &p->theme, &p->diags);
        free(path);
    }
    for (size_t i = 0; i < p->settings.nkeys; i++) {
        const KeySetting *k = &p->settings.keys[i];
        if (keys_action_by_name(k->action) == ACT_NONE)
            diag_add(&p->diags, DIAG_ERROR, p->settings.file, k->line, k->col,
                     "unknown action '%s' (pydive settings lists them)", k->action);
        else if (keys_parse(k->key) == KEY_NONE)
            diag_add(&p->diags, DIAG_ERROR, p->settings.file, k->line, k->col,
                     "'%s' is not a key (a character, or Enter, Esc, Tab, Space, Up, Down, "
                     "Left, Right, PgUp, PgDn, Home, End, Backspace)", k->key);
    }
}

void prefs_apply(Prefs *p, App *a)
{
    for (size_t i = 0; i < p->settings.nkeys; i++) {
        KeyAction act = keys_action_by_name(p->settings.keys[i].action);
        int key = keys_parse(p->settings.keys[i].key);
        if (act != ACT_NONE && key != KEY_NONE)
            app_bind(a, key, act);
    }
    if (p->settings.speed > 0)
        a->default_speed = p->settings.speed;
    if (p->settings.ascii == 1)
        a->ascii = true;
    if (diag_count(&p->diags, DIAG_ERROR))
        snprintf(a->notice, sizeof a->notice,
                 "Your settings file has %zu problem(s); 'pydive settings' shows them.",
                 diag_count(&p->diags, DIAG_ERROR));
}

void prefs_fini(Prefs *p)
{
    settings_fini(&p->settings);
    if (p->has_theme)
        theme_fini(&p->theme);
    diag_fini(&p->diags);
}

int cmd_settings(int argc, char **argv)
{
    if (cli_reject_unknown(argc, argv))
        return 2;
    Buf err = {0};
    char *content = paths_content_dir(&err);
    buf_fini(&err);
    Prefs p;
    prefs_load(&p, content);
    printf("Settings file: %s%s\n", shown(p.settings.file),
           file_exists(p.settings.file) ? "" : " (not there: the defaults apply)");
    printf("  theme:           %s\n", p.settings.theme ? shown(p.settings.theme) : "built in");
    printf("  profile:         %s\n",
           p.settings.profile ? shown(p.settings.profile) : "your login name");
    printf("  ascii:           %s\n", p.settings.ascii == 1 ? "yes" : p.settings.ascii == 0 ? "no"
                                                                : "from the locale");
    printf("  animation_speed: %d statements a frame\n", p.settings.speed ? p.settings.speed : 2);
    for (size_t i = 0; i < p.settings.nkeys; i++)
        printf("  keys: %s = %s\n", shown(p.settings.keys[i].action), shown(p.settings.keys[i].key));
    if (content) {
        char *themes = path_join(content, "assets/themes");
        char **names;
        size_t n = overlay_list(themes, ".yaml", &names);
        printf("Themes:");
        for (size_t i = 0; i < n; i++) {
            const char *t = shown(names[i]); /* ends with ".yaml" like the name */
            printf(" %.*s", (int)(strlen(t) - 5), t);
        }
        printf("\n");
        dir_list_free(names, n);
        free(themes);
    }
    printf("Actions for keys:");
    for (int a = 1; a < ACT_COUNT; a++)
        printf(" %s", keys_action_name((KeyAction)a));
    printf("\n");
    diag_print(&p.diags, stderr);
    int rc = diag_count(&p.diags, DIAG_ERROR) ? 1 : 0;
    prefs_fini(&p);
    free(content);
    return rc;
}
