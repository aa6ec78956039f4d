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
   7: if r0 == 0x0 goto pc+54
   8: r7 = r0
   9: r8 = 0
  10: *(u64 *)(r7 +0) = r6
  11: r8 += 1
  12: r3 = *(u64 *)(r7 +0)
  13: r3 += 8
  14: r1 = r7
  15: r1 += 8
  16: r2 = 17
  17: call bpf_probe_read_kernel_str#115
  18: r0 = *(u32 *)(r6 +24)
  19: r0 <<= 32
  20: r0 s>>= 32
  21: *(u64 *)(r7 +32) = r0
  22: r3 = *(u64 *)(r7 +0)
  23: r3 += 40
  24: r1 = r7
  25: r1 += 40
  26: r2 = 17
  27: call bpf_probe_read_kernel_str#115
  28: r0 = *(u32 *)(r6 +56)
  29: r0 <<= 32
  30: r0 s>>= 32
  31: *(u64 *)(r7 +64) = r0
  32: *(u64 *)(r7 +72) = 0
  33: r1 = r7
  34: r1 += 80
  35: r2 = 17
  36: r3 = r7
  37: r3 += 8
  38: call bpf_probe_read_kernel_str#115
  39: r1 = *(u64 *)(r7 +32)
  40: *(u64 *)(r7 +104) = r1
  41: r1 = r7
  42: r1 += 112
  43: r2 = 17
  44: r3 = r7
  45: r3 += 40
  46: call bpf_probe_read_kernel_str#115
  47: r1 = *(u64 *)(r7 +64)
  48: *(u64 *)(r7 +136) = r1
  49: r1 = map[rstap_output]
  51: r2 = r7
  52: r2 += 72
  53: r3 = 72
  54: r4 = 0
  55: call bpf_ringbuf_output#130
  56: if r0 == 0x0 goto pc+4
  57: r1 = map_value[rstap_stats] + 0
  59: r2 = 1
  60: lock *(u64 *)(r1 +0) += r2
  61: r0 = 0
  62: r0 = 0
  63: exit
site 0: Printf { format: [37, 115, 40, 37, 100, 41, 32, 45, 62, 32, 37, 115, 40, 37, 100, 41, 10] } args [ArgSlot { ty: String, offset: 8, width: 17 }, ArgSlot { ty: Long, offset: 32, width: 8 }, ArgSlot { ty: String, offset: 40, width: 17 }, ArgSlot { ty: Long, offset: 64, width: 8 }] size 72
