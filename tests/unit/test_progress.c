/*
 * Unit tests for app/learner progress and store: the data functions, the
 * file format (round trip and diagnostics), damaged files, the profile lock,
 * saves interrupted at every step, and a real process killed mid-save.
 * Everything happens under mkdtemp directories, never the real home.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fsutil.h"
#include "learner/progress.h"
#include "learner/store.h"

/* ---- helpers ------------------------------------------------------------ */

static void rm_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *sub = path_join(path, e->d_name);
            rm_tree(sub);
            free(sub);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

typedef struct Tmp {
    char root[64];
    char *profile_dir; /* root/profiles/alice */
    char *path;        /* .../progress.yaml */
} Tmp;

static int tmp_setup(void **state)
{
    Tmp *t = calloc(1, sizeof *t);
    strcpy(t->root, "/tmp/pydive-progress-XXXXXX");
    if (!mkdtemp(t->root))
        return -1;
    t->profile_dir = path_join(t->root, "profiles/alice");
    t->path = path_join(t->profile_dir, "progress.yaml");
    *state = t;
    return 0;
}

static int tmp_teardown(void **state)
{
    Tmp *t = *state;
    file_write_set_hook(NULL, NULL);
    rm_tree(t->root);
    free(t->profile_dir);
    free(t->path);
    free(t);
    return 0;
}

/* Names in dir starting with prefix. */
static size_t count_prefixed(const char *dir, const char *prefix)
{
    char **names;
    size_t n = dir_list(dir, "", &names), hits = 0;
    for (size_t i = 0; i < n; i++)
        hits += strncmp(names[i], prefix, strlen(prefix)) == 0;
    dir_list_free(names, n);
    return hits;
}

static char *first_prefixed(const char *dir, const char *prefix)
{
    char **names;
    size_t n = dir_list(dir, "", &names);
    char *found = NULL;
    for (size_t i = 0; i < n && !found; i++)
        if (strncmp(names[i], prefix, strlen(prefix)) == 0)
            found = path_join(dir, names[i]);
    dir_list_free(names, n);
    return found;
}

static bool diags_mention(const DiagList *dl, DiagLevel level, const char *text)
{
    for (size_t i = 0; i < dl->len; i++)
        if (dl->items[i].level == level && strstr(dl->items[i].msg, text))
            return true;
    return false;
}

static void assert_same_progress(const Progress *a, const Progress *b)
{
    assert_int_equal(a->schema_version, b->schema_version);
    assert_string_equal(a->profile, b->profile);
    if (a->last_chapter || b->last_chapter)
        assert_string_equal(a->last_chapter ? a->last_chapter : "(null)",
                            b->last_chapter ? b->last_chapter : "(null)");
    assert_int_equal(a->updated, b->updated);
    assert_int_equal(a->nchapters, b->nchapters);
    for (size_t i = 0; i < a->nchapters; i++) {
        const ChapterProgress *x = &a->chapters[i], *y = &b->chapters[i];
        assert_string_equal(x->chapter_id, y->chapter_id);
        assert_int_equal(x->section_id == NULL, y->section_id == NULL);
        if (x->section_id)
            assert_string_equal(x->section_id, y->section_id);
        assert_int_equal(x->block, y->block);
        assert_int_equal(x->line, y->line);
        assert_int_equal(x->first_opened, y->first_opened);
        assert_int_equal(x->last_opened, y->last_opened);
        assert_int_equal(x->nread, y->nread);
        for (size_t j = 0; j < x->nread; j++)
            assert_string_equal(x->read[j], y->read[j]);
    }
}

