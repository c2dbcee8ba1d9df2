/*
 * bytesio: io.BytesIO (Modules/_io/bytesio.c) — an object of 80 bytes
 * (3.11-3.13, tracked) kept as a composite record: its buffer, a bytes
 * object it holds (refs[0]; 0 once closed), and the position and the size
 * of the data (ints). The buffer is shared while another reference holds
 * it (BytesIO(b) keeps b itself; getvalue() hands the buffer out when it
 * is exactly the data): a write then copies it first (unshare_buffer).
 * It grows as resize_buffer does (size + size/8 + 3 or 6 when within an
 * eighth of the old size, else size + 1), and getvalue() trims it to the
 * data. sys.getsizeof adds the buffer while it holds it alone
 * (bytesio_sizeof, sim/iter.c). getbuffer() (a memoryview) and the
 * methods not listed below are refused.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(o) sim_iter_refs(S, o)

enum { BIO_BUF, BIO_NREFS };
enum { BIO_POS, BIO_SIZE, BIO_NINTS };

#define GET(b, k) sim_iter_int(S, b, k)
#define SET(b, k, x) sim_iter_set_int(S, b, k, (int64_t)(x))

static bool is_bytesio(PyRun *I, SimId v) { return sim_is_native(S, v) && sim_xtype_of(S, v) == SIM_XT_IO_BYTESIO; }

static bool check_closed(PyRun *I, SimId b)
{
    if (REFS(b)[BIO_BUF])
        return true;
    py_raise(I, EXC_ValueError, "I/O operation on closed file.");
    return false;
}

/* SHARED_BUF: another reference holds it (3.12+: the empty bytes is immortal) */
static bool shared(PyRun *I, SimId b)
{
    sim_timing_seen_refcount(S); /* garbage may hold the buffer until the pin */
    const SimObj *o = sim_obj(S, REFS(b)[BIO_BUF]);
    return o->refcnt > 1 || (o->flags & SIM_F_IMMORTAL);
}

static size_t buf_len(PyRun *I, SimId b) { return sim_obj(S, REFS(b)[BIO_BUF])->len; }

/* a new bytes of n bytes, the first `keep` of the buffer copied (unshare_
 * buffer, or _PyBytes_Resize of a buffer held alone: the same figures) */
static bool rebuffer(PyRun *I, SimId b, size_t n, size_t keep)
{
    SimId nb = sim_bytes(S, NULL, n);
    if (!nb || S->nomem) {
        sim_xdecref(S, nb);
        py_no_memory(I);
        return false;
    }
    size_t have;
    const uint8_t *src = (const uint8_t *)sim_str_data(S, REFS(b)[BIO_BUF], &have);
    uint8_t *dst = (uint8_t *)sim_str_data(S, nb, &have);
    memcpy(dst, src, keep);
    SimId old = REFS(b)[BIO_BUF];
    REFS(b)[BIO_BUF] = nb;
    sim_decref(S, old);
    return true;
}

static bool resize_buffer(PyRun *I, SimId b, size_t size)
{
    size_t alloc = buf_len(I, b);
    if (size < alloc / 2)
        alloc = size + 1;
    else if (size < alloc)
        return true;
    else if ((double)size <= (double)alloc * 1.125)
        alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
    else
        alloc = size + 1;
    if (alloc > 64u << 20)
        return py_not_modelled(I, 0, "an io.BytesIO of more than 64 MiB");
    return rebuffer(I, b, alloc, (size_t)GET(b, BIO_SIZE));
}

/* write_bytes: the data at the position, a gap filled with zeros */
static bool write_bytes(PyRun *I, SimId b, const uint8_t *data, size_t len)
{
    size_t pos = (size_t)GET(b, BIO_POS), end = pos + len, have = (size_t)GET(b, BIO_SIZE);
    if (end > buf_len(I, b)) {
        if (!resize_buffer(I, b, end))
            return false;
    } else if (shared(I, b)) {
        if (!rebuffer(I, b, have, have))
            return false;
    }
    size_t n;
    uint8_t *dst = (uint8_t *)sim_str_data(S, REFS(b)[BIO_BUF], &n);
    if (pos > have)
        memset(dst + have, 0, pos - have);
    memcpy(dst + pos, data, len);
    SET(b, BIO_POS, end);
    if (have < end)
        SET(b, BIO_SIZE, end);
    return true;
}

