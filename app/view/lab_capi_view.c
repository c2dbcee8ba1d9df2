/*
 * lab_capi_view: the C-API lab's picture — each C variable, the kind of
 * reference it holds, and the object it points at with its refcount:
 *
 *     owned ━━▶  borrowed ┄┄▶  stolen ~~▶  released ╳
 *     lst  ━━▶ #1 list len 2       rc 1  owned
 *     num  ~~▶ #2 int 1000         rc 1  stolen by lst
 *     item ┄┄▶ #2 int 1000         rc 1  borrowed from lst
 *     obj   ╳  #3 int 2000         freed at line 6
 *     x    NULL  IndexError: list index out of range
 *
 * Every kind differs in its glyphs and its words, not only in colour (ASCII:
 * ==>, -->, ~~>, x).  A second page lists every object the program met,
 * with size and the line that made or freed it.  Rows that do not fit are
 * counted on the last line.
 */
#include <stdio.h>
#include <string.h>

#include "lab/capi/capi.h"
#include "view/glyphs.h"
#include "view/labs.h"

static const char *const pages[] = {"references", "objects"};

typedef struct Arrow {
    uint32_t utf8, ascii; /* the line's glyph */
    Role role;
} Arrow;

static Arrow arrow_of(CapiRefState st)
{
    switch (st) {
    case CAPI_OWNED: case CAPI_RETURNED: return (Arrow){0x2501, '=', ROLE_STRONG};
    case CAPI_BORROWED: return (Arrow){0x2504, '-', ROLE_NORMAL};
    case CAPI_STOLEN: return (Arrow){'~', '~', ROLE_SUBTLE};
    default: return (Arrow){' ', ' ', ROLE_SUBTLE};
    }
}

/* "lst" for a ref's variable, or the function that made it. */
static const char *ref_label(const Capi *c, int ref)
{
    const CapiRef *r = &c->ref[ref];
    if (r->var >= 0)
        return c->prog.var[r->var].name;
    return r->fn < CF_COUNT ? capi_fn_info((CapiFn)r->fn)->name : "Py_None";
}

static void obj_text(const Capi *c, int obj, char *buf, size_t n)
{
    const CapiObj *o = &c->obj[obj];
    if (o->kind == SK_NONE)
        snprintf(buf, n, "#%d None", obj + 1);
    else
        snprintf(buf, n, "#%d %s %s", obj + 1, o->type, o->repr);
}

static void status_text(const Capi *c, const CapiRef *r, char *buf, size_t n)
{
    switch ((CapiRefState)r->state) {
    case CAPI_OWNED:
        if (r->owned > 1)
            snprintf(buf, n, "owns %d refs", r->owned);
        else
            snprintf(buf, n, "owned");
        break;
    case CAPI_BORROWED:
        snprintf(buf, n, "borrowed%s%s", r->lender >= 0 ? " from " : "",
                 r->lender >= 0 ? ref_label(c, r->lender) : "");
        break;
    case CAPI_STOLEN:
        snprintf(buf, n, "stolen by %s", r->lender >= 0 ? ref_label(c, r->lender) : "?");
        break;
    case CAPI_RELEASED:
        snprintf(buf, n, "released at line %d", r->gone_line);
        break;
    case CAPI_RETURNED:
        snprintf(buf, n, "returned");
        break;
    default:
        buf[0] = '\0';
    }
}

static void draw_legend(Canvas *cv, int x, int y, int w)
{
    bool A = cv->ascii;
    char s[128];
    if (A)
        snprintf(s, sizeof s, "owned ==>  borrowed -->  stolen ~~>  freed x");
    else
        snprintf(s, sizeof s, "owned \xe2\x94\x81\xe2\x94\x81\xe2\x96\xb6  borrowed "
                              "\xe2\x94\x84\xe2\x94\x84\xe2\x96\xb6  stolen ~~\xe2\x96\xb6  "
                              "freed \xe2\x95\xb3");
    canvas_text_fit(cv, x, y, w, s, ROLE_SUBTLE);
}

static void draw_var(const Capi *c, size_t v, int namew, Canvas *cv, int x, int y, int w)
{
    const CapiRef *r = capi_var_ref(c, v);
    bool A = cv->ascii;
    canvas_text_fit(cv, x, y, namew, c->prog.var[v].name, ROLE_CODE);
    int ax = x + namew + 1, tx = ax + 5, tw = w - (tx - x);
    char buf[96], st[64];
    if (r->state == CAPI_SCALAR) {
        snprintf(buf, sizeof buf, "= %lld  (a C long)", (long long)r->scalar);
        canvas_text_fit(cv, ax, y, w - (ax - x), buf, ROLE_NORMAL);
        return;
    }
    if (r->state == CAPI_NULL) {
        snprintf(buf, sizeof buf, "NULL  %s", r->why_null ? r->why_null : "");
        canvas_text_fit(cv, ax, y, w - (ax - x), buf,
                        r->checked || !r->why_null ? ROLE_SUBTLE : ROLE_WARNING);
        return;
    }
    const CapiObj *o = &c->obj[r->obj];
    bool freed = !o->alive;
    if (r->state == CAPI_RELEASED || freed) {
        canvas_put(cv, ax + 1, y, A ? 'x' : 0x2573, freed ? ROLE_ERROR : ROLE_SUBTLE);
    } else {
        Arrow ar = arrow_of((CapiRefState)r->state);
        for (int i = 0; i < 3; i++)
            canvas_put(cv, ax + i, y, A ? ar.ascii : ar.utf8, ar.role);
        canvas_put(cv, ax + 3, y, A ? '>' : 0x25B6, ar.role);
    }
    obj_text(c, r->obj, buf, sizeof buf);
    int objw = tw >= 50 ? 20 : tw >= 30 ? 15 : tw / 2;
    canvas_text_fit(cv, tx, y, objw, buf, freed ? ROLE_GARBAGE : ROLE_NORMAL);
    int sx = tx + objw + 1;
    if (freed)
        snprintf(st, sizeof st, "freed at line %d", o->freed_line);
    else {
        char s2[48];
        status_text(c, r, s2, sizeof s2);
        snprintf(st, sizeof st, "rc %lld  %s", (long long)o->refcnt, s2);
    }
    canvas_text_fit(cv, sx, y, w - (sx - x), st, freed ? ROLE_ERROR : ROLE_SUBTLE);
}

