/*
 * termguard: giving the terminal back on crashes and odd exits (see
 * termguard.h).
 */
#include "ui/termguard.h"

#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

/* Signals whose default action ends the process while curses may own the
 * screen.  SIGTERM, SIGHUP and SIGINT are term.c's: it ends its loop. */
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGQUIT,
                                    SIGTRAP, SIGSYS, SIGXCPU};
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static struct sigaction previous[NFATAL];
static struct termios saved;
static int tty = -1;                /* the terminal's descriptor; -1: not a terminal */
static char leave[128];             /* rmcup + cnorm + sgr0 of this terminal */
static size_t leave_len;
static volatile sig_atomic_t armed;
static bool installed;
/* a stack for the handlers: a SIGSEGV from a stack overflow has none left */
static char alt_stack[64 * 1024];

void termguard_restore(void)
{
    if (!armed)
        return;
    armed = 0;
    if (leave_len)
        (void)!write(tty, leave, leave_len);
    tcsetattr(tty, TCSANOW, &saved);
}

static void on_fatal(int sig)
{
    termguard_restore();
    for (size_t i = 0; i < NFATAL; i++)
        if (fatal_signals[i] == sig)
            sigaction(sig, &previous[i], NULL);
    raise(sig); /* pending until this handler returns, then the old action runs */
}

static void at_exit(void)
{
    termguard_restore();
}

static void install(void)
{
    stack_t ss = {.ss_sp = alt_stack, .ss_size = sizeof alt_stack, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NFATAL; i++) {
        sigaction(fatal_signals[i], NULL, &previous[i]);
        if (previous[i].sa_handler != SIG_IGN) /* what the parent ignores stays ignored */
            sigaction(fatal_signals[i], &sa, NULL);
    }
    atexit(at_exit);
    installed = true;
}

void termguard_before_curses(void)
{
    if (tty < 0) {
        int fd = isatty(STDOUT_FILENO) ? STDOUT_FILENO : isatty(STDIN_FILENO) ? STDIN_FILENO : -1;
        if (fd >= 0 && tcgetattr(fd, &saved) == 0)
            tty = fd;
    }
    if (!installed)
        install();
}

/* Appends a terminfo string when this terminal has it. */
static void add_cap(const char *name)
{
    char *s = tigetstr((char *)name);
    if (!s || s == (char *)-1)
        return;
    size_t n = strlen(s);
    if (leave_len + n < sizeof leave) {
        memcpy(leave + leave_len, s, n);
        leave_len += n;
    }
}

void termguard_arm(void)
{
    if (tty < 0)
        return;
    leave_len = 0;
    add_cap("sgr0");
    add_cap("cnorm");
    add_cap("rmcup");
    armed = 1;
}

void termguard_disarm(void)
{
    armed = 0;
}
