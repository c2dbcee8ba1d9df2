/*
 * fuzz_assess_record: libFuzzer target for a profile's assessment record
 * (assessments.yaml, app/learner/assess_log_file.c).  Whatever the reader
 * accepts must survive a serialize/parse round trip unchanged (what we
 * write we must read back as written), and must be safe to score: the
 * record goes through mastery_report against the shipped assessments, as
 * the dashboard and `pydive stage` would.
 *
 * tests/unit/test_fuzz_regressions.c includes this file to replay
 * tests/fuzz/regressions/assess_record/ through the same entry point.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "learner/assess.h"
#include "learner/assess_log.h"
#include "learner/assess_store.h"
#include "learner/mastery.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The shipped assessments, loaded once (from $PYDIVE_DATA or the checkout). */
static const AssessContent *fuzz_record_content(void)
{
    static AssessContent content;
    static int state; /* 0 not tried, 1 loaded, -1 failed */
    if (state == 0) {
        const char *root = getenv("PYDIVE_DATA");
        Buf dir = {0};
        buf_printf(&dir, "%s/assessments", root && *root ? root : ".");
        DiagList diags = {0};
        state = assess_content_load(buf_str(&dir), &content, &diags) ? 1 : -1;
        diag_fini(&diags);
        buf_fini(&dir);
    }
    return state == 1 ? &content : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    AssessLog log;
    DiagList diags = {0};
    if (assess_log_parse((const char *)data, size, "fuzz", &log, &diags)) {
        Buf out = {0};
        assess_log_serialize(&log, &out);
        AssessLog again;
        DiagList d2 = {0};
        if (!assess_log_parse(out.data, out.len, "roundtrip", &again, &d2))
            abort(); /* we wrote something we cannot read back */
        Buf out2 = {0};
        assess_log_serialize(&again, &out2);
        if (out.len != out2.len || memcmp(out.data, out2.data, out.len) != 0)
            abort(); /* reading it back changed it */
        const AssessContent *c = fuzz_record_content();
        if (c) {
            StageReport r;
            mastery_report(c, &log, log.updated, &r);
            stage_report_fini(&r);
        }
        buf_fini(&out2);
        assess_log_fini(&again);
        diag_fini(&d2);
        buf_fini(&out);
    }
    assess_log_fini(&log);
    diag_fini(&diags);
    return 0;
}
