/* System calls with arguments known in advance, for the syscall tapset's golden test.
 *
 *   syscalls PATH        makes the calls listed below (PATH: a file it may create and
 *                        remove), then exits with status 7.
 *   syscalls open N PATH opens (and closes) PATH N times, read-only.
 *
 * Every call goes through syscall(2) so the C library substitutes nothing; strings are
 * copied to the stack first so they are resident when the kernel probe reads them.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "open") == 0) {
        char name[256];
        strncpy(name, argv[3], sizeof name - 1);
        name[sizeof name - 1] = 0;
        for (long i = 0, n = strtol(argv[2], 0, 10); i < n; i++) {
            long fd = syscall(SYS_openat, AT_FDCWD, name, O_RDONLY);
            if (fd < 0)
                return 2;
            syscall(SYS_close, fd);
        }
        return 0;
    }
    if (argc < 2)
        return 2;
    char path[256];
    char missing[64];
    char root[8];
    strncpy(path, argv[1], sizeof path - 1);
    path[sizeof path - 1] = 0;
    strcpy(missing, "/nonexistent-rstap/x");
    strcpy(root, "/");

    syscall(SYS_openat, AT_FDCWD, missing, O_RDONLY | O_CLOEXEC);
    long fd = syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0640);
    syscall(SYS_write, fd, (void *)0, 0);
    syscall(SYS_lseek, fd, 7, SEEK_SET);
    syscall(SYS_read, -1, (void *)0, 0);
    syscall(SYS_dup2, fd, 9);
    syscall(SYS_fcntl, 9, F_SETFD, FD_CLOEXEC);
    syscall(SYS_close, 9);
    syscall(SYS_close, fd);
    syscall(SYS_access, root, R_OK | X_OK);
    syscall(SYS_mmap, (void *)0x200000000, 8192, PROT_READ | PROT_WRITE,
            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    syscall(SYS_mprotect, (void *)0x200000000, 4096, PROT_READ);
    syscall(SYS_munmap, (void *)0x200000000, 8192);
    syscall(SYS_kill, -999999, SIGUSR1);
    syscall(SYS_umask, 027);
    syscall(SYS_umask, 022);
    syscall(SYS_unlinkat, AT_FDCWD, path, 0);
    syscall(SYS_exit_group, 7);
    return 2;
}
