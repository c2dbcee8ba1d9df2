/*
 * objects: constructors, sizes (sys.getsizeof), tracking, traversal and the
 * list operations, with CPython 3.11's allocation path for each type
 * (sizes measured in oracle/measured e1 and by getsizeof on 3.11.7/3.12.1/
 * 3.13.0; list over-allocation from Objects/listobject.c `list_resize`).
 */
#include "sim/trace.h"
#include "sim/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define GC_HEAD 16u

/* Inline in this file's constructors: one per object made (forced where
 * the compiler allows: an int's is most of sim_int's work). */
#if defined(__GNUC__)
#define OBJ_INLINE inline __attribute__((always_inline))
#else
#define OBJ_INLINE inline
#endif
static OBJ_INLINE SimId new_obj_inline(Sim *s, SimKind k, size_t size, SimFreeList *fl, bool gc)
{
    bool from_fl = false;
    PmPtr b = sim__obj_block(s, fl, size, gc, &from_fl);
    SimId id = sim__alloc_record(s, k);
    SimObj *o = &s->obj[id];
    o->mem = b;
    if (gc)
        o->flags |= SIM_F_GCTYPE;
    sim_event(s, SE_ALLOC, id, (uint32_t)size, from_fl);
    return id;
}

SimId sim__new_obj(Sim *s, SimKind k, size_t size, SimFreeList *fl, bool gc)
{
    return new_obj_inline(s, k, size, fl, gc);
}

#define new_obj new_obj_inline

/* A zeroed payload; false (no payload, refusal recorded) when refused. */
static bool set_payload(Sim *s, SimId id, size_t nwords)
{
    uint32_t cap = 0;
    uint32_t h = slab_alloc(&s->slab, nwords, &cap);
    s->obj[id].data = h;
    s->obj[id].datacap = cap;
    if (!h) {
        sim_set_nomem(s);
        return false;
    }
    memset(slab_ptr(&s->slab, h), 0, cap * sizeof(uint32_t));
    return true;
}

bool sim__set_payload(Sim *s, SimId id, size_t nwords) { return set_payload(s, id, nwords); }

/* What a refused constructor returns: an empty object of the kind asked for,
 * with no memory, untracked, that the host drops when it raises MemoryError. */
static SimId refused(Sim *s, SimKind k)
{
    sim_set_nomem(s);
    return sim__alloc_record(s, k);
}

SimId sim__refused_record(Sim *s, SimKind k) { return refused(s, k); }

static inline SimId ret(Sim *s, SimId id)
{
    sim_incref(s, id);
    return id;
}

/* ---- scalars --------------------------------------------------------------- */

static unsigned int_digits(int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    unsigned d = 0;
    while (m) {
        d++;
        m >>= 30;
    }
    return d ? d : 1;
}

/* The bytes CPython asks for: a one-digit int comes from _PyLong_FromMedium,
 * PyObject_Malloc(sizeof(PyLongObject)), 32 with the padding (getsizeof says
 * 28); longer ones from _PyLong_New(n), 24 + 4n. */
static size_t int_request(int64_t v)
{
    unsigned d = int_digits(v);
    return d == 1 ? 32 : 24 + 4 * (size_t)d;
}

SimId sim_int(Sim *s, int64_t v)
{
    if (v >= -5 && v <= 256)
        return ret(s, s->small_int[v + 5]);
    SimId id = new_obj(s, SK_INT, int_request(v), NULL, false);
    s->obj[id].v.i = v;
    return id;
}

SimId sim_int_digits(Sim *s, int64_t v)
{
    if (v >= -5 && v <= 256)
        return ret(s, s->small_int[v + 5]);
    SimId id = new_obj(s, SK_INT, 24 + 4 * int_digits(v), NULL, false); /* _PyLong_New(digits) */
    s->obj[id].v.i = v;
    return id;
}

SimId sim_int_request(Sim *s, int64_t v, size_t request)
{
    if (v >= -5 && v <= 256) { /* maybe_small_long: the block made and dropped for the cached int */
        sim_block_flash(s, request);
        return ret(s, s->small_int[v + 5]);
    }
    SimId id = new_obj(s, SK_INT, request, NULL, false);
    s->obj[id].v.i = v;
    return id;
}

