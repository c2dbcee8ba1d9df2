/*
 * thread: the per-thread interpreter states' memory (thread.h): a value
 * stack reserved once, frames in chunks that stay where they are.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/thread.h"

PyThreadState *py_thread_new(int id)
{
    PyThreadState *ts = xcalloc(1, sizeof *ts);
    ts->id = id;
    /* calloc of this size maps fresh zero pages: only the depth used costs */
    ts->stack = xcalloc(VM_STACK, sizeof *ts->stack);
    return ts;
}

void py_thread_free(PyThreadState *ts)
{
    if (!ts)
        return;
    for (int i = 0; i < ts->nchunks; i++)
        free(ts->chunks[i]);
    free(ts->chunks);
    free(ts->stack);
    free(ts->trys);
    free(ts->handled);
    free(ts);
}

void py_thread_grow(PyThreadState *ts)
{
    /* chunks are kept once made: a recursion that comes back finds them */
    ts->chunks = xrealloc(ts->chunks, ((size_t)ts->nchunks + 1) * sizeof *ts->chunks);
    ts->chunks[ts->nchunks++] = xmalloc(VM_FRAME_CHUNK * sizeof(Frame));
}

int py_thread_frame_index(const PyThreadState *ts, const Frame *f)
{
    for (int c = 0; c < ts->nchunks; c++) /* tracebacks only: a scan of the chunks will do */
        if (f >= ts->chunks[c] && f < ts->chunks[c] + VM_FRAME_CHUNK)
            return c * VM_FRAME_CHUNK + (int)(f - ts->chunks[c]);
    SIM_ASSERT(!"a frame of this thread");
    return -1;
}
