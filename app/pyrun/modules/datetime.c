/*
 * datetime: date, time, datetime and timedelta as Modules/_datetimemodule.c
 * makes them (3.11-3.13), naive only.  Each is a class of the model's whose
 * objects have CPython's tp_basicsize (date 32, time 40, datetime 48,
 * timedelta 40 bytes, as sys.getsizeof says on 3.11.7, 3.12.1 and 3.13.0),
 * no GC header, never tracked, their fields in the object itself (naive
 * times and datetimes are allocated 8 bytes short, without the tzinfo
 * pointer, as CPython allocates them); datetime derives from date.  A class
 * call is type_call through _PyObject_MakeTpCall (the arguments packed in a
 * tuple and a dict) to tp_new, which checks the arguments with CPython's
 * messages before it allocates; 3.13's zero timedelta is one immortal
 * object.  Which of the packed tuple and dict the free lists give is not
 * followed: the young count is refused after a call until a gc.collect(),
 * and the traced peak until a reset_peak().  The attributes and methods are
 * datetime_methods.c's, the arithmetic and comparisons datetime_ops.c's,
 * the text datetime_fmt.c's.
 *
 * Refused: tzinfo and the aware objects (timezone, tzinfo=, utcoffset ...),
 * the clock (today, now, utcnow, fromtimestamp, timestamp: CPython prints
 * the real date, which a simulation cannot promise to print), pickling,
 * subclasses of the four, timetuple, isocalendar, and sys.getsizeof and
 * sys.getrefcount of the classes themselves (static types in CPython).
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/datetime_int.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const char *const class_names[4] = {"date", "time", "datetime", "timedelta"};
static const uint32_t basicsize[4] = {32, 40, 48, 40};
static const uint32_t nwords[4] = {3, 4, 7, 3};

const char *dt_tp_name(DtKind k)
{
    static const char *const n[4] = {"datetime.date", "datetime.time", "datetime.datetime", "datetime.timedelta"};
    return k < DT_NONE ? n[k] : NULL;
}

void dt_note(PyRun *I, const char *what)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = what;
    I->gc_count_unsure = true;
    tm_note_unsure(I, what);
}

/* ---- the calendar ------------------------------------------------------------------- */

bool dt_is_leap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

int dt_days_in_month(int64_t y, int64_t m)
{
    static const int dim[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && dt_is_leap(y) ? 29 : dim[m];
}

int64_t dt_to_ordinal(int64_t y, int64_t m, int64_t d)
{
    int64_t y1 = y - 1, days = y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400;
    for (int64_t i = 1; i < m; i++)
        days += dt_days_in_month(y, i);
    return days + d;
}

void dt_from_ordinal(int64_t ord, int64_t *y, int64_t *m, int64_t *d)
{
    int64_t n = ord - 1, n400 = n / 146097;
    n %= 146097;
    int64_t n100 = n / 36524;
    n %= 36524;
    int64_t n4 = n / 1461;
    n %= 1461;
    int64_t n1 = n / 365;
    n %= 365;
    *y = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
    if (n1 == 4 || n100 == 4) { /* the last day of a leap cycle */
        *y -= 1, *m = 12, *d = 31;
        return;
    }
    int64_t mo = 1;
    while (n >= dt_days_in_month(*y, mo))
        n -= dt_days_in_month(*y, mo++);
    *m = mo, *d = n + 1;
}

__int128 dt_total_us(const DtVal *v)
{
    __int128 days = dt_to_ordinal(v->year, v->month, v->day);
    return ((days * 24 + v->hour) * 60 + v->minute) * (__int128)60000000 + v->second * (__int128)1000000 + v->us;
}

__int128 dt_delta_us(const DtVal *v) { return ((__int128)v->days * 86400 + v->second) * 1000000 + v->us; }

/* ---- the objects --------------------------------------------------------------------- */

DtKind dt_kind(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_INSTANCE || !I->datetime_types[0])
        return DT_NONE;
    SimId t = sim_obj(S, v)->type;
    for (int k = 0; k < 4; k++)
        if (t == I->datetime_types[k])
            return (DtKind)k;
    return DT_NONE;
}

DtVal dt_get(PyRun *I, SimId v)
{
    DtVal r = {0};
    const SimId *w = sim_inst_slots(S, v);
    switch (dt_kind(I, v)) {
    case DT_DATE: r.year = w[0], r.month = w[1], r.day = w[2]; break;
    case DT_TIME: r.hour = w[0], r.minute = w[1], r.second = w[2], r.us = w[3]; break;
    case DT_DATETIME:
        r.year = w[0], r.month = w[1], r.day = w[2], r.hour = w[3], r.minute = w[4], r.second = w[5], r.us = w[6];
        break;
    case DT_DELTA: r.days = (int32_t)w[0], r.second = w[1], r.us = w[2]; break;
    default: break;
    }
    return r;
}

