/*
 * stringio: io.StringIO's behaviour (Modules/_io/stringio.c) — write,
 * read, readline, getvalue, seek, tell, close, iteration by lines, `with`,
 * and print(..., file=buf) (textio.c). The object starts accumulating
 * (appends go to a writer) unless made with text, and is "realized" once
 * a write or read lands anywhere but at the end: what getvalue() and a
 * whole read() give depends on it. 3.11 accumulates in a _PyAccu: a list
 * (tracked) of the very strs written, joined when the text is asked for
 * (one str is itself), the result kept as the list's first item; 3.12 and
 * 3.13 copy into a _PyUnicodeWriter and hand out a new str each time.
 * The newline argument and the methods not listed are refused.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

enum { SIO_CLOSED = 1, SIO_REALIZED = 2 }; /* SimObj.sub */

static uint32_t *text(PyRun *I, SimId s) { return (uint32_t *)sim_items(S, s); }

static bool check_open(PyRun *I, SimId s)
{
    if (!(sim_obj(S, s)->sub & SIO_CLOSED))
        return true;
    py_raise(I, EXC_ValueError, "I/O operation on closed file");
    return false;
}

static bool v311(PyRun *I) { return S->prof->version == SIM_V311; }

/* _PyAccu_Finish: the pending strs joined (PyUnicode_Join: one str is
 * itself, none is ''), then the list dropped; 3.12+: the writer's text */
static SimId accu_finish(PyRun *I, SimId s)
{
    SimId list = SIM_V(S, s, SK_STRINGIO, stringio.accu);
    size_t len = sim_obj(S, s)->len;
    SimId r;
    if (list && sim_obj(S, list)->len == 1) {
        r = sim_items(S, list)[0];
        sim_incref(S, r);
    } else if (len == 0) {
        r = str_encode(I, NULL, 0, false);
    } else {
        r = str_encode(I, text(I, s), len, list != 0); /* the join's PyUnicode_New, or the writer's str */
    }
    SIM_V(S, s, SK_STRINGIO, stringio.accu) = 0;
    sim_xdecref(S, list);
    return r;
}

/* _PyAccu_Init (3.11): a new empty list */
static void accu_init(PyRun *I, SimId s)
{
    if (v311(I)) {
        SimId accu = sim_list(S, 0); /* made before the record is written: it may move */
        SIM_V(S, s, SK_STRINGIO, stringio.accu) = accu;
    }
}

static void accu_add(PyRun *I, SimId s, SimId str)
{
    SimId list = SIM_V(S, s, SK_STRINGIO, stringio.accu);
    if (!list)
        return;
    sim_incref(S, str);
    sim_list_append(S, list, str);
}

/* realize: the accumulated text into the buffer, the accumulator dropped */
static void realize(PyRun *I, SimId s)
{
    if (sim_obj(S, s)->sub & SIO_REALIZED)
        return;
    sim_obj(S, s)->sub |= SIO_REALIZED;
    SimId r = accu_finish(I, s);
    sim_xdecref(S, r);
}

/* n code points of s's text from `from` as a str (PyUnicode_FromKindAndData) */
static SimId slice_str(PyRun *I, SimId s, size_t from, size_t n)
{
    return str_encode(I, text(I, s) + from, n, false);
}

/* make_intermediate: the whole text, accumulating again from it */
static SimId intermediate(PyRun *I, SimId s)
{
    SimId r = accu_finish(I, s);
    if (!r)
        return 0;
    accu_init(I, s);
    accu_add(I, s, r);
    return r;
}

/* write_str: the code points at the position, the gap (if any) filled
 * with NULs; appended at the end while accumulating (3.11: the str itself
 * into the list) */