void sim_block_flash(Sim *s, size_t n)
{
    PmPtr b = pm_alloc(&s->pm, n);
    if (b != PM_NULL)
        pm_free(&s->pm, b);
}

SimId sim_int_unsure(Sim *s, int64_t v)
{
    SimId id = new_obj(s, SK_INT, int_request(v), NULL, false);
    s->obj[id].v.i = v;
    s->obj[id].sub = SIM_INT_UNSURE;
    return id;
}

/* A source inside the slab (a str's own bytes, sliced; a bytes copied into
 * a bytearray) moves with the array when the new object's payload grows
 * it: its offset is kept across the allocation, the pointer made again. */
static ptrdiff_t slab_offset(const Sim *s, const void *p)
{
    uintptr_t w = (uintptr_t)s->slab.words, c = (uintptr_t)p;
    return c >= w && c < w + s->slab.cap * sizeof *s->slab.words ? (ptrdiff_t)(c - w) : -1;
}

static const void *slab_again(const Sim *s, const void *p, ptrdiff_t off)
{
    return off < 0 ? p : (const char *)s->slab.words + off;
}

SimId sim_int_big(Sim *s, int sign, const uint32_t *digits, uint32_t n)
{
    return sim_int_big_request(s, sign, digits, n, 24 + 4 * (size_t)n);
}

SimId sim_int_big_request(Sim *s, int sign, const uint32_t *digits, uint32_t n, size_t request)
{
    if (!sim_mem_room(s, request, n))
        return refused(s, SK_INT);
    ptrdiff_t off = slab_offset(s, digits);
    SimId id = new_obj(s, SK_INT, request, NULL, false);
    if (!set_payload(s, id, n))
        return id;
    memcpy(slab_ptr(&s->slab, s->obj[id].data), slab_again(s, digits, off), n * sizeof *digits);
    s->obj[id].sub = 1;
    s->obj[id].len = n;
    s->obj[id].v.i = sign;
    return id;
}

SimId sim_float(Sim *s, double v)
{
    SimId id = new_obj(s, SK_FLOAT, 24, &s->fl_float, false);
    s->obj[id].v.f = v;
    return id;
}

SimId sim_complex(Sim *s, double re, double im)
{
    SimId id = new_obj(s, SK_COMPLEX, 32, NULL, false); /* PyComplex_FromCComplex: no free list */
    s->obj[id].v.c.re = re;
    s->obj[id].v.c.im = im;
    return id;
}

SimId sim_bool(Sim *s, bool v) { return ret(s, v ? s->true_ : s->false_); }
SimId sim_none(Sim *s) { return ret(s, s->none); }

/* width of a str: 1 ascii, 2 latin-1, 3 ucs2, 4 ucs4; *nchars code points */
static unsigned str_width(const char *u, size_t n, size_t *nchars)
{
    unsigned w = 1;
    size_t c = 0;
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)u[i];
        uint32_t cp;
        size_t len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
        if (len == 1)
            cp = b;
        else if (len == 2)
            cp = (uint32_t)(b & 0x1f) << 6 | (i + 1 < n ? ((unsigned char)u[i + 1] & 0x3f) : 0);
        else
            cp = len == 3 ? 0x800 : 0x10000;
        if (cp >= 0x10000)
            w = 4;
        else if (cp >= 0x100 && w < 3)
            w = 3;
        else if (cp >= 0x80 && w < 2)
            w = 2;
        i += len;
        c++;
    }
    *nchars = c;
    return w;
}

static size_t str_size(const Sim *s, unsigned width, size_t nchars)
{
    if (width == 1)
        return s->prof->str_header + nchars + 1;
    unsigned k = width == 2 ? 1 : width == 3 ? 2 : 4;
    return s->prof->str_compact_header + (nchars + 1) * k;
}

static uint64_t hash_bytes(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return h;
}

