translation error[T0001]: `$count` in a kretprobe (arguments are gone at return: keep them in an array keyed by tid() from the entry probe) is not supported in kernel probes
 --> <input>:2:59
  |
2 | probe kprobe.function("vfs_read").return { printf("%d\n", $count) }
  |                                                           ^^^^^^ needed here
  = note: probe 'kprobe.function("vfs_read").return' runs in the kernel as a BPF program
  = help: move this computation into an `end` or `begin` probe, which run in userspace

