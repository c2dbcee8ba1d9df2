/*
 * schema_course: the series page (lessons/course.yaml) from a ydoc tree into
 * the series fields of a Course.  The checks against the chapter modules
 * (declared chapter count, total reading time) are made in course.c, which
 * gets the positions it needs through CourseMeta.
 */
#include "course/schema.h"

static const char *const COURSE_KEYS[] = {"title",    "subtitle",     "status",
                                          "difficulty", "chapters",   "read_minutes",
                                          "guide",    "readers",      "path",
                                          NULL};

static void read_series(Check *ck, const YNode *root, Course *c, CourseMeta *meta)
{
    const char *what = "course.yaml";
    if (!check_is_map(ck, root, "the series page (the top level of course.yaml)"))
        return;
    check_keys(ck, root, COURSE_KEYS, what);
    c->title = check_str(ck, check_field(ck, root, "title", what, true), "title");
    c->subtitle = check_str(ck, check_field(ck, root, "subtitle", what, true), "subtitle");
    c->status = check_str(ck, check_field(ck, root, "status", what, true), "status");
    c->difficulty = check_str(ck, check_field(ck, root, "difficulty", what, true), "difficulty");

    const YNode *v = check_field(ck, root, "chapters", what, true);
    meta->has_chapters = check_int(ck, v, "chapters", 1, 99, &c->chapter_count);
    if (v)
        meta->chapters_loc = v->loc;

    v = check_field(ck, root, "read_minutes", what, false);
    meta->has_minutes = check_int(ck, v, "read_minutes", 0, 100000, &meta->declared_minutes);
    if (v)
        meta->minutes_loc = v->loc;

    c->guide = check_str(ck, check_field(ck, root, "guide", what, true), "guide");
    c->readers = check_str_list(ck, check_field(ck, root, "readers", what, true), "readers",
                                &c->nreaders);
    c->path = check_str_list(ck, check_field(ck, root, "path", what, true), "path", &c->npath);
}

bool course_read_series(const char *path, const char *display, Course *out, CourseMeta *meta,
                        DiagList *diags)
{
    *meta = (CourseMeta){0};
    DiagList local = {0};
    YDoc doc;
    Check ck = {&doc, &local};
    if (ydoc_read_file(&doc, path, display, &local))
        read_series(&ck, doc.root, out, meta);
    bool ok = doc.nerrors == 0;
    check_flush(&ck, diags);
    ydoc_fini(&doc);
    return ok;
}