static SimId new_str(Sim *s, const char *u, size_t n)
{
    size_t nchars;
    unsigned w = str_width(u, n, &nchars);
    if (!sim__len_fits(s, n) || !sim_mem_room(s, str_size(s, w, nchars), n / 4 + 1))
        return refused(s, SK_STR);
    ptrdiff_t off = slab_offset(s, u);
    SimId id = new_obj(s, SK_STR, str_size(s, w, nchars), NULL, false);
    if (!set_payload(s, id, n / 4 + 1))
        return id;
    u = slab_again(s, u, off);
    memcpy(slab_ptr(&s->slab, s->obj[id].data), u, n);
    s->obj[id].len = (uint32_t)n;
    s->obj[id].cap = (uint32_t)nchars;
    s->obj[id].sub = (uint8_t)w;
    s->obj[id].v.str.hash = sim_str_hash(u, n); /* CPython's, under PYTHONHASHSEED=0 */
    return id;
}

/* a str CPython allocates statically: no memory of its own, never traced,
 * its count at the profile's static start (immortal from 3.12) */
static SimId new_static_str(Sim *s, const char *u, size_t n)
{
    PmTraceFn tr = sim_trace_pause(s);
    SimId id = new_str(s, u, n);
    pm_free(&s->pm, s->obj[id].mem);
    sim_trace_resume(s, tr);
    s->obj[id].mem = PM_NULL;
    s->obj[id].flags |= SIM_F_STATIC | SIM_F_SPECIAL;
    if (s->prof->immortal_refcnt)
        s->obj[id].flags |= SIM_F_IMMORTAL;
    s->obj[id].refcnt = s->prof->static_refcnt ? s->prof->static_refcnt : 1;
    return id;
}

SimId sim_str(Sim *s, const char *u, size_t n)
{
    if (n == 0)
        return ret(s, s->empty_str);
    if (n == 1 || (n == 2 && ((unsigned char)u[0] & 0xe0) == 0xc0 &&
                   (unsigned char)u[0] <= 0xc3)) {
        unsigned c = n == 1 ? (unsigned char)u[0]
                            : (((unsigned char)u[0] & 0x1fu) << 6 | ((unsigned char)u[1] & 0x3fu));
        if (c < 256) { /* 1-character latin-1 strings are static singletons */
            if (!s->char1[c])
                s->char1[c] = new_static_str(s, u, n);
            return ret(s, s->char1[c]);
        }
    }
    return new_str(s, u, n);
}

SimId sim_str_fresh(Sim *s, const char *u, size_t n)
{
    return n == 0 ? ret(s, s->empty_str) : new_str(s, u, n);
}

const char *sim_str_data(const Sim *s, SimId id, size_t *n)
{
    *n = s->obj[id].len;
    if (!s->obj[id].data)
        return "";
    return (const char *)slab_ptr(&s->slab, s->obj[id].data);
}

static uint32_t intern_find(const Sim *s, const char *u, size_t n, uint64_t h)
{
    uint32_t mask = s->capinterned - 1, i = (uint32_t)h & mask;
    for (;;) {
        SimId e = s->interned[i];
        if (!e)
            return i;
        size_t en;
        const char *ed = sim_str_data(s, e, &en);
        if (e != (SimId)-1 && en == n && memcmp(ed, u, n) == 0)
            return i;
        i = (i + 1) & mask;
    }
}

static void intern_reserve(Sim *s)
{
    if (s->ninterned * 2 < s->capinterned)
        return;
    SimId *old = s->interned;
    uint32_t oldcap = s->capinterned;
    s->capinterned = oldcap ? oldcap * 2 : 1024;
    s->interned = xcalloc(s->capinterned, sizeof *s->interned);
    s->ninterned = 0;
    for (uint32_t i = 0; i < oldcap; i++) {
        if (!old[i])
            continue;
        size_t en;
        const char *ed = sim_str_data(s, old[i], &en);
        s->interned[intern_find(s, ed, en, hash_bytes(ed, en))] = old[i];
        s->ninterned++;
    }
    free(old);
}

/* The interned 1-character str of c (< 0x80): the static twin the profile
 * keeps apart from the singleton, else the singleton; 0 for no twin. */
