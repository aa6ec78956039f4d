/* Workload for label probes. `labels N`: work(N) passes the label `again` N times,
 * counting in `tries`, then leaves through the label `done` once; the static `calls`
 * counts the calls of work() (one). */
#include <stdlib.h>

__attribute__((noinline)) int work(int n)
{
    static int calls;
    int tries = 0;
    calls++;
again:
    tries++;
    if (tries < n)
        goto again;
    goto done;
done:
    return tries;
}

int main(int argc, char **argv)
{
    return work(argc > 1 ? atoi(argv[1]) : 1) < 1;
}