static SimId alloc(PyRun *I, DtKind k, const uint32_t *words)
{
    SimId o = sim_instance(S, I->datetime_types[k]);
    SimId *w = sim_inst_slots(S, o);
    for (uint32_t i = 0; w && i < nwords[k]; i++)
        w[i] = words[i];
    return o;
}

bool dt_check_date(PyRun *I, int64_t y, int64_t m, int64_t d)
{
    if (y < 1 || y > 9999)
        return py_raise(I, EXC_ValueError, "year %lld is out of range", (long long)y), false;
    if (m < 1 || m > 12)
        return py_raise(I, EXC_ValueError, "month must be in 1..12"), false;
    if (d < 1 || d > dt_days_in_month(y, m))
        return py_raise(I, EXC_ValueError, "day is out of range for month"), false;
    return true;
}

bool dt_check_time(PyRun *I, int64_t h, int64_t mi, int64_t s, int64_t us)
{
    if (h < 0 || h > 23)
        return py_raise(I, EXC_ValueError, "hour must be in 0..23"), false;
    if (mi < 0 || mi > 59)
        return py_raise(I, EXC_ValueError, "minute must be in 0..59"), false;
    if (s < 0 || s > 59)
        return py_raise(I, EXC_ValueError, "second must be in 0..59"), false;
    if (us < 0 || us > 999999)
        return py_raise(I, EXC_ValueError, "microsecond must be in 0..999999"), false;
    return true;
}

static void pack_words(DtKind k, const DtVal *v, uint32_t *w)
{
    memset(w, 0, 7 * sizeof *w);
    switch (k) {
    case DT_DATE: w[0] = (uint32_t)v->year, w[1] = (uint32_t)v->month, w[2] = (uint32_t)v->day; break;
    case DT_TIME: w[0] = (uint32_t)v->hour, w[1] = (uint32_t)v->minute, w[2] = (uint32_t)v->second, w[3] = (uint32_t)v->us; break;
    case DT_DATETIME:
        w[0] = (uint32_t)v->year, w[1] = (uint32_t)v->month, w[2] = (uint32_t)v->day, w[3] = (uint32_t)v->hour;
        w[4] = (uint32_t)v->minute, w[5] = (uint32_t)v->second, w[6] = (uint32_t)v->us;
        break;
    case DT_DELTA: w[0] = (uint32_t)(int32_t)v->days, w[1] = (uint32_t)v->second, w[2] = (uint32_t)v->us; break;
    default: break;
    }
}

SimId dt_new(PyRun *I, DtKind k, const DtVal *v)
{
    if ((k == DT_DATE || k == DT_DATETIME) && (v->year < 1 || v->year > 9999)) {
        py_raise(I, EXC_OverflowError, "date value out of range");
        return 0;
    }
    SimId zero = I->datetime_types[4];
    if (k == DT_DELTA && zero && !v->days && !v->second && !v->us) { /* 3.13: the immortal zero timedelta */
        sim_incref(S, zero);
        return zero;
    }
    uint32_t w[7];
    pack_words(k, v, w);
    return alloc(I, k, w);
}

static bool delta_from_us(PyRun *I, __int128 us, DtVal *out)
{
    __int128 q = us / 1000000, r = us % 1000000;
    if (r < 0)
        r += 1000000, q--;
    __int128 days = q / 86400, s = q % 86400;
    if (s < 0)
        s += 86400, days--;
    if (days < -999999999 || days > 999999999) {
        py_raise(I, EXC_OverflowError, "days=%lld; must have magnitude <= 999999999", (long long)days);
        return false;
    }
    *out = (DtVal){.days = (int64_t)days, .second = (int64_t)s, .us = (int64_t)r};
    return true;
}

SimId dt_new_delta_us(PyRun *I, __int128 us)
{
    DtVal v;
    return delta_from_us(I, us, &v) ? dt_new(I, DT_DELTA, &v) : 0;
}

/* ---- arguments ------------------------------------------------------------------------- */

/* positional then keyword arguments by the names given (out[i] 0 when
 * absent); false with the error raised or refused */
