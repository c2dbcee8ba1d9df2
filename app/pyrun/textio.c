/*
 * textio: print() and the sys.stdout it writes to, allocation by
 * allocation, because what they make is visible in gc.get_count(), in the
 * moment an automatic collection fires and in gc.get_freeze_count().
 *
 * print(*args, sep, end, flush) (Python/bltinmodule.c, Argument Clinic):
 *   - 3.11 only: the first call builds the clinic parser's keyword tuple
 *     ("sep", "end", "file", "flush"), a tracked 4-tuple kept for good
 *     (getargs.c parser_init; 3.12+ have it statically allocated);
 *   - the *args tuple (tuple free list; () for no arguments);
 *   - per value, then per separator and for `end`, PyFile_WriteObject:
 *     getattr(file, "write") makes a bound builtin method (a GC object
 *     without a free list: counted up, can trigger a collection), then
 *     str(value), then the call, then the method dies (counted down);
 *   - flush=True empties the pending buffer; the *args tuple dies last.
 * TextIOWrapper.write (Modules/_io/textio.c): an ASCII str is kept as it is
 * (UTF-8 mode, ASCII-compatible codec), anything else is encoded to a bytes
 * object.  The first pending chunk is held directly, the second turns the
 * buffer into a 2-item list (PyList_New(2): list free list or a GC
 * allocation), later ones are appended.  A chunk that would overflow
 * chunk_size (8192) flushes first; reaching chunk_size flushes after.
 * Flushing joins the chunks into one bytes object and drops the list and
 * every chunk it held: printed strings stay referenced until then.
 * The text itself reaches the host at each write, in write order.
 */
#include <stdlib.h>
#include <string.h>

#include "sim/trace.h"
#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define TEXTIO_CHUNK 8192u

/* _bufferedwriter_raw_write: the buffer handed to FileIO.write as a
 * memoryview over a managed buffer (two GC objects, freed at once); write()
 * answers the byte count. */
static void raw_write(PyRun *I, size_t n)
{
    SimId mbuf = sim_iter_composite(S, SIM_XT_IO_MBUF, 0, 0, 0, true);
    SimId view = sim_iter_composite(S, SIM_XT_IO_MEMVIEW, 0, 0, 0, true);
    sim_decref(S, sim_int(S, (int64_t)n)); /* PyLong_FromSsize_t */
    sim_decref(S, view);
    sim_decref(S, mbuf);
}

/* BufferedWriter.write of n bytes (_io__Buffered_write_impl): kept when
 * they fit in its 8192-byte buffer, else what it holds goes to the file
 * first, then the new bytes too when they alone overflow it. */
static void buffered_write(PyRun *I, int fd, size_t n)
{
    size_t *held = &I->io_buffered[fd - 1];
    if (n <= TEXTIO_CHUNK - *held) {
        *held += n;
        return;
    }
    if (*held)
        raw_write(I, *held);
    *held = n > TEXTIO_CHUNK ? 0 : n;
    if (n > TEXTIO_CHUNK)
        raw_write(I, n);
}

/* BufferedWriter.flush: what it holds goes to the file */
static void buffered_flush(PyRun *I, int fd)
{
    size_t held = I->io_buffered[fd - 1];
    I->io_buffered[fd - 1] = 0;
    if (held)
        raw_write(I, held);
}

/* _textiowrapper_writeflush: the chunks become one bytes object handed to
 * the buffered writer, whose write() answers its length; the pending list
 * (or chunk) is released first.  A line-buffered stream (sys.stderr) then
 * flushes the buffered writer to the file. */
static void writeflush(PyRun *I, int fd, bool to_file)
{
    SimId p = I->io_pending[fd - 1];
    if (!p)
        return;
    if (__builtin_expect(S->pm.trace != NULL, 0)) /* the raw write's memoryview and its call */
        tm_note_peak_unsure(I, "a print() that wrote its buffer to the file");
    size_t n = I->io_pending_bytes[fd - 1];
    SimId joined = 0;
    if (sim_kind(S, p) != SK_BYTES)
        joined = sim_bytes(S, NULL, n);
    I->io_pending[fd - 1] = 0;
    I->io_pending_bytes[fd - 1] = 0;
    sim_decref(S, p);
    buffered_write(I, fd, n);
    sim_decref(S, sim_int(S, (int64_t)n)); /* BufferedWriter.write's answer */
    sim_xdecref(S, joined);
    if (to_file)
        buffered_flush(I, fd);
}

