/*
 * datetime_methods: the attributes and methods of datetime's objects and
 * classes (properties for the fields, weekday, toordinal, replace,
 * isoformat, strftime, __format__, ctime, date(), time(), total_seconds;
 * the class methods fromordinal, fromisoformat, combine, strptime) and the
 * table of them that datetime.c puts in each class; the clock's methods
 * and the aware ones are refused here.
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/datetime_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)
/* ---- attributes -------------------------------------------------------------------------- */

static SimId field(PyRun *I, SimId *a, int n, int which)
{
    (void)n;
    DtVal v = dt_get(I, a[0]);
    int64_t f[] = {v.year, v.month, v.day, v.hour, v.minute, v.second, v.us, v.days};
    return sim_int(S, f[which]);
}

#define FIELD(fn, k) \
    static SimId fn(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, field(I, a, n, k); }
FIELD(g_year, 0)
FIELD(g_month, 1)
FIELD(g_day, 2)
FIELD(g_hour, 3)
FIELD(g_minute, 4)
FIELD(g_second, 5)
FIELD(g_us, 6)
FIELD(g_days, 7)
#undef FIELD

static SimId g_none(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    sim_incref(S, S->none);
    return S->none;
}

static SimId g_zero(PyRun *I, SimId *a, int n, SimId kw) { return (void)a, (void)n, (void)kw, sim_int(S, 0); }

static bool no_args(PyRun *I, const char *fn, int n, SimId kw)
{
    if (n == 1 && !kw)
        return true;
    py_raise(I, EXC_TypeError, "%s() takes no arguments (%d given)", fn, n - 1);
    return false;
}

/* the text a builder made as a str (0 if it failed); the buffer freed */
static SimId text_of(PyRun *I, bool ok, Buf *b)
{
    SimId r = ok ? sim_str(S, buf_str(b), b->len) : 0;
    buf_fini(b);
    return r;
}

static SimId m_weekday(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_args(I, "weekday", n, kw))
        return 0;
    DtVal v = dt_get(I, a[0]);
    return sim_int(S, (dt_to_ordinal(v.year, v.month, v.day) + 6) % 7);
}

static SimId m_isoweekday(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_args(I, "isoweekday", n, kw))
        return 0;
    DtVal v = dt_get(I, a[0]);
    return sim_int(S, (dt_to_ordinal(v.year, v.month, v.day) + 6) % 7 + 1);
}

static SimId m_toordinal(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_args(I, "toordinal", n, kw))
        return 0;
    DtVal v = dt_get(I, a[0]);
    return sim_int(S, dt_to_ordinal(v.year, v.month, v.day));
}

static SimId m_total_seconds(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_args(I, "total_seconds", n, kw))
        return 0;
    DtVal v = dt_get(I, a[0]);
    return sim_float(S, (double)dt_delta_us(&v) / 1e6); /* delta_to_microseconds / 10**6 */
}

static SimId m_date(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_args(I, "date", n, kw))
        return 0;
    DtVal v = dt_get(I, a[0]);
    v.hour = v.minute = v.second = v.us = 0;
    return dt_new(I, DT_DATE, &v);
}

static SimId m_time(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_args(I, "time", n, kw))
        return 0;
    DtVal v = dt_get(I, a[0]);
    return dt_new(I, DT_TIME, &v);
}

