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
   7: if r0 == 0x0 goto pc+52
   8: r7 = r0
   9: *(u64 *)(r7 +0) = r6
  10: r0 = 1
  11: *(u64 *)(r7 +8) = r0
  12: *(u64 *)(r7 +16) = 0
  13: call bpf_get_smp_processor_id#8
  14: *(u64 *)(r7 +16) = r0
  15: r1 = map[g0_n]
  17: r2 = r7
  18: r2 += 16
  19: call bpf_map_lookup_elem#1
  20: if r0 == 0x0 goto pc+5
  21: r1 = *(u64 *)(r7 +8)
  22: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
  23: r0 = *(u64 *)(r7 +8)
  24: r0 += r1
  25: goto pc+33
  26: r1 = map[g0_n]
  28: r2 = r7
  29: r2 += 16
  30: r3 = r7
  31: r3 += 8
  32: r4 = 1
  33: call bpf_map_update_elem#2
  34: if r0 == 0x0 goto pc+23
  35: if r0 != 0xffffffef goto pc+6
  36: r1 = map[g0_n]
  38: r2 = r7
  39: r2 += 16
  40: call bpf_map_lookup_elem#1
  41: if r0 != 0x0 goto pc-21
  42: r0 = -1
  43: if r0 s>= 0x0 goto pc+14
  44: *(u64 *)(r7 +24) = 0
  45: r1 = map[rstap_output]
  47: r2 = r7
  48: r2 += 24
  49: r3 = 8
  50: r4 = 0
  51: call bpf_ringbuf_output#130
  52: if r0 == 0x0 goto pc+4
  53: r1 = map_value[rstap_stats] + 0
  55: r2 = 1
  56: lock *(u64 *)(r1 +0) += r2
  57: goto pc+2
  58: r0 = *(u64 *)(r7 +8)
  59: r0 -= 1
  60: r0 = 0
  61: exit

# perf.type(1).config(0).sample(1000000) (PerfEvent, Perf { type_: 1, config: 0, sample: Period(1000000), every_cpu: true })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+30
   8: r7 = r0
   9: *(u64 *)(r7 +0) = r6
  10: call bpf_get_current_pid_tgid#14
  11: r0 >>= 32
  12: *(u64 *)(r7 +8) = r0
  13: r1 = map_value[rstap_conf] + 0
  15: r0 = *(u64 *)(r1 +0)
  16: r1 = r0
  17: r0 = *(u64 *)(r7 +8)
  18: if r0 == r1 goto pc+2
  19: r0 = 0
  20: goto pc+1
  21: r0 = 1
  22: if r0 == 0x0 goto pc+15
  23: *(u64 *)(r7 +8) = 1
  24: r1 = map[rstap_output]
  26: r2 = r7
  27: r2 += 8
  28: r3 = 8
  29: r4 = 0
  30: call bpf_ringbuf_output#130
  31: if r0 == 0x0 goto pc+4
  32: r1 = map_value[rstap_stats] + 0
  34: r2 = 1
  35: lock *(u64 *)(r1 +0) += r2
  36: r0 = 0
  37: goto pc+0
  38: r0 = 0
  39: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Exit args [] size 8
