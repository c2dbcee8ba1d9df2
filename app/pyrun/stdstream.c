/*
 * stdstream: sys.stdout and sys.stderr, the two _io.TextIOWrapper objects
 * CPython makes while it starts (create_stdio in Python/pylifecycle.c):
 * stdout into a pipe is block-buffered, stderr is line-buffered; both encode
 * to UTF-8 ('strict' and 'backslashreplace').  They live in sys's dict as
 * stdout/__stdout__ and stderr/__stderr__, made before the program (static:
 * no pool block, no GC traffic), and print() looks sys.stdout up at each
 * call, so `sys.stdout = buf` and contextlib.redirect_stdout reach it.
 * What their write() allocates is textio.c's; the methods and attributes a
 * learner reaches for are here, the others refused.
 */
#include <string.h>
#include <unistd.h>

#include "pyrun/builtins.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

enum { STREAM_FD, STREAM_NINTS };

static SimId make_stream(PyRun *I, int fd)
{
    SimId s = native_static(I, SIM_XT_IO_TEXT, STREAM_NINTS);
    sim_iter_set_int(S, s, STREAM_FD, fd);
    return s;
}

void stdstream_init(PyRun *I, SimId sys_dict)
{
    static const char *const names[2][2] = {{"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
    for (int fd = 1; fd <= 2; fd++) {
        SimId s = make_stream(I, fd); /* its reference goes to the first name */
        bi_dict_put(I, sys_dict, names[fd - 1][0], s);
        sim_incref(S, s);
        bi_dict_put(I, sys_dict, names[fd - 1][1], s);
    }
}

int stdstream_fd(PyRun *I, SimId v)
{
    if (!v || sim_kind(S, v) != SK_ITER || sim_xtype_of(S, v) != SIM_XT_IO_TEXT)
        return 0;
    return (int)sim_iter_int(S, v, STREAM_FD);
}

SimId stdstream_current(PyRun *I, int fd)
{
    SimId sys = module_find_loaded(I, "sys");
    if (!sys)
        return 0;
    return sim_dict_get_str(S, SIM_V(S, sys, SK_MODULE, module.dict), fd == 1 ? "stdout" : "stderr");
}

void stdstream_set(PyRun *I, int fd, SimId v)
{
    SimId sys = module_find_loaded(I, "sys");
    sim_incref(S, v);
    bi_dict_put(I, SIM_V(S, sys, SK_MODULE, module.dict), fd == 1 ? "stdout" : "stderr", v);
}

static SimId st_write(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "write() argument must be str, not %s", op_typename(I, a[1]));
        return 0;
    }
    return textio_write(I, stdstream_fd(I, a[0]), a[1]);
}

static SimId st_flush(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    textio_flush(I, stdstream_fd(I, a[0]));
    return bi_none(I);
}

static SimId st_fileno(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_int(S, stdstream_fd(I, a[0]));
}

static SimId st_isatty(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw; /* the terminal pydive itself writes to */
    return sim_bool(S, isatty(stdstream_fd(I, a[0])) == 1);
}

static SimId st_true(PyRun *I, SimId *a, int n, SimId kw) { return (void)a, (void)n, (void)kw, sim_bool(S, true); }
static SimId st_false(PyRun *I, SimId *a, int n, SimId kw) { return (void)a, (void)n, (void)kw, sim_bool(S, false); }

#define ST(nm, f, ...) BUILTIN(nm, SK_SENTINEL, BM_IO, f, __VA_ARGS__)
const BuiltinDef stdstream_methods[] = {
    ST("write", st_write, .style = ARGS_ONE),     ST("flush", st_flush, .style = ARGS_NONE),
    ST("fileno", st_fileno, .style = ARGS_NONE),  ST("isatty", st_isatty, .style = ARGS_NONE),
    ST("writable", st_true, .style = ARGS_NONE),  ST("readable", st_false, .style = ARGS_NONE),
    ST("seekable", st_false, .style = ARGS_NONE),
};
const int stdstream_nmethods = (int)(sizeof stdstream_methods / sizeof stdstream_methods[0]);

bool stdstream_repr(PyRun *I, SimId s, Buf *out)
{
    buf_printf(out, "<_io.TextIOWrapper name='<%s>' mode='w' encoding='utf-8'>",
               stdstream_fd(I, s) == 1 ? "stdout" : "stderr");
    return true;
}

static SimId str_attr(PyRun *I, const char *text) { return sim_str(S, text, strlen(text)); }

SimId stdstream_attr(PyRun *I, SimId s, const char *name, bool *found)
{
    int fd = stdstream_fd(I, s);
    *found = true;
    for (int i = 0; i < stdstream_nmethods; i++)
        if (strcmp(stdstream_methods[i].name, name) == 0)
            return native_bound(I, &stdstream_methods[i], s);
    if (strcmp(name, "name") == 0)
        return str_attr(I, fd == 1 ? "<stdout>" : "<stderr>");
    if (strcmp(name, "mode") == 0)
        return str_attr(I, "w");
    if (strcmp(name, "encoding") == 0)
        return str_attr(I, "utf-8");
    if (strcmp(name, "errors") == 0 && fd == 2) /* stdout's follows the locale */
        return str_attr(I, "backslashreplace");
    if (strcmp(name, "line_buffering") == 0 && fd == 2) /* stdout's: whether it is a terminal */
        return sim_bool(S, true);
    if (strcmp(name, "closed") == 0)
        return sim_bool(S, false);
    return py_not_modelled(I, 0, "sys.%s's '%s'", fd == 1 ? "stdout" : "stderr", name), (SimId)0;
}