static bool write_obj(PyRun *I, SimId b, SimId data, size_t *written)
{
    if (!bytes_like(I, data)) {
        if (!bytes_buffer_refused(I, data))
            py_raise(I, EXC_TypeError, "a bytes-like object is required, not '%s'", op_typename(I, data));
        return false;
    }
    size_t n;
    const uint8_t *d = (const uint8_t *)sim_str_data(S, data, &n);
    *written = n;
    if (n == 0)
        return true;
    uint8_t copy[256], *p = n <= sizeof copy ? copy : NULL; /* the slab may move while the buffer grows */
    if (!p)
        return py_not_modelled(I, 0, "a write of more than 256 bytes to an io.BytesIO");
    memcpy(p, d, n);
    return write_bytes(I, b, p, n);
}

SimId bytesio_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId init = bi_npos(I, n, kw) > 0 ? a[0] : bi_kwarg(I, a, n, kw, "initial_bytes");
    if (bi_npos(I, n, kw) > 1) {
        py_raise(I, EXC_TypeError, "BytesIO() takes at most 1 argument (%d given)", bi_npos(I, n, kw));
        return 0;
    }
    SimId b = iter_composite(I, SIM_XT_IO_BYTESIO, BIO_NREFS, BIO_NINTS, 0, true);
    if (!b)
        return 0;
    SimId empty = sim_bytes_shared(S, NULL, 0); /* bytesio_new: the empty bytes */
    REFS(b)[BIO_BUF] = empty;
    if (init && sim_kind(S, init) == SK_BYTES) {     /* an exact bytes is kept as the buffer */
        sim_incref(S, init);
        SimId old = REFS(b)[BIO_BUF];
        REFS(b)[BIO_BUF] = init;
        sim_decref(S, old);
        SET(b, BIO_SIZE, sim_obj(S, init)->len);
    } else if (init && sim_kind(S, init) != SK_NONE) {
        size_t w;
        if (!write_obj(I, b, init, &w)) {
            sim_decref(S, b);
            return 0;
        }
        SET(b, BIO_POS, 0);
    }
    return b;
}

static SimId bio_write(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    size_t w;
    if (!check_closed(I, a[0]) || !write_obj(I, a[0], a[1], &w))
        return 0;
    return sim_int(S, (int64_t)w);
}

/* read_bytes: the whole buffer itself when it is exactly what is read */
static SimId read_bytes(PyRun *I, SimId b, size_t size)
{
    int64_t pos = GET(b, BIO_POS);
    if (size > 1 && pos == 0 && size == buf_len(I, b)) {
        SET(b, BIO_POS, size);
        sim_incref(S, REFS(b)[BIO_BUF]);
        return REFS(b)[BIO_BUF];
    }
    size_t have;
    const uint8_t *src = (const uint8_t *)sim_str_data(S, REFS(b)[BIO_BUF], &have);
    uint8_t copy[256];
    if (size > sizeof copy)
        return py_not_modelled(I, 0, "a read of more than 256 bytes from an io.BytesIO"), 0;
    memcpy(copy, src + pos, size);
    SET(b, BIO_POS, pos + (int64_t)size);
    return sim_bytes_shared(S, copy, size);
}

static SimId bio_read(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t size = -1;
    if (!check_closed(I, a[0]) || (n > 1 && sim_kind(S, a[1]) != SK_NONE && !bi_int_arg(I, a[1], &size)))
        return 0;
    int64_t left = GET(a[0], BIO_SIZE) - GET(a[0], BIO_POS);
    if (left < 0)
        left = 0;
    if (size < 0 || size > left)
        size = left;
    return read_bytes(I, a[0], (size_t)size);
}

static SimId bio_readline(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n > 1 && sim_kind(S, a[1]) != SK_NONE)
        return py_not_modelled(I, 0, "the size argument of BytesIO.readline()"), 0;
    if (!check_closed(I, a[0]))
        return 0;
    size_t have, pos = (size_t)GET(a[0], BIO_POS), end = pos, size = (size_t)GET(a[0], BIO_SIZE);
    const uint8_t *d = (const uint8_t *)sim_str_data(S, REFS(a[0])[BIO_BUF], &have);
    while (end < size && d[end] != '\n')
        end++;
    if (end < size)
        end++;
    return read_bytes(I, a[0], end > pos ? end - pos : 0);
}