static SimId char1_twin(Sim *s, unsigned char c)
{
    const char *set = s->prof->char1_interned;
    if (!set || c == 0 || c >= 0x80 || !strchr(set, c))
        return 0;
    if (!s->char1_interned[c]) {
        char u = (char)c;
        s->char1_interned[c] = new_static_str(s, &u, 1);
    }
    return s->char1_interned[c];
}

SimId sim_str_intern(Sim *s, const char *u, size_t n)
{
    if (n == 1 && char1_twin(s, (unsigned char)u[0]))
        return ret(s, char1_twin(s, (unsigned char)u[0]));
    if (n <= 1)
        return sim_str(s, u, n);
    intern_reserve(s);
    uint64_t h = hash_bytes(u, n);
    uint32_t slot = intern_find(s, u, n, h);
    if (s->interned[slot])
        return ret(s, s->interned[slot]);
    SimId id = new_str(s, u, n);
    s->obj[id].flags |= SIM_F_SPECIAL;
    if (s->prof->interned_immortal)
        s->obj[id].flags |= SIM_F_IMMORTAL | SIM_F_STATIC;
    s->interned[slot] = id;
    s->ninterned++;
    return id;
}

SimId sim_str_static(Sim *s, const char *u, size_t n)
{
    if (s->prof->version == SIM_V311)
        return new_static_str(s, u, n);
    intern_reserve(s);
    uint32_t slot = intern_find(s, u, n, hash_bytes(u, n));
    if (s->interned[slot])
        return ret(s, s->interned[slot]);
    SimId id = new_static_str(s, u, n);
    s->interned[slot] = id;
    s->ninterned++;
    return id;
}

SimId sim_str_intern_name(Sim *s, const char *u, size_t n)
{
    SimId id = sim_str_intern(s, u, n);
    if (s->prof->names_immortal) /* _PyUnicode_InternImmortal of the code's names */
        s->obj[id].flags |= SIM_F_IMMORTAL;
    return id;
}

SimId sim_str_intern_obj(Sim *s, SimId str)
{
    size_t n;
    const char *u = sim_str_data(s, str, &n);
    if (n == 1 && char1_twin(s, (unsigned char)u[0]))
        return ret(s, char1_twin(s, (unsigned char)u[0]));
    if (n <= 1 || (s->obj[str].flags & SIM_F_SPECIAL))
        return ret(s, str);
    intern_reserve(s);
    uint32_t slot = intern_find(s, u, n, hash_bytes(u, n));
    if (s->interned[slot])
        return ret(s, s->interned[slot]);
    /* PyUnicode_InternInPlace: this very object becomes the interned one */
    s->obj[str].flags |= SIM_F_SPECIAL;
    if (s->prof->interned_immortal)
        s->obj[str].flags |= SIM_F_IMMORTAL;
    s->interned[slot] = str;
    s->ninterned++;
    return ret(s, str);
}

void sim__unintern(Sim *s, SimId id)
{
    size_t n;
    const char *u = sim_str_data(s, id, &n);
    uint32_t mask = s->capinterned - 1;
    uint32_t i = intern_find(s, u, n, hash_bytes(u, n));
    if (s->interned[i] != id)
        return;
    /* delete with backward-shift so probing stays correct */
    s->interned[i] = 0;
    s->ninterned--;
    for (uint32_t j = (i + 1) & mask; s->interned[j]; j = (j + 1) & mask) {
        SimId e = s->interned[j];
        s->interned[j] = 0;
        size_t en;
        const char *ed = sim_str_data(s, e, &en);
        s->interned[intern_find(s, ed, en, hash_bytes(ed, en))] = e;
    }
}

SimId sim_bytes(Sim *s, const uint8_t *data, size_t n)
{
    if (n == 0)
        return ret(s, s->empty_bytes);
    if (!sim__len_fits(s, n) || !sim_mem_room(s, 33 + (uint64_t)n, n / 4 + 1))
        return refused(s, SK_BYTES);
    ptrdiff_t off = slab_offset(s, data);
    SimId id = new_obj(s, SK_BYTES, 33 + n, NULL, false);
    if (!set_payload(s, id, n / 4 + 1))
        return id;
    if (data)
        memcpy(slab_ptr(&s->slab, s->obj[id].data), slab_again(s, data, off), n);
    s->obj[id].len = (uint32_t)n;
    return id;
}

