/*
 * fuzz_parser: libFuzzer target for the tokenizer and parser alone, under
 * the grammar of each version (3.11, 3.12, 3.13), on inputs up to 64 KiB.
 * Any input must parse or end in a SyntaxError-style error with a message,
 * never a crash, a hang or a stack overflow.
 * Not built by `make test`; build and run with tests/fuzz/run.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    char *src = malloc(size + 1);
    memcpy(src, data, size);
    src[size] = '\0';
    for (int minor = 11; minor <= 13; minor++) {
        Ast ast;
        PyError err = {0};
        bool ok = parse_module(src, size, minor, &ast, &err);
        if (!ok && (!err.set || err.type[0] == '\0'))
            abort(); /* a failure must say what failed */
        ast_fini(&ast);
    }
    free(src);
    return 0;
}
