/* The shared library of the ulocs workload: lib_add() is called once per step through
 * the program's PLT, lib_done() once at the end with the total. */
#include <stdio.h>

int lib_calls;

int lib_add(int a, int b)
{
    lib_calls++;
    return a + b;
}

void lib_done(int total)
{
    fprintf(stderr, "lib_done %d after %d calls\n", total, lib_calls);
}
