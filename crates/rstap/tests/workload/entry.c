/* Workload for @entry in user return probes. `entry N` calls nap(20 * i) for i in
 * 1..N, each sleeping that many milliseconds, then fact(5), which recurses down to
 * fact(1). Its report goes to stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((noinline)) int nap(int ms) {
    usleep(ms * 1000);
    return ms;
}

__attribute__((noinline)) int fact(int n) {
    return n <= 1 ? 1 : n * fact(n - 1);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    for (int i = 1; i <= n; i++)
        nap(20 * i);
    fprintf(stderr, "fact %d\n", fact(5));
    return 0;
}
