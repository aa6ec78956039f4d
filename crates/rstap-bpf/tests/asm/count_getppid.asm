map rstap_scratch: PercpuArray key 4 value 112 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_c: PercpuHash key 16 value 48 entries 2048

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x6e goto pc+101
   3: *(u32 *)(r10 -4) = 0
   4: r2 = r10
   5: r2 += -4
   6: r1 = map[rstap_scratch]
   8: call bpf_map_lookup_elem#1
   9: if r0 == 0x0 goto pc+94
  10: r7 = r0
  11: *(u64 *)(r7 +0) = r6
  12: r0 = 1
  13: *(u64 *)(r7 +8) = r0
  14: *(u64 *)(r7 +16) = 0
  15: *(u64 *)(r7 +24) = 0
  16: r1 = r7
  17: r1 += 32
  18: r2 = 16
  19: call bpf_get_current_comm#16
  20: r1 = *(u64 *)(r7 +32)
  21: *(u64 *)(r7 +16) = r1
  22: r1 = *(u64 *)(r7 +40)
  23: *(u64 *)(r7 +24) = r1
  24: r1 = map[g0_c]
  26: r2 = r7
  27: r2 += 16
  28: call bpf_map_lookup_elem#1
  29: if r0 != 0x0 goto pc+53
  30: *(u64 *)(r7 +48) = 0
  31: *(u64 *)(r7 +56) = 0
  32: *(u64 *)(r7 +64) = 0
  33: *(u64 *)(r7 +72) = 0
  34: *(u64 *)(r7 +80) = 0
  35: *(u64 *)(r7 +88) = 0
  36: r1 = map[g0_c]
  38: r2 = r7
  39: r2 += 16
  40: r3 = r7
  41: r3 += 48
  42: r4 = 1
  43: call bpf_map_update_elem#2
  44: if r0 == 0x0 goto pc+16
  45: if r0 == 0xffffffef goto pc+15
  46: if r0 s>= 0x0 goto pc+14
  47: *(u64 *)(r7 +96) = 0
  48: r1 = map[rstap_output]
  50: r2 = r7
  51: r2 += 96
  52: r3 = 8
  53: r4 = 0
  54: call bpf_ringbuf_output#130
  55: if r0 == 0x0 goto pc+4
  56: r1 = map_value[rstap_stats] + 0
  58: r2 = 1
  59: lock *(u64 *)(r1 +0) += r2
  60: goto pc+43
  61: r1 = map[g0_c]
  63: r2 = r7
  64: r2 += 16
  65: call bpf_map_lookup_elem#1
  66: if r0 != 0x0 goto pc+16
  67: r0 = -1
  68: if r0 s>= 0x0 goto pc+14
  69: *(u64 *)(r7 +104) = 1
  70: r1 = map[rstap_output]
  72: r2 = r7
  73: r2 += 104
  74: r3 = 8
  75: r4 = 0
  76: call bpf_ringbuf_output#130
  77: if r0 == 0x0 goto pc+4
  78: r1 = map_value[rstap_stats] + 0
  80: r2 = 1
  81: lock *(u64 *)(r1 +0) += r2
  82: goto pc+21
  83: r9 = r0
  84: r1 = *(u64 *)(r7 +8)
  85: r2 = *(u64 *)(r9 +0)
  86: if r2 != 0x0 goto pc+5
  87: *(u64 *)(r9 +0) = 1
  88: *(u64 *)(r9 +8) = r1
  89: *(u64 *)(r9 +16) = r1
  90: *(u64 *)(r9 +24) = r1
  91: goto pc+11
  92: r2 += 1
  93: *(u64 *)(r9 +0) = r2
  94: r3 = *(u64 *)(r9 +8)
  95: r3 += r1
  96: *(u64 *)(r9 +8) = r3
  97: r3 = *(u64 *)(r9 +16)
  98: if r1 s>= r3 goto pc+1
  99: *(u64 *)(r9 +16) = r1
 100: r3 = *(u64 *)(r9 +24)
 101: if r1 s<= r3 goto pc+1
 102: *(u64 *)(r9 +24) = r1
 103: r0 = *(u64 *)(r7 +8)
 104: r0 = 0
 105: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
