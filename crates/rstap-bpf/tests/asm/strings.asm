map rstap_scratch: PercpuArray key 4 value 1248 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_names: Hash key 8 value 128 entries 2048
map rstap_rodata: Array key 4 value 40 entries 1
map rstap_sc_e0: ProgArray key 4 value 4 entries 512

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

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, TailCall { map: 6, key: 1 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+191
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+184
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 0
  15: r1 = r7
  16: r1 += 136
  17: r2 = 16
  18: call bpf_get_current_comm#16
  19: *(u64 *)(r7 +160) = 0
  20: r4 = *(u64 *)(r6 +0)
  21: r3 = r4
  22: r3 += 112
  23: r1 = r7
  24: r1 += 160
  25: r2 = 8
  26: call bpf_probe_read_kernel#113
  27: r0 = *(u64 *)(r7 +160)
  28: *(u64 *)(r7 +152) = r0
  29: *(u64 *)(r7 +176) = 0
  30: r4 = *(u64 *)(r6 +0)
  31: r3 = r4
  32: r3 += 96
  33: r1 = r7
  34: r1 += 176
  35: r2 = 8
  36: call bpf_probe_read_kernel#113
  37: r0 = *(u64 *)(r7 +176)
  38: *(u64 *)(r7 +168) = r0
  39: *(u64 *)(r7 +184) = 25185
  40: r1 = r7
  41: r1 += 136
  42: *(u64 *)(r7 +192) = r1
  43: r1 = *(u64 *)(r7 +152)
  44: *(u64 *)(r7 +200) = r1
  45: r1 = *(u64 *)(r7 +168)
  46: *(u64 *)(r7 +208) = r1
  47: r1 = r7
  48: r1 += 184
  49: *(u64 *)(r7 +216) = r1
  50: r1 = r7
  51: r1 += 224
  52: r2 = 128
  53: r3 = map_value[rstap_rodata] + 0
  55: r4 = r7
  56: r4 += 192
  57: r5 = 32
  58: call bpf_snprintf#165
  59: if r0 s>= 0x0 goto pc+1
  60: *(u8 *)(r7 +224) = 0
  61: r1 = r7
  62: r1 += 8
  63: r2 = 128
  64: r3 = r7
  65: r3 += 224
  66: call bpf_probe_read_kernel_str#115
  67: r0 = 1
  68: *(u64 *)(r7 +136) = r0
  69: *(u64 *)(r7 +144) = 120
  70: r1 = *(u64 *)(r7 +136)
  71: *(u64 *)(r7 +152) = r1
  72: r1 = r7
  73: r1 += 144
  74: *(u64 *)(r7 +160) = r1
  75: r1 = r7
  76: r1 += 168
  77: r2 = 128
  78: r3 = map_value[rstap_rodata] + 22
  80: r4 = r7
  81: r4 += 152
  82: r5 = 16
  83: call bpf_snprintf#165
  84: if r0 s>= 0x0 goto pc+1
  85: *(u8 *)(r7 +168) = 0
  86: r1 = r7
  87: r1 += 296
  88: r2 = 128
  89: r3 = r7
  90: r3 += 8
  91: call bpf_probe_read_kernel_str#115
  92: if r0 s> 0x0 goto pc+1
  93: r0 = 1
  94: r0 -= 1
  95: if r0 <= 0x7f goto pc+1
  96: r0 = 127
  97: r1 = r7
  98: r1 += 296
  99: r1 += r0
 100: r2 = 128
 101: r3 = r7
 102: r3 += 168
 103: call bpf_probe_read_kernel_str#115
 104: *(u8 *)(r7 +423) = 0
 105: r0 = 2
 106: *(u64 *)(r7 +552) = r0
 107: *(u64 *)(r7 +560) = 121
 108: r1 = *(u64 *)(r7 +552)
 109: *(u64 *)(r7 +568) = r1
 110: r1 = r7
 111: r1 += 560
 112: *(u64 *)(r7 +576) = r1
 113: r1 = r7
 114: r1 += 584
 115: r2 = 128
 116: r3 = map_value[rstap_rodata] + 29
 118: r4 = r7
 119: r4 += 568
 120: r5 = 16
 121: call bpf_snprintf#165
 122: if r0 s>= 0x0 goto pc+1
 123: *(u8 *)(r7 +584) = 0
 124: r1 = r7
 125: r1 += 712
 126: r2 = 128
 127: r3 = r7
 128: r3 += 296
 129: call bpf_probe_read_kernel_str#115
 130: if r0 s> 0x0 goto pc+1
 131: r0 = 1
 132: r0 -= 1
 133: if r0 <= 0x7f goto pc+1
 134: r0 = 127
 135: r1 = r7
 136: r1 += 712
 137: r1 += r0
 138: r2 = 128
 139: r3 = r7
 140: r3 += 584
 141: call bpf_probe_read_kernel_str#115
 142: *(u8 *)(r7 +839) = 0
 143: r1 = r7
 144: r1 += 968
 145: r2 = 128
 146: r3 = r7
 147: r3 += 712
 148: call bpf_probe_read_kernel_str#115
 149: *(u64 *)(r7 +1096) = 0
 150: call bpf_get_current_pid_tgid#14
 151: r0 >>= 32
 152: *(u64 *)(r7 +1096) = r0
 153: r1 = map[g0_names]
 155: r2 = r7
 156: r2 += 1096
 157: r3 = r7
 158: r3 += 968
 159: r4 = 0
 160: call bpf_map_update_elem#2
 161: if r0 s>= 0x0 goto pc+17
 162: r1 = map_value[rstap_conf] + 0
 164: *(u64 *)(r1 +16) = 2
 165: *(u64 *)(r7 +1104) = 1
 166: r1 = map[rstap_output]
 168: r2 = r7
 169: r2 += 1104
 170: r3 = 8
 171: r4 = 2
 172: call bpf_ringbuf_output#130
 173: if r0 == 0x0 goto pc+4
 174: r1 = map_value[rstap_stats] + 0
 176: r2 = 1
 177: lock *(u64 *)(r1 +0) += r2
 178: goto pc+17
 179: *(u64 *)(r7 +1240) = 0
 180: call bpf_get_current_pid_tgid#14
 181: r0 >>= 32
 182: *(u64 *)(r7 +1240) = r0
 183: r1 = map[g0_names]
 185: r2 = r7
 186: r2 += 1240
 187: call bpf_map_lookup_elem#1
 188: if r0 == 0x0 goto pc+6
 189: r3 = r0
 190: r1 = r7
 191: r1 += 1112
 192: r2 = 128
 193: call bpf_probe_read_kernel_str#115
 194: goto pc+1
 195: *(u64 *)(r7 +1112) = 0
 196: r0 = 0
 197: exit

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
