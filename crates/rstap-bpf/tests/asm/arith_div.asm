map rstap_scratch: PercpuArray key 4 value 32 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_x: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_getppid") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_getppid" })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+35
   8: r7 = r0
   9: *(u64 *)(r7 +0) = r6
  10: r0 = 10
  11: *(u64 *)(r7 +8) = r0
  12: call bpf_get_current_pid_tgid#14
  13: r0 >>= 32
  14: *(u64 *)(r7 +16) = r0
  15: call bpf_get_current_pid_tgid#14
  16: r0 >>= 32
  17: r1 = r0
  18: r0 = *(u64 *)(r7 +16)
  19: r0 -= r1
  20: r1 = r0
  21: if r1 != 0x0 goto pc+14
  22: *(u64 *)(r7 +24) = 0
  23: r1 = map[rstap_output]
  25: r2 = r7
  26: r2 += 24
  27: r3 = 8
  28: r4 = 0
  29: call bpf_ringbuf_output#130
  30: if r0 == 0x0 goto pc+4
  31: r1 = map_value[rstap_stats] + 0
  33: r2 = 1
  34: lock *(u64 *)(r1 +0) += r2
  35: goto pc+7
  36: r0 = *(u64 *)(r7 +8)
  37: r0 s/= r1
  38: r1 = map_value[g0_x] + 0
  40: r2 = r0
  41: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
  42: r0 += r2
  43: r0 = 0
  44: exit
site 0: Error { code: Code("R0001"), message: "division by 0" } args [] size 8
