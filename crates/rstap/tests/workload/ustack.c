/* Workload for the user-stack tests. `ustack N` calls outer(i) for i in 1..N; outer
 * calls middle, which calls leaf, so a probe on leaf sees the stack
 * leaf <- middle <- outer <- main. Its report goes to stderr. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) int leaf(int i) {
    __asm__ volatile("");
    return i * 2;
}

__attribute__((noinline)) int middle(int i) {
    int r = leaf(i);
    __asm__ volatile("");
    return r + 1;
}

__attribute__((noinline)) int outer(int i) {
    int r = middle(i);
    __asm__ volatile("");
    return r + 1;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    long total = 0;
    for (int i = 1; i <= n; i++)
        total += outer(i);
    fprintf(stderr, "total %ld\n", total);
    return 0;
}
