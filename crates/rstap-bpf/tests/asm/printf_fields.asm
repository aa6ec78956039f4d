map rstap_scratch: PercpuArray key 4 value 144 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map rstap_rodata: Array key 4 value 8 entries 1

# kernel.trace("sched:sched_switch") (Tracepoint, Tracepoint { system: "sched", name: "sched_switch" })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+59
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+52
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r3 = *(u64 *)(r7 +0)
  15: r3 += 8
  16: r1 = r7
  17: r1 += 8
  18: r2 = 17
  19: call bpf_probe_read_kernel_str#115
  20: r0 = *(u32 *)(r6 +24)
  21: r0 <<= 32
  22: r0 s>>= 32
  23: *(u64 *)(r7 +32) = r0
  24: r3 = *(u64 *)(r7 +0)
  25: r3 += 40
  26: r1 = r7
  27: r1 += 40
  28: r2 = 17
  29: call bpf_probe_read_kernel_str#115
  30: r0 = *(u32 *)(r6 +56)
  31: r0 <<= 32
  32: r0 s>>= 32
  33: *(u64 *)(r7 +64) = r0
  34: *(u64 *)(r7 +72) = 0
  35: r1 = r7
  36: r1 += 80
  37: r2 = 17
  38: r3 = r7
  39: r3 += 8
  40: call bpf_probe_read_kernel_str#115
  41: r1 = *(u64 *)(r7 +32)
  42: *(u64 *)(r7 +104) = r1
  43: r1 = r7
  44: r1 += 112
  45: r2 = 17
  46: r3 = r7
  47: r3 += 40
  48: call bpf_probe_read_kernel_str#115
  49: r1 = *(u64 *)(r7 +64)
  50: *(u64 *)(r7 +136) = r1
  51: r1 = map[rstap_output]
  53: r2 = r7
  54: r2 += 72
  55: r3 = 72
  56: r4 = 1
  57: call bpf_ringbuf_output#130
  58: if r0 == 0x0 goto pc+4
  59: r1 = map_value[rstap_stats] + 0
  61: r2 = 1
  62: lock *(u64 *)(r1 +0) += r2
  63: r0 = 0
  64: r0 = 0
  65: exit
site 0: Printf { format: [37, 115, 40, 37, 100, 41, 32, 45, 62, 32, 37, 115, 40, 37, 100, 41, 10] } args [ArgSlot { ty: String, offset: 8, width: 17 }, ArgSlot { ty: Long, offset: 32, width: 8 }, ArgSlot { ty: String, offset: 40, width: 17 }, ArgSlot { ty: Long, offset: 64, width: 8 }] size 72
