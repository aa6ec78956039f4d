translation error[T0001]: a sorted `foreach` is not supported in kernel probes
 --> <input>:2:66
  |
2 | probe kernel.trace("syscalls:sys_enter_getppid") { a[pid()] = 1; foreach (k in a-) println(k) }
  |                                                                  ^^^^^^^ needed here
  = note: probe 'kernel.trace("syscalls:sys_enter_getppid")' runs in the kernel as a BPF program
  = help: move this computation into an `end` or `begin` probe, which run in userspace

