/*
 * schema_chapter: one chapter module (lessons/NN-slug.yaml) from a ydoc tree
 * into a Chapter, with every rule of docs/AUTHORING.md that a single file can
 * check: keys, types, ids, block kinds, citations of this chapter's sources,
 * and references to exercises and quiz items through the RefIndex.
 * Rules that need the whole course (unique chapter ids, numbering) live in
 * course.c.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "course/schema.h"

static const char *const CHAPTER_KEYS[] = {"id",           "number",     "title",
                                           "subtitle",     "difficulty", "read_minutes",
                                           "objectives",   "sections",   "sources",
                                           NULL};
static const char *const SECTION_KEYS[] = {"id", "title", "body", NULL};
static const char *const SOURCE_KEYS[] = {"id", "title", "url", NULL};
static const char *const DIFFICULTIES[] = {"beginner", "intermediate", "advanced", "expert",
                                           NULL};
static const char *const CALLOUTS[] = {"note", "tip", "warning", "misconception", NULL};

/* Block kinds in BlockKind order, and the keys each kind allows. */
static const char *const BLOCK_KINDS[] = {"text", "code", "callout", "exercise", "quiz", NULL};
static const char *const TEXT_KEYS[] = {"text", NULL};
static const char *const CODE_KEYS[] = {"code", "lang", NULL};
static const char *const CALLOUT_KEYS[] = {"callout", "text", "title", NULL};
static const char *const EXERCISE_KEYS[] = {"exercise", NULL};
static const char *const QUIZ_KEYS[] = {"quiz", NULL};
static const char *const *const BLOCK_KEYS[] = {TEXT_KEYS, CODE_KEYS, CALLOUT_KEYS,
                                                EXERCISE_KEYS, QUIZ_KEYS};

typedef struct ChapterCheck {
    Check ck;
    const RefIndex *refs;
    char **source_ids; /* sorted copies of the pointers in Chapter.sources */
    size_t nsource_ids;
} ChapterCheck;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- citations ---------------------------------------------------------- */

/* Every "[^id]" outside `code` spans must name one of the chapter's sources. */
static void check_citations(ChapterCheck *cc, const YNode *text)
{
    if (!text || text->kind != YNODE_SCALAR)
        return;
    const char *s = text->str;
    size_t len = text->len;
    bool in_code = false;
    for (size_t i = 0; i < len; i++) {
        i += strcspn(s + i, "[`\n"); /* prose is most of a chapter: jump to what matters */
        if (i >= len)
            break;
        if (s[i] == '\n')
            in_code = false;
        if (s[i] == '`')
            in_code = !in_code;
        if (in_code || s[i] != '[' || i + 1 >= len || s[i + 1] != '^')
            continue;
        size_t j = i + 2;
        while (j < len && s[j] != ']' && s[j] != '\n' && s[j] != ' ')
            j++;
        if (j >= len || s[j] != ']' || j == i + 2)
            continue;
        char *id = xstrndup(s + i + 2, j - i - 2);
        if (!cc->nsource_ids ||
            !bsearch(&id, cc->source_ids, cc->nsource_ids, sizeof *cc->source_ids, cmp_str))
            check_error(&cc->ck, ydoc_locate(cc->ck.doc, text, i),
                        "citation '[^%s]' names an unknown source (no entry of 'sources' has "
                        "id '%s')",
                        id, id);
        free(id);
        i = j;
    }
}

/* ---- sources ------------------------------------------------------------ */

