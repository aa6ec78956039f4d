translation error[T0001]: `$arg1` (the binary locates it as `foo(%rip)`, which rstap cannot read) is not supported in kernel probes
 --> <input>:4:56
  |
4 | probe process("/opt/app").mark("odd") { printf("%d\n", $arg1) }
  |                                                        ^^^^^ needed here
  = note: probe 'process("/opt/app").mark("odd")' runs in the kernel as a BPF program
  = help: move this computation into an `end` or `begin` probe, which run in userspace

translation error[T0001]: `uint_arg(n)` with n other than a literal from 1 to 6 is not supported in kernel probes
 --> <input>:5:63
  |
5 | probe process("/opt/app").function("add") { printf("%d %d\n", uint_arg(7), uint_arg(n)) }
  |                                                               ^^^^^^^^ needed here
  = note: probe 'process("/opt/app").function("add")' runs in the kernel as a BPF program
  = help: move this computation into an `end` or `begin` probe, which run in userspace

translation error[T0001]: `long_arg(1)` here (function arguments are gone at return; read them in the entry probe and keep them in an array) is not supported in kernel probes
 --> <input>:6:67
  |
6 | probe process("/opt/app").function("add").return { printf("%d\n", long_arg(1)) }
  |                                                                   ^^^^^^^^ needed here
  = note: probe 'process("/opt/app").function("add").return' runs in the kernel as a BPF program
  = help: move this computation into an `end` or `begin` probe, which run in userspace

translation error[T0001]: `$d` (passed in a vector register, or as a small struct split over registers, which rstap does not read) is not supported in kernel probes
 --> <input>:8:60
  |
8 | probe process("/opt/app").function("add") { printf("%d\n", $d) }
  |                                                            ^^ needed here
  = note: probe 'process("/opt/app").function("add")' runs in the kernel as a BPF program
  = help: move this computation into an `end` or `begin` probe, which run in userspace

