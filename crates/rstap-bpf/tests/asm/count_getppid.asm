map rstap_scratch: PercpuArray key 4 value 112 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_c: PercpuHash key 16 value 48 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1
map rstap_sc_e0: ProgArray key 4 value 4 entries 512

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, TailCall { map: 6, key: 110 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+107
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+100
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = 1
  15: *(u64 *)(r7 +8) = r0
  16: *(u64 *)(r7 +16) = 0
  17: *(u64 *)(r7 +24) = 0
  18: r1 = r7
  19: r1 += 32
  20: r2 = 16
  21: call bpf_get_current_comm#16
  22: r1 = *(u64 *)(r7 +32)
  23: *(u64 *)(r7 +16) = r1
  24: r1 = *(u64 *)(r7 +40)
  25: *(u64 *)(r7 +24) = r1
  26: r1 = map[g0_c]
  28: r2 = r7
  29: r2 += 16
  30: call bpf_map_lookup_elem#1
  31: if r0 != 0x0 goto pc+59
  32: *(u64 *)(r7 +48) = 0
  33: *(u64 *)(r7 +56) = 0
  34: *(u64 *)(r7 +64) = 0
  35: *(u64 *)(r7 +72) = 0
  36: *(u64 *)(r7 +80) = 0
  37: *(u64 *)(r7 +88) = 0
  38: r1 = map[g0_c]
  40: r2 = r7
  41: r2 += 16
  42: r3 = r7
  43: r3 += 48
  44: r4 = 1
  45: call bpf_map_update_elem#2
  46: if r0 == 0x0 goto pc+19
  47: if r0 == 0xffffffef goto pc+18
  48: if r0 s>= 0x0 goto pc+17
  49: r1 = map_value[rstap_conf] + 0
  51: *(u64 *)(r1 +16) = 2
  52: *(u64 *)(r7 +96) = 0
  53: r1 = map[rstap_output]
  55: r2 = r7
  56: r2 += 96
  57: r3 = 8
  58: r4 = 2
  59: call bpf_ringbuf_output#130
  60: if r0 == 0x0 goto pc+4
  61: r1 = map_value[rstap_stats] + 0
  63: r2 = 1
  64: lock *(u64 *)(r1 +0) += r2
  65: goto pc+46
  66: r1 = map[g0_c]
  68: r2 = r7
  69: r2 += 16
  70: call bpf_map_lookup_elem#1
  71: if r0 != 0x0 goto pc+19
  72: r0 = -1
  73: if r0 s>= 0x0 goto pc+17
  74: r1 = map_value[rstap_conf] + 0
  76: *(u64 *)(r1 +16) = 2
  77: *(u64 *)(r7 +104) = 1
  78: r1 = map[rstap_output]
  80: r2 = r7
  81: r2 += 104
  82: r3 = 8
  83: r4 = 2
  84: call bpf_ringbuf_output#130
  85: if r0 == 0x0 goto pc+4
  86: r1 = map_value[rstap_stats] + 0
  88: r2 = 1
  89: lock *(u64 *)(r1 +0) += r2
  90: goto pc+21
  91: r9 = r0
  92: r1 = *(u64 *)(r7 +8)
  93: r2 = *(u64 *)(r9 +0)
  94: if r2 != 0x0 goto pc+5
  95: *(u64 *)(r9 +0) = 1
  96: *(u64 *)(r9 +8) = r1
  97: *(u64 *)(r9 +16) = r1
  98: *(u64 *)(r9 +24) = r1
  99: goto pc+11
 100: r2 += 1
 101: *(u64 *)(r9 +0) = r2
 102: r3 = *(u64 *)(r9 +8)
 103: r3 += r1
 104: *(u64 *)(r9 +8) = r3
 105: r3 = *(u64 *)(r9 +16)
 106: if r1 s>= r3 goto pc+1
 107: *(u64 *)(r9 +16) = r1
 108: r3 = *(u64 *)(r9 +24)
 109: if r1 s<= r3 goto pc+1
 110: *(u64 *)(r9 +24) = r1
 111: r0 = *(u64 *)(r7 +8)
 112: r0 = 0
 113: exit

# dispatcher rstap_sc_e0 on sys_enter
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +8)
   2: r1 = r6
   3: r2 = map[rstap_sc_e0]
   5: call bpf_tail_call#12
   6: r0 = 0
   7: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
