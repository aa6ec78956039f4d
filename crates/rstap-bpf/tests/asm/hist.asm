map rstap_scratch: PercpuArray key 4 value 40 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_lat: PercpuArray key 4 value 1072 entries 1
map g1_t: Hash key 8 value 8 entries 2048

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x6e goto pc+40
   3: *(u32 *)(r10 -4) = 0
   4: r2 = r10
   5: r2 += -4
   6: r1 = map[rstap_scratch]
   8: call bpf_map_lookup_elem#1
   9: if r0 == 0x0 goto pc+33
  10: r7 = r0
  11: *(u64 *)(r7 +0) = r6
  12: call bpf_ktime_get_ns#5
  13: *(u64 *)(r7 +8) = r0
  14: *(u64 *)(r7 +16) = 0
  15: call bpf_get_current_pid_tgid#14
  16: r0 <<= 32
  17: r0 >>= 32
  18: *(u64 *)(r7 +16) = r0
  19: r1 = map[g1_t]
  21: r2 = r7
  22: r2 += 16
  23: r3 = r7
  24: r3 += 8
  25: r4 = 0
  26: call bpf_map_update_elem#2
  27: if r0 s>= 0x0 goto pc+14
  28: *(u64 *)(r7 +24) = 0
  29: r1 = map[rstap_output]
  31: r2 = r7
  32: r2 += 24
  33: r3 = 8
  34: r4 = 0
  35: call bpf_ringbuf_output#130
  36: if r0 == 0x0 goto pc+4
  37: r1 = map_value[rstap_stats] + 0
  39: r2 = 1
  40: lock *(u64 *)(r1 +0) += r2
  41: goto pc+1
  42: r0 = *(u64 *)(r7 +8)
  43: r0 = 0
  44: exit

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x1 goto pc+153
   3: *(u32 *)(r10 -4) = 0
   4: r2 = r10
   5: r2 += -4
   6: r1 = map[rstap_scratch]
   8: call bpf_map_lookup_elem#1
   9: if r0 == 0x0 goto pc+146
  10: r7 = r0
  11: *(u64 *)(r7 +0) = r6
  12: *(u64 *)(r7 +8) = 0
  13: call bpf_get_current_pid_tgid#14
  14: r0 <<= 32
  15: r0 >>= 32
  16: *(u64 *)(r7 +8) = r0
  17: r1 = map[g1_t]
  19: r2 = r7
  20: r2 += 8
  21: call bpf_map_lookup_elem#1
  22: if r0 != 0x0 goto pc+2
  23: r0 = 0
  24: goto pc+1
  25: r0 = 1
  26: if r0 == 0x0 goto pc+129
  27: call bpf_ktime_get_ns#5
  28: *(u64 *)(r7 +16) = r0
  29: *(u64 *)(r7 +24) = 0
  30: call bpf_get_current_pid_tgid#14
  31: r0 <<= 32
  32: r0 >>= 32
  33: *(u64 *)(r7 +24) = r0
  34: r1 = map[g1_t]
  36: r2 = r7
  37: r2 += 24
  38: call bpf_map_lookup_elem#1
  39: if r0 == 0x0 goto pc+2
  40: r0 = *(u64 *)(r0 +0)
  41: goto pc+1
  42: r0 = 0
  43: r1 = r0
  44: r0 = *(u64 *)(r7 +16)
  45: r0 -= r1
  46: *(u64 *)(r7 +8) = r0
  47: *(u32 *)(r7 +32) = 0
  48: r1 = map[g0_lat]
  50: r2 = r7
  51: r2 += 32
  52: call bpf_map_lookup_elem#1
  53: if r0 != 0x0 goto pc+1
  54: goto pc+101
  55: r9 = r0
  56: r1 = *(u64 *)(r7 +8)
  57: r2 = *(u64 *)(r9 +0)
  58: if r2 != 0x0 goto pc+9
  59: *(u64 *)(r9 +0) = 1
  60: *(u64 *)(r9 +8) = r1
  61: *(u64 *)(r9 +16) = r1
  62: *(u64 *)(r9 +24) = r1
  63: r3 = r1
  64: r3 <<= 0
  65: *(u64 *)(r9 +32) = r3
  66: *(u64 *)(r9 +40) = 0
  67: goto pc+25
  68: r2 += 1
  69: *(u64 *)(r9 +0) = r2
  70: r3 = *(u64 *)(r9 +8)
  71: r3 += r1
  72: *(u64 *)(r9 +8) = r3
  73: r3 = *(u64 *)(r9 +16)
  74: if r1 s>= r3 goto pc+1
  75: *(u64 *)(r9 +16) = r1
  76: r3 = *(u64 *)(r9 +24)
  77: if r1 s<= r3 goto pc+1
  78: *(u64 *)(r9 +24) = r1
  79: r3 = r1
  80: r3 <<= 0
  81: r4 = *(u64 *)(r9 +32)
  82: r5 = r3
  83: r5 -= r4
  84: r0 = r5
  85: r0 s/= r2
  86: r4 += r0
  87: *(u64 *)(r9 +32) = r4
  88: r3 -= r4
  89: r5 *= r3
  90: r4 = *(u64 *)(r9 +40)
  91: r4 += r5
  92: *(u64 *)(r9 +40) = r4
  93: r1 = *(u64 *)(r7 +8)
  94: r2 = 64
  95: if r1 == 0x0 goto pc+40
  96: r3 = r1
  97: if r3 s> 0x0 goto pc+1
  98: r3 = -r3
  99: r4 = 0
 100: r5 = r3
 101: r5 >>= 32
 102: if r5 == 0x0 goto pc+2
 103: r3 = r5
 104: r4 += 32
 105: r5 = r3
 106: r5 >>= 16
 107: if r5 == 0x0 goto pc+2
 108: r3 = r5
 109: r4 += 16
 110: r5 = r3
 111: r5 >>= 8
 112: if r5 == 0x0 goto pc+2
 113: r3 = r5
 114: r4 += 8
 115: r5 = r3
 116: r5 >>= 4
 117: if r5 == 0x0 goto pc+2
 118: r3 = r5
 119: r4 += 4
 120: r5 = r3
 121: r5 >>= 2
 122: if r5 == 0x0 goto pc+2
 123: r3 = r5
 124: r4 += 2
 125: r5 = r3
 126: r5 >>= 1
 127: if r5 == 0x0 goto pc+2
 128: r3 = r5
 129: r4 += 1
 130: if r3 == 0x0 goto pc+1
 131: r4 += 1
 132: if r1 s< 0x0 goto pc+2
 133: r2 += r4
 134: goto pc+1
 135: r2 -= r4
 136: if r2 <= 0xfff goto pc+1
 137: r2 = 0
 138: r2 <<= 3
 139: r3 = r9
 140: r3 += r2
 141: r4 = *(u64 *)(r3 +48)
 142: r4 += 1
 143: *(u64 *)(r3 +48) = r4
 144: r0 = *(u64 *)(r7 +8)
 145: *(u64 *)(r7 +8) = 0
 146: call bpf_get_current_pid_tgid#14
 147: r0 <<= 32
 148: r0 >>= 32
 149: *(u64 *)(r7 +8) = r0
 150: r1 = map[g1_t]
 152: r2 = r7
 153: r2 += 8
 154: call bpf_map_delete_elem#3
 155: goto pc+0
 156: r0 = 0
 157: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
