/*
 * stringio: io.StringIO's object (Modules/_io/stringio.c) — a GC object of
 * 136 bytes on 3.11 (a static type) and 184 on 3.12 and 3.13 (a heap type,
 * which its traverse visits), whose size sys.getsizeof reports whatever it
 * holds (StringIO has no __sizeof__). It keeps its text as code points (the
 * model's copy in the slab: len of them), the position, the '\n' it reads
 * and writes by (owned), and on 3.11 the list of strs its _PyAccu
 * accumulator holds while appends go to the end (owned; pyrun keeps it).
 */
#include "sim/internal.h"

#include <string.h>

size_t sim__stringio_size(const Sim *s) { return s->prof->version == SIM_V311 ? 136 : 184; }

SimId sim_stringio(Sim *s, SimId newline)
{
    SimId id = sim__new_obj(s, SK_STRINGIO, sim__stringio_size(s), NULL, true);
    SimObj *o = &s->obj[id];
    uint32_t cap = 0;
    o->data = slab_alloc(&s->slab, 4, &cap);
    o->datacap = cap;
    if (!o->data)
        sim_set_nomem(s);
    o->mem2 = pm_alloc(&s->pm, 4); /* resize_buffer(self, 0): one Py_UCS4 */
    o->v.stringio.nl = newline;    /* the reference is taken */
    sim_track(s, id);
    return id;
}

bool sim_stringio_reserve(Sim *s, SimId id, size_t n)
{
    SimObj *o = &s->obj[id];
    if (n <= o->datacap)
        return true;
    if (!sim__len_fits(s, n) || !sim_mem_room(s, 0, n))
        return false;
    uint32_t cap = o->datacap;
    uint32_t data = slab_resize(&s->slab, o->data, &cap, n + n / 8 + 4, o->len);
    if (!data) {
        sim_set_nomem(s);
        return false;
    }
    o->data = data;
    o->datacap = cap;
    return true;
}

void sim__stringio_dealloc(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    SimId accu = o->v.stringio.accu, nl = o->v.stringio.nl;
    o->v.stringio.accu = o->v.stringio.nl = 0;
    pm_free(&s->pm, o->mem2); /* stringio_dealloc: the buffer, the accumulator, readnl, then weakrefs */
    s->obj[id].mem2 = PM_NULL;
    sim_xdecref(s, accu);
    sim_xdecref(s, nl);
    if (s->obj[id].weaklist)
        sim_clear_weakrefs(s, id, true);
}

void sim__stringio_traverse(Sim *s, SimId id, SimVisit fn, void *arg)
{
    if (s->prof->version == SIM_V311) /* stringio_traverse visits only its dict */
        return;
    fn(s, s->types[SK_STRINGIO], arg);
    if (s->obj[id].v.stringio.nl)
        fn(s, s->obj[id].v.stringio.nl, arg);
}
