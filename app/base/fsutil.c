/*
 * fsutil: careful file-system operations (see fsutil.h).
 */
#include "base/fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"

static FileWriteHook write_hook;
static void *write_hook_ctx;

void file_write_set_hook(FileWriteHook hook, void *ctx)
{
    write_hook = hook;
    write_hook_ctx = ctx;
}

static bool fail(Buf *err, const char *what, const char *path)
{
    int e = errno;
    buf_clear(err);
    buf_printf(err, "cannot %s %s: %s", what, path, strerror(e));
    return false;
}

bool file_read(const char *path, size_t max_bytes, Buf *out, Buf *err)
{
    buf_clear(out);
    /* O_NONBLOCK: opening a FIFO nobody writes to would wait forever; once
     * open, reads block again and such a FIFO reads as empty */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return fail(err, "read", path);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        buf_clear(err);
        buf_printf(err, "cannot read %s: it is a directory", path);
        return false;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            close(fd);
            return fail(err, "read", path);
        }
        if (n == 0)
            break;
        if (out->len + (size_t)n > max_bytes) {
            close(fd);
            buf_fini(out); /* what was read of a file we refuse is not kept */
            buf_clear(err);
            buf_printf(err, "%s is larger than %zu bytes; refusing to load it", path, max_bytes);
            return false;
        }
        buf_add(out, chunk, (size_t)n);
    }
    close(fd);
    if (!out->data)
        buf_add(out, "", 0);
    return true;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

static bool write_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        len -= (size_t)n;
    }
    return true;
}

static bool hook_says_stop(int step)
{
    return write_hook && !write_hook(step, write_hook_ctx);
}

bool file_write_atomic(const char *path, const void *data, size_t len, Buf *err)
{
    Buf tmp = {0};
    buf_printf(&tmp, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp.data);
    if (fd < 0) {
        bool r = fail(err, "create a temporary file beside", path);
        buf_fini(&tmp);
        return r;
    }
    bool ok = write_all(fd, data, len);
    if (ok && hook_says_stop(1)) {
        close(fd);
        buf_fini(&tmp);
        return true; /* simulated crash: the temp file stays behind */
    }
    ok = ok && fsync(fd) == 0;
    int saved = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        unlink(tmp.data);
        errno = saved;
        bool r = fail(err, "write", path);
        buf_fini(&tmp);
        return r;
    }
    if (hook_says_stop(2)) {
        buf_fini(&tmp);
        return true;
    }
    if (rename(tmp.data, path) != 0) {
        saved = errno;
        unlink(tmp.data);
        errno = saved;
        buf_fini(&tmp);
        return fail(err, "replace", path);
    }
    buf_fini(&tmp);
    if (hook_says_stop(3))
        return true;
    /* Make the rename itself durable. */
    char *dir = dir_of(path);
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    free(dir);
    return true;
}

bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool dir_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool dir_make(const char *path, Buf *err)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            bool r = fail(err, "create directory", p);
            free(p);
            return r;
        }
        *s = '/';
    }
    bool ok = mkdir(p, 0700) == 0 || errno == EEXIST;
    if (ok && !dir_exists(p)) {
        errno = ENOTDIR;
        ok = false;
    }
    if (!ok)
        fail(err, "create directory", p);
    free(p);
    return ok;
}

bool file_move_aside(const char *path, Buf *moved_to, Buf *err)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    buf_clear(moved_to);
    buf_printf(moved_to, "%s.damaged-%s", path, stamp);
    for (int i = 2; file_exists(moved_to->data) && i < 1000; i++) {
        buf_clear(moved_to);
        buf_printf(moved_to, "%s.damaged-%s-%d", path, stamp, i);
    }
    if (rename(path, moved_to->data) != 0)
        return fail(err, "move aside", path);
    return true;
}

bool file_size(const char *path, size_t *size, Buf *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return fail(err, "inspect", path);
    *size = (size_t)st.st_size;
    return true;
}

bool file_remove(const char *path, Buf *err)
{
    if (unlink(path) != 0 && errno != ENOENT)
        return fail(err, "remove", path);
    return true;
}

int file_lock(const char *path, Buf *err)
{
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        fail(err, "open lock file", path);
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(fd);
        buf_clear(err);
        if (e == EWOULDBLOCK)
            buf_printf(err, "%s is held by another pydive", path);
        else
            buf_printf(err, "cannot lock %s: %s", path, strerror(e));
        errno = e; /* lets callers tell "held" (EWOULDBLOCK) from other failures */
        return -1;
    }
    return fd;
}

void file_unlock(int fd)
{
    if (fd >= 0) {
        flock(fd, LOCK_UN);
        close(fd);
    }
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the entries of `dir` not starting with '.' that pass `keep`, sorted. */
static size_t list_entries(const char *dir, bool (*keep)(const char *full, const char *name,
                                                        const void *arg),
                           const void *arg, char ***names)
{
    *names = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *full = path_join(dir, e->d_name);
        bool wanted = keep(full, e->d_name, arg);
        free(full);
        if (!wanted)
            continue;
        *names = xgrow(*names, &cap, n + 1, sizeof **names);
        (*names)[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(*names, n, sizeof **names, cmp_names);
    return n;
}

static bool is_file_with_suffix(const char *full, const char *name, const void *arg)
{
    const char *suffix = arg;
    size_t len = strlen(name), slen = strlen(suffix);
    return len >= slen && strcmp(name + len - slen, suffix) == 0 && file_exists(full);
}

static bool is_dir(const char *full, const char *name, const void *arg)
{
    (void)name;
    (void)arg;
    return dir_exists(full);
}

size_t dir_list(const char *dir, const char *suffix, char ***names)
{
    return list_entries(dir, is_file_with_suffix, suffix, names);
}

size_t dir_list_subdirs(const char *dir, char ***names)
{
    return list_entries(dir, is_dir, NULL, names);
}

void dir_list_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

char *path_join(const char *a, const char *b)
{
    if (!a || !*a)
        return xstrdup(b);
    if (b[0] == '/')
        return xstrdup(b);
    size_t la = strlen(a);
    while (la > 1 && a[la - 1] == '/')
        la--;
    size_t lb = strlen(b);
    char *p = xmalloc(la + 1 + lb + 1);
    memcpy(p, a, la);
    p[la] = '/';
    memcpy(p + la + 1, b, lb + 1);
    return p;
}