/* The last line: what the run came to. */
static void draw_outcome(const Lab *lab, const Capi *c, Canvas *cv, int x, int y, int w)
{
    char buf[160];
    if (c->error_line)
        snprintf(buf, sizeof buf, "stopped: misuse at line %d", c->error_line);
    else if (lab->finished && c->nleak)
        snprintf(buf, sizeof buf, "ended: %zu leaked reference%s (first made at line %d)",
                 c->nleak, c->nleak == 1 ? "" : "s", c->leak[0].line);
    else if (lab->finished)
        snprintf(buf, sizeof buf, "ended: no leaks");
    else
        return;
    canvas_text_fit(cv, x, y, w, buf, c->error_line || c->nleak ? ROLE_ERROR : ROLE_DONE);
}

static void draw_refs(const Lab *lab, const Capi *c, const LabViewOptions *o, Canvas *cv, Rect r)
{
    int namew = 4;
    size_t total = 0;
    for (size_t v = 0; v < c->prog.nvar; v++) {
        if (!capi_var_ref(c, v))
            continue;
        int n = (int)strlen(c->prog.var[v].name);
        if (n > namew)
            namew = n > 12 ? 12 : n;
        total++;
    }
    draw_legend(cv, r.x, r.y, r.w);
    int rows = r.h - 1 - (lab->finished ? 1 : 0);
    size_t first = o->scroll > 0 ? (size_t)o->scroll : 0;
    if (first >= total)
        first = total ? total - 1 : 0;
    size_t left = total - first;
    size_t fit = rows <= 0 ? 0 : left <= (size_t)rows ? left : (size_t)rows - 1;
    int y = r.y + 1;
    if (!total && rows > 0)
        canvas_text_fit(cv, r.x, y, r.w, "no variables yet", ROLE_SUBTLE);
    size_t k = 0, drawn = 0;
    for (size_t v = 0; v < c->prog.nvar && drawn < fit; v++) {
        if (!capi_var_ref(c, v) || k++ < first)
            continue;
        draw_var(c, v, namew, cv, r.x, y++, r.w);
        drawn++;
    }
    if (rows > 0 && drawn < left) {
        char more[64];
        snprintf(more, sizeof more, "... %zu more variable%s (scroll)", left - drawn,
                 left - drawn == 1 ? "" : "s");
        canvas_text_fit(cv, r.x, y, r.w, more, ROLE_SUBTLE);
    }
    if (lab->finished)
        draw_outcome(lab, c, cv, r.x, r.y + r.h - 1, r.w);
}

static void draw_objects(const Capi *c, const LabViewOptions *o, Canvas *cv, Rect r)
{
    canvas_text_fit(cv, r.x, r.y, r.w, "objects the function met (refcount, getsizeof)",
                    ROLE_SUBTLE);
    int y = r.y + 1;
    size_t first = o->scroll > 0 ? (size_t)o->scroll : 0;
    for (size_t i = first; i < c->nobj && y < r.y + r.h; i++, y++) {
        if (y == r.y + r.h - 1 && i + 1 < c->nobj) {
            char more[48];
            snprintf(more, sizeof more, "... %zu more objects (scroll)", c->nobj - i);
            canvas_text_fit(cv, r.x, y, r.w, more, ROLE_SUBTLE);
            break;
        }
        const CapiObj *ob = &c->obj[i];
        char name[64], buf[160];
        obj_text(c, (int)i, name, sizeof name);
        if (ob->alive)
            snprintf(buf, sizeof buf, "%-16s rc %-5lld %4zu B  line %d%s", name,
                     (long long)ob->refcnt, ob->size, ob->made_line,
                     ob->singleton ? "  static" : "");
        else
            snprintf(buf, sizeof buf, "%-16s freed at line %d", name, ob->freed_line);
        canvas_text_fit(cv, r.x, y, r.w, buf, ob->alive ? ROLE_NORMAL : ROLE_GARBAGE);
        if (!ob->alive)
            canvas_put(cv, r.x + r.w - 1, y, cv->ascii ? 'x' : 0x2573, ROLE_ERROR);
    }
    if (!c->nobj)
        canvas_text_fit(cv, r.x, y, r.w, "none yet", ROLE_SUBTLE);
}

static void draw_capi(const Lab *lab, const LabViewOptions *o, Canvas *cv, Rect r)
{
    const Capi *c = lab->st;
    if (!c || r.w < 1 || r.h < 1)
        return;
    if (o->page == 1)
        draw_objects(c, o, cv, r);
    else
        draw_refs(lab, c, o, cv, r);
}

const LabView lab_capi_view = {
    .name = "capi",
    .npages = 2,
    .page_names = pages,
    .draw = draw_capi,
};
