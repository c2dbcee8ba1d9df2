/*
 * gc_clear: the tp_clear of each type, as delete_garbage calls it on the
 * unreachable objects (Modules/gcmodule.c; list_clear, dict_tp_clear,
 * subtype_clear, tb_clear, func_clear ... in CPython's order of the fields,
 * cpython-internals.md §4.2).  The collector itself is gc.c.
 */
#include "sim/internal.h"

static inline SimObj *O(Sim *s, uint32_t id) { return &s->obj[id]; }


void sim__tp_clear(Sim *s, SimId id)
{
    SimObj *o = O(s, id);
    if (sim_is_subinst(s, id) && o->ext) { /* subtype_clear: the __dict__, then the base's tp_clear */
        SimId d = o->ext;
        o->ext = 0;
        sim_decref(s, d);
        o = O(s, id);
    }
    switch ((SimKind)o->kind) {
    case SK_LIST: sim_list_clear(s, id); break;
    case SK_DICT: sim_dict_clear(s, id); break;
    case SK_SET: sim_set_clear(s, id); break; /* set_clear_internal */
    case SK_DEQUE: sim_deque_clear(s, id); break;
    case SK_TRACEBACK: { /* tb_clear */
        SimId next = o->v.tb.next, frame = o->v.tb.frame;
        o->v.tb.next = o->v.tb.frame = 0;
        sim_xdecref(s, next);
        sim_xdecref(s, frame);
        break;
    }
    case SK_FRAME:
        sim__frame_clear(s, id);
        break;
    case SK_INSTANCE: {
        if (o->sub != SIM_INST_PLAIN) {
            sim__exc_clear(s, id);
            break;
        }
        sim__inst_clear_slots(s, id); /* subtype_clear: slots, then the dict */
        while (O(s, id)->len) {
            SimId name = sim_items(s, id)[0];
            sim_incref(s, name);
            sim_attr_del(s, id, name);
            sim_decref(s, name);
        }
        SimId d = SIM_V(s, id, SK_INSTANCE, instance.dict);
        if (d) {
            SIM_V(s, id, SK_INSTANCE, instance.dict) = 0;
            O(s, d)->flags &= (uint8_t)~SIM_F_EMBEDDED; /* detached from the instance */
            sim_decref(s, d);
        }
        break;
    }
    case SK_TYPE:
        if (o->sub == SK_INSTANCE && o->data) {
            SimId mro = sim_items(s, id)[SIM_TY_MRO];
            sim_items(s, id)[SIM_TY_MRO] = 0;
            if (o->mem2) { /* ht_cached_keys */
                pm_free(&s->pm, o->mem2);
                O(s, id)->mem2 = PM_NULL;
            }
            if (SIM_V(s, id, SK_TYPE, type.dict))
                sim_dict_clear(s, SIM_V(s, id, SK_TYPE, type.dict));
            sim_xdecref(s, mro);
        }
        break;
    case SK_FUNC: { /* func_clear: module, defaults, kwdefaults, doc, dict, closure, annotations, type params */
        static const int order[] = {SIM_FN_MODULE, SIM_FN_DEFAULTS, SIM_FN_KWDEFAULTS, SIM_FN_DOC, SIM_FN_DICT,
                                    SIM_FN_CLOSURE, SIM_FN_ANNOTATIONS, SIM_FN_TYPEPARAMS};
        for (int i = 0; i < (int)(sizeof order / sizeof order[0]); i++) {
            SimId v = sim_items(s, id)[order[i]];
            sim_items(s, id)[order[i]] = 0;
            sim_xdecref(s, v);
        }
        break;
    }
    case SK_PROPERTY: case SK_CLASSMETHOD: case SK_STATICMETHOD:
        sim__descr_clear(s, id);
        break;
    case SK_MODULE:
        if (o->v.module.dict)
            sim_dict_clear(s, o->v.module.dict);
        break;
    case SK_CELL: {
        SimId c = o->v.cell.ref;
        o->v.cell.ref = 0;
        sim_xdecref(s, c);
        break;
    }
    case SK_WEAKREF: {
        sim__weakref_unlink(s, id);
        SimId cb = SIM_V(s, id, SK_WEAKREF, weakref.callback);
        SIM_V(s, id, SK_WEAKREF, weakref.callback) = 0;
        sim_xdecref(s, cb);
        break;
    }
    default:
        break;
    }
}
