/*
 * libFuzzer target: the export reader (YAML, JSON and CSV).
 *
 * Random bytes rarely carry a matching SHA-256, so most inputs are "sealed"
 * first: the input is taken as the body of an export and given the checksum
 * trailer its format ends with, which lets the fuzzer reach the field
 * readers behind the checksum gate.  An input starting with '!' is read raw
 * instead (syntax, version and checksum gates).  Whatever the reader accepts
 * is written in all three formats and must read back, and writing what was
 * read back must give the same bytes (exports are deterministic).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "learner/export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Appends the trailer export_write would put after this body. */
static void seal(const char *body, size_t len, Buf *out)
{
    size_t skip = 0;
    while (skip < len && (body[skip] == ' ' || body[skip] == '\n' || body[skip] == '\t'))
        skip++;
    size_t name = strlen(EXPORT_FORMAT_NAME);
    bool csv = len > name && memcmp(body, EXPORT_FORMAT_NAME ",", name + 1) == 0;
    bool json = !csv && skip < len && body[skip] == '{';
    char sum[SHA256_HEX];
    export_digest(body, len, sum);
    buf_add(out, body, len);
    buf_printf(out, csv ? "checksum,sha256:%s\n" : json ? "  \"checksum\": \"sha256:%s\"\n}\n"
                                                          : "checksum: \"sha256:%s\"\n...\n", sum);
}

/* What we write we must read, and reading it back changes nothing. */
static void round_trip(Export *e, ExportFormat f)
{
    Buf first = {0}, second = {0};
    export_write(e, f, &first);
    Export again;
    DiagList d = {0};
    if (export_read(first.data, first.len, "roundtrip", &again, &d) != EXPORT_OK)
        abort(); /* we wrote something we cannot read back */
    export_write(&again, f, &second);
    if (first.len != second.len || memcmp(first.data, second.data, first.len) != 0)
        abort(); /* the same record gave different bytes */
    export_fini(&again);
    diag_fini(&d);
    buf_fini(&first);
    buf_fini(&second);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Buf text = {0};
    if (size > 0 && data[0] == '!')
        buf_add(&text, (const char *)data + 1, size - 1);
    else
        seal((const char *)data, size, &text);
    Export e;
    DiagList diags = {0};
    if (export_read(text.data, text.len, "fuzz", &e, &diags) == EXPORT_OK) {
        round_trip(&e, EXPORT_YAML);
        round_trip(&e, EXPORT_JSON);
        round_trip(&e, EXPORT_CSV);
    }
    export_fini(&e);
    diag_fini(&diags);
    buf_fini(&text);
    return 0;
}
