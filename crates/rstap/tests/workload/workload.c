/* A workload whose system calls are known exactly, for rstap's live tests.
 *
 *   workload getppid N        N getppid() calls
 *   workload write N BYTES    N write() calls of BYTES bytes each to /dev/null
 *   workload spin MS [P]      burn CPU for MS milliseconds in P processes (default 1)
 *
 * It prints nothing and exits 0; any failure exits 2.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

int main(int argc, char **argv) {
    if (argc >= 3 && strcmp(argv[1], "getppid") == 0) {
        long n = atol(argv[2]);
        for (long i = 0; i < n; i++)
            syscall(SYS_getppid);
        return 0;
    }
    if (argc >= 4 && strcmp(argv[1], "write") == 0) {
        long n = atol(argv[2]);
        long bytes = atol(argv[3]);
        char *buf = calloc(1, bytes > 0 ? bytes : 1);
        int fd = open("/dev/null", O_WRONLY);
        if (!buf || fd < 0)
            return 2;
        for (long i = 0; i < n; i++)
            if (write(fd, buf, bytes) != bytes)
                return 2;
        return 0;
    }
    if (argc >= 3 && strcmp(argv[1], "spin") == 0) {
        long end = now_ms() + atol(argv[2]);
        long procs = argc >= 4 ? atol(argv[3]) : 1;
        for (long i = 1; i < procs; i++)
            if (fork() == 0)
                break;
        volatile unsigned long x = 0;
        while (now_ms() < end)
            x++;
        while (wait(NULL) > 0)
            ;
        return 0;
    }
    return 2;
}
