/*
 * termguard: the terminal is given back whatever way pydive ends.
 *
 * curses puts the terminal in raw mode (-icanon -echo) on the alternate
 * screen with the cursor hidden; endwin undoes it on a normal end.  A crash
 * (SIGSEGV, SIGBUS, SIGFPE, SIGILL, an abort), Ctrl-\ (SIGQUIT), exit() from
 * deep inside (out of memory) or a second SIGTERM/SIGINT/SIGHUP while pydive
 * is busy would leave the learner's shell unusable (issue 20).  The guard
 * saves the terminal's modes before curses starts and, while curses owns
 * the screen, restores them on every such path: in the signal handlers with
 * async-signal-safe calls only (write, tcsetattr), then the signal is raised
 * again with the handler that was there before (the default action, or a
 * sanitizer's report), so the exit status still tells what happened.
 * Internal to app/ui/.
 */
#ifndef PYDIVE_UI_TERMGUARD_H
#define PYDIVE_UI_TERMGUARD_H

/* Before newterm/initscr: saves the terminal's modes (the first time) and
 * installs the handlers and the exit hook (once per process). */
void termguard_before_curses(void);
/* Right after newterm/initscr: keeps the terminal's own sequences to leave
 * the alternate screen and show the cursor, and arms the guard. */
void termguard_arm(void);
/* After endwin: the terminal is the shell's again; the guard stands down. */
void termguard_disarm(void);
/* From a signal handler (async-signal-safe): gives the terminal back now if
 * the guard is armed.  term.c calls it on a second stop signal. */
void termguard_restore(void);

#endif
