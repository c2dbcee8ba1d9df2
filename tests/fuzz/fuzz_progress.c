/*
 * libFuzzer target: the progress-file reader, then a serialize/parse round
 * trip of whatever it accepted (what we write we must be able to read).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/buf.h"
#include "base/diag.h"
#include "learner/progress.h"
#include "learner/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Progress p;
    DiagList diags = {0};
    if (progress_parse((const char *)data, size, "fuzz", &p, &diags)) {
        Buf out = {0};
        progress_serialize(&p, &out);
        Progress again;
        DiagList d2 = {0};
        if (!progress_parse(out.data, out.len, "roundtrip", &again, &d2))
            abort(); /* we wrote something we cannot read back */
        progress_fini(&again);
        diag_fini(&d2);
        buf_fini(&out);
    }
    progress_fini(&p);
    diag_fini(&diags);
    return 0;
}
