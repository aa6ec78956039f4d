/* A workload with known process, scheduler, signal, memory, block and network events,
 * for the live tests of rstap's tapset probes (tests/live_tapsets.rs).
 *
 *   tapsets exit CODE          fork a child that exits with CODE; print
 *                              "child PID status STATUS"
 *   tapsets spawn PATH [ARG]   fork a child that execs PATH; print "child PID"
 *   tapsets signal             fork a child with a SIGUSR1 handler, send it SIGUSR1;
 *                              print "victim PID handled N"
 *   tapsets sleep N            sleep 1 ms N times
 *   tapsets touch PAGES        touch PAGES fresh anonymous pages once each (no huge
 *                              pages); print "pages START END"
 *   tapsets blockio DEV BYTES  getppid(); write BYTES (a multiple of 4096) to the
 *                              block device DEV with O_DIRECT and fsync; then read
 *                              them twice through the page cache, with a getppid()
 *                              before each pass
 *   tapsets udp N SIZE         send N datagrams of SIZE bytes over 127.0.0.1 to
 *                              itself and receive them
 *   tapsets tcp [6]            connect to itself over 127.0.0.1 (::1 with 6), then
 *                              close both ends; print "ports CLIENT SERVER"
 *
 * Failures exit 2.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;

static void on_usr1(int sig) {
    (void)sig;
    handled++;
}

static int fail(const char *what) {
    perror(what);
    return 2;
}

/* A phase marker the tests' scripts count. */
static void mark(void) {
    syscall(SYS_getppid);
}

static int do_exit(int code) {
    pid_t child = fork();
    if (child < 0)
        return fail("fork");
    if (child == 0)
        _exit(code);
    int status;
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status))
        return fail("waitpid");
    printf("child %d status %d\n", child, WEXITSTATUS(status));
    return 0;
}

static int do_spawn(char **argv) {
    fflush(stdout);
    pid_t child = fork();
    if (child < 0)
        return fail("fork");
    if (child == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status))
        return fail("waitpid");
    printf("child %d\n", child);
    return 0;
}

static int do_signal(void) {
    int ready[2], done[2];
    if (pipe(ready) || pipe(done))
        return fail("pipe");
    pid_t child = fork();
    if (child < 0)
        return fail("fork");
    if (child == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_usr1;
        sigaction(SIGUSR1, &sa, NULL);
        sigset_t block, old;
        sigemptyset(&block);
        sigaddset(&block, SIGUSR1);
        sigprocmask(SIG_BLOCK, &block, &old);
        if (write(ready[1], "r", 1) != 1)
            _exit(2);
        while (!handled)
            sigsuspend(&old);
        char n = (char)handled;
        if (write(done[1], &n, 1) != 1)
            _exit(2);
        _exit(0);
    }
    char c;
    if (read(ready[0], &c, 1) != 1)
        return fail("read");
    if (kill(child, SIGUSR1))
        return fail("kill");
    if (read(done[0], &c, 1) != 1)
        return fail("read");
    int status;
    if (waitpid(child, &status, 0) != child)
        return fail("waitpid");
    printf("victim %d handled %d\n", child, c);
    return 0;
}

static int do_sleep(long n) {
    struct timespec ms = {0, 1000000};
    for (long i = 0; i < n; i++)
        nanosleep(&ms, NULL);
    return 0;
}

static int do_touch(long pages) {
    long size = pages * 4096;
    char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return fail("mmap");
    /* One fault per page: no transparent huge page may back the range. */
    if (madvise(p, size, MADV_NOHUGEPAGE))
        return fail("madvise");
    for (long i = 0; i < pages; i++)
        p[i * 4096] = 1;
    printf("pages %lx %lx\n", (unsigned long)p, (unsigned long)(p + size));
    return 0;
}