static void read_source(Check *ck, const YNode *item, Source *src, SrcLoc *id_loc)
{
    src->loc = item->loc;
    *id_loc = item->loc;
    if (!check_is_map(ck, item, "each entry of 'sources'"))
        return;
    check_keys(ck, item, SOURCE_KEYS, "a source");
    const YNode *id = check_field(ck, item, "id", "a source", true);
    src->id = check_id(ck, id, "id");
    if (id)
        *id_loc = id->loc;
    src->title = check_str(ck, check_field(ck, item, "title", "a source", true), "title");
    const YNode *url = check_field(ck, item, "url", "a source", false);
    src->url = check_str(ck, url, "url");
    if (src->url && strncmp(src->url, "http://", 7) != 0 && strncmp(src->url, "https://", 8) != 0) {
        check_error(ck, url->loc, "'url' must start with http:// or https://, found '%s'",
                    src->url);
    }
}

static void read_sources(ChapterCheck *cc, const YNode *v, Chapter *ch)
{
    if (!check_list(&cc->ck, v, "sources"))
        return;
    ch->nsources = v->nkids;
    ch->sources = xcalloc(v->nkids, sizeof *ch->sources);
    SrcLoc *locs = xcalloc(v->nkids, sizeof *locs);
    char **ids = xcalloc(v->nkids, sizeof *ids);
    size_t nids = 0;
    for (size_t i = 0; i < v->nkids; i++) {
        read_source(&cc->ck, v->kids[i], &ch->sources[i], &locs[i]);
        ids[i] = ch->sources[i].id;
    }
    check_unique(&cc->ck, ids, locs, v->nkids, "source id");
    /* The lookup table for citations: the ids that could be read. */
    for (size_t i = 0; i < v->nkids; i++)
        if (ids[i])
            ids[nids++] = ids[i];
    qsort(ids, nids, sizeof *ids, cmp_str);
    cc->source_ids = ids;
    cc->nsource_ids = nids;
    free(locs);
}

/* ---- blocks ------------------------------------------------------------- */

/* Finds the one kind key of a block; reports zero or two. */
static bool block_kind(Check *ck, const YNode *map, BlockKind *kind)
{
    bool is_callout = ymap_get(map, "callout") != NULL; /* then 'text' is its body */
    const YNode *first = NULL;
    for (size_t i = 0; i < ymap_len(map); i++) {
        const YNode *key = ymap_key(map, i);
        int k = -1;
        for (int j = 0; BLOCK_KINDS[j]; j++)
            if (strcmp(key->str, BLOCK_KINDS[j]) == 0)
                k = j;
        if (k < 0 || (k == BLOCK_TEXT && is_callout))
            continue;
        if (first) {
            check_error(ck, key->loc,
                        "a block has exactly one kind, but this one has both '%s' and '%s' "
                        "(expected one of: text, code, callout, exercise, quiz)",
                        first->str, key->str);
            return false;
        }
        first = key;
        *kind = (BlockKind)k;
    }
    if (!first)
        check_error(ck, map->loc,
                    "a block needs one kind key (expected one of: text, code, callout, "
                    "exercise, quiz)");
    return first != NULL;
}

static void read_reference(ChapterCheck *cc, const YNode *v, Block *b)
{
    Check *ck = &cc->ck;
    const char *key = b->kind == BLOCK_EXERCISE ? "exercise" : "quiz";
    b->text = check_id(ck, v, key);
    if (!b->text)
        return;
    if (b->kind == BLOCK_EXERCISE && !refs_has_exercise(cc->refs, b->text))
        check_error(ck, v->loc,
                    "unknown exercise '%s' (no file exercises/<folder>/%s.lua in the content "
                    "folder)",
                    b->text, b->text);
    if (b->kind == BLOCK_QUIZ && !refs_has_quiz(cc->refs, b->text))
        check_error(ck, v->loc,
                    "unknown quiz item '%s' (no assessments/*.yaml has an item with this id)",
                    b->text);
}

