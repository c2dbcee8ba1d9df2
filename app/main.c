/*
 * pydive: command-line entry.  Finds the command and hands it argv;
 * everything else lives in app/cli/.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/paths.h"
#include "cli/cli.h"

#ifndef PYDIVE_VERSION
#define PYDIVE_VERSION "0.0.0"
#endif

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");

    /* --course DIR is global: taken out here, before any command sees argv. */
    const char *course = NULL;
    if (cli_take_option(&argc, argv, "--course", &course) < 0)
        return 2;
    if (course)
        paths_set_course(course);
    if (paths_course_option()) { /* a pack: what it does not hold is the shipped course's */
        Buf err = {0};
        char *pack = paths_content_dir(&err);
        if (pack) /* else the command reports err where it needs the content */
            cli_inherit(pack);
        free(pack);
        buf_fini(&err);
    }

    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        cli_print_help();
        return 0;
    }
    if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
        printf("pydive %s\n", PYDIVE_VERSION);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "--man") == 0)
        return cmd_man();
    if (argc > 1 && strcmp(argv[1], "--commands") == 0) { /* for shell completion */
        for (size_t i = 1; i < cli_ncommands; i++)
            puts(cli_commands[i].name);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "--data-dir") == 0) { /* for shell completion */
        Buf err = {0};
        char *dir = paths_content_dir(&err);
        if (dir)
            puts(dir);
        else
            fprintf(stderr, "pydive: %s\n", buf_str(&err));
        free(dir);
        buf_fini(&err);
        return dir ? 0 : 1;
    }
    /* Options may come before the command (getopt's convention: options
     * anywhere before `--`): `pydive --profile ana progress` is
     * `pydive progress --profile ana`.  The command word moves to argv[1]. */
    cli_command_first(argc, argv);
    /* No command, or only options: open the course. */
    if (argc < 2 || argv[1][0] == '-')
        return cli_commands[0].run(argc, argv);

    for (size_t i = 1; i < cli_ncommands; i++) {
        const CliCommand *c = &cli_commands[i];
        if (strcmp(argv[1], c->name) != 0)
            continue;
        for (int a = 2; a < argc; a++)
            if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0)
                return cli_command_help(c->name);
        return c->run(argc - 1, argv + 1);
    }
    return cli_usage_error("unknown command '%s'", argv[1]);
}
