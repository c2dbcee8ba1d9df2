/*
 * strbytes: str, bytes and bytearray objects: their constructors and sizes
 * (the compact ascii / latin-1 / UCS-2 / UCS-4 layouts, sizes per profile),
 * the 1-character singletons, and interning (sys.intern, identifiers), as
 * measured by getsizeof on 3.11.7/3.12.1/3.13.0 (oracle/measured e1).
 */
#include "sim/trace.h"
#include "sim/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static inline SimId ret(Sim *s, SimId id)
{
    sim_incref(s, id);
    return id;
}


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
        return sim__refused_record(s, SK_STR);
    ptrdiff_t off = sim__slab_offset(s, u);
    SimId id = sim__new_obj(s, SK_STR, str_size(s, w, nchars), NULL, false);
    if (!sim__set_payload(s, id, n / 4 + 1))
        return id;
    u = sim__slab_again(s, u, off);
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
        return sim__refused_record(s, SK_BYTES);
    ptrdiff_t off = sim__slab_offset(s, data);
    SimId id = sim__new_obj(s, SK_BYTES, 33 + n, NULL, false);
    if (!sim__set_payload(s, id, n / 4 + 1))
        return id;
    if (data)
        memcpy(slab_ptr(&s->slab, s->obj[id].data), sim__slab_again(s, data, off), n);
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
        return sim__refused_record(s, SK_BYTEARRAY);
    ptrdiff_t off = sim__slab_offset(s, data);
    SimId id = sim__new_obj(s, SK_BYTEARRAY, 56, NULL, false);
    if (!sim__set_payload(s, id, n / 4 + 1))
        return id;
    if (data && n)
        memcpy(slab_ptr(&s->slab, s->obj[id].data), sim__slab_again(s, data, off), n);
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