static void write_raw(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* ---- data functions ------------------------------------------------------ */

static void data_functions_track_position_and_reading(void **state)
{
    (void)state;
    Progress p;
    progress_init(&p, "alice");
    assert_int_equal(p.schema_version, PROGRESS_SCHEMA_VERSION);
    assert_string_equal(p.profile, "alice");
    assert_null(progress_chapter(&p, "01-refs", false));
    assert_null(progress_chapter_get(&p, "01-refs"));

    progress_set_position(&p, "01-refs", "intro", 2, 5, 1000);
    const ChapterProgress *c = progress_chapter_get(&p, "01-refs");
    assert_non_null(c);
    assert_string_equal(c->section_id, "intro");
    assert_int_equal(c->block, 2);
    assert_int_equal(c->line, 5);
    assert_int_equal(c->first_opened, 1000);
    assert_int_equal(c->last_opened, 1000);
    assert_string_equal(p.last_chapter, "01-refs");
    assert_int_equal(p.updated, 1000);

    progress_set_position(&p, "02-gc", NULL, 0, 0, 1100);
    progress_set_position(&p, "01-refs", "arenas", 1, 0, 1200);
    c = progress_chapter_get(&p, "01-refs");
    assert_int_equal(c->first_opened, 1000); /* kept */
    assert_int_equal(c->last_opened, 1200);
    assert_string_equal(c->section_id, "arenas");
    assert_null(progress_chapter_get(&p, "02-gc")->section_id);
    assert_string_equal(p.last_chapter, "01-refs");
    assert_int_equal(p.nchapters, 2);

    progress_mark_read(&p, "01-refs", "intro", 1300);
    progress_mark_read(&p, "01-refs", "intro", 1400); /* idempotent */
    assert_int_equal(progress_read_count(&p, "01-refs"), 1);
    assert_int_equal(p.updated, 1300);
    progress_mark_read(&p, "01-refs", "arenas", 1500);
    assert_true(progress_is_read(&p, "01-refs", "intro"));
    assert_true(progress_is_read(&p, "01-refs", "arenas"));
    assert_false(progress_is_read(&p, "01-refs", "pools"));
    assert_false(progress_is_read(&p, "03-weak", "intro"));
    assert_int_equal(progress_read_count(&p, "01-refs"), 2);
    assert_int_equal(progress_read_count(&p, "nope"), 0);

    /* Reading in a chapter never opened creates its record without dates. */
    progress_mark_read(&p, "03-weak", "intro", 1600);
    assert_int_equal(progress_chapter_get(&p, "03-weak")->first_opened, 0);

    progress_reset_chapter(&p, "01-refs");
    assert_null(progress_chapter_get(&p, "01-refs"));
    assert_null(p.last_chapter); /* the resumed chapter is gone */
    assert_int_equal(p.nchapters, 2);
    assert_non_null(progress_chapter_get(&p, "02-gc"));
    progress_reset_chapter(&p, "absent"); /* no-op */

    progress_set_position(&p, "02-gc", "cycles", 0, 0, 1700);
    progress_reset_all(&p);
    assert_int_equal(p.nchapters, 0);
    assert_null(p.last_chapter);
    assert_string_equal(p.profile, "alice");
    progress_fini(&p);
}

static void ids_that_cannot_round_trip_are_refused(void **state)
{
    (void)state;
    char longest[PROGRESS_ID_MAX + 2];
    memset(longest, 'x', sizeof longest);
    longest[PROGRESS_ID_MAX] = '\0';
    assert_true(progress_id_ok(longest));
    longest[PROGRESS_ID_MAX] = 'x';
    longest[PROGRESS_ID_MAX + 1] = '\0';
    assert_false(progress_id_ok(longest));
    assert_false(progress_id_ok("bad \xff byte"));
    assert_false(progress_id_ok("\xed\xa0\x80")); /* a UTF-16 surrogate */
    assert_true(progress_id_ok("\xef\xbf\xbd"));  /* a real U+FFFD is fine */

    Progress p;
    progress_init(&p, "alice");
    progress_set_position(&p, longest, "s", 0, 0, 1);
    progress_set_position(&p, "ch", "bad \xff", 0, 0, 1);
    progress_mark_read(&p, "ch", longest, 1);
    assert_int_equal(p.nchapters, 0);
    assert_null(progress_chapter(&p, longest, true));
    progress_fini(&p);
}

/* ---- the file format ----------------------------------------------------- */

static const char *const awkward[] = {
    "he said \"hi\"",
    "key: value",
    "# not a comment",
    "na\xc3\xafve \xe2\x86\x92 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80",
    "line one\nline two\n",
    "null",
    "~",
    "123",
    "",
    " leading and trailing ",
    "tab\there",
    "back\\slash \\n not a newline",
    "- dash",
    "'single'",
    "{flow: [x]}",
    "&anchor *alias !tag",
    "ctrl \x01\x1b end",
    "\xef\xbb\xbf" "bom",
    "nel\xc2\x85 ls\xe2\x80\xa8 ps\xe2\x80\xa9",
    "...",
    "---",
    "%YAML",
};

static void build_awkward(Progress *p, char *longest)
{
    memset(longest, 'z', PROGRESS_ID_MAX);
    memcpy(longest, "\"q\": #", 6);
    longest[PROGRESS_ID_MAX] = '\0';
    progress_init(p, "alice");
    size_t n = sizeof awkward / sizeof *awkward;
    for (size_t i = 0; i < n; i++) {
        progress_set_position(p, awkward[i], awkward[(i + 1) % n], (int)i, (int)(2 * i),
                              1700000000 + (int64_t)i);
        progress_mark_read(p, awkward[i], awkward[(i + 3) % n], 1700000100 + (int64_t)i);
        progress_mark_read(p, awkward[i], longest, 1700000200 + (int64_t)i);
    }
    progress_set_position(p, longest, NULL, 0, 0, 1700000500);
    progress_set_position(p, "last: \"one\"\n", longest, 7, 3, 1700000600);
    assert_int_equal(p->nchapters, n + 2);
}

static void serialize_then_parse_round_trips_awkward_ids(void **state)
{
    (void)state;
    char longest[PROGRESS_ID_MAX + 1];
    Progress p, back;
    build_awkward(&p, longest);
    Buf text = {0};
    progress_serialize(&p, &text);
    assert_true(text.len > 0);
    assert_true(strncmp(text.data, "schema: 1\n", 10) == 0);
    assert_true(text.len >= 4 && strcmp(text.data + text.len - 4, "...\n") == 0);

    DiagList dl = {0};
    bool ok = progress_parse(text.data, text.len, "p.yaml", &back, &dl);
    if (!ok)
        diag_print(&dl, stderr);
    assert_true(ok);
    assert_int_equal(dl.len, 0);
    assert_same_progress(&p, &back);

    /* Writing what was read gives the same bytes: the format is stable. */
    Buf again = {0};
    progress_serialize(&back, &again);
    assert_int_equal(again.len, text.len);
    assert_memory_equal(again.data, text.data, text.len);

    buf_fini(&text);
    buf_fini(&again);
    progress_fini(&p);
    progress_fini(&back);
    diag_fini(&dl);
}

static void a_file_cut_short_anywhere_is_refused(void **state)
{
    (void)state;
    Progress p, back;
    progress_init(&p, "alice");
    progress_set_position(&p, "01-refs", "intro", 1, 2, 100);
    progress_mark_read(&p, "01-refs", "intro", 101);
    progress_set_position(&p, "02-gc", NULL, 0, 0, 102);
    Buf text = {0};
    progress_serialize(&p, &text);
    /* Every proper prefix except the one lacking only the final newline. */
    for (size_t cut = 0; cut + 1 < text.len; cut++) {
        DiagList dl = {0};
        bool ok = progress_parse(text.data, cut, "p.yaml", &back, &dl);
        if (ok)
            fprintf(stderr, "a prefix of %zu bytes parsed:\n%.*s\n", cut, (int)cut, text.data);
        assert_false(ok);
        assert_true(diag_count(&dl, DIAG_ERROR) >= 1);
        assert_int_equal(back.nchapters, 0);
        progress_fini(&back);
        diag_fini(&dl);
    }
    DiagList dl = {0};
    assert_true(progress_parse(text.data, text.len - 1, "p.yaml", &back, &dl));
    assert_same_progress(&p, &back);
    progress_fini(&back);
    progress_fini(&p);
    buf_fini(&text);
    diag_fini(&dl);
}

#define HEAD "schema: 1\nprofile: \"alice\"\nupdated: 5\nlast_chapter: null\n"

typedef struct BadCase {
    const char *text;
    const char *where; /* expected "file:line:col: error: " prefix */
    const char *says;  /* a piece of the message */
} BadCase;

static const BadCase bad_cases[] = {
    {"", "f.yaml:1:1: error: ", "empty"},
    {"schema: 2\nprofile: \"a\"\n...\n", "f.yaml:1:9: error: ", "this pydive reads schema 1"},
    {"schema: 99\nwhatever: [1, 2]\n...\n", "f.yaml:1:9: error: ", "newer pydive"},
    {"profile: \"a\"\nschema: 1\n...\n", "f.yaml:1:10: error: ", "first key"},
    {"schema: \"1\"\n...\n", "f.yaml:1:9: error: ", "whole number"},
    {HEAD "chapters: []\ncolour: red\n...\n", "f.yaml:6:1: error: ", "unknown key 'colour'"},
    {HEAD "chapters: []\n", "f.yaml:6:1: error: ", "'...' end marker"},
    {HEAD "chapters: {}\n...\n", "f.yaml:5:11: error: ", "list of chapters"},
    {HEAD "updated: 6\nchapters: []\n...\n", "f.yaml:5:1: error: ", "appears twice"},
    {"schema: 1\nprofile: \"alice\"\nupdated: -1\nlast_chapter: null\nchapters: []\n...\n",
     "f.yaml:3:10: error: ", "whole number from 0"},
    {"schema: 1\nprofile: \"alice\"\nupdated: 99999999999999999999\nlast_chapter: null\n"
     "chapters: []\n...\n", "f.yaml:3:10: error: ", "whole number"},
    {"schema: 1\nprofile: null\nupdated: 1\nlast_chapter: null\nchapters: []\n...\n",
     "f.yaml:2:10: error: ", "found null"},
    {"schema: 1\nprofile: \"alice\"\nupdated: 1\nchapters: []\n...\n", "f.yaml:1:1: error: ",
     "no 'last_chapter'"},
    {HEAD "chapters:\n- id: \"a\"\n  section: null\n  block: x\n  line: 0\n"
          "  first_opened: 0\n  last_opened: 0\n  read: []\n...\n",
     "f.yaml:8:10: error: ", "whole number"},
    {HEAD "chapters:\n- id: [\"a\"]\n  section: null\n  block: 0\n  line: 0\n"
          "  first_opened: 0\n  last_opened: 0\n  read: []\n...\n",
     "f.yaml:6:7: error: ", "quoted string"},
    {HEAD "chapters:\n- id: \"a\"\n  section: null\n  block: 0\n  line: 0\n"
          "  first_opened: 0\n  last_opened: 0\n  read: [\"s\", \"s\"]\n...\n",
     "f.yaml:12:15: error: ", "listed twice"},
    {HEAD "chapters:\n- \"a\"\n...\n", "f.yaml:6:3: error: ", "expected a chapter"},
    {HEAD "chapters:\n- id: \"a\"\n...\n", "f.yaml:6:3: error: ", "no 'section'"},
    {"schema: 1\nprofile: &p \"alice\"\n...\n", "f.yaml:2:10: error: ", "anchors"},
    {"schema: 1\nprofile: *p\n...\n", "f.yaml:2:10: error: ", "aliases"},
    {"schema: 1\nprofile: !!str alice\n...\n", "f.yaml:2:10: error: ", "tags"},
    {HEAD "chapters: []\n...\n---\nschema: 1\n", "f.yaml:7:1: error: ", "one document"},
    {"schema: 1\nprofile: \"unterminated\n", "f.yaml:3:1: error: ", "found unexpected end"},
    {"schema: 1\n\tprofile: x\n", "f.yaml:2:1: error: ", "tab character"},
    {"schema: 1\nprofile: \"a\xff\"\n", "f.yaml:2:12: error: ", "byte 0xFF"},
    {"- 1\n- 2\n", "f.yaml:1:1: error: ", "expected a mapping"},
};

static void bad_files_give_positioned_diagnostics(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
        const BadCase *bc = &bad_cases[i];
        Progress p;
        DiagList dl = {0};
        bool ok = progress_parse(bc->text, strlen(bc->text), "f.yaml", &p, &dl);
        bool found = false;
        for (size_t j = 0; j < dl.len && !found; j++) {
            char *s = diag_format(&dl.items[j]);
            found = strncmp(s, bc->where, strlen(bc->where)) == 0 && strstr(s, bc->says);
            free(s);
        }
        if (ok || !found) {
            fprintf(stderr, "case %zu: wanted %s...%s; got:\n", i, bc->where, bc->says);
            diag_print(&dl, stderr);
        }
        assert_false(ok);
        assert_true(found);
        assert_int_equal(p.nchapters, 0);
        progress_fini(&p);
        diag_fini(&dl);
    }
}

