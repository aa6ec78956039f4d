map rstap_scratch: PercpuArray key 4 value 144 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1

# kernel.trace("sched:sched_switch") (Tracepoint, Tracepoint { system: "sched", name: "sched_switch" })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+52
   8: r7 = r0
   9: *(u64 *)(r7 +0) = r6
  10: r3 = *(u64 *)(r7 +0)
  11: r3 += 8
  12: r1 = r7
  13: r1 += 8
  14: r2 = 17
  15: call bpf_probe_read_kernel_str#115
  16: r0 = *(u32 *)(r6 +24)
  17: r0 <<= 32
  18: r0 s>>= 32
  19: *(u64 *)(r7 +32) = r0
  20: r3 = *(u64 *)(r7 +0)
  21: r3 += 40
  22: r1 = r7
  23: r1 += 40
  24: r2 = 17
  25: call bpf_probe_read_kernel_str#115
  26: r0 = *(u32 *)(r6 +56)
  27: r0 <<= 32
  28: r0 s>>= 32
  29: *(u64 *)(r7 +64) = r0
  30: *(u64 *)(r7 +72) = 0
  31: r1 = r7
  32: r1 += 80
  33: r2 = 17
  34: r3 = r7
  35: r3 += 8
  36: call bpf_probe_read_kernel_str#115
  37: r1 = *(u64 *)(r7 +32)
  38: *(u64 *)(r7 +104) = r1
  39: r1 = r7
  40: r1 += 112
  41: r2 = 17
  42: r3 = r7
  43: r3 += 40
  44: call bpf_probe_read_kernel_str#115
  45: r1 = *(u64 *)(r7 +64)
  46: *(u64 *)(r7 +136) = r1
  47: r1 = map[rstap_output]
  49: r2 = r7
  50: r2 += 72
  51: r3 = 72
  52: r4 = 0
  53: call bpf_ringbuf_output#130
  54: if r0 == 0x0 goto pc+4
  55: r1 = map_value[rstap_stats] + 0
  57: r2 = 1
  58: lock *(u64 *)(r1 +0) += r2
  59: r0 = 0
  60: r0 = 0
  61: exit
site 0: Printf { format: [37, 115, 40, 37, 100, 41, 32, 45, 62, 32, 37, 115, 40, 37, 100, 41, 10] } args [ArgSlot { ty: String, offset: 8, width: 17 }, ArgSlot { ty: Long, offset: 32, width: 8 }, ArgSlot { ty: String, offset: 40, width: 17 }, ArgSlot { ty: Long, offset: 64, width: 8 }] size 72
