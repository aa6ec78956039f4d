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
   7: if r0 == 0x0 goto pc+35
   8: r7 = r0
   9: r8 = 0
  10: *(u64 *)(r7 +0) = r6
  11: r8 += 1
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

# kernel.trace("syscalls:sys_enter_write") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_write" })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+151
   8: r7 = r0
   9: r8 = 0
  10: *(u64 *)(r7 +0) = r6
  11: r8 += 1
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
  26: if r0 == 0x0 goto pc+132
  27: r8 += 1
  28: r8 += 1
  29: call bpf_ktime_get_ns#5
  30: *(u64 *)(r7 +16) = r0
  31: *(u64 *)(r7 +24) = 0
  32: call bpf_get_current_pid_tgid#14
  33: r0 <<= 32
  34: r0 >>= 32
  35: *(u64 *)(r7 +24) = r0
  36: r1 = map[g1_t]
  38: r2 = r7
  39: r2 += 24
  40: call bpf_map_lookup_elem#1
  41: if r0 == 0x0 goto pc+2
  42: r0 = *(u64 *)(r0 +0)
  43: goto pc+1
  44: r0 = 0
  45: r1 = r0
  46: r0 = *(u64 *)(r7 +16)
  47: r0 -= r1
  48: *(u64 *)(r7 +8) = r0
  49: *(u32 *)(r7 +32) = 0
  50: r1 = map[g0_lat]
  52: r2 = r7
  53: r2 += 32
  54: call bpf_map_lookup_elem#1
  55: if r0 != 0x0 goto pc+1
  56: goto pc+102
  57: r9 = r0
  58: r1 = *(u64 *)(r7 +8)
  59: r2 = *(u64 *)(r9 +0)
  60: if r2 != 0x0 goto pc+9
  61: *(u64 *)(r9 +0) = 1
  62: *(u64 *)(r9 +8) = r1
  63: *(u64 *)(r9 +16) = r1
  64: *(u64 *)(r9 +24) = r1
  65: r3 = r1
  66: r3 <<= 0
  67: *(u64 *)(r9 +32) = r3
  68: *(u64 *)(r9 +40) = 0
  69: goto pc+25
  70: r2 += 1
  71: *(u64 *)(r9 +0) = r2
  72: r3 = *(u64 *)(r9 +8)
  73: r3 += r1
  74: *(u64 *)(r9 +8) = r3
  75: r3 = *(u64 *)(r9 +16)
  76: if r1 s>= r3 goto pc+1
  77: *(u64 *)(r9 +16) = r1
  78: r3 = *(u64 *)(r9 +24)
  79: if r1 s<= r3 goto pc+1
  80: *(u64 *)(r9 +24) = r1
  81: r3 = r1
  82: r3 <<= 0
  83: r4 = *(u64 *)(r9 +32)
  84: r5 = r3
  85: r5 -= r4
  86: r0 = r5
  87: r0 s/= r2
  88: r4 += r0
  89: *(u64 *)(r9 +32) = r4
  90: r3 -= r4
  91: r5 *= r3
  92: r4 = *(u64 *)(r9 +40)
  93: r4 += r5
  94: *(u64 *)(r9 +40) = r4
  95: r1 = *(u64 *)(r7 +8)
  96: r2 = 64
  97: if r1 == 0x0 goto pc+40
  98: r3 = r1
  99: if r3 s> 0x0 goto pc+1
 100: r3 = -r3
 101: r4 = 0
 102: r5 = r3
 103: r5 >>= 32
 104: if r5 == 0x0 goto pc+2
 105: r3 = r5
 106: r4 += 32
 107: r5 = r3
 108: r5 >>= 16
 109: if r5 == 0x0 goto pc+2
 110: r3 = r5
 111: r4 += 16
 112: r5 = r3
 113: r5 >>= 8
 114: if r5 == 0x0 goto pc+2
 115: r3 = r5
 116: r4 += 8
 117: r5 = r3
 118: r5 >>= 4
 119: if r5 == 0x0 goto pc+2
 120: r3 = r5
 121: r4 += 4
 122: r5 = r3
 123: r5 >>= 2
 124: if r5 == 0x0 goto pc+2
 125: r3 = r5
 126: r4 += 2
 127: r5 = r3
 128: r5 >>= 1
 129: if r5 == 0x0 goto pc+2
 130: r3 = r5
 131: r4 += 1
 132: if r3 == 0x0 goto pc+1
 133: r4 += 1
 134: if r1 s< 0x0 goto pc+2
 135: r2 += r4
 136: goto pc+1
 137: r2 -= r4
 138: if r2 <= 0xfff goto pc+1
 139: r2 = 0
 140: r2 <<= 3
 141: r3 = r9
 142: r3 += r2
 143: r4 = *(u64 *)(r3 +48)
 144: r4 += 1
 145: *(u64 *)(r3 +48) = r4
 146: r0 = *(u64 *)(r7 +8)
 147: r8 += 1
 148: *(u64 *)(r7 +8) = 0
 149: call bpf_get_current_pid_tgid#14
 150: r0 <<= 32
 151: r0 >>= 32
 152: *(u64 *)(r7 +8) = r0
 153: r1 = map[g1_t]
 155: r2 = r7
 156: r2 += 8
 157: call bpf_map_delete_elem#3
 158: goto pc+0
 159: r0 = 0
 160: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