SimId sim_bytes_shared(Sim *s, const uint8_t *data, size_t n)
{
    if (n != 1 || !data)
        return sim_bytes(s, data, n);
    if (!s->byte_chars[data[0]])
        s->byte_chars[data[0]] = sim__byte_char_new(s, data[0]);
    return ret(s, s->byte_chars[data[0]]);
}

SimId sim_bytearray(Sim *s, const uint8_t *data, size_t n)
{
    if (!sim__len_fits(s, n) || !sim_mem_room(s, 56 + (uint64_t)n + 1, n / 4 + 1))
        return refused(s, SK_BYTEARRAY);
    ptrdiff_t off = slab_offset(s, data);
    SimId id = new_obj(s, SK_BYTEARRAY, 56, NULL, false);
    if (!set_payload(s, id, n / 4 + 1))
        return id;
    if (data && n)
        memcpy(slab_ptr(&s->slab, s->obj[id].data), slab_again(s, data, off), n);
    s->obj[id].len = (uint32_t)n;
    s->obj[id].cap = n ? (uint32_t)n + 1 : 0;
    s->obj[id].mem2 = n ? pm_alloc(&s->pm, n + 1) : PM_NULL;
    return id;
}

/* PyByteArray_Resize: CPython's growth and shrink rules, over ob_alloc
 * (cap) and the logical start a deletion at the front left (ob_start). */
void sim_bytearray_resize(Sim *s, SimId id, size_t n)
{
    SimObj *o = &s->obj[id];
    size_t alloc = o->cap, start = o->v.bytearray.start;
    if (n == o->len)
        return;
    if (n + start + 1 <= alloc) {
        if (n >= alloc / 2) { /* a minor shrink keeps the buffer */
            o->len = (uint32_t)n;
            return;
        }
        alloc = n + 1; /* a major one: down to the exact size */
    } else if ((double)n <= (double)alloc * 1.125) {
        alloc = n + (n >> 3) + (n < 9 ? 3 : 6); /* a moderate upsize overallocates */
    } else {
        alloc = n + 1; /* a major one: exactly */
    }
    if (!sim__len_fits(s, alloc) || !sim_mem_room(s, alloc > o->cap ? alloc - o->cap : 0, alloc / 4 + 1))
        return;
    uint32_t cap = o->datacap; /* the model's copy holds ob_alloc bytes, as CPython's buffer */
    uint32_t data = slab_resize(&s->slab, o->data, &cap, alloc / 4 + 1, o->datacap);
    if (!data) {
        sim_set_nomem(s);
        return;
    }
    o->data = data;
    o->datacap = cap;
    PmPtr m;
    if (start > 0) { /* a fresh buffer, the old one freed */
        m = pm_alloc(&s->pm, alloc);
        if (m != PM_NULL)
            pm_free(&s->pm, o->mem2);
    } else {
        m = pm_realloc(&s->pm, o->mem2, alloc);
    }
    if (m == PM_NULL)
        return;
    o->mem2 = m;
    o->cap = (uint32_t)alloc;
    o->v.bytearray.start = 0;
    o->len = (uint32_t)n;
}

void sim_bytearray_drop_front(Sim *s, SimId id, size_t k)
{
    SimObj *o = &s->obj[id];
    if (k == 0 || k > o->len)
        return;
    uint8_t *d = (uint8_t *)slab_ptr(&s->slab, o->data);
    memmove(d, d + k, o->len - k);
    o->v.bytearray.start += (uint32_t)k;
    sim_bytearray_resize(s, id, o->len - k);
}

/* ---- containers ------------------------------------------------------- */