bool dt_take_args(PyRun *I, SimId *a, int n, SimId kw, const char *fn, const char *const *names, int nnames,
                      SimId *out)
{
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0, npos = n - nkw;
    for (int i = 0; i < nnames; i++)
        out[i] = 0;
    if (npos > nnames) {
        py_raise(I, EXC_TypeError, "function takes at most %d arguments (%d given)", nnames, npos);
        return false;
    }
    for (int i = 0; i < npos; i++)
        out[i] = a[i];
    for (int k = 0; k < nkw; k++) {
        size_t len;
        const char *s = sim_str_data(S, sim_items(S, kw)[k], &len);
        int i = 0;
        while (i < nnames && !(strlen(names[i]) == len && !memcmp(names[i], s, len)))
            i++;
        if (i == nnames)
            return py_not_modelled(I, 0, "the keyword '%.*s' of %s()", (int)len, s, fn);
        if (out[i]) {
            py_raise(I, EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)", fn, names[i],
                     i + 1);
            return false;
        }
        out[i] = a[npos + k];
    }
    return true;
}

bool dt_int_field(PyRun *I, SimId v, int64_t *out)
{
    SimKind k = sim_kind(S, v);
    if ((k == SK_INT || k == SK_BOOL) && sim_obj(S, v)->sub != 1) {
        *out = sim_obj(S, v)->v.i;
        return true;
    }
    if (k == SK_INT)
        return py_raise(I, EXC_OverflowError, "signed integer is greater than maximum"), false;
    if (k == SK_FLOAT)
        return py_raise(I, EXC_TypeError, "'float' object cannot be interpreted as an integer"), false;
    return py_not_modelled(I, 0, "a '%s' as a field of a datetime object", op_typename(I, v));
}

