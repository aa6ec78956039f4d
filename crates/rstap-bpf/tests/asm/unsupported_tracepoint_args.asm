translation error[T0001]: `$next_pid` is a field of the tracepoint's record, but this probe reads the tracepoint's arguments
 --> <input>:3:33
  |
3 |   printf("%d %d\n", $next->pid, $next_pid)
  |                                 ^^^^^^^^^ record field
  = note: the kernel hands a BPF program either the record or the arguments, not both
  = help: read the same value through the arguments (e.g. `$next->pid` for `$next_pid`), or use the record's fields only

