map rstap_scratch: PercpuArray key 4 value 32 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_x: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x6e goto pc+42
   3: *(u32 *)(r10 -4) = 0
   4: r2 = r10
   5: r2 += -4
   6: r1 = map[rstap_scratch]
   8: call bpf_map_lookup_elem#1
   9: if r0 == 0x0 goto pc+35
  10: r7 = r0
  11: *(u64 *)(r7 +0) = r6
  12: r0 = 10
  13: *(u64 *)(r7 +8) = r0
  14: call bpf_get_current_pid_tgid#14
  15: r0 >>= 32
  16: *(u64 *)(r7 +16) = r0
  17: call bpf_get_current_pid_tgid#14
  18: r0 >>= 32
  19: r1 = r0
  20: r0 = *(u64 *)(r7 +16)
  21: r0 -= r1
  22: r1 = r0
  23: if r1 != 0x0 goto pc+14
  24: *(u64 *)(r7 +24) = 0
  25: r1 = map[rstap_output]
  27: r2 = r7
  28: r2 += 24
  29: r3 = 8
  30: r4 = 0
  31: call bpf_ringbuf_output#130
  32: if r0 == 0x0 goto pc+4
  33: r1 = map_value[rstap_stats] + 0
  35: r2 = 1
  36: lock *(u64 *)(r1 +0) += r2
  37: goto pc+7
  38: r0 = *(u64 *)(r7 +8)
  39: r0 s/= r1
  40: r1 = map_value[g0_x] + 0
  42: r2 = r0
  43: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
  44: r0 += r2
  45: r0 = 0
  46: exit
site 0: Error { code: Code("R0001"), message: "division by 0" } args [] size 8
