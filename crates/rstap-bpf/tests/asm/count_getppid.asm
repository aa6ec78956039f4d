map rstap_scratch: PercpuArray key 4 value 112 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_c: PercpuHash key 16 value 48 entries 2048

# kernel.trace("syscalls:sys_enter_getppid") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_getppid" })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+94
   8: r7 = r0
   9: *(u64 *)(r7 +0) = r6
  10: r0 = 1
  11: *(u64 *)(r7 +8) = r0
  12: *(u64 *)(r7 +16) = 0
  13: *(u64 *)(r7 +24) = 0
  14: r1 = r7
  15: r1 += 32
  16: r2 = 16
  17: call bpf_get_current_comm#16
  18: r1 = *(u64 *)(r7 +32)
  19: *(u64 *)(r7 +16) = r1
  20: r1 = *(u64 *)(r7 +40)
  21: *(u64 *)(r7 +24) = r1
  22: r1 = map[g0_c]
  24: r2 = r7
  25: r2 += 16
  26: call bpf_map_lookup_elem#1
  27: if r0 != 0x0 goto pc+53
  28: *(u64 *)(r7 +48) = 0
  29: *(u64 *)(r7 +56) = 0
  30: *(u64 *)(r7 +64) = 0
  31: *(u64 *)(r7 +72) = 0
  32: *(u64 *)(r7 +80) = 0
  33: *(u64 *)(r7 +88) = 0
  34: r1 = map[g0_c]
  36: r2 = r7
  37: r2 += 16
  38: r3 = r7
  39: r3 += 48
  40: r4 = 1
  41: call bpf_map_update_elem#2
  42: if r0 == 0x0 goto pc+16
  43: if r0 == 0xffffffef goto pc+15
  44: if r0 s>= 0x0 goto pc+14
  45: *(u64 *)(r7 +96) = 0
  46: r1 = map[rstap_output]
  48: r2 = r7
  49: r2 += 96
  50: r3 = 8
  51: r4 = 0
  52: call bpf_ringbuf_output#130
  53: if r0 == 0x0 goto pc+4
  54: r1 = map_value[rstap_stats] + 0
  56: r2 = 1
  57: lock *(u64 *)(r1 +0) += r2
  58: goto pc+43
  59: r1 = map[g0_c]
  61: r2 = r7
  62: r2 += 16
  63: call bpf_map_lookup_elem#1
  64: if r0 != 0x0 goto pc+16
  65: r0 = -1
  66: if r0 s>= 0x0 goto pc+14
  67: *(u64 *)(r7 +104) = 1
  68: r1 = map[rstap_output]
  70: r2 = r7
  71: r2 += 104
  72: r3 = 8
  73: r4 = 0
  74: call bpf_ringbuf_output#130
  75: if r0 == 0x0 goto pc+4
  76: r1 = map_value[rstap_stats] + 0
  78: r2 = 1
  79: lock *(u64 *)(r1 +0) += r2
  80: goto pc+21
  81: r9 = r0
  82: r1 = *(u64 *)(r7 +8)
  83: r2 = *(u64 *)(r9 +0)
  84: if r2 != 0x0 goto pc+5
  85: *(u64 *)(r9 +0) = 1
  86: *(u64 *)(r9 +8) = r1
  87: *(u64 *)(r9 +16) = r1
  88: *(u64 *)(r9 +24) = r1
  89: goto pc+11
  90: r2 += 1
  91: *(u64 *)(r9 +0) = r2
  92: r3 = *(u64 *)(r9 +8)
  93: r3 += r1
  94: *(u64 *)(r9 +8) = r3
  95: r3 = *(u64 *)(r9 +16)
  96: if r1 s>= r3 goto pc+1
  97: *(u64 *)(r9 +16) = r1
  98: r3 = *(u64 *)(r9 +24)
  99: if r1 s<= r3 goto pc+1
 100: *(u64 *)(r9 +24) = r1
 101: r0 = *(u64 *)(r7 +8)
 102: r0 = 0
 103: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
