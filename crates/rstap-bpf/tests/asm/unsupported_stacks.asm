translation error[T0001]: this comparison of a kernel stack or symbol value is not supported in kernel probes
 --> <input>:2:39
  |
2 | probe timer.profile { if (backtrace() < "x") next }
  |                                       ^ needed here
  = note: in kernel probes, backtraces and symbols are held as short tokens that are expanded into text in userspace; the kernel cannot see that text
  = help: only `==` and `!=` between two such values, or with "", compare exactly

translation error[T0001]: this comparison of a kernel stack or symbol value is not supported in kernel probes
 --> <input>:3:43
  |
3 | probe timer.profile { if (symname(addr()) == "vfs_read") next }
  |                                           ^^ needed here
  = note: in kernel probes, backtraces and symbols are held as short tokens that are expanded into text in userspace; the kernel cannot see that text
  = help: only `==` and `!=` between two such values, or with "", compare exactly

translation error[T0001]: a width or flag on `%s` of a kernel stack or symbol value in a kernel `sprintf` is not supported in kernel probes
 --> <input>:4:48
  |
4 | probe timer.profile { bt = backtrace(); a[1] = sprintf("%-40s", bt) }
  |                                                ^^^^^^^ needed here
  = note: in kernel probes, backtraces and symbols are held as short tokens that are expanded into text in userspace; the kernel cannot see that text
  = help: `printf` formats in userspace, where the text is known: print with it

translation error[T0001]: `backtrace()` inside a `foreach` body is not supported in kernel probes
 --> <input>:5:58
  |
5 | probe timer.profile { a[2] = "" foreach (k in a) println(backtrace()) }
  |                                                          ^^^^^^^^^ needed here
  = note: probe 'timer.profile.tick' runs in the kernel as a BPF program
  = help: move this computation into an `end` or `begin` probe, which run in userspace

