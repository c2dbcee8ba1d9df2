/*
 * asyncio_sync: asyncio's Queue, Event, Lock, Semaphore and
 * BoundedSemaphore (asyncio/queues.py and locks.py: Python classes whose
 * waiters are futures), on asyncio_loop.c's futures.
 */
#include "pyrun/modules/asyncio_int.h"

void aio_sync_init(PyRun *I, SimId d)
{
    (void)I, (void)d;
}