static void nul_bytes_and_huge_files_are_refused(void **state)
{
    (void)state;
    Progress p;
    DiagList dl = {0};
    static const char nul[] = "schema: 1\nprofile: \"a\0b\"\n...\n";
    assert_false(progress_parse(nul, sizeof nul - 1, "f", &p, &dl));
    assert_true(diag_count(&dl, DIAG_ERROR) >= 1);
    assert_true(dl.items[0].line == 2);
    progress_fini(&p);
    diag_fini(&dl);

    size_t big = PROGRESS_FILE_MAX + 1;
    char *text = malloc(big);
    memset(text, ' ', big);
    assert_false(progress_parse(text, big, "f", &p, &dl));
    assert_true(diags_mention(&dl, DIAG_ERROR, "at most"));
    free(text);
    progress_fini(&p);
    diag_fini(&dl);
}

/* ---- the store ----------------------------------------------------------- */

static void store_saves_and_reopens(void **state)
{
    Tmp *t = *state;
    Store s;
    Progress p;
    DiagList dl = {0};
    Buf err = {0};
    assert_true(store_open(&s, t->root, "alice", true, &p, &dl));
    assert_int_equal(dl.len, 0);
    assert_false(s.read_only);
    assert_true(dir_exists(t->profile_dir));
    assert_false(file_exists(t->path));
    progress_set_position(&p, "01-refs", "intro", 3, 1, 500);
    progress_mark_read(&p, "01-refs", "intro", 501);
    assert_true(store_save(&s, &p, &err));
    store_close(&s);

    Progress q;
    assert_true(store_open(&s, t->root, "alice", false, &q, &dl));
    assert_int_equal(dl.len, 0);
    assert_true(s.read_only);
    assert_same_progress(&p, &q);
    assert_false(store_save(&s, &q, &err)); /* read-only was asked for */
    assert_non_null(strstr(buf_str(&err), "read-only"));
    store_close(&s);
    progress_fini(&p);
    progress_fini(&q);

    assert_false(store_open(&s, t->root, "../evil", true, &p, &dl));
    assert_true(diags_mention(&dl, DIAG_ERROR, "not a usable profile name"));
    progress_fini(&p);
    store_close(&s);
    diag_fini(&dl);
    buf_fini(&err);
}