/* TextIOWrapper.flush: the pending text, then the buffered writer's bytes */
void textio_flush(PyRun *I, int fd)
{
    writeflush(I, fd, false);
    buffered_flush(I, fd);
}

/* TextIOWrapper.write(text) on sys.stdout (fd 1) or sys.stderr (fd 2),
 * text a str (borrowed); the int it answers (a new reference). */
SimId textio_write(PyRun *I, int fd, SimId text)
{
    /* 3.12+: a collection that print's own allocations scheduled runs here,
     * with the bound write method still alive (observed: it sits in
     * generation 0 when the collection starts; 3.11 ran it in the allocation) */
    vm_eval_breaker(I);
    size_t n;
    const char *d = sim_str_data(S, text, &n);
    bool ascii = true, newline = false;
    for (size_t i = 0; i < n; i++) {
        ascii = ascii && (unsigned char)d[i] < 0x80;
        newline = newline || d[i] == '\n' || d[i] == '\r';
    }
    bool line_buffered = fd == 2 && newline; /* stderr is line-buffered, stdout into a pipe is not */
    SimId b;
    if (ascii) {
        b = text;
        sim_incref(S, b);
    } else { /* the UTF-8 encoder's result; copied first: allocating may move the slab */
        uint8_t *copy = xmalloc(n + 1);
        memcpy(copy, d, n);
        b = sim_bytes(S, copy, n);
        free(copy);
    }
    /* a chunk that would overflow chunk_size flushes what is pending first;
     * 3.13 then writes the chunk through as well (measured) */
    SimId *pending = &I->io_pending[fd - 1];
    size_t *pending_bytes = &I->io_pending_bytes[fd - 1];
    bool through = false;
    if (*pending_bytes + n > TEXTIO_CHUNK) {
        through = S->prof->version == SIM_V313 && *pending != 0;
        writeflush(I, fd, false);
    }
    SimId p = *pending;
    if (!p) {
        *pending = b;
    } else if (sim_kind(S, p) != SK_LIST) {
        SimId list = sim_list(S, 2); /* may collect (3.11) and re-enter print */
        SimId cur = *pending;         /* what a finalizer's print left, if one ran */
        if (cur && sim_kind(S, cur) != SK_LIST) {
            sim_list_set(S, list, 0, cur);
            sim_list_set(S, list, 1, b);
            *pending = list;
        } else {
            sim_list_set(S, list, 0, sim_none(S));
            sim_list_set(S, list, 1, sim_none(S));
            sim_decref(S, list);
            if (cur)
                sim_list_append(S, cur, b);
            else
                *pending = b;
        }
    } else {
        sim_list_append(S, p, b);
    }
    *pending_bytes += n;
    d = sim_str_data(S, text, &n); /* the allocations above may have moved the slab */
    py_write(I, fd, d, n);
    if (*pending_bytes >= TEXTIO_CHUNK || through || line_buffered)
        writeflush(I, fd, line_buffered);
    /* write() answers the text's length (a new object past the small ints) */
    return sim_int_digits(S, (int64_t)sim_obj(S, text)->cap); /* PyLong_FromSsize_t */
}

/* PyFile_WriteObject(v, file, Py_PRINT_RAW), file 0 for sys.stdout or
 * an io.StringIO; false on error. */