static SimId list_new(Sim *s, size_t n, SimFreeList *fl)
{
    if (!sim_mem_room(s, 56 + 8 * (uint64_t)n, n) && n > SIM_SMALL_ITEMS)
        return refused(s, SK_LIST);
    SimId id = new_obj(s, SK_LIST, 56, fl, true);
    SimObj *o = &s->obj[id];
    o->mem2 = n ? pm_alloc(&s->pm, n * 8) : PM_NULL;
    if (set_payload(s, id, n ? n : 1))
        s->obj[id].len = s->obj[id].cap = (uint32_t)n;
    sim_track(s, id);
    return id;
}

SimId sim_list(Sim *s, size_t n) { return list_new(s, n, &s->fl_list); }
SimId sim_list_from_type(Sim *s) { return list_new(s, 0, NULL); } /* list(): tp_alloc */

SimId sim_tuple(Sim *s, size_t n)
{
    if (n == 0)
        return ret(s, s->empty_tuple);
    if (!sim_mem_room(s, 40 + 8 * (uint64_t)n, n) && n > SIM_SMALL_ITEMS)
        return refused(s, SK_TUPLE);
    SimId id = new_obj(s, SK_TUPLE, 40 + 8 * n, n < SIM_TUPLE_MAXSAVE ? &s->fl_tuple[n] : NULL,
                       true);
    if (set_payload(s, id, n))
        s->obj[id].len = (uint32_t)n;
    sim_track(s, id);
    return id;
}

bool sim_tuple_roundtrip(Sim *s, size_t n)
{
    return n > 0 && n < SIM_TUPLE_MAXSAVE && s->events_off && !s->static_alloc && s->fl_tuple[n].n > 0 &&
           s->dealloc_depth == 0 && s->ndeferred == 0 && sim_mem_room(s, 40 + 8 * (uint64_t)n, n);
}

void sim_tuple_set(Sim *s, SimId t, size_t i, SimId item)
{
    if (i >= s->obj[t].len) { /* a refused tuple holds nothing: the item is released */
        sim_xdecref(s, item);
        return;
    }
    sim_items(s, t)[i] = item;
}

bool sim_tuple_resize(Sim *s, SimId *t, size_t n)
{
    SimId v = *t;
    uint32_t old = s->obj[v].len;
    if (old == n)
        return true;
    if (n == 0 || old == 0) { /* the empty tuple is shared: never resized in place */
        sim_decref(s, v);
        *t = sim_tuple(s, n);
        return true;
    }
    if (!sim__len_fits(s, n) || !sim_mem_room(s, n > old ? 8 * (uint64_t)(n - old) : 0, n))
        return false;
    bool tracked = sim_is_tracked(s, v);
    if (tracked)
        sim_untrack(s, v);
    for (uint32_t i = (uint32_t)n; i < old; i++) { /* items cut off by the shrink */
        SimId x = sim_items(s, v)[i];
        sim_items(s, v)[i] = 0;
        sim_xdecref(s, x);
    }
    SimObj *o = &s->obj[v];
    uint32_t cap = o->datacap;
    uint32_t h = slab_resize(&s->slab, o->data, &cap, n, n < old ? n : old);
    PmPtr b = h ? pm_realloc(&s->pm, o->mem, 40 + 8 * n) : PM_NULL; /* PyObject_GC_Resize */
    o = &s->obj[v];
    if (h) {
        o->data = h;
        o->datacap = cap;
    }
    if (!b) {
        sim_set_nomem(s);
        if (tracked)
            sim_track(s, v);
        return false;
    }
    o->mem = b;
    for (uint32_t i = old; i < n; i++)
        sim_items(s, v)[i] = 0;
    o->len = (uint32_t)n;
    sim_track(s, v);
    return true;
}

SimId sim_dict(Sim *s)
{
    SimId id = new_obj(s, SK_DICT, 64, &s->fl_dict, true);
    return id; /* dicts start untracked */
}

SimId sim_dict_from_type(Sim *s)
{
    return new_obj(s, SK_DICT, 64, NULL, true); /* type->tp_alloc: not from the free list */
}

SimId sim_set(Sim *s)
{
    SimId id = new_obj(s, SK_SET, 216, NULL, true);
    sim_track(s, id);
    return id;
}

