/*
 * datetime_fmt: the text of datetime's objects — repr and str as
 * _datetimemodule.c writes them, isoformat with its timespecs, strftime
 * with the directives of glibc's C locale that CPython hands it (%f done
 * by CPython itself, %z and %Z empty for naive objects), fromisoformat
 * (YYYY-MM-DD, YYYYMMDD; HH[:MM[:SS[.ffffff]]]) and strptime for the usual
 * directives (Lib/_strptime.py: imported on first use, its figures
 * refused).  Years before 1000 in strftime, other directives, ISO week
 * dates and UTC offsets in the strings are refused.
 */
#include <ctype.h>
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/datetime_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const char *const day_names[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
static const char *const month_names[13] = {"", "January", "February", "March", "April", "May", "June", "July",
                                            "August", "September", "October", "November", "December"};

bool dt_repr(PyRun *I, SimId v, Buf *out)
{
    DtKind k = dt_kind(I, v);
    DtVal d = dt_get(I, v);
    buf_printf(out, "%s(", dt_tp_name(k));
    if (k == DT_DELTA) {
        const char *sep = "";
        if (d.days)
            buf_printf(out, "days=%lld", (long long)d.days), sep = ", ";
        if (d.second)
            buf_printf(out, "%sseconds=%lld", sep, (long long)d.second), sep = ", ";
        if (d.us)
            buf_printf(out, "%smicroseconds=%lld", sep, (long long)d.us), sep = ", ";
        if (!*sep)
            buf_addc(out, '0');
        buf_addc(out, ')');
        return true;
    }
    if (k == DT_DATE || k == DT_DATETIME)
        buf_printf(out, "%lld, %lld, %lld%s", (long long)d.year, (long long)d.month, (long long)d.day,
                   k == DT_DATETIME ? ", " : "");
    if (k != DT_DATE) {
        buf_printf(out, "%lld, %lld", (long long)d.hour, (long long)d.minute);
        if (d.second || d.us)
            buf_printf(out, ", %lld", (long long)d.second);
        if (d.us)
            buf_printf(out, ", %lld", (long long)d.us);
    }
    buf_addc(out, ')');
    return true;
}

static void time_part(const DtVal *d, int upto, Buf *out) /* 0 hours ... 4 microseconds */
{
    buf_printf(out, "%02lld", (long long)d->hour);
    if (upto >= 1)
        buf_printf(out, ":%02lld", (long long)d->minute);
    if (upto >= 2)
        buf_printf(out, ":%02lld", (long long)d->second);
    if (upto == 3)
        buf_printf(out, ".%03lld", (long long)(d->us / 1000));
    if (upto == 4)
        buf_printf(out, ".%06lld", (long long)d->us);
}

bool dt_iso(PyRun *I, SimId v, char sep, const char *timespec, Buf *out)
{
    static const char *const specs[] = {"hours", "minutes", "seconds", "milliseconds", "microseconds"};
    DtKind k = dt_kind(I, v);
    DtVal d = dt_get(I, v);
    if (k == DT_DATE || k == DT_DATETIME)
        buf_printf(out, "%04lld-%02lld-%02lld", (long long)d.year, (long long)d.month, (long long)d.day);
    if (k == DT_DATE)
        return true;
    if (k == DT_DATETIME)
        buf_addc(out, sep);
    int upto = -1;
    if (!strcmp(timespec, "auto"))
        upto = d.us ? 4 : 2;
    for (int i = 0; i < 5 && upto < 0; i++)
        if (!strcmp(timespec, specs[i]))
            upto = i;
    if (upto < 0) {
        py_raise(I, EXC_ValueError, "Unknown timespec value");
        return false;
    }
    time_part(&d, upto, out);
    return true;
}

bool dt_str(PyRun *I, SimId v, Buf *out)
{
    DtKind k = dt_kind(I, v);
    if (k != DT_DELTA)
        return dt_iso(I, v, ' ', "auto", out);
    DtVal d = dt_get(I, v);
    if (d.days)
        buf_printf(out, "%lld day%s, ", (long long)d.days, d.days == 1 || d.days == -1 ? "" : "s");
    buf_printf(out, "%lld:%02lld:%02lld", (long long)(d.second / 3600), (long long)(d.second / 60 % 60),
               (long long)(d.second % 60));
    if (d.us)
        buf_printf(out, ".%06lld", (long long)d.us);
    return true;
}

/* ---- strftime ------------------------------------------------------------------------ */

/* ISO 8601 year and week of a date */
static void iso_week(int64_t y, int64_t m, int64_t d, int64_t *iy, int64_t *iw)
{
    int64_t ord = dt_to_ordinal(y, m, d);
    int64_t year = y + 1;
    for (;; year--) { /* the Monday of week 1: the week with the year's first Thursday */
        int64_t jan4 = dt_to_ordinal(year, 1, 4), mon1 = jan4 - (jan4 + 6) % 7;
        if (ord >= mon1) {
            *iy = year, *iw = (ord - mon1) / 7 + 1;
            return;
        }
    }
}

bool dt_strftime(PyRun *I, SimId v, const char *fmt, size_t n, Buf *out)
{
    DtKind k = dt_kind(I, v);
    DtVal d = dt_get(I, v);
    if (k == DT_TIME) /* time.strftime: on 1900-01-01 */
        d.year = 1900, d.month = 1, d.day = 1;
    int64_t ord = dt_to_ordinal(d.year, d.month, d.day), wd = (ord + 6) % 7; /* Monday 0 */
    int64_t yday = ord - dt_to_ordinal(d.year, 1, 1), sunday0 = (wd + 1) % 7;
    int64_t h12 = d.hour % 12 ? d.hour % 12 : 12;
    for (size_t i = 0; i < n; i++) {
        if (fmt[i] != '%') {
            buf_addc(out, fmt[i]);
            continue;
        }
        if (++i >= n) { /* a lone % at the end: glibc copies it */
            buf_addc(out, '%');
            break;
        }
        bool nopad = fmt[i] == '-' && i + 1 < n;
        if (nopad)
            i++;
        char c = fmt[i];
        const char *w2 = nopad ? "%lld" : "%02lld";
        switch (c) {
        case 'a': buf_printf(out, "%.3s", day_names[wd]); break;
        case 'A': buf_printf(out, "%s", day_names[wd]); break;
        case 'b': case 'h': buf_printf(out, "%.3s", month_names[d.month]); break;
        case 'B': buf_printf(out, "%s", month_names[d.month]); break;
        case 'd': buf_printf(out, w2, (long long)d.day); break;
        case 'e': buf_printf(out, nopad ? "%lld" : "%2lld", (long long)d.day); break;
        case 'm': buf_printf(out, w2, (long long)d.month); break;
        case 'y': buf_printf(out, w2, (long long)(d.year % 100)); break;
        case 'C': buf_printf(out, w2, (long long)(d.year / 100)); break;
        case 'H': buf_printf(out, w2, (long long)d.hour); break;
        case 'I': buf_printf(out, w2, (long long)h12); break;
        case 'M': buf_printf(out, w2, (long long)d.minute); break;
        case 'S': buf_printf(out, w2, (long long)d.second); break;
        case 'f': buf_printf(out, "%06lld", (long long)d.us); break;
        case 'p': buf_printf(out, "%s", d.hour < 12 ? "AM" : "PM"); break;
        case 'j': buf_printf(out, nopad ? "%lld" : "%03lld", (long long)(yday + 1)); break;
        case 'w': buf_printf(out, "%lld", (long long)sunday0); break;
        case 'u': buf_printf(out, "%lld", (long long)(wd + 1)); break;
        case 'U': buf_printf(out, w2, (long long)((yday + 7 - sunday0) / 7)); break;
        case 'W': buf_printf(out, w2, (long long)((yday + 7 - wd) / 7)); break;
        case 'G': case 'V': case 'g': {
            int64_t iy, iw;
            iso_week(d.year, d.month, d.day, &iy, &iw);
            if (c == 'G')
                buf_printf(out, "%lld", (long long)iy);
            else
                buf_printf(out, w2, (long long)(c == 'V' ? iw : iy % 100));
            break;
        }
        case 'Y':
            if (d.year < 1000)
                return py_not_modelled(I, 0, "strftime's %%Y of a year before 1000 (its padding differs by "
                                       "platform)");
            buf_printf(out, "%lld", (long long)d.year);
            break;
        case 'D': buf_printf(out, "%02lld/%02lld/%02lld", (long long)d.month, (long long)d.day, (long long)(d.year % 100)); break;
        case 'x': buf_printf(out, "%02lld/%02lld/%02lld", (long long)d.month, (long long)d.day, (long long)(d.year % 100)); break;
        case 'F':
            if (d.year < 1000)
                return py_not_modelled(I, 0, "strftime's %%F of a year before 1000");
            buf_printf(out, "%lld-%02lld-%02lld", (long long)d.year, (long long)d.month, (long long)d.day);
            break;
        case 'T': case 'X': buf_printf(out, "%02lld:%02lld:%02lld", (long long)d.hour, (long long)d.minute, (long long)d.second); break;
        case 'R': buf_printf(out, "%02lld:%02lld", (long long)d.hour, (long long)d.minute); break;
        case 'c':
            if (d.year < 1000)
                return py_not_modelled(I, 0, "strftime's %%c of a year before 1000");
            buf_printf(out, "%.3s %.3s %2lld %02lld:%02lld:%02lld %lld", day_names[wd], month_names[d.month],
                       (long long)d.day, (long long)d.hour, (long long)d.minute, (long long)d.second, (long long)d.year);
            break;
        case 'n': buf_addc(out, '\n'); break;
        case 't': buf_addc(out, '\t'); break;
        case 'z': case 'Z': break; /* naive: no offset, no name */
        case '%': buf_addc(out, '%'); break;
        default:
            return py_not_modelled(I, 0, "the strftime directive %%%s%c", nopad ? "-" : "", c);
        }
    }
    return true;
}

/* ---- fromisoformat ------------------------------------------------------------------------ */

static bool digits(const char *s, size_t n, int64_t *out)
{
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static bool parse_date(const char *s, size_t n, DtVal *v)
{
    if (n == 10 && s[4] == '-' && s[7] == '-')
        return digits(s, 4, &v->year) && digits(s + 5, 2, &v->month) && digits(s + 8, 2, &v->day);
    if (n == 8)
        return digits(s, 4, &v->year) && digits(s + 4, 2, &v->month) && digits(s + 6, 2, &v->day);
    return false;
}

static bool parse_time(const char *s, size_t n, DtVal *v)
{
    if (n < 2 || !digits(s, 2, &v->hour))
        return false;
    if (n == 2)
        return true;
    if (n < 5 || s[2] != ':' || !digits(s + 3, 2, &v->minute))
        return false;
    if (n == 5)
        return true;
    if (n < 8 || s[5] != ':' || !digits(s + 6, 2, &v->second))
        return false;
    if (n == 8)
        return true;
    if ((s[8] != '.' && s[8] != ',') || (n != 12 && n != 15))
        return false;
    if (!digits(s + 9, n - 9, &v->us))
        return false;
    if (n == 12)
        v->us *= 1000;
    return true;
}

static SimId invalid(PyRun *I, SimId str)
{
    Buf b = {0};
    if (op_repr(I, str, &b))
        py_raise(I, EXC_ValueError, "Invalid isoformat string: %s", buf_str(&b));
    buf_fini(&b);
    return 0;
}

static bool ranges_ok(PyRun *I, DtKind k, const DtVal *v)
{
    if (k != DT_TIME) {
        if (v->year < 1 || v->month < 1 || v->month > 12) {
            py_raise(I, EXC_ValueError, v->year < 1 ? "year %lld is out of range" : "month must be in 1..12",
                     (long long)v->year);
            return false;
        }
        if (v->day < 1 || v->day > dt_days_in_month(v->year, v->month)) {
            py_raise(I, EXC_ValueError, "day is out of range for month");
            return false;
        }
    }
    if (k != DT_DATE && (v->hour > 23 || v->minute > 59 || v->second > 59)) {
        py_raise(I, EXC_ValueError, v->hour > 23 ? "hour must be in 0..23" : v->minute > 59 ? "minute must be in 0..59"
                                                                                           : "second must be in 0..59");
        return false;
    }
    return true;
}

SimId dt_fromisoformat(PyRun *I, DtKind k, SimId str)
{
    if (sim_kind(S, str) != SK_STR) {
        py_raise(I, EXC_TypeError, "fromisoformat: argument must be str");
        return 0;
    }
    size_t n;
    const char *s = sim_str_data(S, str, &n);
    for (size_t i = 0; i < n; i++)
        if (s[i] == 'W' || s[i] == '+' || s[i] == 'Z' || (s[i] == '-' && (k == DT_TIME || i > 10)) ||
            (unsigned char)s[i] >= 0x80)
            return py_not_modelled(I, 0, "fromisoformat() of an ISO week date, a UTC offset or non-ASCII text"),
                   (SimId)0;
    DtVal v = {0};
    bool ok;
    if (k == DT_DATE) {
        ok = parse_date(s, n, &v);
    } else if (k == DT_TIME) {
        ok = parse_time(s, n, &v);
    } else {
        size_t dn = n >= 10 && s[4] == '-' ? 10 : 8;
        ok = n >= dn && parse_date(s, dn, &v) && (n == dn || (n > dn + 1 && parse_time(s + dn + 1, n - dn - 1, &v)));
    }
    if (!ok)
        return invalid(I, str);
    if (!ranges_ok(I, k, &v))
        return 0;
    return dt_new(I, k, &v);
}

/* ---- strptime ------------------------------------------------------------------------------- */

static bool num(const char **p, const char *end, int maxd, int64_t *out)
{
    int k = 0;
    int64_t v = 0;
    while (*p < end && k < maxd && isdigit((unsigned char)**p))
        v = v * 10 + (*(*p)++ - '0'), k++;
    *out = v;
    return k > 0;
}

static bool name(const char **p, const char *end, const char *const *names, int first, int count, bool abbrev,
                 int64_t *out)
{
    for (int i = first; i < first + count; i++) {
        size_t len = abbrev ? 3 : strlen(names[i]);
        if ((size_t)(end - *p) >= len && !strncasecmp(*p, names[i], len)) {
            *p += len;
            *out = i;
            return true;
        }
    }
    return false;
}

SimId dt_strptime(PyRun *I, SimId str, SimId fmtv)
{
    dt_note(I, "datetime.strptime (Lib/_strptime.py, imported on first use)");
    size_t n, fn;
    const char *s = sim_str_data(S, str, &n), *f = sim_str_data(S, fmtv, &fn);
    const char *p = s, *end = s + n;
    DtVal v = {.year = 1900, .month = 1, .day = 1};
    int64_t pm = -1, h12 = -1, wd;
    bool ok = true;
    for (size_t i = 0; i < fn && ok; i++) {
        if (isspace((unsigned char)f[i])) { /* _strptime: whitespace matches \s+ */
            ok = p < end && isspace((unsigned char)*p);
            while (p < end && isspace((unsigned char)*p))
                p++;
            continue;
        }
        if (f[i] != '%') {
            ok = p < end && *p++ == f[i];
            continue;
        }
        if (++i >= fn)
            return py_not_modelled(I, 0, "a strptime format ending in %%"), (SimId)0;
        int64_t x;
        switch (f[i]) {
        case 'Y': ok = num(&p, end, 4, &v.year); break;
        case 'y': ok = num(&p, end, 2, &x), v.year = x < 69 ? 2000 + x : 1900 + x; break;
        case 'm': ok = num(&p, end, 2, &v.month); break;
        case 'd': ok = num(&p, end, 2, &v.day); break;
        case 'H': ok = num(&p, end, 2, &v.hour); break;
        case 'I': ok = num(&p, end, 2, &h12); break;
        case 'M': ok = num(&p, end, 2, &v.minute); break;
        case 'S': ok = num(&p, end, 2, &v.second); break;
        case 'f': {
            const char *st = p;
            ok = num(&p, end, 6, &v.us);
            for (long k = p - st; ok && k < 6; k++)
                v.us *= 10;
            break;
        }
        case 'b': ok = name(&p, end, month_names, 1, 12, true, &v.month); break;
        case 'B': ok = name(&p, end, month_names, 1, 12, false, &v.month); break;
        case 'a': ok = name(&p, end, day_names, 0, 7, true, &wd); break;
        case 'A': ok = name(&p, end, day_names, 0, 7, false, &wd); break;
        case 'p':
            ok = end - p >= 2 && (!strncasecmp(p, "AM", 2) || !strncasecmp(p, "PM", 2));
            if (ok)
                pm = toupper((unsigned char)*p) == 'P', p += 2;
            break;
        case '%': ok = p < end && *p++ == '%'; break;
        default: return py_not_modelled(I, 0, "the strptime directive %%%c", f[i]), (SimId)0;
        }
    }
    if (ok && h12 >= 0)
        v.hour = pm == 1 ? h12 % 12 + 12 : h12 % 12;
    Buf a = {0}, b = {0};
    op_repr(I, str, &a);
    op_repr(I, fmtv, &b);
    if (!ok || v.month < 1 || v.month > 12 || v.day < 1 || v.day > 31 || v.hour > 23 || v.minute > 59 ||
        v.second > 61 || (h12 >= 0 && (h12 < 1 || h12 > 12)))
        py_raise(I, EXC_ValueError, "time data %s does not match format %s", buf_str(&a), buf_str(&b));
    else if (p < end)
        py_raise(I, EXC_ValueError, "unconverted data remains: %.*s", (int)(end - p), p);
    else if (v.second > 59 || v.day > dt_days_in_month(v.year, v.month))
        ok = py_not_modelled(I, 0, "strptime of a leap second or of a day beyond its month");
    buf_fini(&a);
    buf_fini(&b);
    if (I->ts->err.set && !I->err_library) { /* raised in Lib/_strptime.py: its frames are in the traceback */
        I->err_library = "_strptime";
        I->err_library_line = py_current_line(I);
    }
    if (I->ts->err.set || I->refused || !ok)
        return 0;
    return dt_new(I, DT_DATETIME, &v);
}