static void second_writer_gets_read_only(void **state)
{
    Tmp *t = *state;
    Store a, b;
    Progress pa, pb;
    DiagList dl = {0};
    Buf err = {0};
    assert_true(store_open(&a, t->root, "alice", true, &pa, &dl));
    assert_false(a.read_only);
    assert_true(store_open(&b, t->root, "alice", true, &pb, &dl));
    assert_true(b.read_only);
    assert_true(diags_mention(&dl, DIAG_WARNING, "open in another pydive"));
    assert_true(diags_mention(&dl, DIAG_WARNING, "changes will not be saved"));

    progress_set_position(&pb, "from-b", NULL, 0, 0, 9);
    assert_false(store_save(&b, &pb, &err));
    progress_set_position(&pa, "from-a", NULL, 0, 0, 10);
    assert_true(store_save(&a, &pa, &err));
    store_close(&b);
    store_close(&a);

    Progress pc;
    diag_fini(&dl);
    assert_true(store_open(&a, t->root, "alice", true, &pc, &dl));
    assert_false(a.read_only); /* the lock went with the first store */
    assert_int_equal(dl.len, 0);
    assert_non_null(progress_chapter_get(&pc, "from-a"));
    assert_null(progress_chapter_get(&pc, "from-b"));
    store_close(&a);
    progress_fini(&pa);
    progress_fini(&pb);
    progress_fini(&pc);
    diag_fini(&dl);
    buf_fini(&err);
}

