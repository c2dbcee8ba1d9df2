/*
 * datetime_int: what datetime.c (the classes, construction, attributes),
 * datetime_ops.c (arithmetic, comparisons, hashing) and datetime_fmt.c
 * (repr, str, isoformat, strftime) share. Internal to pyrun/modules.
 *
 * An object is an instance of a class of the model's made with
 * SIM_TYF_NOGC: CPython's tp_basicsize, no GC header, never tracked; its
 * slot words hold the fields (no references: aware objects are refused).
 */
#ifndef PYDIVE_PYRUN_MODULES_DATETIME_INT_H
#define PYDIVE_PYRUN_MODULES_DATETIME_INT_H

#include "pyrun/builtins.h"

typedef enum DtKind { DT_DATE, DT_TIME, DT_DATETIME, DT_DELTA, DT_NONE } DtKind;

/* the fields of any of them: a date's time part is 0; a timedelta's are
 * days, seconds, us */
typedef struct DtVal {
    int64_t year, month, day, hour, minute, second, us;
    int64_t days; /* timedelta */
} DtVal;

DtKind dt_kind(PyRun *I, SimId v);
DtVal dt_get(PyRun *I, SimId v);
/* a new object of that kind (its class's or cls if given), 0 with
 * OverflowError/ValueError raised when out of range */
SimId dt_new(PyRun *I, DtKind k, const DtVal *v);
SimId dt_new_delta_us(PyRun *I, __int128 us); /* OverflowError beyond the range */
__int128 dt_delta_us(const DtVal *v);

/* the proleptic Gregorian calendar */
bool dt_is_leap(int64_t y);
int dt_days_in_month(int64_t y, int64_t m);
int64_t dt_to_ordinal(int64_t y, int64_t m, int64_t d);
void dt_from_ordinal(int64_t ord, int64_t *y, int64_t *m, int64_t *d);
/* a datetime as microseconds since 0001-01-01 00:00 */
__int128 dt_total_us(const DtVal *v);

/* positional then keyword arguments by the names given (out[i] 0 when
 * absent); false with the error raised or refused */
bool dt_take_args(PyRun *I, SimId *a, int n, SimId kw, const char *fn, const char *const *names, int nnames,
                  SimId *out);
/* an int field (CPython's TypeError for a float) */
bool dt_int_field(PyRun *I, SimId v, int64_t *out);
/* the ranges' ValueErrors */
bool dt_check_date(PyRun *I, int64_t y, int64_t m, int64_t d);
bool dt_check_time(PyRun *I, int64_t h, int64_t mi, int64_t s, int64_t us);
/* the young count and traced figures are unsure after `what` */
void dt_note(PyRun *I, const char *what);
/* "datetime.date" ...: the C types' tp_name */
const char *dt_tp_name(DtKind k);

/* datetime_fmt.c */
bool dt_repr(PyRun *I, SimId v, Buf *out);
bool dt_str(PyRun *I, SimId v, Buf *out);
bool dt_iso(PyRun *I, SimId v, char sep, const char *timespec, Buf *out); /* false: ValueError raised */
bool dt_strftime(PyRun *I, SimId v, const char *fmt, size_t n, Buf *out); /* false: refused */
SimId dt_fromisoformat(PyRun *I, DtKind k, SimId s);
SimId dt_strptime(PyRun *I, SimId s, SimId fmt);

/* datetime_ops.c: the number methods and the rich comparisons of the classes */
extern const BuiltinDef dt_op_methods[];
extern const int dt_op_nmethods;

#endif
