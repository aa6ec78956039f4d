map rstap_scratch: PercpuArray key 4 value 112 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 24 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_c: PercpuHash key 16 value 48 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x6e goto pc+111
   3: r1 = map_value[rstap_conf] + 0
   5: r1 = *(u64 *)(r1 +16)
   6: if r1 != 0x0 goto pc+107
   7: *(u32 *)(r10 -4) = 0
   8: r2 = r10
   9: r2 += -4
  10: r1 = map[rstap_scratch]
  12: call bpf_map_lookup_elem#1
  13: if r0 == 0x0 goto pc+100
  14: r7 = r0
  15: *(u64 *)(r7 +0) = r6
  16: r0 = 1
  17: *(u64 *)(r7 +8) = r0
  18: *(u64 *)(r7 +16) = 0
  19: *(u64 *)(r7 +24) = 0
  20: r1 = r7
  21: r1 += 32
  22: r2 = 16
  23: call bpf_get_current_comm#16
  24: r1 = *(u64 *)(r7 +32)
  25: *(u64 *)(r7 +16) = r1
  26: r1 = *(u64 *)(r7 +40)
  27: *(u64 *)(r7 +24) = r1
  28: r1 = map[g0_c]
  30: r2 = r7
  31: r2 += 16
  32: call bpf_map_lookup_elem#1
  33: if r0 != 0x0 goto pc+59
  34: *(u64 *)(r7 +48) = 0
  35: *(u64 *)(r7 +56) = 0
  36: *(u64 *)(r7 +64) = 0
  37: *(u64 *)(r7 +72) = 0
  38: *(u64 *)(r7 +80) = 0
  39: *(u64 *)(r7 +88) = 0
  40: r1 = map[g0_c]
  42: r2 = r7
  43: r2 += 16
  44: r3 = r7
  45: r3 += 48
  46: r4 = 1
  47: call bpf_map_update_elem#2
  48: if r0 == 0x0 goto pc+19
  49: if r0 == 0xffffffef goto pc+18
  50: if r0 s>= 0x0 goto pc+17
  51: r1 = map_value[rstap_conf] + 0
  53: *(u64 *)(r1 +16) = 2
  54: *(u64 *)(r7 +96) = 0
  55: r1 = map[rstap_output]
  57: r2 = r7
  58: r2 += 96
  59: r3 = 8
  60: r4 = 2
  61: call bpf_ringbuf_output#130
  62: if r0 == 0x0 goto pc+4
  63: r1 = map_value[rstap_stats] + 0
  65: r2 = 1
  66: lock *(u64 *)(r1 +0) += r2
  67: goto pc+46
  68: r1 = map[g0_c]
  70: r2 = r7
  71: r2 += 16
  72: call bpf_map_lookup_elem#1
  73: if r0 != 0x0 goto pc+19
  74: r0 = -1
  75: if r0 s>= 0x0 goto pc+17
  76: r1 = map_value[rstap_conf] + 0
  78: *(u64 *)(r1 +16) = 2
  79: *(u64 *)(r7 +104) = 1
  80: r1 = map[rstap_output]
  82: r2 = r7
  83: r2 += 104
  84: r3 = 8
  85: r4 = 2
  86: call bpf_ringbuf_output#130
  87: if r0 == 0x0 goto pc+4
  88: r1 = map_value[rstap_stats] + 0
  90: r2 = 1
  91: lock *(u64 *)(r1 +0) += r2
  92: goto pc+21
  93: r9 = r0
  94: r1 = *(u64 *)(r7 +8)
  95: r2 = *(u64 *)(r9 +0)
  96: if r2 != 0x0 goto pc+5
  97: *(u64 *)(r9 +0) = 1
  98: *(u64 *)(r9 +8) = r1
  99: *(u64 *)(r9 +16) = r1
 100: *(u64 *)(r9 +24) = r1
 101: goto pc+11
 102: r2 += 1
 103: *(u64 *)(r9 +0) = r2
 104: r3 = *(u64 *)(r9 +8)
 105: r3 += r1
 106: *(u64 *)(r9 +8) = r3
 107: r3 = *(u64 *)(r9 +16)
 108: if r1 s>= r3 goto pc+1
 109: *(u64 *)(r9 +16) = r1
 110: r3 = *(u64 *)(r9 +24)
 111: if r1 s<= r3 goto pc+1
 112: *(u64 *)(r9 +24) = r1
 113: r0 = *(u64 *)(r7 +8)
 114: r0 = 0
 115: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