static void store_write_valid(Tmp *t, Progress *p)
{
    Store s;
    DiagList dl = {0};
    Buf err = {0};
    assert_true(store_open(&s, t->root, "alice", true, p, &dl));
    progress_set_position(p, "01-refs", "intro", 4, 2, 777);
    progress_mark_read(p, "01-refs", "intro", 778);
    assert_true(store_save(&s, p, &err));
    store_close(&s);
    diag_fini(&dl);
    buf_fini(&err);
}

/* Opens the profile over `bad` contents and checks it was set aside. */
static void expect_set_aside(Tmp *t, const char *bad, size_t len)
{
    write_raw(t->path, bad, len);
    Store s;
    Progress p;
    DiagList dl = {0};
    Buf err = {0}, moved = {0};
    assert_true(store_open(&s, t->root, "alice", true, &p, &dl));
    if (!diags_mention(&dl, DIAG_WARNING, "was damaged and moved to")) {
        fprintf(stderr, "not set aside: %.*s\n", (int)len, bad);
        diag_print(&dl, stderr);
    }
    assert_true(diags_mention(&dl, DIAG_WARNING, "was damaged and moved to"));
    assert_true(diags_mention(&dl, DIAG_WARNING, "starting clean"));
    assert_true(diag_count(&dl, DIAG_NOTE) >= 1); /* the parser's reasons */
    assert_int_equal(diag_count(&dl, DIAG_ERROR), 0);
    assert_false(s.read_only);
    assert_int_equal(p.nchapters, 0);
    assert_string_equal(p.profile, "alice");
    assert_false(file_exists(t->path));

    char *aside = first_prefixed(t->profile_dir, "progress.yaml.damaged-");
    assert_non_null(aside);
    assert_true(diags_mention(&dl, DIAG_WARNING, aside));
    assert_true(file_read(aside, PROGRESS_FILE_MAX * 2, &moved, &err));
    assert_int_equal(moved.len, len);
    assert_memory_equal(moved.data, bad, len); /* kept byte for byte */
    unlink(aside);
    free(aside);

    /* The learner carries on: saving and reopening work cleanly. */
    progress_set_position(&p, "fresh", NULL, 0, 0, 1);
    assert_true(store_save(&s, &p, &err));
    store_close(&s);
    progress_fini(&p);
    diag_fini(&dl);
    assert_true(store_open(&s, t->root, "alice", true, &p, &dl));
    assert_int_equal(dl.len, 0);
    assert_non_null(progress_chapter_get(&p, "fresh"));
    store_close(&s);
    unlink(t->path);
    progress_fini(&p);
    diag_fini(&dl);
    buf_fini(&err);
    buf_fini(&moved);
}