/* replace(**fields): the object's fields with those given */
static SimId m_replace(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const dn[] = {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"};
    DtKind k = dt_kind(I, a[0]);
    const char *const *names = k == DT_TIME ? dn + 3 : dn;
    int nn = k == DT_DATE ? 3 : k == DT_TIME ? 6 : 9, first = k == DT_TIME ? 3 : 0;
    SimId args[9];
    if (!dt_take_args(I, a + 1, n - 1, kw, "replace", names, nn, args))
        return 0;
    DtVal v = dt_get(I, a[0]);
    int64_t f[7] = {v.year, v.month, v.day, v.hour, v.minute, v.second, v.us};
    for (int i = 0; i < nn; i++) {
        if (!args[i])
            continue;
        if (first + i >= 7)
            return py_not_modelled(I, 0, "tzinfo and fold of datetime objects (aware times)"), (SimId)0;
        if (!dt_int_field(I, args[i], &f[first + i]))
            return 0;
    }
    if (k != DT_TIME && !dt_check_date(I, f[0], f[1], f[2]))
        return 0;
    if (k != DT_DATE && !dt_check_time(I, f[3], f[4], f[5], f[6]))
        return 0;
    DtVal r = {f[0], f[1], f[2], f[3], f[4], f[5], f[6], 0};
    return dt_new(I, k, &r);
}

static SimId m_isoformat(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"sep", "timespec"};
    DtKind k = dt_kind(I, a[0]);
    SimId args[2];
    const char *const *nm = k == DT_TIME ? names + 1 : names;
    if (!dt_take_args(I, a + 1, n - 1, kw, "isoformat", nm, k == DT_DATE ? 0 : k == DT_TIME ? 1 : 2, args))
        return 0;
    SimId sepv = k == DT_DATETIME ? args[0] : 0, specv = k == DT_DATETIME ? args[1] : k == DT_TIME ? args[0] : 0;
    char sep = 'T';
    if (sepv) {
        size_t len;
        const char *s = sim_kind(S, sepv) == SK_STR ? sim_str_data(S, sepv, &len) : 0;
        if (!s || len != 1 || (unsigned char)s[0] >= 0x80)
            return py_not_modelled(I, 0, "a sep of isoformat() other than one ASCII character"), (SimId)0;
        sep = s[0];
    }
    char spec[16] = "auto";
    if (specv) {
        size_t len;
        const char *s = sim_kind(S, specv) == SK_STR ? sim_str_data(S, specv, &len) : 0;
        if (!s || len >= sizeof spec)
            return py_not_modelled(I, 0, "this timespec of isoformat()"), (SimId)0;
        memcpy(spec, s, len);
        spec[len] = '\0';
    }
    Buf b = {0};
    return text_of(I, dt_iso(I, a[0], sep, spec, &b), &b);
}

static SimId m_strftime(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"format"};
    SimId f;
    if (!dt_take_args(I, a + 1, n - 1, kw, "strftime", names, 1, &f))
        return 0;
    if (!f || sim_kind(S, f) != SK_STR) {
        py_raise(I, EXC_TypeError, f ? "strftime() argument 1 must be str, not %s" : "strftime() missing required "
                 "argument 'format' (pos 1)%s", f ? op_typename(I, f) : "");
        return 0;
    }
    size_t len;
    const char *s = sim_str_data(S, f, &len);
    Buf b = {0};
    return text_of(I, dt_strftime(I, a[0], s, len, &b), &b);
}

static SimId m_format(PyRun *I, SimId *a, int n, SimId kw)
{
    if (n != 2 || kw || sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "__format__() argument must be str");
        return 0;
    }
    size_t len;
    const char *s = sim_str_data(S, a[1], &len);
    Buf b = {0};
    return text_of(I, len ? dt_strftime(I, a[0], s, len, &b) : dt_str(I, a[0], &b), &b);
}

static SimId m_ctime(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_args(I, "ctime", n, kw))
        return 0;
    Buf b = {0};
    return text_of(I, dt_strftime(I, a[0], "%a %b %e %H:%M:%S %Y", 20, &b), &b);
}

static SimId m_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Buf b = {0};
    return text_of(I, dt_repr(I, a[0], &b), &b);
}

static SimId m_str(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Buf b = {0};
    return text_of(I, dt_str(I, a[0], &b), &b);
}

/* ---- class methods ------------------------------------------------------------------------ */

static SimId cm_fromordinal(PyRun *I, SimId *a, int n, SimId kw)
{
    int64_t o;
    if (n != 2 || kw || !dt_int_field(I, a[1], &o))
        return n != 2 || kw ? (py_raise(I, EXC_TypeError, "fromordinal() takes exactly one argument"), (SimId)0) : 0;
    if (o < 1 || o > dt_to_ordinal(9999, 12, 31)) {
        py_raise(I, EXC_ValueError, "ordinal must be >= 1");
        return 0;
    }
    DtVal v = {0};
    dt_from_ordinal(o, &v.year, &v.month, &v.day);
    DtKind k = a[0] == I->datetime_types[DT_DATETIME] ? DT_DATETIME : DT_DATE;
    return dt_new(I, k, &v);
}

static SimId cm_fromisoformat(PyRun *I, SimId *a, int n, SimId kw)
{
    if (n != 2 || kw) {
        py_raise(I, EXC_TypeError, "fromisoformat() takes exactly one argument (%d given)", n - 1);
        return 0;
    }
    DtKind k = a[0] == I->datetime_types[DT_DATETIME] ? DT_DATETIME : a[0] == I->datetime_types[DT_TIME] ? DT_TIME
                                                                                                        : DT_DATE;
    return dt_fromisoformat(I, k, a[1]);
}