static int do_blockio(const char *dev, long bytes) {
    void *buf;
    if (posix_memalign(&buf, 4096, bytes))
        return fail("posix_memalign");
    memset(buf, 0x5a, bytes);
    mark();
    int fd = open(dev, O_WRONLY | O_DIRECT);
    if (fd < 0)
        return fail("open");
    if (pwrite(fd, buf, bytes, 0) != bytes)
        return fail("pwrite");
    if (fsync(fd))
        return fail("fsync");
    close(fd);
    /* One descriptor for both passes: the last close of a block device drops its
     * page cache. */
    fd = open(dev, O_RDONLY);
    if (fd < 0)
        return fail("open");
    for (int pass = 0; pass < 2; pass++) {
        mark();
        if (pread(fd, buf, bytes, 0) != bytes)
            return fail("pread");
    }
    close(fd);
    return 0;
}

static int do_udp(long n, long size) {
    int rx = socket(AF_INET, SOCK_DGRAM, 0);
    int tx = socket(AF_INET, SOCK_DGRAM, 0);
    if (rx < 0 || tx < 0)
        return fail("socket");
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(rx, (struct sockaddr *)&addr, sizeof addr) ||
        getsockname(rx, (struct sockaddr *)&addr, &len))
        return fail("bind");
    char *buf = calloc(1, size);
    if (!buf)
        return fail("calloc");
    for (long i = 0; i < n; i++) {
        if (sendto(tx, buf, size, 0, (struct sockaddr *)&addr, sizeof addr) != size)
            return fail("sendto");
        if (recv(rx, buf, size, 0) != size)
            return fail("recv");
    }
    return 0;
}

static int do_tcp(int v6) {
    int family = v6 ? AF_INET6 : AF_INET;
    int lis = socket(family, SOCK_STREAM, 0);
    int cli = socket(family, SOCK_STREAM, 0);
    if (lis < 0 || cli < 0)
        return fail("socket");
    struct sockaddr_storage addr, mine;
    memset(&addr, 0, sizeof addr);
    if (v6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)&addr;
        a->sin6_family = AF_INET6;
        a->sin6_addr = in6addr_loopback;
    } else {
        struct sockaddr_in *a = (struct sockaddr_in *)&addr;
        a->sin_family = AF_INET;
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    }
    socklen_t len = sizeof addr;
    if (bind(lis, (struct sockaddr *)&addr, len) || listen(lis, 1) ||
        getsockname(lis, (struct sockaddr *)&addr, &len))
        return fail("listen");
    if (connect(cli, (struct sockaddr *)&addr, len))
        return fail("connect");
    int srv = accept(lis, NULL, NULL);
    if (srv < 0)
        return fail("accept");
    socklen_t mlen = sizeof mine;
    if (getsockname(cli, (struct sockaddr *)&mine, &mlen))
        return fail("getsockname");
    close(cli);
    close(srv);
    close(lis);
    /* Both port fields sit at the same offset in IPv4 and IPv6 addresses. */
    printf("ports %d %d\n", ntohs(((struct sockaddr_in *)&mine)->sin_port),
           ntohs(((struct sockaddr_in *)&addr)->sin_port));
    return 0;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 3 && strcmp(argv[1], "exit") == 0)
        return do_exit(atoi(argv[2]));
    if (argc >= 3 && strcmp(argv[1], "spawn") == 0)
        return do_spawn(argv + 2);
    if (argc >= 2 && strcmp(argv[1], "signal") == 0)
        return do_signal();
    if (argc >= 3 && strcmp(argv[1], "sleep") == 0)
        return do_sleep(atol(argv[2]));
    if (argc >= 3 && strcmp(argv[1], "touch") == 0)
        return do_touch(atol(argv[2]));
    if (argc >= 4 && strcmp(argv[1], "blockio") == 0)
        return do_blockio(argv[2], atol(argv[3]));
    if (argc >= 4 && strcmp(argv[1], "udp") == 0)
        return do_udp(atol(argv[2]), atol(argv[3]));
    if (argc >= 2 && strcmp(argv[1], "tcp") == 0)
        return do_tcp(argc >= 3 && strcmp(argv[2], "6") == 0);
    return 2;
}
