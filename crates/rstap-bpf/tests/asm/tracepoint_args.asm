map rstap_scratch: PercpuArray key 4 value 112 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map rstap_rodata: Array key 4 value 8 entries 1

# kernel.trace("sched:sched_switch") (RawTracepoint, RawTracepoint { name: "sched_switch" })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+74
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+67
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +16)
  15: r0 += 12
  16: *(u64 *)(r7 +16) = r0
  17: *(u64 *)(r7 +24) = 0
  18: r1 = r7
  19: r1 += 24
  20: r2 = 4
  21: r3 = *(u64 *)(r7 +16)
  22: call bpf_probe_read_kernel#113
  23: if r0 s>= 0x0 goto pc+19
  24: r1 = map_value[rstap_conf] + 0
  26: *(u64 *)(r1 +16) = 2
  27: *(u64 *)(r7 +32) = 0
  28: r1 = *(u64 *)(r7 +16)
  29: *(u64 *)(r7 +40) = r1
  30: r1 = map[rstap_output]
  32: r2 = r7
  33: r2 += 32
  34: r3 = 16
  35: r4 = 2
  36: call bpf_ringbuf_output#130
  37: if r0 == 0x0 goto pc+4
  38: r1 = map_value[rstap_stats] + 0
  40: r2 = 1
  41: lock *(u64 *)(r1 +0) += r2
  42: goto pc+36
  43: r0 = *(u64 *)(r7 +24)
  44: r0 <<= 32
  45: r0 s>>= 32
  46: *(u64 *)(r7 +8) = r0
  47: r0 = *(u64 *)(r6 +0)
  48: r0 <<= 56
  49: r0 >>= 56
  50: *(u64 *)(r7 +48) = r0
  51: r0 = *(u64 *)(r6 +24)
  52: r0 <<= 32
  53: r0 >>= 32
  54: *(u64 *)(r7 +56) = r0
  55: r0 = *(u64 *)(r6 +8)
  56: *(u64 *)(r7 +64) = r0
  57: *(u64 *)(r7 +72) = 1
  58: r1 = *(u64 *)(r7 +8)
  59: *(u64 *)(r7 +80) = r1
  60: r1 = *(u64 *)(r7 +48)
  61: *(u64 *)(r7 +88) = r1
  62: r1 = *(u64 *)(r7 +56)
  63: *(u64 *)(r7 +96) = r1
  64: r1 = *(u64 *)(r7 +64)
  65: *(u64 *)(r7 +104) = r1
  66: r1 = map[rstap_output]
  68: r2 = r7
  69: r2 += 72
  70: r3 = 40
  71: r4 = 1
  72: call bpf_ringbuf_output#130
  73: if r0 == 0x0 goto pc+4
  74: r1 = map_value[rstap_stats] + 0
  76: r2 = 1
  77: lock *(u64 *)(r1 +0) += r2
  78: r0 = 0
  79: r0 = 0
  80: exit
site 0: Fault { code: Code("R0011"), prefix: "kernel int copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 1: Printf { format: [37, 100, 32, 37, 100, 32, 37, 100, 32, 37, 100, 10] } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: Long, offset: 16, width: 8 }, ArgSlot { ty: Long, offset: 24, width: 8 }, ArgSlot { ty: Long, offset: 32, width: 8 }] size 40