static SimId cm_combine(PyRun *I, SimId *a, int n, SimId kw)
{
    if (n != 3 || kw || dt_kind(I, a[1]) == DT_NONE || dt_kind(I, a[1]) == DT_TIME || dt_kind(I, a[1]) == DT_DELTA ||
        dt_kind(I, a[2]) != DT_TIME)
        return py_not_modelled(I, 0, "datetime.combine() other than of a date and a time"), (SimId)0;
    DtVal d = dt_get(I, a[1]), t = dt_get(I, a[2]);
    d.hour = t.hour, d.minute = t.minute, d.second = t.second, d.us = t.us;
    return dt_new(I, DT_DATETIME, &d);
}

static SimId cm_strptime(PyRun *I, SimId *a, int n, SimId kw)
{
    if (n != 3 || kw || sim_kind(S, a[1]) != SK_STR || sim_kind(S, a[2]) != SK_STR) {
        py_raise(I, EXC_TypeError, "strptime() argument 1 must be str");
        return 0;
    }
    return dt_strptime(I, a[1], a[2]);
}

static SimId refused_clock(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "the real clock's date and time (CPython prints today's; a simulation cannot "
                           "promise the same)"), (SimId)0;
}

static SimId refused_m(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "this method of datetime's objects"), (SimId)0;
}

/* ---- the table ---------------------------------------------------------------------------- */

/* name "class.attr": "class.P:attr" a property, "class.C:attr" a class method */
#define M(nm, f) BUILTIN(nm, SK_INSTANCE, BM_DATETIME, f, .kw = "*")
#define C(cls, nm, f) BUILTIN(cls ".C:" nm, SK_INSTANCE, BM_DATETIME, f, .kw = "*")
#define R(nm) BUILTIN(nm, SK_INSTANCE, BM_DATETIME, refused_m, .refused = true)
const BuiltinDef datetime_functions[] = {
    M("date.P:year", g_year), M("date.P:month", g_month), M("date.P:day", g_day),
    M("time.P:hour", g_hour), M("time.P:minute", g_minute), M("time.P:second", g_second),
    M("time.P:microsecond", g_us), M("time.P:tzinfo", g_none), M("time.P:fold", g_zero),
    M("datetime.P:hour", g_hour), M("datetime.P:minute", g_minute), M("datetime.P:second", g_second),
    M("datetime.P:microsecond", g_us), M("datetime.P:tzinfo", g_none), M("datetime.P:fold", g_zero),
    M("timedelta.P:days", g_days), M("timedelta.P:seconds", g_second), M("timedelta.P:microseconds", g_us),
    M("date.weekday", m_weekday), M("date.isoweekday", m_isoweekday), M("date.toordinal", m_toordinal),
    M("date.replace", m_replace), M("date.isoformat", m_isoformat), M("date.strftime", m_strftime),
    M("date.__format__", m_format), M("date.ctime", m_ctime), M("date.__repr__", m_repr), M("date.__str__", m_str),
    M("time.replace", m_replace), M("time.isoformat", m_isoformat), M("time.strftime", m_strftime),
    M("time.__format__", m_format), M("time.__repr__", m_repr), M("time.__str__", m_str),
    M("datetime.replace", m_replace), M("datetime.isoformat", m_isoformat), M("datetime.date", m_date),
    M("datetime.time", m_time), M("datetime.__repr__", m_repr), M("datetime.__str__", m_str),
    M("datetime.strftime", m_strftime), M("datetime.__format__", m_format),
    M("timedelta.total_seconds", m_total_seconds), M("timedelta.__repr__", m_repr), M("timedelta.__str__", m_str),
    C("date", "fromordinal", cm_fromordinal), C("date", "fromisoformat", cm_fromisoformat),
    C("time", "fromisoformat", cm_fromisoformat), C("datetime", "fromisoformat", cm_fromisoformat),
    C("datetime", "combine", cm_combine), C("datetime", "strptime", cm_strptime),
    C("date", "today", refused_clock), C("datetime", "now", refused_clock), C("datetime", "utcnow", refused_clock),
    C("date", "fromtimestamp", refused_clock), C("datetime", "fromtimestamp", refused_clock),
    C("datetime", "utcfromtimestamp", refused_clock), R("datetime.timestamp"), R("date.timetuple"),
    R("date.isocalendar"), R("date.__reduce__"), R("time.__reduce__"), R("timedelta.__reduce__"),
    R("datetime.utcoffset"), R("datetime.astimezone"), R("datetime.tzname"), R("datetime.dst"),
    R("datetime.timetz"), R("datetime.utctimetuple"), R("time.utcoffset"), R("time.tzname"), R("time.dst"),
};
const int datetime_nfunctions = (int)(sizeof datetime_functions / sizeof datetime_functions[0]);
#undef M
#undef C
#undef R