static bool write_object(PyRun *I, SimId file, SimId v)
{
    SimId writer = sim_builtin(S, 0, 0); /* the bound method file.write */
    SimId value;
    SimKind k = sim_kind(S, v);
    if (__builtin_expect(S->pm.trace != NULL, 0) && k != SK_STR && k != SK_INT && k != SK_BOOL && k != SK_NONE &&
        k != SK_FLOAT && !((k == SK_LIST || k == SK_TUPLE || k == SK_DICT || k == SK_SET || k == SK_DEQUE) &&
                           !sim_is_subinst(S, v))) /* repr.c follows a list's or tuple's writer and notes the others */
        tm_note_peak_unsure(I, "a print() of an object that is not a str or a number");
    else if (__builtin_expect(S->pm.trace != NULL, 0) && k == SK_STR && dunder_defines(I, v, "__str__"))
        tm_note_peak_unsure(I, "a print() of a str subclass's __str__ (the model copies its result)");
    if (k == SK_STR && !sim_is_subinst(S, v)) {
        value = v;
        sim_incref(S, value);
    } else if (k == SK_STR) { /* PyObject_Str: the class's __str__, or unicode_str's exact copy */
        value = str_of(I, &v, 1, 1);
        if (!value) {
            sim_decref(S, writer);
            return false;
        }
    } else {
        Buf b = {0};
        if (!op_str(I, v, &b)) {
            buf_fini(&b);
            sim_decref(S, writer);
            return false;
        }
        value = str_of_text(I, v, &b);
        buf_fini(&b);
    }
    bool ok = true;
    int fd = stdstream_fd(I, file);
    if (fd)
        sim_decref(S, textio_write(I, fd, value)); /* print() drops write()'s answer */
    else
        ok = stringio_write(I, file, value);
    sim_decref(S, value);
    sim_decref(S, writer);
    return ok;
}

static bool write_text(PyRun *I, SimId file, SimId given, const char *dflt)
{
    if (given && sim_kind(S, given) == SK_STR)
        return write_object(I, file, given);
    SimId s = sim_str(S, dflt, strlen(dflt)); /* PyFile_WriteString: a singleton */
    bool ok = write_object(I, file, s);
    sim_decref(S, s);
    return ok;
}

SimId textio_print(PyRun *I, SimId *a, int n, SimId kw)
{
    if (S->prof->clinic_kwtuple_lazy && !I->print_kwtuple) {
        static const char *const names[] = {"sep", "end", "file", "flush"};
        SimId t = sim_tuple(S, 4);
        PmTraceFn tr = sim_trace_pause(S); /* the names are CPython's, from before the program */
        for (size_t i = 0; i < 4; i++)
            sim_tuple_set(S, t, i, sim_str_intern(S, names[i], strlen(names[i])));
        sim_trace_resume(S, tr);
        I->print_kwtuple = t;
    }
    int np = bi_npos(I, n, kw);
    SimId sep = bi_kwarg(I, a, n, kw, "sep"), end = bi_kwarg(I, a, n, kw, "end");
    SimId flush = bi_kwarg(I, a, n, kw, "flush"), file = bi_kwarg(I, a, n, kw, "file");
    if (!file || sim_kind(S, file) == SK_NONE) { /* sys.stdout as it is now */
        file = stdstream_current(I, 1);
        if (!file) {
            py_raise(I, EXC_RuntimeError, "lost sys.stdout");
            return 0;
        }
        if (sim_kind(S, file) == SK_NONE)
            return bi_none(I);
    }
    if (!stdstream_fd(I, file) && sim_kind(S, file) != SK_STRINGIO)
        return py_not_modelled(I, 0, "print() to a file other than sys.stdout, sys.stderr or an io.StringIO"), 0;
    SimId args = 0;
    if (np > 0) {
        args = sim_tuple(S, (size_t)np);
        for (int i = 0; i < np; i++) {
            sim_incref(S, a[i]);
            sim_tuple_set(S, args, (size_t)i, a[i]);
        }
    }
    bool ok = true;
    for (int i = 0; ok && i < np; i++) {
        if (i)
            ok = write_text(I, file, sep, " ");
        if (ok)
            ok = write_object(I, file, a[i]);
    }
    if (ok)
        ok = write_text(I, file, end, "\n");
    if (ok && flush && op_truth(I, flush) == 1 && stdstream_fd(I, file))
        textio_flush(I, stdstream_fd(I, file));
    else if (ok && flush && op_truth(I, flush) == 1 && (sim_obj(S, file)->sub & 1)) { /* IOBase.flush */
        py_raise(I, EXC_ValueError, "I/O operation on closed file.");
        ok = false;
    }
    sim_xdecref(S, args);
    return ok ? bi_none(I) : 0;
}
