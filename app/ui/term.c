/*
 * term: terminal setup, colours, drawing the canvas, and the event loop
 * (see ui.h).
 *
 * Key handlers never draw: app_key says what changed and this loop redraws
 * and saves.  Progress is saved at once on milestones (a section read, a
 * chapter left, quitting) and otherwise one second after the last move, so
 * scrolling does not fsync on every key yet a kill loses at most a second.
 */
#include "ui/ui.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/clock.h"
#include "learner/settings.h"
#include "ui/termguard.h"
#include "view/keys.h"

static volatile sig_atomic_t stop_signal;

/* The first stop signal ends the loop gently (progress saved, status 128+N);
 * a second one while pydive is still busy ends it at once, terminal given
 * back first. */
static void on_stop_signal(int sig)
{
    if (!stop_signal) {
        stop_signal = sig;
        return;
    }
    termguard_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ---- colours ------------------------------------------------------------ */

typedef struct Look {
    short fg, bg;   /* -1 = terminal default */
    attr_t colour;  /* attributes with colour */
    attr_t mono;    /* attributes without */
} Look;

/* Every role differs from NORMAL in an attribute or a glyph, never only in
 * colour, so monochrome terminals and NO_COLOR lose nothing. */
static const Look looks[ROLE_COUNT] = {
    [ROLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [ROLE_SUBTLE] = {-1, -1, A_DIM, A_DIM},
    [ROLE_EMPH] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
    [ROLE_STRONG] = {-1, -1, A_BOLD, A_BOLD},
    [ROLE_CODE] = {COLOR_GREEN, -1, A_NORMAL, A_BOLD},
    [ROLE_CODEBLOCK] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [ROLE_NOTE] = {COLOR_BLUE, -1, A_BOLD, A_BOLD},
    [ROLE_TIP] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [ROLE_WARNING] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [ROLE_MISCONCEPTION] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
    [ROLE_CITE] = {COLOR_CYAN, -1, A_NORMAL, A_DIM},
    [ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [ROLE_STATUS] = {COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE},
    [ROLE_KEY] = {COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_DONE] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [ROLE_PENDING] = {-1, -1, A_DIM, A_DIM},
    [ROLE_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_REVERSE},
    [ROLE_GARBAGE] = {-1, -1, A_DIM, A_DIM},
    [ROLE_TERM] = {COLOR_CYAN, -1, A_UNDERLINE, A_UNDERLINE},
    /* The palette only adds colour: views draw categories with distinct
     * glyphs or letters as well. */
    [ROLE_PAL0] = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
    [ROLE_PAL1] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [ROLE_PAL2] = {COLOR_YELLOW, -1, A_NORMAL, A_NORMAL},
    [ROLE_PAL3] = {COLOR_MAGENTA, -1, A_NORMAL, A_NORMAL},
    [ROLE_PAL4] = {COLOR_BLUE, -1, A_NORMAL, A_NORMAL},
    [ROLE_PAL5] = {COLOR_RED, -1, A_NORMAL, A_NORMAL},
};

static bool use_colour;
static Look active[ROLE_COUNT]; /* the built-in looks, with the theme's on top */

/* Our theme colours and attributes in curses' terms. */
static short curses_colour(int c)
{
    static const short map[] = {COLOR_BLACK, COLOR_RED,     COLOR_GREEN, COLOR_YELLOW,
                                COLOR_BLUE,  COLOR_MAGENTA, COLOR_CYAN,  COLOR_WHITE};
    return c >= 0 && c < 8 ? map[c] : -1;
}

static attr_t curses_attrs(unsigned a)
{
    return (a & TA_BOLD ? A_BOLD : 0) | (a & TA_UNDERLINE ? A_UNDERLINE : 0) |
           (a & TA_REVERSE ? A_REVERSE : 0) | (a & TA_DIM ? A_DIM : 0);
}

static void colours_init(bool monochrome, const Theme *theme)
{
    memcpy(active, looks, sizeof active);
    for (int r = 0; theme && r < ROLE_COUNT && r < THEME_MAX_ROLES; r++) {
        const ThemeLook *t = &theme->look[r];
        if (t->set)
            active[r] = (Look){curses_colour(t->fg), curses_colour(t->bg), curses_attrs(t->attrs),
                               curses_attrs(t->mono)};
    }
    use_colour = !monochrome && !(theme && theme->monochrome) && has_colors() &&
                 start_color() == OK;
    if (!use_colour)
        return;
    use_default_colors();
    for (int r = 1; r < ROLE_COUNT; r++)
        init_pair((short)r, active[r].fg, active[r].bg);
}

static attr_t role_attr(int role, short *pair)
{
    if (role < 0 || role >= ROLE_COUNT)
        role = ROLE_NORMAL;
    *pair = use_colour ? (short)role : 0;
    return use_colour ? active[role].colour : active[role].mono;
}

/* ---- drawing ------------------------------------------------------------ */

static void blit(const Canvas *cv)
{
    for (int y = 0; y < cv->h && y < LINES; y++) {
        for (int x = 0; x < cv->w && x < COLS; x++) {
            const Cell *c = canvas_at(cv, x, y);
            if (c->cp == CANVAS_CONT)
                continue;
            short pair;
            attr_t attr = role_attr(c->role, &pair);
            wchar_t wc[2] = {(wchar_t)c->cp, 0};
            cchar_t cc;
            setcchar(&cc, wc, attr, pair, NULL);
            mvadd_wch(y, x, &cc);
        }
    }
    wnoutrefresh(stdscr);
    doupdate();
}

void ui_blit_plain(const Canvas *cv)
{
    memcpy(active, looks, sizeof active);
    use_colour = false;
    blit(cv);
}

/* ---- input ---------------------------------------------------------------- */

static int translate(int status, wint_t wch)
{
    if (status == OK) {
        switch (wch) {
        case '\n': case '\r': return KEY_RETURN;
        case 27: return KEY_ESCAPE;
        case '\t': return KEY_TAB_KEY;
        case 127: case 8: return KEY_BACKSPACE_KEY;
        default: return (int)wch;
        }
    }
    switch (wch) {
    case KEY_UP: return KEY_UP_ARROW;
    case KEY_DOWN: return KEY_DOWN_ARROW;
    case KEY_LEFT: return KEY_LEFT_ARROW;
    case KEY_RIGHT: return KEY_RIGHT_ARROW;
    case KEY_PPAGE: return KEY_PAGE_UP;
    case KEY_NPAGE: return KEY_PAGE_DOWN;
    case KEY_HOME: return KEY_HOME_KEY;
    case KEY_END: return KEY_END_KEY;
    case KEY_ENTER: return KEY_RETURN;
    case KEY_BACKSPACE: return KEY_BACKSPACE_KEY;
    case KEY_BTAB: return KEY_BACKTAB;
    case KEY_MOUSE: {
        MEVENT ev;
        if (getmouse(&ev) != OK)
            return KEY_NONE;
        if (ev.bstate & BUTTON4_PRESSED)
            return KEY_WHEEL_UP;
#ifdef BUTTON5_PRESSED
        if (ev.bstate & BUTTON5_PRESSED)
            return KEY_WHEEL_DOWN;
#endif
        return KEY_NONE;
    }
    default: return KEY_NONE;
    }
}

/* ---- the loop ------------------------------------------------------------- */

/* Hands the terminal to the learner's editor for the exercise file, then
 * takes it back; watch mode notices the save on the next tick. */
static void edit_file(App *app)
{
    if (!app->ex_work)
        return;
    const char *ed = getenv("VISUAL");
    if (!ed || !*ed)
        ed = getenv("EDITOR");
    if (!ed || !*ed) { /* no editor of their own: the built-in one, on the canvas */
        app_open_editor(app);
        return;
    }
    def_prog_mode();
    endwin();
    pid_t pid = fork();
    if (pid == 0) {
        execlp("sh", "sh", "-c", "exec $0 \"$1\"", ed, app->ex_work, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    if (pid > 0)
        waitpid(pid, &status, 0);
    reset_prog_mode();
    clear();
    refresh();
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127)
        snprintf(app->notice, sizeof app->notice,
                 "Could not start the editor '%s': set VISUAL or EDITOR, or edit %s in another "
                 "window (every save reruns it).", ed, app->ex_work);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void save(App *app, const UiOptions *opt, bool *dirty)
{
    if (!*dirty || !opt->save)
        return;
    char err[256];
    if (opt->save(opt->save_ctx, err, sizeof err))
        *dirty = false;
    else
        snprintf(app->notice, sizeof app->notice, "Progress not saved: %s", err);
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

bool ui_terminal_usable(char *why, size_t whylen)
{
    const char *term = getenv("TERM");
    int err = 0;
    if (!term || !*term) {
        snprintf(why, whylen, "TERM is not set");
        return false;
    }
    if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
        snprintf(why, whylen, "TERM=%s is not a terminal type this system knows", term);
        return false;
    }
    /* dumb and other printing terminals: no cursor addressing, no screens */
    const char *cup = tigetstr("cup");
    bool ok = cup && cup != (char *)-1 && !tigetflag("hc");
    if (!ok)
        snprintf(why, whylen, "TERM=%s cannot move the cursor", term);
    del_curterm(cur_term);
    cur_term = NULL;
    return ok;
}

int ui_run(App *app, const UiOptions *opt)
{
    /* newterm, unlike initscr, returns instead of exiting on a bad TERM */
    termguard_before_curses();
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (!scr) {
        fputs("pydive: cannot set up the terminal; try 'pydive --plain'\n", stderr);
        return 1;
    }
    termguard_arm();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    mousemask(BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
                  | BUTTON5_PRESSED
#endif
              , NULL);
    mouseinterval(0);
    colours_init(opt->monochrome, opt->theme);
    install_signals();

    app_resize(app, COLS, LINES);
    Canvas *cv = canvas_new(COLS, LINES, app->ascii);
    bool redraw = true, dirty = false;
    double last_change = 0;
    for (;;) {
        if (stop_signal)
            break;
        if (redraw) {
            app_tick(app, clock_now());
            app_draw(app, cv);
            blit(cv);
            redraw = false;
        }
        wint_t wch = 0;
        timeout(app_timeout_ms(app));
        int status = get_wch(&wch);
        app_tick(app, clock_now());
        if (status == ERR) {
            if (app_idle(app) & REACT_REDRAW)
                redraw = true;
            if (dirty && now_seconds() - last_change >= 1.0) {
                save(app, opt, &dirty);
                redraw = redraw || app->notice[0] != '\0';
            }
            continue;
        }
        if (status == KEY_CODE_YES && wch == KEY_RESIZE) {
            app_resize(app, COLS, LINES);
            canvas_free(cv);
            cv = canvas_new(COLS, LINES, app->ascii);
            clear();
            redraw = true;
            continue;
        }
        int key = translate(status, wch);
        if (key == KEY_NONE)
            continue;
        unsigned r = app_key(app, key);
        if (r & REACT_PROGRESS) {
            dirty = true;
            last_change = now_seconds();
        }
        if (r & (REACT_SAVE_NOW | REACT_QUIT))
            save(app, opt, &dirty);
        if (r & REACT_QUIT)
            break;
        if (r & REACT_EDIT)
            edit_file(app);
        redraw = redraw || (r & REACT_REDRAW) || app->notice[0];
    }
    save(app, opt, &dirty);
    canvas_free(cv);
    endwin();
    termguard_disarm();
    delscreen(scr);
    if (dirty && opt->save) /* the last save failed: the screen that said so is gone */
        fprintf(stderr, "pydive: %s\n", app->notice);
    if (stop_signal && stop_signal != SIGINT)
        return 128 + stop_signal;
    return dirty && opt->save ? 1 : 0;
}
