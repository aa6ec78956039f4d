/* Workload for the user-space probe tests. `uprobes N` calls add(i, 10 * i) for i in
 * 1..N, fires the USDT probe workload:step(i, running total) after each call, then
 * workload:gated(i * 7) for i in 0..2 only while a tracer holds the probe's semaphore,
 * and workload:done(-total) once, then sub(3, 10). Its report goes to stderr so that
 * stdout carries only what the tracer prints. */
#define _SDT_HAS_SEMAPHORES 1
#include <stdio.h>
#include <stdlib.h>
#include <sys/sdt.h>

#define SEMAPHORE(name)                                                              \
    __extension__ unsigned short workload_##name##_semaphore __attribute__((unused)) \
        __attribute__((section(".probes")))
SEMAPHORE(step);
SEMAPHORE(gated);
SEMAPHORE(done);

__attribute__((noinline)) int add(int a, int b) {
    __asm__ volatile("");
    return a + b;
}

__attribute__((noinline)) int sub(int a, int b) {
    __asm__ volatile("");
    return a - b;
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
    int gated = 0;
    for (int i = 0; i < 3; i++) {
        if (workload_gated_semaphore) {
            gated++;
            DTRACE_PROBE1(workload, gated, i * 7);
        }
    }
    DTRACE_PROBE1(workload, done, negate(total));
    int diff = sub(3, 10);
    fprintf(stderr, "total %ld gated %d diff %d\n", total, gated, diff);
    return 0;
}
