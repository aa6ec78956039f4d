/* Workload with two USDT marks of two arguments each: `usdt2 N` fires
 * app:request(i, 100 * i) and app:reply(i, -i) for i in 1..N. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/sdt.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 2;
    long sent = 0;
    for (int i = 1; i <= n; i++) {
        long size = 100L * i;
        DTRACE_PROBE2(app, request, i, size);
        sent += size;
        int status = -i;
        DTRACE_PROBE2(app, reply, i, status);
    }
    fprintf(stderr, "sent %ld\n", sent);
    return 0;
}
