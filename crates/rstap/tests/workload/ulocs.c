/* Workload for library, PLT, statement, inline and process(PID) probes.
 * `ulocs N [GOFILE]`: optionally waits until GOFILE exists, then calls step(i) for
 * i = 1..N, each calling lib_add(i, 10 * i) in libulib.so through the PLT (total
 * 11 * N * (N + 1) / 2), bumps a counter through an inline function in step() and
 * once in main(), and ends with lib_done(total). Output goes to stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int lib_add(int a, int b);
void lib_done(int total);

int bumps;

static inline void bump(int v)
{
    bumps += v;
}

__attribute__((noinline)) int step(int i)
{
    bump(i);
    return lib_add(i, 10 * i);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1;
    if (argc > 2) {
        for (int tries = 0; tries < 15000 && access(argv[2], F_OK) != 0; tries++)
            usleep(2000);
    }
    int total = 0;
    for (int i = 1; i <= n; i++) {
        total += step(i); /* STEP-LINE */
    }
    bump(1);
    lib_done(total);
    fprintf(stderr, "total %d bumps %d\n", total, bumps);
    return 0;
}