static void damaged_files_are_moved_aside_and_reported(void **state)
{
    Tmp *t = *state;
    Progress p;
    store_write_valid(t, &p);
    Buf good = {0}, err = {0};
    assert_true(file_read(t->path, PROGRESS_FILE_MAX, &good, &err));
    progress_fini(&p);

    expect_set_aside(t, good.data, good.len / 2);     /* truncated */
    expect_set_aside(t, good.data, good.len - 5);     /* lost its end marker */
    expect_set_aside(t, "", 0);                       /* emptied */
    expect_set_aside(t, "\x7f" "ELF\x02\x01\x01\x00\xff\xfe\x00garbage", 16);
    expect_set_aside(t, "schema: 1\nprofile: 3\nupdated: yes\n...\n", 37); /* types */

    /* Larger than the cap: refused without being parsed. */
    size_t big = PROGRESS_FILE_MAX + 10;
    char *huge = malloc(big);
    memset(huge, '#', big);
    expect_set_aside(t, huge, big);
    free(huge);
    buf_fini(&good);
    buf_fini(&err);
}

/* Issue 20: a progress file from a newer pydive is not damaged.  It was moved
 * aside and replaced, so the learner's progress did not come back after an
 * update; now the profile opens read-only, says why and what to do, and the
 * file stays byte for byte. */