static void read_block(ChapterCheck *cc, const YNode *map, Block *b)
{
    Check *ck = &cc->ck;
    b->loc = map->loc;
    if (!check_is_map(ck, map, "each entry of 'body'") || !block_kind(ck, map, &b->kind))
        return;
    static const char *const whats[] = {"a text block", "a code block", "a callout block",
                                        "an exercise block", "a quiz block"};
    const char *what = whats[b->kind];
    check_keys(ck, map, BLOCK_KEYS[b->kind], what);
    const YNode *v = ymap_get(map, BLOCK_KINDS[b->kind]);
    switch (b->kind) {
    case BLOCK_TEXT:
        b->text = check_str(ck, v, "text");
        check_citations(cc, v);
        break;
    case BLOCK_CODE:
        b->text = check_str(ck, v, "code");
        b->lang = check_str(ck, ymap_get(map, "lang"), "lang");
        break;
    case BLOCK_CALLOUT: {
        int k = check_enum(ck, v, "callout", CALLOUTS);
        b->callout = k < 0 ? CALLOUT_NOTE : (CalloutKind)k;
        const YNode *text = check_field(ck, map, "text", what, true);
        b->text = check_str(ck, text, "text");
        check_citations(cc, text);
        b->title = check_str(ck, ymap_get(map, "title"), "title");
        break;
    }
    case BLOCK_EXERCISE:
    case BLOCK_QUIZ: read_reference(cc, v, b); break;
    }
}

/* ---- sections ----------------------------------------------------------- */

static void read_section(ChapterCheck *cc, const YNode *map, Section *sec, SrcLoc *id_loc)
{
    Check *ck = &cc->ck;
    sec->loc = map->loc;
    *id_loc = map->loc;
    if (!check_is_map(ck, map, "each entry of 'sections'"))
        return;
    check_keys(ck, map, SECTION_KEYS, "a section");
    const YNode *id = check_field(ck, map, "id", "a section", true);
    sec->id = check_id(ck, id, "id");
    if (id)
        *id_loc = id->loc;
    sec->title = check_str(ck, check_field(ck, map, "title", "a section", true), "title");
    const YNode *body = check_field(ck, map, "body", "a section", true);
    if (!check_list(ck, body, "body"))
        return;
    sec->nblocks = body->nkids;
    sec->blocks = xcalloc(body->nkids, sizeof *sec->blocks);
    for (size_t i = 0; i < body->nkids; i++)
        read_block(cc, body->kids[i], &sec->blocks[i]);
}

static void read_sections(ChapterCheck *cc, const YNode *v, Chapter *ch)
{
    if (!check_list(&cc->ck, v, "sections"))
        return;
    ch->nsections = v->nkids;
    ch->sections = xcalloc(v->nkids, sizeof *ch->sections);
    SrcLoc *locs = xcalloc(v->nkids, sizeof *locs);
    char **ids = xcalloc(v->nkids, sizeof *ids);
    for (size_t i = 0; i < v->nkids; i++) {
        read_section(cc, v->kids[i], &ch->sections[i], &locs[i]);
        ids[i] = ch->sections[i].id;
    }
    check_unique(&cc->ck, ids, locs, v->nkids, "section id");
    free(ids);
    free(locs);
}

/* ---- the chapter -------------------------------------------------------- */

/* ---- read time --------------------------------------------------------- */

static size_t count_words(const char *s)
{
    size_t n = 0;
    bool in_word = false;
    for (; s && *s; s++) {
        bool space = *s == ' ' || *s == '\n' || *s == '\t';
        n += !space && !in_word;
        in_word = !space;
    }
    return n;
}

/* read_minutes must be an honest estimate: the words a learner reads
 * (titles, objectives, prose, callouts; code is run, not read word by
 * word) at about 200 a minute, within a fifth or one minute. */
