map rstap_scratch: PercpuArray key 4 value 32 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_n: Hash key 8 value 8 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1

# timer.profile.tick (PerfEvent, Perf { type_: 1, config: 0, sample: Frequency(250), every_cpu: true })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+62
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+55
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = 1
  15: *(u64 *)(r7 +8) = r0
  16: *(u64 *)(r7 +16) = 0
  17: call bpf_get_smp_processor_id#8
  18: *(u64 *)(r7 +16) = r0
  19: r1 = map[g0_n]
  21: r2 = r7
  22: r2 += 16
  23: call bpf_map_lookup_elem#1
  24: if r0 == 0x0 goto pc+5
  25: r1 = *(u64 *)(r7 +8)
  26: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
  27: r0 = *(u64 *)(r7 +8)
  28: r0 += r1
  29: goto pc+36
  30: r1 = map[g0_n]
  32: r2 = r7
  33: r2 += 16
  34: r3 = r7
  35: r3 += 8
  36: r4 = 1
  37: call bpf_map_update_elem#2
  38: if r0 == 0x0 goto pc+26
  39: if r0 != 0xffffffef goto pc+6
  40: r1 = map[g0_n]
  42: r2 = r7
  43: r2 += 16
  44: call bpf_map_lookup_elem#1
  45: if r0 != 0x0 goto pc-21
  46: r0 = -1
  47: if r0 s>= 0x0 goto pc+17
  48: r1 = map_value[rstap_conf] + 0
  50: *(u64 *)(r1 +16) = 2
  51: *(u64 *)(r7 +24) = 0
  52: r1 = map[rstap_output]
  54: r2 = r7
  55: r2 += 24
  56: r3 = 8
  57: r4 = 2
  58: call bpf_ringbuf_output#130
  59: if r0 == 0x0 goto pc+4
  60: r1 = map_value[rstap_stats] + 0
  62: r2 = 1
  63: lock *(u64 *)(r1 +0) += r2
  64: goto pc+2
  65: r0 = *(u64 *)(r7 +8)
  66: r0 -= 1
  67: r0 = 0
  68: exit

# perf.type(1).config(0).sample(1000000) (PerfEvent, Perf { type_: 1, config: 0, sample: Period(1000000), every_cpu: true })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+40
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+33
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: call bpf_get_current_pid_tgid#14
  15: r0 >>= 32
  16: *(u64 *)(r7 +8) = r0
  17: r1 = map_value[rstap_conf] + 0
  19: r0 = *(u64 *)(r1 +0)
  20: r1 = r0
  21: r0 = *(u64 *)(r7 +8)
  22: if r0 == r1 goto pc+2
  23: r0 = 0
  24: goto pc+1
  25: r0 = 1
  26: if r0 == 0x0 goto pc+18
  27: r1 = map_value[rstap_conf] + 0
  29: *(u64 *)(r1 +16) = 1
  30: *(u64 *)(r7 +8) = 1
  31: r1 = map[rstap_output]
  33: r2 = r7
  34: r2 += 8
  35: r3 = 8
  36: r4 = 2
  37: call bpf_ringbuf_output#130
  38: if r0 == 0x0 goto pc+4
  39: r1 = map_value[rstap_stats] + 0
  41: r2 = 1
  42: lock *(u64 *)(r1 +0) += r2
  43: r0 = 0
  44: goto pc+0
  45: r0 = 0
  46: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Exit args [] size 8
