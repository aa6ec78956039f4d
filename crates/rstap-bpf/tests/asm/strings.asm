map rstap_scratch: PercpuArray key 4 value 1248 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 24 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_names: Hash key 8 value 128 entries 2048
map rstap_rodata: Array key 4 value 40 entries 1

# kernel.trace("syscalls:sys_enter_openat") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_openat" })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+131
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+124
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r1 = r7
  15: r1 += 8
  16: r2 = 16
  17: call bpf_get_current_comm#16
  18: *(u64 *)(r7 +24) = 7627107
  19: r1 = *(u8 *)(r7 +8)
  20: r2 = *(u8 *)(r7 +24)
  21: if r1 != r2 goto pc+15
  22: if r1 == 0x0 goto pc+12
  23: r1 = *(u8 *)(r7 +9)
  24: r2 = *(u8 *)(r7 +25)
  25: if r1 != r2 goto pc+11
  26: if r1 == 0x0 goto pc+8
  27: r1 = *(u8 *)(r7 +10)
  28: r2 = *(u8 *)(r7 +26)
  29: if r1 != r2 goto pc+7
  30: if r1 == 0x0 goto pc+4
  31: r1 = *(u8 *)(r7 +11)
  32: r2 = *(u8 *)(r7 +27)
  33: if r1 != r2 goto pc+3
  34: if r1 == 0x0 goto pc+0
  35: r0 = 0
  36: goto pc+2
  37: r0 = r1
  38: r0 -= r2
  39: if r0 == 0x0 goto pc+2
  40: r0 = 0
  41: goto pc+1
  42: r0 = 1
  43: if r0 == 0x0 goto pc+92
  44: r1 = 0x2064656e65706f ll
  46: *(u64 *)(r7 +8) = r1
  47: *(u64 *)(r7 +16) = 0
  48: r4 = *(u64 *)(r7 +0)
  49: r3 = r4
  50: r3 += 32
  51: r1 = r7
  52: r1 += 16
  53: r2 = 4
  54: call bpf_probe_read_kernel#113
  55: r3 = *(u32 *)(r7 +16)
  56: r3 &= 65535
  57: r4 = *(u64 *)(r7 +0)
  58: r3 += r4
  59: r1 = r7
  60: r1 += 16
  61: r2 = 128
  62: call bpf_probe_read_kernel_str#115
  63: r1 = r7
  64: r1 += 144
  65: r2 = 128
  66: r3 = r7
  67: r3 += 8
  68: call bpf_probe_read_kernel_str#115
  69: if r0 s> 0x0 goto pc+1
  70: r0 = 1
  71: r0 -= 1
  72: if r0 <= 0x7f goto pc+1
  73: r0 = 127
  74: r1 = r7
  75: r1 += 144
  76: r1 += r0
  77: r2 = 128
  78: r3 = r7
  79: r3 += 16
  80: call bpf_probe_read_kernel_str#115
  81: *(u8 *)(r7 +271) = 0
  82: r1 = r7
  83: r1 += 400
  84: r2 = 128
  85: r3 = r7
  86: r3 += 144
  87: call bpf_probe_read_kernel_str#115
  88: *(u64 *)(r7 +528) = 0
  89: call bpf_get_current_pid_tgid#14
  90: r0 >>= 32
  91: *(u64 *)(r7 +528) = r0
  92: r1 = map[g0_names]
  94: r2 = r7
  95: r2 += 528
  96: r3 = r7
  97: r3 += 400
  98: r4 = 0
  99: call bpf_map_update_elem#2
 100: if r0 s>= 0x0 goto pc+17
 101: r1 = map_value[rstap_conf] + 0
 103: *(u64 *)(r1 +16) = 2
 104: *(u64 *)(r7 +536) = 0
 105: r1 = map[rstap_output]
 107: r2 = r7
 108: r2 += 536
 109: r3 = 8
 110: r4 = 2
 111: call bpf_ringbuf_output#130
 112: if r0 == 0x0 goto pc+4
 113: r1 = map_value[rstap_stats] + 0
 115: r2 = 1
 116: lock *(u64 *)(r1 +0) += r2
 117: goto pc+18
 118: *(u64 *)(r7 +672) = 0
 119: call bpf_get_current_pid_tgid#14
 120: r0 >>= 32
 121: *(u64 *)(r7 +672) = r0
 122: r1 = map[g0_names]
 124: r2 = r7
 125: r2 += 672
 126: call bpf_map_lookup_elem#1
 127: if r0 == 0x0 goto pc+6
 128: r3 = r0
 129: r1 = r7
 130: r1 += 544
 131: r2 = 128
 132: call bpf_probe_read_kernel_str#115
 133: goto pc+1
 134: *(u64 *)(r7 +544) = 0
 135: goto pc+0
 136: r0 = 0
 137: exit

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x1 goto pc+195
   3: r1 = map_value[rstap_conf] + 0
   5: r1 = *(u64 *)(r1 +16)
   6: if r1 != 0x0 goto pc+191
   7: *(u32 *)(r10 -4) = 0
   8: r2 = r10
   9: r2 += -4
  10: r1 = map[rstap_scratch]
  12: call bpf_map_lookup_elem#1
  13: if r0 == 0x0 goto pc+184
  14: r7 = r0
  15: *(u64 *)(r7 +0) = r6
  16: *(u64 *)(r7 +8) = 0
  17: r1 = r7
  18: r1 += 136
  19: r2 = 16
  20: call bpf_get_current_comm#16
  21: *(u64 *)(r7 +160) = 0
  22: r4 = *(u64 *)(r6 +0)
  23: r3 = r4
  24: r3 += 112
  25: r1 = r7
  26: r1 += 160
  27: r2 = 8
  28: call bpf_probe_read_kernel#113
  29: r0 = *(u64 *)(r7 +160)
  30: *(u64 *)(r7 +152) = r0
  31: *(u64 *)(r7 +176) = 0
  32: r4 = *(u64 *)(r6 +0)
  33: r3 = r4
  34: r3 += 96
  35: r1 = r7
  36: r1 += 176
  37: r2 = 8
  38: call bpf_probe_read_kernel#113
  39: r0 = *(u64 *)(r7 +176)
  40: *(u64 *)(r7 +168) = r0
  41: *(u64 *)(r7 +184) = 25185
  42: r1 = r7
  43: r1 += 136
  44: *(u64 *)(r7 +192) = r1
  45: r1 = *(u64 *)(r7 +152)
  46: *(u64 *)(r7 +200) = r1
  47: r1 = *(u64 *)(r7 +168)
  48: *(u64 *)(r7 +208) = r1
  49: r1 = r7
  50: r1 += 184
  51: *(u64 *)(r7 +216) = r1
  52: r1 = r7
  53: r1 += 224
  54: r2 = 128
  55: r3 = map_value[rstap_rodata] + 0
  57: r4 = r7
  58: r4 += 192
  59: r5 = 32
  60: call bpf_snprintf#165
  61: if r0 s>= 0x0 goto pc+1
  62: *(u8 *)(r7 +224) = 0
  63: r1 = r7
  64: r1 += 8
  65: r2 = 128
  66: r3 = r7
  67: r3 += 224
  68: call bpf_probe_read_kernel_str#115
  69: r0 = 1
  70: *(u64 *)(r7 +136) = r0
  71: *(u64 *)(r7 +144) = 120
  72: r1 = *(u64 *)(r7 +136)
  73: *(u64 *)(r7 +152) = r1
  74: r1 = r7
  75: r1 += 144
  76: *(u64 *)(r7 +160) = r1
  77: r1 = r7
  78: r1 += 168
  79: r2 = 128
  80: r3 = map_value[rstap_rodata] + 22
  82: r4 = r7
  83: r4 += 152
  84: r5 = 16
  85: call bpf_snprintf#165
  86: if r0 s>= 0x0 goto pc+1
  87: *(u8 *)(r7 +168) = 0
  88: r1 = r7
  89: r1 += 296
  90: r2 = 128
  91: r3 = r7
  92: r3 += 8
  93: call bpf_probe_read_kernel_str#115
  94: if r0 s> 0x0 goto pc+1
  95: r0 = 1
  96: r0 -= 1
  97: if r0 <= 0x7f goto pc+1
  98: r0 = 127
  99: r1 = r7
 100: r1 += 296
 101: r1 += r0
 102: r2 = 128
 103: r3 = r7
 104: r3 += 168
 105: call bpf_probe_read_kernel_str#115
 106: *(u8 *)(r7 +423) = 0
 107: r0 = 2
 108: *(u64 *)(r7 +552) = r0
 109: *(u64 *)(r7 +560) = 121
 110: r1 = *(u64 *)(r7 +552)
 111: *(u64 *)(r7 +568) = r1
 112: r1 = r7
 113: r1 += 560
 114: *(u64 *)(r7 +576) = r1
 115: r1 = r7
 116: r1 += 584
 117: r2 = 128
 118: r3 = map_value[rstap_rodata] + 29
 120: r4 = r7
 121: r4 += 568
 122: r5 = 16
 123: call bpf_snprintf#165
 124: if r0 s>= 0x0 goto pc+1
 125: *(u8 *)(r7 +584) = 0
 126: r1 = r7
 127: r1 += 712
 128: r2 = 128
 129: r3 = r7
 130: r3 += 296
 131: call bpf_probe_read_kernel_str#115
 132: if r0 s> 0x0 goto pc+1
 133: r0 = 1
 134: r0 -= 1
 135: if r0 <= 0x7f goto pc+1
 136: r0 = 127
 137: r1 = r7
 138: r1 += 712
 139: r1 += r0
 140: r2 = 128
 141: r3 = r7
 142: r3 += 584
 143: call bpf_probe_read_kernel_str#115
 144: *(u8 *)(r7 +839) = 0
 145: r1 = r7
 146: r1 += 968
 147: r2 = 128
 148: r3 = r7
 149: r3 += 712
 150: call bpf_probe_read_kernel_str#115
 151: *(u64 *)(r7 +1096) = 0
 152: call bpf_get_current_pid_tgid#14
 153: r0 >>= 32
 154: *(u64 *)(r7 +1096) = r0
 155: r1 = map[g0_names]
 157: r2 = r7
 158: r2 += 1096
 159: r3 = r7
 160: r3 += 968
 161: r4 = 0
 162: call bpf_map_update_elem#2
 163: if r0 s>= 0x0 goto pc+17
 164: r1 = map_value[rstap_conf] + 0
 166: *(u64 *)(r1 +16) = 2
 167: *(u64 *)(r7 +1104) = 1
 168: r1 = map[rstap_output]
 170: r2 = r7
 171: r2 += 1104
 172: r3 = 8
 173: r4 = 2
 174: call bpf_ringbuf_output#130
 175: if r0 == 0x0 goto pc+4
 176: r1 = map_value[rstap_stats] + 0
 178: r2 = 1
 179: lock *(u64 *)(r1 +0) += r2
 180: goto pc+17
 181: *(u64 *)(r7 +1240) = 0
 182: call bpf_get_current_pid_tgid#14
 183: r0 >>= 32
 184: *(u64 *)(r7 +1240) = r0
 185: r1 = map[g0_names]
 187: r2 = r7
 188: r2 += 1240
 189: call bpf_map_lookup_elem#1
 190: if r0 == 0x0 goto pc+6
 191: r3 = r0
 192: r1 = r7
 193: r1 += 1112
 194: r2 = 128
 195: call bpf_probe_read_kernel_str#115
 196: goto pc+1
 197: *(u64 *)(r7 +1112) = 0
 198: r0 = 0
 199: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
