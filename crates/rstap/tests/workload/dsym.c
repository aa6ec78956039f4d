/* Workload for -d: leaf makes a getppid system call itself (no C library frame in
 * between, so the kernel's frame-pointer walk sees leaf <- middle <- main), then the
 * program exits at once: its memory map is usually gone before rstap could read it. */
#include <sys/syscall.h>

__attribute__((noinline)) long leaf(void) {
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"((long)SYS_getppid) : "rcx", "r11", "memory");
    return r;
}

__attribute__((noinline)) long middle(void) {
    long r = leaf();
    __asm__ volatile("");
    return r + 1;
}

int main(void) {
    return middle() > 0 ? 0 : 1;
}
