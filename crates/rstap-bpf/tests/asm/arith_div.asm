map rstap_scratch: PercpuArray key 4 value 32 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 24 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_x: Array key 4 value 8 entries 1
map rstap_rodata: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x6e goto pc+49
   3: r1 = map_value[rstap_conf] + 0
   5: r1 = *(u64 *)(r1 +16)
   6: if r1 != 0x0 goto pc+45
   7: *(u32 *)(r10 -4) = 0
   8: r2 = r10
   9: r2 += -4
  10: r1 = map[rstap_scratch]
  12: call bpf_map_lookup_elem#1
  13: if r0 == 0x0 goto pc+38
  14: r7 = r0
  15: *(u64 *)(r7 +0) = r6
  16: r0 = 10
  17: *(u64 *)(r7 +8) = r0
  18: call bpf_get_current_pid_tgid#14
  19: r0 >>= 32
  20: *(u64 *)(r7 +16) = r0
  21: call bpf_get_current_pid_tgid#14
  22: r0 >>= 32
  23: r1 = r0
  24: r0 = *(u64 *)(r7 +16)
  25: r0 -= r1
  26: r1 = r0
  27: if r1 != 0x0 goto pc+17
  28: r1 = map_value[rstap_conf] + 0
  30: *(u64 *)(r1 +16) = 2
  31: *(u64 *)(r7 +24) = 0
  32: r1 = map[rstap_output]
  34: r2 = r7
  35: r2 += 24
  36: r3 = 8
  37: r4 = 2
  38: call bpf_ringbuf_output#130
  39: if r0 == 0x0 goto pc+4
  40: r1 = map_value[rstap_stats] + 0
  42: r2 = 1
  43: lock *(u64 *)(r1 +0) += r2
  44: goto pc+7
  45: r0 = *(u64 *)(r7 +8)
  46: r0 s/= r1
  47: r1 = map_value[g0_x] + 0
  49: r2 = r0
  50: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
  51: r0 += r2
  52: r0 = 0
  53: exit
site 0: Error { code: Code("R0001"), message: "division by 0" } args [] size 8