SimId sim_object(Sim *s) { return new_obj(s, SK_OBJECT, 16, NULL, false); }

SimId sim_super(Sim *s)
{
    SimId id = new_obj(s, SK_SUPER, 40, NULL, true);
    sim_track(s, id);
    return id;
}

SimId sim_func(Sim *s, uint32_t code, SimId name, SimId globals, SimId defaults, SimId closure)
{
    SimId id = new_obj(s, SK_FUNC, s->prof->version == SIM_V311 ? 152 : 160, NULL, true);
    SIM_V(s, id, SK_FUNC, func.code) = code;
    SIM_V(s, id, SK_FUNC, func.globals) = globals;
    set_payload(s, id, SIM_FN_NPARTS);
    uint32_t *p = sim_items(s, id);
    memset(p, 0, SIM_FN_NPARTS * sizeof *p);
    p[SIM_FN_NAME] = name, p[SIM_FN_DEFAULTS] = defaults, p[SIM_FN_CLOSURE] = closure;
    sim_track(s, id);
    return id;
}

/* A small tracked object whose fields the caller fills (and then tracks). */
static SimId small_gc_obj(Sim *s, SimKind k, size_t size)
{
    return new_obj(s, k, size, NULL, true);
}

SimId sim_method(Sim *s, SimId func, SimId self)
{
    SimId id = small_gc_obj(s, SK_METHOD, 64);
    SIM_V(s, id, SK_METHOD, method.func) = func;
    SIM_V(s, id, SK_METHOD, method.self) = self;
    sim_track(s, id);
    return id;
}

SimId sim_builtin(Sim *s, uint32_t index, SimId self)
{
    SimId id = small_gc_obj(s, SK_BUILTIN, 72);
    SIM_V(s, id, SK_BUILTIN, builtin.index) = index;
    SIM_V(s, id, SK_BUILTIN, builtin.self) = self;
    sim_track(s, id);
    return id;
}

SimId sim_method_wrapper(Sim *s, uint32_t index, SimId self)
{
    SimId id = small_gc_obj(s, SK_BUILTIN, 48); /* wrapperobject: descr, self */
    SIM_V(s, id, SK_BUILTIN, builtin.index) = index;
    SIM_V(s, id, SK_BUILTIN, builtin.self) = self;
    s->obj[id].sub = SIM_BUILTIN_WRAPPER;
    sim_track(s, id);
    return id;
}

SimId sim_cell(Sim *s, SimId content)
{
    SimId id = small_gc_obj(s, SK_CELL, 40);
    SIM_V(s, id, SK_CELL, cell.ref) = content;
    sim_track(s, id);
    return id;
}

SimId sim_module(Sim *s, SimId name, SimId dict)
{
    SimId id = small_gc_obj(s, SK_MODULE, 72);
    SIM_V(s, id, SK_MODULE, module.dict) = dict;
    SIM_V(s, id, SK_MODULE, module.name) = name;
    sim_track(s, id);
    return id;
}

SimId sim_dictview(Sim *s, SimId d, int view)
{
    SimId id = small_gc_obj(s, SK_DICTVIEW, 40);
    SIM_V(s, id, SK_DICTVIEW, view.dict) = d;
    s->obj[id].sub = (uint8_t)view;
    sim_track(s, id);
    return id;
}

SimId sim_range(Sim *s, int64_t start, int64_t stop, int64_t step)
{
    SimId id = new_obj(s, SK_RANGE, 48, NULL, false);
    set_payload(s, id, 4);
    int64_t *r = (int64_t *)(void *)sim_items(s, id);
    r[0] = stop, r[1] = step;
    s->obj[id].v.i = start;
    /* compute_range_length's fast path: r->length = PyLong_FromLong(len), an
     * int of its own beyond the small ones (its block stands for it) */
    int64_t len = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0)
                           : (start > stop ? (start - stop - 1) / -step + 1 : 0);
    if (len > 256 && !s->static_alloc)
        s->obj[id].mem2 = pm_alloc(&s->pm, int_request(len));
    return id;
}
