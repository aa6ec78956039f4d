map rstap_scratch: PercpuArray key 4 value 40 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_lat: PercpuArray key 4 value 1072 entries 1
map g1_t: Hash key 8 value 8 entries 2048

# kernel.trace("syscalls:sys_enter_getppid") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_getppid" })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+33
   8: r7 = r0
   9: *(u64 *)(r7 +0) = r6
  10: call bpf_ktime_get_ns#5
  11: *(u64 *)(r7 +8) = r0
  12: *(u64 *)(r7 +16) = 0
  13: call bpf_get_current_pid_tgid#14
  14: r0 <<= 32
  15: r0 >>= 32
  16: *(u64 *)(r7 +16) = r0
  17: r1 = map[g1_t]
  19: r2 = r7
  20: r2 += 16
  21: r3 = r7
  22: r3 += 8
  23: r4 = 0
  24: call bpf_map_update_elem#2
  25: if r0 s>= 0x0 goto pc+14
  26: *(u64 *)(r7 +24) = 0
  27: r1 = map[rstap_output]
  29: r2 = r7
  30: r2 += 24
  31: r3 = 8
  32: r4 = 0
  33: call bpf_ringbuf_output#130
  34: if r0 == 0x0 goto pc+4
  35: r1 = map_value[rstap_stats] + 0
  37: r2 = 1
  38: lock *(u64 *)(r1 +0) += r2
  39: goto pc+1
  40: r0 = *(u64 *)(r7 +8)
  41: r0 = 0
  42: exit

# kernel.trace("syscalls:sys_enter_write") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_write" })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+146
   8: r7 = r0
   9: *(u64 *)(r7 +0) = r6
  10: *(u64 *)(r7 +8) = 0
  11: call bpf_get_current_pid_tgid#14
  12: r0 <<= 32
  13: r0 >>= 32
  14: *(u64 *)(r7 +8) = r0
  15: r1 = map[g1_t]
  17: r2 = r7
  18: r2 += 8
  19: call bpf_map_lookup_elem#1
  20: if r0 != 0x0 goto pc+2
  21: r0 = 0
  22: goto pc+1
  23: r0 = 1
  24: if r0 == 0x0 goto pc+129
  25: call bpf_ktime_get_ns#5
  26: *(u64 *)(r7 +16) = r0
  27: *(u64 *)(r7 +24) = 0
  28: call bpf_get_current_pid_tgid#14
  29: r0 <<= 32
  30: r0 >>= 32
  31: *(u64 *)(r7 +24) = r0
  32: r1 = map[g1_t]
  34: r2 = r7
  35: r2 += 24
  36: call bpf_map_lookup_elem#1
  37: if r0 == 0x0 goto pc+2
  38: r0 = *(u64 *)(r0 +0)
  39: goto pc+1
  40: r0 = 0
  41: r1 = r0
  42: r0 = *(u64 *)(r7 +16)
  43: r0 -= r1
  44: *(u64 *)(r7 +8) = r0
  45: *(u32 *)(r7 +32) = 0
  46: r1 = map[g0_lat]
  48: r2 = r7
  49: r2 += 32
  50: call bpf_map_lookup_elem#1
  51: if r0 != 0x0 goto pc+1
  52: goto pc+101
  53: r9 = r0
  54: r1 = *(u64 *)(r7 +8)
  55: r2 = *(u64 *)(r9 +0)
  56: if r2 != 0x0 goto pc+9
  57: *(u64 *)(r9 +0) = 1
  58: *(u64 *)(r9 +8) = r1
  59: *(u64 *)(r9 +16) = r1
  60: *(u64 *)(r9 +24) = r1
  61: r3 = r1
  62: r3 <<= 0
  63: *(u64 *)(r9 +32) = r3
  64: *(u64 *)(r9 +40) = 0
  65: goto pc+25
  66: r2 += 1
  67: *(u64 *)(r9 +0) = r2
  68: r3 = *(u64 *)(r9 +8)
  69: r3 += r1
  70: *(u64 *)(r9 +8) = r3
  71: r3 = *(u64 *)(r9 +16)
  72: if r1 s>= r3 goto pc+1
  73: *(u64 *)(r9 +16) = r1
  74: r3 = *(u64 *)(r9 +24)
  75: if r1 s<= r3 goto pc+1
  76: *(u64 *)(r9 +24) = r1
  77: r3 = r1
  78: r3 <<= 0
  79: r4 = *(u64 *)(r9 +32)
  80: r5 = r3
  81: r5 -= r4
  82: r0 = r5
  83: r0 s/= r2
  84: r4 += r0
  85: *(u64 *)(r9 +32) = r4
  86: r3 -= r4
  87: r5 *= r3
  88: r4 = *(u64 *)(r9 +40)
  89: r4 += r5
  90: *(u64 *)(r9 +40) = r4
  91: r1 = *(u64 *)(r7 +8)
  92: r2 = 64
  93: if r1 == 0x0 goto pc+40
  94: r3 = r1
  95: if r3 s> 0x0 goto pc+1
  96: r3 = -r3
  97: r4 = 0
  98: r5 = r3
  99: r5 >>= 32
 100: if r5 == 0x0 goto pc+2
 101: r3 = r5
 102: r4 += 32
 103: r5 = r3
 104: r5 >>= 16
 105: if r5 == 0x0 goto pc+2
 106: r3 = r5
 107: r4 += 16
 108: r5 = r3
 109: r5 >>= 8
 110: if r5 == 0x0 goto pc+2
 111: r3 = r5
 112: r4 += 8
 113: r5 = r3
 114: r5 >>= 4
 115: if r5 == 0x0 goto pc+2
 116: r3 = r5
 117: r4 += 4
 118: r5 = r3
 119: r5 >>= 2
 120: if r5 == 0x0 goto pc+2
 121: r3 = r5
 122: r4 += 2
 123: r5 = r3
 124: r5 >>= 1
 125: if r5 == 0x0 goto pc+2
 126: r3 = r5
 127: r4 += 1
 128: if r3 == 0x0 goto pc+1
 129: r4 += 1
 130: if r1 s< 0x0 goto pc+2
 131: r2 += r4
 132: goto pc+1
 133: r2 -= r4
 134: if r2 <= 0xfff goto pc+1
 135: r2 = 0
 136: r2 <<= 3
 137: r3 = r9
 138: r3 += r2
 139: r4 = *(u64 *)(r3 +48)
 140: r4 += 1
 141: *(u64 *)(r3 +48) = r4
 142: r0 = *(u64 *)(r7 +8)
 143: *(u64 *)(r7 +8) = 0
 144: call bpf_get_current_pid_tgid#14
 145: r0 <<= 32
 146: r0 >>= 32
 147: *(u64 *)(r7 +8) = r0
 148: r1 = map[g1_t]
 150: r2 = r7
 151: r2 += 8
 152: call bpf_map_delete_elem#3
 153: goto pc+0
 154: r0 = 0
 155: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