static bool put_text(PyRun *I, SimId s, SimId str)
{
    size_t n;
    uint32_t *cp = str_decode(I, str, &n);
    SimObj *o = sim_obj(S, s);
    int64_t pos = o->v.stringio.pos;
    if (n == 0) {
        free(cp);
        return true;
    }
    if ((uint64_t)pos != o->len)
        realize(I, s);
    if (!(sim_obj(S, s)->sub & SIO_REALIZED)) {
        SimId list = SIM_V(S, s, SK_STRINGIO, stringio.accu);
        if (list && sim_obj(S, list)->len + 1 >= 100000) {
            free(cp);
            return py_not_modelled(I, 0, "a StringIO holding 100000 pending writes (3.11 joins them)");
        }
        accu_add(I, s, str);
    }
    size_t end = (size_t)pos + n;
    if (!sim_stringio_reserve(S, s, end > sim_obj(S, s)->len ? end : sim_obj(S, s)->len)) {
        free(cp);
        py_no_memory(I);
        return false;
    }
    o = sim_obj(S, s);
    for (size_t i = o->len; i < (size_t)pos; i++)
        text(I, s)[i] = 0;
    memcpy(text(I, s) + pos, cp, n * sizeof *cp);
    free(cp);
    if (end > o->len)
        o->len = (uint32_t)end;
    o->v.stringio.pos = (int64_t)end;
    return true;
}

SimId stringio_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw && sim_obj(S, kw)->len)
        return py_not_modelled(I, 0, "io.StringIO() with keyword arguments"), 0;
    bi_args_tuple(I, n); /* tp_new and tp_init: type_call packs the arguments */
    if (n > 2) {
        py_raise(I, EXC_TypeError, "StringIO() takes at most 2 arguments (%d given)", n);
        return 0;
    }
    if (n == 2)
        return py_not_modelled(I, 0, "the newline argument of io.StringIO()"), 0;
    SimId init = n ? a[0] : 0;
    if (init && sim_kind(S, init) != SK_STR && sim_kind(S, init) != SK_NONE) {
        py_raise(I, EXC_TypeError, "initial_value must be str or None, not %s", op_typename(I, init));
        return 0;
    }
    SimId s = sim_stringio(S, sim_str(S, "\n", 1));
    if (init && sim_kind(S, init) == SK_STR && sim_obj(S, init)->cap > 0) {
        sim_obj(S, s)->sub |= SIO_REALIZED; /* made with text: realized from the start */
        if (!put_text(I, s, init)) {
            sim_decref(S, s);
            return 0;
        }
        sim_obj(S, s)->v.stringio.pos = 0;
    } else {
        accu_init(I, s); /* empty: accumulating */
    }
    return s;
}

static SimId sio_write(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!check_open(I, a[0]))
        return 0;
    if (sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "string argument expected, got '%s'", op_typename(I, a[1]));
        return 0;
    }
    int64_t len = sim_obj(S, a[1])->cap;
    if (len > 0 && S->prof->version != SIM_V311) /* 3.12's accumulating _PyUnicodeWriter */
        tm_note_unsure(I, "a write to an io.StringIO (3.12's accumulating writer grows as the model does not follow)");
    return put_text(I, a[0], a[1]) ? sim_int_digits(S, len) : 0; /* PyLong_FromSsize_t */
}

bool stringio_write(PyRun *I, SimId s, SimId str)
{
    SimId args[2] = {s, str};
    SimId r = sio_write(I, args, 2, 0);
    sim_xdecref(S, r);
    return r != 0;
}

static SimId sio_read(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    SimId s = a[0];
    int64_t size = -1;
    if (!check_open(I, s) || (n > 1 && sim_kind(S, a[1]) != SK_NONE && !bi_int_arg(I, a[1], &size)))
        return 0;
    SimObj *o = sim_obj(S, s);
    int64_t left = (int64_t)o->len - o->v.stringio.pos;
    if (left < 0)
        left = 0;
    if (size < 0 || size > left)
        size = left;
    if (!(o->sub & SIO_REALIZED) && o->v.stringio.pos == 0 && size == left) { /* seek(0); read() */
        o->v.stringio.pos = o->len;
        return intermediate(I, s);
    }
    realize(I, s); /* may allocate: the record is read again after it */
    o = sim_obj(S, s);
    int64_t pos = o->v.stringio.pos;
    o->v.stringio.pos = pos + size;
    return slice_str(I, s, (size_t)(pos < (int64_t)o->len ? pos : o->len), (size_t)size);
}

/* _stringio_readline: up to and with the next '\n' */
static SimId read_line(PyRun *I, SimId s)
{
    realize(I, s);
    SimObj *o = sim_obj(S, s);
    size_t pos = (size_t)o->v.stringio.pos, end = pos;
    if (pos >= o->len)
        return str_encode(I, NULL, 0, false);
    while (end < o->len && text(I, s)[end] != '\n')
        end++;
    if (end < o->len)
        end++;
    o->v.stringio.pos = (int64_t)end;
    return slice_str(I, s, pos, end - pos);
}