static void check_read_time(Check *ck, const Chapter *ch, SrcLoc at)
{
    size_t words = count_words(ch->title) + count_words(ch->subtitle);
    for (size_t i = 0; i < ch->nobjectives; i++)
        words += count_words(ch->objectives[i]);
    for (size_t s = 0; s < ch->nsections; s++) {
        words += count_words(ch->sections[s].title);
        for (size_t b = 0; b < ch->sections[s].nblocks; b++) {
            const Block *bl = &ch->sections[s].blocks[b];
            if (bl->kind == BLOCK_TEXT || bl->kind == BLOCK_CALLOUT)
                words += count_words(bl->text) + count_words(bl->title);
        }
    }
    int estimate = (int)((words + 199) / 200);
    if (estimate < 1)
        estimate = 1;
    int slack = estimate / 5 > 1 ? estimate / 5 : 1;
    if (ch->read_minutes < estimate - slack || ch->read_minutes > estimate + slack)
        check_error(ck, at,
                    "'read_minutes' is %d but the chapter has %zu words to read, about %d "
                    "minute%s at 200 words a minute (titles, objectives, prose and callouts)",
                    ch->read_minutes, words, estimate, estimate == 1 ? "" : "s");
}

static void read_chapter(ChapterCheck *cc, const YNode *root, Chapter *ch, ChapterMeta *meta)
{
    Check *ck = &cc->ck;
    const char *what = "the chapter";
    if (!check_is_map(ck, root, "the chapter (the top level of the file)"))
        return;
    check_keys(ck, root, CHAPTER_KEYS, what);

    const YNode *v = check_field(ck, root, "id", what, true);
    ch->id = check_id(ck, v, "id");
    meta->has_id = ch->id != NULL;
    meta->id_loc = v ? v->loc : root->loc;

    v = check_field(ck, root, "number", what, true);
    meta->has_number = check_int(ck, v, "number", 1, 99, &ch->number);
    meta->number_loc = v ? v->loc : root->loc;

    ch->title = check_str(ck, check_field(ck, root, "title", what, true), "title");
    ch->subtitle = check_str(ck, check_field(ck, root, "subtitle", what, true), "subtitle");
    int k = check_enum(ck, check_field(ck, root, "difficulty", what, true), "difficulty",
                       DIFFICULTIES);
    if (k >= 0)
        ch->difficulty = xstrdup(DIFFICULTIES[k]);
    v = check_field(ck, root, "read_minutes", what, true);
    meta->has_minutes = check_int(ck, v, "read_minutes", 1, 600, &ch->read_minutes);
    SrcLoc minutes_loc = v ? v->loc : root->loc;

    read_sources(cc, check_field(ck, root, "sources", what, true), ch); /* before citations */

    v = check_field(ck, root, "objectives", what, true);
    ch->objectives = check_str_list(ck, v, "objectives", &ch->nobjectives);
    for (size_t i = 0; i < ch->nobjectives; i++)
        check_citations(cc, v->kids[i]);

    read_sections(cc, check_field(ck, root, "sections", what, true), ch);
    if (meta->has_minutes && ck->doc->nerrors == 0)
        check_read_time(ck, ch, minutes_loc);
}

static void check_file_name(Check *ck, const char *path, const Chapter *ch,
                            const ChapterMeta *meta)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    int nn;
    if (meta->has_number && course_module_name(base, &nn) && nn != ch->number)
        check_error(ck, meta->number_loc,
                    "'number' is %d but the file name '%s' says %02d; they must agree",
                    ch->number, base, nn);
}

bool chapter_read(const char *path, const char *display, const RefIndex *refs, Chapter *out,
                  ChapterMeta *meta, DiagList *diags)
{
    *out = (Chapter){.file = xstrdup(display)};
    *meta = (ChapterMeta){0};
    DiagList local = {0};
    YDoc doc;
    ChapterCheck cc = {.ck = {&doc, &local}, .refs = refs};
    if (ydoc_read_file(&doc, path, display, &local)) {
        read_chapter(&cc, doc.root, out, meta);
        check_file_name(&cc.ck, path, out, meta);
    }
    bool ok = doc.nerrors == 0;
    check_flush(&cc.ck, diags);
    free(cc.source_ids);
    ydoc_fini(&doc);
    return ok;
}