/* date(year, month, day), time(hour=0, ...), datetime(year, month, day, hour=0, ...) */
static bool construct(PyRun *I, DtKind k, SimId *a, int n, SimId kw, DtVal *out)
{
    static const char *const dn[] = {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"};
    const char *const *names = k == DT_TIME ? dn + 3 : dn;
    int nn = k == DT_DATE ? 3 : k == DT_TIME ? 6 : 9;
    SimId args[9];
    if (!dt_take_args(I, a, n, kw, class_names[k], names, nn, args))
        return false;
    int tz = k == DT_TIME ? 4 : 7;
    if (k != DT_DATE && ((args[tz] && args[tz] != S->none) || (args[tz + 1] && !(sim_kind(S, args[tz + 1]) == SK_INT &&
                                                                                  sim_obj(S, args[tz + 1])->v.i == 0))))
        return py_not_modelled(I, 0, "tzinfo and fold of datetime objects (aware times)");
    int64_t f[7] = {0};
    int first = k == DT_TIME ? 3 : 0, need = k == DT_TIME ? 0 : 3;
    for (int i = 0; i < (k == DT_DATE ? 3 : k == DT_TIME ? 4 : 7); i++) {
        if (!args[i]) {
            if (i < need) {
                static const char *const pos[] = {"1", "2", "3"};
                py_raise(I, EXC_TypeError, "function missing required argument '%s' (pos %s)", names[i], pos[i]);
                return false;
            }
            continue;
        }
        if (!dt_int_field(I, args[i], &f[first + i]))
            return false;
    }
    if (k != DT_TIME && !dt_check_date(I, f[0], f[1], f[2]))
        return false;
    if (k != DT_DATE && !dt_check_time(I, f[3], f[4], f[5], f[6]))
        return false;
    *out = (DtVal){f[0], f[1], f[2], f[3], f[4], f[5], f[6], 0};
    return true;
}

/* timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0,
 * hours=0, weeks=0): ints exactly; floats summed in microseconds and
 * rounded half to even once, as delta_new does for the usual cases */
static bool construct_delta(PyRun *I, SimId *a, int n, SimId kw, DtVal *out)
{
    static const char *const names[] = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
    static const int64_t us_per[] = {86400000000LL, 1000000, 1, 1000, 60000000, 3600000000LL, 604800000000LL};
    SimId args[7];
    if (!dt_take_args(I, a, n, kw, "timedelta", names, 7, args))
        return false;
    __int128 total = 0;
    double frac = 0;
    bool any_float = false;
    for (int i = 0; i < 7; i++) {
        if (!args[i])
            continue;
        SimKind k = sim_kind(S, args[i]);
        if ((k == SK_INT || k == SK_BOOL) && sim_obj(S, args[i])->sub != 1) {
            total += (__int128)sim_obj(S, args[i])->v.i * us_per[i];
        } else if (k == SK_FLOAT) {
            double x = sim_obj(S, args[i])->v.f, ip = (double)(int64_t)x;
            if (x != x || x > 1e15 || x < -1e15)
                return py_not_modelled(I, 0, "a timedelta of a float that is not finite or beyond 1e15");
            total += (__int128)(int64_t)ip * us_per[i];
            frac += (x - ip) * (double)us_per[i];
            any_float = true;
        } else if (k == SK_INT) {
            return py_not_modelled(I, 0, "a timedelta of an int beyond 64 bits");
        } else {
            py_raise(I, EXC_TypeError, "unsupported type for timedelta %s component: %s", names[i], op_typename(I, args[i]));
            return false;
        }
    }
    if (any_float) { /* the sum rounded half to even */
        double whole = (double)(int64_t)frac, r = frac - whole;
        total += (int64_t)whole;
        int sign = r < 0 ? -1 : 1;
        double ar = r < 0 ? -r : r;
        if (ar > 0.5 || (ar == 0.5 && (total & 1)))
            total += sign;
    }
    return delta_from_us(I, total, out);
}

/* type_call through _PyObject_MakeTpCall (the classes have no vectorcall):
 * the positional arguments packed in a tuple, the keywords in a dict, then
 * tp_new (date_new ...), which checks them before it allocates */
SimId datetime_call(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames)
{
    DtKind k = DT_DATE;
    while (k < DT_NONE && I->datetime_types[k] != cls)
        k++;
    int nkw = kwnames ? (int)sim_obj(S, kwnames)->len : 0, npos = nargs - nkw;
    SimId tuple = sim_tuple(S, (size_t)npos), dict = nkw ? sim_dict(S) : 0;
    for (int i = 0; i < npos; i++) {
        sim_incref(S, args[i]);
        sim_tuple_set(S, tuple, (size_t)i, args[i]);
    }
    for (int i = 0; i < nkw; i++) {
        SimId key = sim_items(S, kwnames)[i];
        sim_incref(S, key);
        sim_incref(S, args[npos + i]);
        sim_dict_set(S, dict, key, args[npos + i]);
    }
    tm_note_peak_unsure(I, "a datetime object made (its argument parsing's transient objects)");
    if (!I->gc_count_unsure) /* which of the packed tuple and dict the free lists give is not followed */
        I->count_unsure_what = "a datetime object made (_PyObject_MakeTpCall's tuple and dict)";
    I->gc_count_unsure = true;
    DtVal v;
    bool ok = k == DT_DELTA ? construct_delta(I, args, nargs, kwnames, &v) : construct(I, k, args, nargs, kwnames, &v);
    SimId r = ok ? dt_new(I, k, &v) : 0;
    sim_decref(S, tuple);
    sim_xdecref(S, dict);
    return r;
}

bool datetime_is_class(PyRun *I, SimId cls)
{
    for (int k = 0; k < 4; k++)
        if (cls && cls == I->datetime_types[k])
            return true;
    return false;
}

/* ---- the classes ------------------------------------------------------------------------------ */


static void put_defs(PyRun *I, SimId ns, const char *cls, const BuiltinDef *defs, int ndefs)
{
    size_t cn = strlen(cls);
    int base = bi_index_of(defs);
    for (int i = 0; i < ndefs; i++) {
        const char *nm = defs[i].name;
        if (strncmp(nm, cls, cn) != 0 || nm[cn] != '.')
            continue;
        nm += cn + 1;
        bool prop = !strncmp(nm, "P:", 2), cm = !strncmp(nm, "C:", 2);
        SimId f = sim_builtin(S, (uint32_t)(base + i), 0);
        if (cm)
            f = sim_method_descr(S, SK_CLASSMETHOD, f, 0);
        bi_dict_put(I, ns, prop || cm ? nm + 2 : nm, prop ? sim_property(S, f, 0, 0, 0) : f);
    }
}

static SimId make_class(PyRun *I, DtKind k, SimId base)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "datetime", 8));
    bi_dict_put(I, ns, "__slots__", sim_tuple(S, 0));
    put_defs(I, ns, class_names[k], datetime_functions, datetime_nfunctions);
    put_defs(I, ns, class_names[k], dt_op_methods, dt_op_nmethods);
    SimId name = sim_str_intern(S, class_names[k], strlen(class_names[k])), bases = sim_tuple(S, base ? 1 : 0);
    if (base) {
        sim_incref(S, base);
        sim_tuple_set(S, bases, 0, base);
    }
    SimId cls = class_build(I, name, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, name);
    sim_decref(S, ns);
    if (cls) {
        uint32_t *w = (uint32_t *)sim_items(S, cls);
        w[SIM_TY_FLAGS] |= SIM_TYF_NATIVE | SIM_TYF_NOGC;
        w[SIM_TY_BASICSIZE] = basicsize[k];
        w[SIM_TY_NSLOTS] = nwords[k];
        w[SIM_TY_USABLE] = k == DT_TIME || k == DT_DATETIME ? 8 : 0; /* naive: allocated without tzinfo */
    }
    return cls;
}