static SimId sio_readline(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n > 1 && sim_kind(S, a[1]) != SK_NONE)
        return py_not_modelled(I, 0, "the size argument of StringIO.readline()"), 0;
    return check_open(I, a[0]) ? read_line(I, a[0]) : 0;
}

SimId stringio_next(PyRun *I, SimId s)
{
    if (!check_open(I, s))
        return 0;
    SimId line = read_line(I, s);
    if (line && sim_obj(S, line)->cap == 0) { /* the end: StopIteration */
        sim_decref(S, line);
        return 0;
    }
    return line;
}

static SimId sio_getvalue(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!check_open(I, a[0]))
        return 0;
    if (!(sim_obj(S, a[0])->sub & SIO_REALIZED))
        return intermediate(I, a[0]);
    return slice_str(I, a[0], 0, sim_obj(S, a[0])->len);
}

static SimId sio_seek(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t pos, whence = 0;
    if (!bi_int_arg(I, a[1], &pos) || (n > 2 && !bi_int_arg(I, a[2], &whence)))
        return 0;
    if (whence != 0 && whence != 1 && whence != 2) {
        py_raise(I, EXC_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
        return 0;
    }
    if (pos < 0 && whence == 0) {
        py_raise(I, EXC_ValueError, "Negative seek position %lld", (long long)pos);
        return 0;
    }
    if (whence != 0 && pos != 0) {
        py_raise(I, EXC_OSError, whence == 1 ? "Can't do nonzero cur-relative seeks" : "Can't do nonzero end-relative seeks");
        return 0;
    }
    if (!check_open(I, a[0]))
        return 0;
    SimObj *o = sim_obj(S, a[0]);
    if (whence == 2)
        pos = o->len;
    else if (whence == 1)
        pos = o->v.stringio.pos;
    o->v.stringio.pos = pos;
    return sim_int(S, pos);
}

static SimId sio_tell(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return check_open(I, a[0]) ? sim_int(S, sim_obj(S, a[0])->v.stringio.pos) : 0;
}

static SimId sio_close(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId list = SIM_V(S, a[0], SK_STRINGIO, stringio.accu); /* _PyAccu_Destroy */
    SIM_V(S, a[0], SK_STRINGIO, stringio.accu) = 0;
    sim_xdecref(S, list);
    sim_obj(S, a[0])->sub |= SIO_CLOSED;
    return bi_none(I);
}

static SimId sio_true(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return check_open(I, a[0]) ? sim_bool(S, true) : 0;
}

static SimId sio_enter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!check_open(I, a[0]))
        return 0;
    sim_incref(S, a[0]);
    return a[0];
}

static SimId sio_exit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    SimId r = sio_close(I, a, n, 0); /* IOBase.__exit__ calls close() */
    return r;
}

#define SIO(nm, f, ...) BUILTIN(nm, SK_STRINGIO, 0, f, __VA_ARGS__)
const BuiltinDef stringio_methods[] = {
    SIO("write", sio_write, .style = ARGS_ONE),
    SIO("read", sio_read, .style = ARGS_RANGE, .min = 0, .max = 1),
    SIO("readline", sio_readline, .style = ARGS_RANGE, .min = 0, .max = 1),
    SIO("getvalue", sio_getvalue, .style = ARGS_NONE),
    SIO("seek", sio_seek, .style = ARGS_RANGE, .min = 1, .max = 2),
    SIO("tell", sio_tell, .style = ARGS_NONE),
    SIO("close", sio_close, .style = ARGS_NONE),
    SIO("readable", sio_true, .style = ARGS_NONE),
    SIO("writable", sio_true, .style = ARGS_NONE),
    SIO("seekable", sio_true, .style = ARGS_NONE),
    SIO("__enter__", sio_enter, .style = ARGS_NONE),
    SIO("__exit__", sio_exit, .style = ARGS_OWN),
};
const int stringio_nmethods = (int)(sizeof stringio_methods / sizeof stringio_methods[0]);
