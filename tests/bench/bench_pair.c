/*
 * bench_pair: times whole programs for make bench, pydive beside CPython.
 *
 *   bench_pair RUNS NAME GOAL -- A... [-- B...]
 *
 * With two commands, runs A and B alternately RUNS times each (A B A B ...,
 * so a machine that slows down slows both), and prints one line: the median
 * of the pair ratios A/B with their min-max (the machine's noise), and each
 * side's median time, then the same of their CPU times (user + system, the
 * figure a loaded machine moves least).  With one command, prints its times in milliseconds
 * (median and min-max).  GOAL is printed as it is ("-" for none).  Each run's
 * stdout and stderr go to /dev/null; a run that does not exit 0 makes the
 * line end in "FAILED" and the exit status 1.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Runs argv to its end; its wall time in seconds, or -1 when it failed,
 * and in *cpu its CPU time (user + system, its reaped children's and
 * threads' included), which a loaded machine inflates far less. */
static double run_once(char **argv, double *cpu)
{
    double t0 = now();
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execvp(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
        return -1;
    double t = now() - t0;
    *cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? t : -1;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

typedef struct Spread {
    double min, median, max;
} Spread;

static Spread spread(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    double med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return (Spread){v[0], med, v[n - 1]};
}

int main(int argc, char **argv)
{
    if (argc < 6 || strcmp(argv[4], "--") != 0) {
        fprintf(stderr, "usage: bench_pair RUNS NAME GOAL -- A... [-- B...]\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    const char *name = argv[2], *goal = argv[3];
    char **a = argv + 5, **b = NULL;
    for (int i = 5; i < argc; i++)
        if (strcmp(argv[i], "--") == 0) {
            argv[i] = NULL;
            b = argv + i + 1;
            break;
        }
    if (runs < 1 || (b && !*b)) {
        fprintf(stderr, "bench_pair: RUNS must be 1 or more, and B a command\n");
        return 2;
    }
    double *ta = calloc((size_t)runs, sizeof *ta), *tb = calloc((size_t)runs, sizeof *tb);
    double *ratio = calloc((size_t)runs, sizeof *ratio);
    double *ca = calloc((size_t)runs, sizeof *ca), *cb = calloc((size_t)runs, sizeof *cb);
    double *cratio = calloc((size_t)runs, sizeof *cratio);
    int failed = 0;
    for (int i = 0; i < runs; i++) {
        ta[i] = run_once(a, &ca[i]);
        failed |= ta[i] < 0;
        if (b) {
            tb[i] = run_once(b, &cb[i]);
            failed |= tb[i] < 0;
            ratio[i] = tb[i] > 0 ? ta[i] / tb[i] : 0;
            cratio[i] = cb[i] > 0 ? ca[i] / cb[i] : 0;
        }
    }
    if (b) {
        Spread r = spread(ratio, runs), sa = spread(ta, runs), sb = spread(tb, runs);
        Spread cr = spread(cratio, runs), csa = spread(ca, runs), csb = spread(cb, runs);
        printf("%-22s ratio %6.2f  (min %5.2f  max %5.2f)  goal %-6s pydive %8.1f ms  cpython %8.1f ms%s\n",
               name, r.median, r.min, r.max, goal, sa.median * 1e3, sb.median * 1e3,
               failed ? "  FAILED" : "");
        printf("%-22s   cpu %6.2f  (min %5.2f  max %5.2f)              pydive %8.1f ms  cpython %8.1f ms\n",
               "", cr.median, cr.min, cr.max, csa.median * 1e3, csb.median * 1e3);
    } else {
        Spread sa = spread(ta, runs);
        printf("%-22s %8.2f ms (min %6.2f  max %6.2f)  goal %s%s\n", name, sa.median * 1e3,
               sa.min * 1e3, sa.max * 1e3, goal, failed ? "  FAILED" : "");
    }
    free(ta), free(tb), free(ratio), free(ca), free(cb), free(cratio);
    return failed;
}
