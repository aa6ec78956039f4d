/* Workload for the user-space probe tests: `uprobes N` calls add(i, 10 * i) for i in
 * 1..N, fires the USDT probe workload:step with (i, sum) after each call and
 * workload:done once, then prints the total. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/sdt.h>

__attribute__((noinline)) int add(int a, int b) {
    __asm__ volatile("");
    return a + b;
}

__attribute__((noinline)) long negate(long v) {
    __asm__ volatile("");
    return -v;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    long total = 0;
    for (int i = 1; i <= n; i++) {
        int sum = add(i, 10 * i);
        total += sum;
        DTRACE_PROBE2(workload, step, i, total);
    }
    DTRACE_PROBE1(workload, done, negate(total));
    printf("total %ld\n", total);
    return 0;
}
