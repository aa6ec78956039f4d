map rstap_scratch: PercpuArray key 4 value 32 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_x: Array key 4 value 8 entries 1
map rstap_rodata: Array key 4 value 8 entries 1
map rstap_sc_e0: ProgArray key 4 value 4 entries 512

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, TailCall { map: 6, key: 110 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+45
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+38
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = 10
  15: *(u64 *)(r7 +8) = r0
  16: call bpf_get_current_pid_tgid#14
  17: r0 >>= 32
  18: *(u64 *)(r7 +16) = r0
  19: call bpf_get_current_pid_tgid#14
  20: r0 >>= 32
  21: r1 = r0
  22: r0 = *(u64 *)(r7 +16)
  23: r0 -= r1
  24: r1 = r0
  25: if r1 != 0x0 goto pc+17
  26: r1 = map_value[rstap_conf] + 0
  28: *(u64 *)(r1 +16) = 2
  29: *(u64 *)(r7 +24) = 0
  30: r1 = map[rstap_output]
  32: r2 = r7
  33: r2 += 24
  34: r3 = 8
  35: r4 = 2
  36: call bpf_ringbuf_output#130
  37: if r0 == 0x0 goto pc+4
  38: r1 = map_value[rstap_stats] + 0
  40: r2 = 1
  41: lock *(u64 *)(r1 +0) += r2
  42: goto pc+7
  43: r0 = *(u64 *)(r7 +8)
  44: r0 s/= r1
  45: r1 = map_value[g0_x] + 0
  47: r2 = r0
  48: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
  49: r0 += r2
  50: r0 = 0
  51: exit

# dispatcher rstap_sc_e0 on sys_enter
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +8)
   2: r1 = r6
   3: r2 = map[rstap_sc_e0]
   5: call bpf_tail_call#12
   6: r0 = 0
   7: exit
site 0: Error { code: Code("R0001"), message: "division by 0" } args [] size 8
