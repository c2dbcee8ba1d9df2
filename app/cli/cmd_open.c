/*
 * cmd_open: `pydive` with no command opens the course in the terminal.
 */
#include <stdio.h>

#include "cli/cli.h"

int cmd_open(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("pydive: the course screens are being built\n", stderr);
    return 1;
}
