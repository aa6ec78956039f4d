map rstap_scratch: PercpuArray key 4 value 32 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_n: Hash key 8 value 8 entries 2048

# timer.profile.tick (PerfEvent, Perf { type_: 1, config: 0, sample: Frequency(250), every_cpu: true })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+54
   8: r7 = r0
   9: r8 = 0
  10: *(u64 *)(r7 +0) = r6
  11: r8 += 1
  12: r0 = 1
  13: *(u64 *)(r7 +8) = r0
  14: *(u64 *)(r7 +16) = 0
  15: call bpf_get_smp_processor_id#8
  16: *(u64 *)(r7 +16) = r0
  17: r1 = map[g0_n]
  19: r2 = r7
  20: r2 += 16
  21: call bpf_map_lookup_elem#1
  22: if r0 == 0x0 goto pc+5
  23: r1 = *(u64 *)(r7 +8)
  24: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
  25: r0 = *(u64 *)(r7 +8)
  26: r0 += r1
  27: goto pc+33
  28: r1 = map[g0_n]
  30: r2 = r7
  31: r2 += 16
  32: r3 = r7
  33: r3 += 8
  34: r4 = 1
  35: call bpf_map_update_elem#2
  36: if r0 == 0x0 goto pc+23
  37: if r0 != 0xffffffef goto pc+6
  38: r1 = map[g0_n]
  40: r2 = r7
  41: r2 += 16
  42: call bpf_map_lookup_elem#1
  43: if r0 != 0x0 goto pc-21
  44: r0 = -1
  45: if r0 s>= 0x0 goto pc+14
  46: *(u64 *)(r7 +24) = 0
  47: r1 = map[rstap_output]
  49: r2 = r7
  50: r2 += 24
  51: r3 = 8
  52: r4 = 0
  53: call bpf_ringbuf_output#130
  54: if r0 == 0x0 goto pc+4
  55: r1 = map_value[rstap_stats] + 0
  57: r2 = 1
  58: lock *(u64 *)(r1 +0) += r2
  59: goto pc+2
  60: r0 = *(u64 *)(r7 +8)
  61: r0 -= 1
  62: r0 = 0
  63: exit

# perf.type(1).config(0).sample(1000000) (PerfEvent, Perf { type_: 1, config: 0, sample: Period(1000000), every_cpu: true })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+33
   8: r7 = r0
   9: r8 = 0
  10: *(u64 *)(r7 +0) = r6
  11: r8 += 1
  12: call bpf_get_current_pid_tgid#14
  13: r0 >>= 32
  14: *(u64 *)(r7 +8) = r0
  15: r1 = map_value[rstap_conf] + 0
  17: r0 = *(u64 *)(r1 +0)
  18: r1 = r0
  19: r0 = *(u64 *)(r7 +8)
  20: if r0 == r1 goto pc+2
  21: r0 = 0
  22: goto pc+1
  23: r0 = 1
  24: if r0 == 0x0 goto pc+16
  25: r8 += 1
  26: *(u64 *)(r7 +8) = 1
  27: r1 = map[rstap_output]
  29: r2 = r7
  30: r2 += 8
  31: r3 = 8
  32: r4 = 0
  33: call bpf_ringbuf_output#130
  34: if r0 == 0x0 goto pc+4
  35: r1 = map_value[rstap_stats] + 0
  37: r2 = 1
  38: lock *(u64 *)(r1 +0) += r2
  39: r0 = 0
  40: goto pc+0
  41: r0 = 0
  42: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Exit args [] size 8
