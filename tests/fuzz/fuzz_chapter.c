/*
 * libFuzzer target: one chapter module through the YAML reader and the
 * chapter schema.  The input goes through a memfd so the real file path of
 * chapter_load_file (size cap, read loop) is exercised too.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/diag.h"
#include "course/course.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("chapter", 0);
    if (fd < 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    Chapter ch = {0};
    DiagList diags = {0};
    if (chapter_load_file(path, "tests/fixtures/course-good", &ch, &diags))
        chapter_fini(&ch);
    diag_fini(&diags);
    close(fd);
    return 0;
}