static SimId bio_getvalue(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId b = a[0];
    if (!check_closed(I, b))
        return 0;
    size_t size = (size_t)GET(b, BIO_SIZE);
    if (size <= 1) {
        size_t have;
        uint8_t c = size ? *(const uint8_t *)sim_str_data(S, REFS(b)[BIO_BUF], &have) : 0;
        return sim_bytes_shared(S, &c, size);
    }
    if (size != buf_len(I, b) && !rebuffer(I, b, size, size))
        return 0;
    sim_incref(S, REFS(b)[BIO_BUF]);
    return REFS(b)[BIO_BUF];
}

static SimId bio_seek(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t pos, whence = 0;
    if (!bi_int_arg(I, a[1], &pos) || (n > 2 && !bi_int_arg(I, a[2], &whence)) || !check_closed(I, a[0]))
        return 0;
    if (pos < 0 && whence == 0) {
        py_raise(I, EXC_ValueError, "negative seek value %lld", (long long)pos);
        return 0;
    }
    if (whence == 1)
        pos += GET(a[0], BIO_POS);
    else if (whence == 2)
        pos += GET(a[0], BIO_SIZE);
    else if (whence != 0) {
        py_raise(I, EXC_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
        return 0;
    }
    SET(a[0], BIO_POS, pos < 0 ? 0 : pos);
    return sim_int(S, GET(a[0], BIO_POS));
}

static SimId bio_tell(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return check_closed(I, a[0]) ? sim_int(S, GET(a[0], BIO_POS)) : 0;
}

static SimId bio_close(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId buf = REFS(a[0])[BIO_BUF]; /* Py_CLEAR(self->buf) */
    REFS(a[0])[BIO_BUF] = 0;
    sim_xdecref(S, buf);
    return bi_none(I);
}

static SimId bio_true(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return check_closed(I, a[0]) ? sim_bool(S, true) : 0;
}

static SimId bio_enter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!check_closed(I, a[0]))
        return 0;
    sim_incref(S, a[0]);
    return a[0];
}

#define BIO(nm, f, ...) BUILTIN(nm, SK_SENTINEL, BM_IO, f, __VA_ARGS__)
const BuiltinDef bytesio_methods[] = {
    BIO("write", bio_write, .style = ARGS_ONE),
    BIO("read", bio_read, .style = ARGS_RANGE, .min = 0, .max = 1),
    BIO("readline", bio_readline, .style = ARGS_RANGE, .min = 0, .max = 1),
    BIO("getvalue", bio_getvalue, .style = ARGS_NONE),
    BIO("seek", bio_seek, .style = ARGS_RANGE, .min = 1, .max = 2),
    BIO("tell", bio_tell, .style = ARGS_NONE),
    BIO("close", bio_close, .style = ARGS_NONE),
    BIO("readable", bio_true, .style = ARGS_NONE),
    BIO("writable", bio_true, .style = ARGS_NONE),
    BIO("seekable", bio_true, .style = ARGS_NONE),
    BIO("__enter__", bio_enter, .style = ARGS_NONE),
    BIO("__exit__", bio_close, .style = ARGS_OWN),
};
const int bytesio_nmethods = (int)(sizeof bytesio_methods / sizeof bytesio_methods[0]);

/* BytesIO's other attributes (dir() on 3.11-3.13): refused, not missing */
static const char *const unmodelled[] = {"getbuffer", "readlines", "writelines", "truncate", "read1", "readinto",
                                         "readinto1", "flush", "isatty", "fileno", "detach", "__iter__",
                                         "__next__", "__getstate__", "__setstate__", "__dict__", "__sizeof__"};

SimId bytesio_native_attr(PyRun *I, SimId b, const char *name, bool *found)
{
    if (strcmp(name, "closed") == 0) {
        *found = true;
        return sim_bool(S, REFS(b)[BIO_BUF] == 0);
    }
    for (int i = 0; i < bytesio_nmethods; i++)
        if (strcmp(bytesio_methods[i].name, name) == 0) {
            *found = true;
            return native_bound(I, &bytesio_methods[i], b);
        }
    for (size_t i = 0; i < sizeof unmodelled / sizeof unmodelled[0]; i++)
        if (strcmp(unmodelled[i], name) == 0) {
            *found = true;
            return py_not_modelled(I, 0, "io.BytesIO's '%s'", name), 0;
        }
    return 0;
}

SimId bytesio_special(PyRun *I, SimId b, const char *name)
{
    if (!is_bytesio(I, b))
        return 0;
    bool found;
    return bytesio_native_attr(I, b, name, &found);
}