static void class_value(PyRun *I, DtKind k, const char *name, DtKind vk, DtVal v)
{
    SimId o = dt_new(I, vk, &v);
    if (o)
        sim_dict_set(S, SIM_V(S, I->datetime_types[k], SK_TYPE, type.dict), sim_str_intern(S, name, strlen(name)), o);
}

void datetime_module_init(PyRun *I, SimId d)
{
    SimId date = make_class(I, DT_DATE, 0);
    if (!date)
        return;
    I->datetime_types[DT_DATE] = date;
    I->datetime_types[DT_TIME] = make_class(I, DT_TIME, 0);
    I->datetime_types[DT_DATETIME] = make_class(I, DT_DATETIME, date);
    I->datetime_types[DT_DELTA] = make_class(I, DT_DELTA, 0);
    for (int k = 0; k < 4; k++)
        if (I->datetime_types[k])
            bi_dict_put(I, d, class_names[k], I->datetime_types[k]);
    if (!I->datetime_types[DT_TIME] || !I->datetime_types[DT_DATETIME] || !I->datetime_types[DT_DELTA])
        return;
    if (S->prof->version >= SIM_V313) { /* new_delta's zero: one static object (immortal) */
        SimId z = alloc(I, DT_DELTA, (const uint32_t[7]){0});
        sim_obj(S, z)->flags |= SIM_F_IMMORTAL;
        I->datetime_types[4] = z;
    }
    bi_dict_put(I, d, "MINYEAR", sim_int(S, 1));
    bi_dict_put(I, d, "MAXYEAR", sim_int(S, 9999));
    class_value(I, DT_DATE, "min", DT_DATE, (DtVal){.year = 1, .month = 1, .day = 1});
    class_value(I, DT_DATE, "max", DT_DATE, (DtVal){.year = 9999, .month = 12, .day = 31});
    class_value(I, DT_DATE, "resolution", DT_DELTA, (DtVal){.days = 1});
    class_value(I, DT_TIME, "min", DT_TIME, (DtVal){0});
    class_value(I, DT_TIME, "max", DT_TIME, (DtVal){.hour = 23, .minute = 59, .second = 59, .us = 999999});
    class_value(I, DT_TIME, "resolution", DT_DELTA, (DtVal){.us = 1});
    class_value(I, DT_DATETIME, "min", DT_DATETIME, (DtVal){.year = 1, .month = 1, .day = 1});
    class_value(I, DT_DATETIME, "max", DT_DATETIME,
                (DtVal){.year = 9999, .month = 12, .day = 31, .hour = 23, .minute = 59, .second = 59, .us = 999999});
    class_value(I, DT_DATETIME, "resolution", DT_DELTA, (DtVal){.us = 1});
    class_value(I, DT_DELTA, "min", DT_DELTA, (DtVal){.days = -999999999});
    class_value(I, DT_DELTA, "max", DT_DELTA, (DtVal){.days = 999999999, .second = 86399, .us = 999999});
    class_value(I, DT_DELTA, "resolution", DT_DELTA, (DtVal){.us = 1});
}

void datetime_on_import(PyRun *I) { std_import(I, STD_DATETIME); }

/* a use of the classes themselves the model refuses (true: refused) */
bool datetime_class_refused(PyRun *I, SimId v, const char *what)
{
    for (int k = 0; k < 4; k++)
        if (v && v == I->datetime_types[k])
            return !py_not_modelled(I, 0, "%s of the class datetime.%s (a static type in CPython)", what,
                                    class_names[k]);
    return false;
}

/* a subclass: its instances are heap objects with a __dict__, tracked, and
 * date_add, replace ... make its results by calling it (new_date_subclass_ex),
 * none of which the model follows */
bool datetime_subclass_refused(PyRun *I, SimId b)
{
    for (int k = 0; k < 4; k++)
        if (b && b == I->datetime_types[k])
            return py_not_modelled(I, 0, "a subclass of datetime.%s", class_names[k]), true;
    return false;
}

/* op_typename's answer for the objects: their C types' tp_name */
const char *datetime_tp_name(PyRun *I, SimId v) { return dt_tp_name(dt_kind(I, v)); }