static void a_newer_file_is_kept_and_never_written(void **state)
{
    Tmp *t = *state;
    Store s;
    Progress p;
    DiagList dl = {0};
    assert_true(store_open(&s, t->root, "alice", true, &p, &dl)); /* makes the dirs */
    store_close(&s);
    progress_fini(&p);
    const char *newer = "schema: 2\nprofile: \"alice\"\nfuture: {}\n...\n";
    write_raw(t->path, newer, strlen(newer));
    assert_true(store_open(&s, t->root, "alice", true, &p, &dl));
    assert_true(diags_mention(&dl, DIAG_WARNING, "written by a newer pydive (schema 2"));
    assert_true(diags_mention(&dl, DIAG_WARNING, "update pydive"));
    assert_int_equal(diag_count(&dl, DIAG_ERROR), 0);
    assert_true(s.read_only);
    assert_false(s.held_elsewhere);
    assert_int_equal(p.nchapters, 0);
    Buf err = {0}, now = {0};
    progress_set_position(&p, "fresh", NULL, 0, 0, 1);
    assert_false(store_save(&s, &p, &err)); /* never over the newer file */
    assert_int_equal(count_prefixed(t->profile_dir, "progress.yaml.damaged-"), 0);
    assert_true(file_read(t->path, PROGRESS_FILE_MAX, &now, &err));
    assert_int_equal(now.len, strlen(newer));
    assert_memory_equal(now.data, newer, now.len);
    store_close(&s);
    progress_fini(&p);
    diag_fini(&dl);
    buf_fini(&err);
    buf_fini(&now);
    unlink(t->path);
}

static void read_only_open_leaves_a_damaged_file_alone(void **state)
{
    Tmp *t = *state;
    Store s;
    Progress p;
    DiagList dl = {0};
    assert_true(store_open(&s, t->root, "alice", true, &p, &dl)); /* makes the dirs */
    store_close(&s);
    progress_fini(&p);
    write_raw(t->path, "schema: [\n", 10);
    assert_true(store_open(&s, t->root, "alice", false, &p, &dl));
    assert_true(diags_mention(&dl, DIAG_WARNING, "damaged"));
    assert_true(file_exists(t->path));
    assert_int_equal(count_prefixed(t->profile_dir, "progress.yaml.damaged-"), 0);
    store_close(&s);
    progress_fini(&p);
    diag_fini(&dl);
}

/* ---- interrupted saves --------------------------------------------------- */

static bool stop_at_step(int step, void *ctx)
{
    return step != *(int *)ctx;
}

static void save_interrupted_at_every_step(void **state)
{
    Tmp *t = *state;
    for (int stop = 1; stop <= 3; stop++) {
        Store s, r;
        Progress p, old, got;
        DiagList dl = {0};
        Buf err = {0};
        assert_true(store_open(&s, t->root, "alice", true, &p, &dl));
        progress_reset_all(&p);
        progress_set_position(&p, "01-refs", "old", 1, 1, 100 * stop);
        assert_true(store_save(&s, &p, &err)); /* the confirmed state */
        assert_true(store_open(&r, t->root, "alice", false, &old, &dl));
        store_close(&r);
        progress_set_position(&p, "02-gc", "new", 2, 2, 100 * stop + 50);
        progress_mark_read(&p, "01-refs", "old", 100 * stop + 51);

        file_write_set_hook(stop_at_step, &stop);
        assert_true(store_save(&s, &p, &err)); /* "dies" after step `stop` */
        file_write_set_hook(NULL, NULL);
        if (stop < 3)
            assert_int_equal(count_prefixed(t->profile_dir, "progress.yaml.tmp-"), 1);
        store_close(&s); /* the dead process's lock goes away */
        diag_fini(&dl);

        assert_true(store_open(&s, t->root, "alice", true, &got, &dl));
        if (dl.len)
            diag_print(&dl, stderr);
        assert_int_equal(dl.len, 0); /* never a parse error or a move aside */
        assert_int_equal(count_prefixed(t->profile_dir, "progress.yaml.tmp-"), 0);
        assert_int_equal(count_prefixed(t->profile_dir, "progress.yaml.damaged-"), 0);
        if (stop < 3)
            assert_same_progress(&got, &old); /* not renamed: the old state */
        else
            assert_same_progress(&got, &p); /* renamed: the new state */
        store_close(&s);
        progress_fini(&p);
        progress_fini(&old);
        progress_fini(&got);
        diag_fini(&dl);
        buf_fini(&err);
    }
}

/* ---- a real process killed while saving ---------------------------------- */

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* The child saves counters start, start+1, ... and reports each one on the
 * pipe only after store_save returned: those are the confirmed ones. */
