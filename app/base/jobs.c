/*
 * jobs: independent jobs in child processes, their results through pipes.
 * Children are reaped in the order they started; a child that does not
 * exit cleanly has its job redone in the parent, so a result never comes
 * from a process that died half-way.
 */
#include "base/jobs.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#define MAX_WORKERS 4

typedef struct Child {
    pid_t pid;
    int fd, index;
} Child;

int jobs_workers(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_WORKERS ? MAX_WORKERS : (int)n;
}

static bool stopped(volatile sig_atomic_t *stop) { return stop && *stop; }

static bool write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* In a new child: keep stdio and the pipe `keep`, close every other
 * descriptor the parent had (a profile's lock is a flock held while any copy
 * of its descriptor is open: a child outliving a killed parent would hold it,
 * and the next pydive would find the profile busy), and die with the parent. */
static void isolate_child(int keep, pid_t parent)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != parent) /* the parent died before the line above */
        _exit(1);
    int fds[256], n;
    do { /* gathered first: closing while the directory is read skips entries */
        DIR *d = opendir("/proc/self/fd");
        if (!d)
            return;
        n = 0;
        struct dirent *e;
        while ((e = readdir(d)) != NULL && n < (int)(sizeof fds / sizeof fds[0])) {
            int fd = atoi(e->d_name);
            if (e->d_name[0] >= '0' && e->d_name[0] <= '9' && fd > 2 && fd != keep && fd != dirfd(d))
                fds[n++] = fd;
        }
        closedir(d);
        for (int i = 0; i < n; i++)
            close(fds[i]);
    } while (n == (int)(sizeof fds / sizeof fds[0]));
}

/* Forks a child for job `index`; false (nothing started) when it cannot. */
static bool start(Child *c, int index, JobFn fn, void *ctx)
{
    int p[2];
    if (pipe(p) != 0)
        return false;
    fflush(NULL); /* the child must not write the parent's buffered output again */
    pid_t parent = getpid(), pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        return false;
    }
    if (pid == 0) {
        close(p[0]);
        isolate_child(p[1], parent);
        Buf out = {0};
        fn(ctx, index, &out);
        _exit(write_all(p[1], buf_str(&out), out.len) ? 0 : 1);
    }
    close(p[1]);
    *c = (Child){.pid = pid, .fd = p[0], .index = index};
    return true;
}

/* Everything the child sends, then its exit: true when it finished
 * cleanly, false when *stop interrupted or the child failed (*failed). */
static bool reap(Child *c, Buf *out, volatile sig_atomic_t *stop, bool *failed)
{
    char chunk[1 << 14];
    *failed = false;
    for (;;) {
        ssize_t r = read(c->fd, chunk, sizeof chunk);
        if (r > 0) {
            buf_add(out, chunk, (size_t)r);
        } else if (r < 0 && errno == EINTR) {
            if (stopped(stop))
                return false;
        } else {
            break;
        }
    }
    close(c->fd);
    c->fd = -1;
    int status = 0;
    while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
        ;
    c->pid = 0;
    *failed = !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    return true;
}

/* Stops the nkids children still running, kids[first] the oldest. */
static bool kill_all(Child *kids, int first, int nkids)
{
    for (int i = 0; i < nkids; i++) {
        Child *c = &kids[(first + i) % MAX_WORKERS];
        if (c->pid > 0) {
            kill(c->pid, SIGKILL);
            while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR)
                ;
        }
        if (c->fd >= 0)
            close(c->fd);
    }
    return false;
}

bool jobs_run(int n, int workers, JobFn fn, void *ctx, Buf *outs, volatile sig_atomic_t *stop)
{
    if (workers > MAX_WORKERS)
        workers = MAX_WORKERS;
    Child kids[MAX_WORKERS];
    int first = 0, nkids = 0, next = 0; /* kids[first..] in start order, a ring */
    while (next < n || nkids > 0) {
        while (workers > 1 && next < n && nkids < workers) {
            Child *c = &kids[(first + nkids) % MAX_WORKERS];
            if (!start(c, next, fn, ctx))
                break;
            nkids++;
            next++;
        }
        if (nkids == 0) { /* one at a time here: one core, or no fork */
            fn(ctx, next, &outs[next]);
            next++;
            if (stopped(stop))
                return false;
            continue;
        }
        Child *c = &kids[first];
        bool failed;
        if (!reap(c, &outs[c->index], stop, &failed))
            return kill_all(kids, first, nkids);
        if (failed) { /* died half-way: its job again, here */
            buf_clear(&outs[c->index]);
            fn(ctx, c->index, &outs[c->index]);
        }
        first = (first + 1) % MAX_WORKERS;
        nkids--;
        if (stopped(stop))
            return kill_all(kids, first, nkids);
    }
    return true;
}

bool jobs_fork_one(JobFn fn, void *ctx, int index, Buf *out)
{
    Child c;
    bool failed;
    if (!start(&c, index, fn, ctx))
        return false;
    reap(&c, out, NULL, &failed);
    return !failed;
}