_Noreturn static void child_saves_forever(const char *root, int out, int64_t start)
{
    alarm(10); /* never outlive a parent that stopped killing */
    Store s;
    Progress p;
    DiagList dl = {0};
    Buf err = {0};
    if (!store_open(&s, root, "kid", true, &p, &dl) || s.read_only)
        _exit(3);
    for (int64_t i = start;; i++) {
        progress_set_position(&p, "01-refs", "counter", (int)(i % 1000), 0, i);
        progress_mark_read(&p, "01-refs", i % 2 ? "odd" : "even", i);
        if (!store_save(&s, &p, &err))
            _exit(4);
        if (write(out, &i, sizeof i) != (ssize_t)sizeof i)
            _exit(5);
    }
}

static void killed_saver_never_loses_a_confirmed_save(void **state)
{
    Tmp *t = *state;
    uint64_t seed = 0x5eed1e55u;
    int64_t next = 1, confirmed_total = 0;
    int kills = 200;
    for (int k = 0; k < kills; k++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            child_saves_forever(t->root, fds[1], next);
        }
        close(fds[1]);
        int64_t last = 0, v;
        char buf[4096];
        size_t have = 0;
        ssize_t n;
        /* On odd rounds wait for a first confirmed save, so that however
         * loaded the machine is, kills land in the middle of saving and not
         * only during start-up; even rounds kill at any moment. */
        if (k % 2 == 1) {
            while ((n = read(fds[0], buf, sizeof v)) < 0 && errno == EINTR)
                ;
            if (n == (ssize_t)sizeof v) {
                memcpy(&v, buf, sizeof v);
                last = v, confirmed_total++;
            }
        }
        struct timespec nap = {0, (long)(rng_next(&seed) % 4000) * 1000};
        nanosleep(&nap, NULL);
        kill(pid, SIGKILL);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status)); /* it was saving, not failing */

        while ((n = read(fds[0], buf + have, sizeof buf - have)) > 0 || (n < 0 && errno == EINTR)) {
            if (n < 0)
                continue;
            have += (size_t)n;
            while (have >= sizeof v) {
                memcpy(&v, buf, sizeof v);
                last = v, confirmed_total++;
                memmove(buf, buf + sizeof v, have - sizeof v);
                have -= sizeof v;
            }
        }
        close(fds[0]);

        Store s;
        Progress p;
        DiagList dl = {0};
        assert_true(store_open(&s, t->root, "kid", true, &p, &dl));
        if (dl.len)
            diag_print(&dl, stderr);
        assert_int_equal(dl.len, 0);
        assert_false(s.read_only);
        int64_t got = p.updated;
        int64_t floor = last ? last : next - 1;
        if (got < floor || got > (last ? last : next - 1) + 1)
            fprintf(stderr, "kill %d: file holds %lld, confirmed %lld, started at %lld\n", k,
                    (long long)got, (long long)last, (long long)next);
        assert_true(got >= floor);     /* nothing confirmed is lost */
        assert_true(got <= floor + 1); /* at most the save in flight landed */
        char *kid_dir = path_join(t->root, "profiles/kid");
        assert_int_equal(count_prefixed(kid_dir, "progress.yaml.tmp-"), 0);
        free(kid_dir);
        next = got + 1;
        store_close(&s);
        progress_fini(&p);
        diag_fini(&dl);
    }
    assert_true(confirmed_total >= kills / 2); /* the children did get to save */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(data_functions_track_position_and_reading),
        cmocka_unit_test(ids_that_cannot_round_trip_are_refused),
        cmocka_unit_test(serialize_then_parse_round_trips_awkward_ids),
        cmocka_unit_test(a_file_cut_short_anywhere_is_refused),
        cmocka_unit_test(bad_files_give_positioned_diagnostics),
        cmocka_unit_test(nul_bytes_and_huge_files_are_refused),
        cmocka_unit_test_setup_teardown(store_saves_and_reopens, tmp_setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(second_writer_gets_read_only, tmp_setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(damaged_files_are_moved_aside_and_reported, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(a_newer_file_is_kept_and_never_written, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(read_only_open_leaves_a_damaged_file_alone, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(save_interrupted_at_every_step, tmp_setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(killed_saver_never_loses_a_confirmed_save, tmp_setup,
                                        tmp_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
