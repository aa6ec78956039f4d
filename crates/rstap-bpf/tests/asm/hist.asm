map rstap_scratch: PercpuArray key 4 value 160 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 24 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_lat: PercpuArray key 4 value 1072 entries 1
map g1_t: Hash key 8 value 8 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x6e goto pc+47
   3: r1 = map_value[rstap_conf] + 0
   5: r1 = *(u64 *)(r1 +16)
   6: if r1 != 0x0 goto pc+43
   7: *(u32 *)(r10 -4) = 0
   8: r2 = r10
   9: r2 += -4
  10: r1 = map[rstap_scratch]
  12: call bpf_map_lookup_elem#1
  13: if r0 == 0x0 goto pc+36
  14: r7 = r0
  15: *(u64 *)(r7 +0) = r6
  16: call bpf_ktime_get_ns#5
  17: *(u64 *)(r7 +8) = r0
  18: *(u64 *)(r7 +16) = 0
  19: call bpf_get_current_pid_tgid#14
  20: r0 <<= 32
  21: r0 >>= 32
  22: *(u64 *)(r7 +16) = r0
  23: r1 = map[g1_t]
  25: r2 = r7
  26: r2 += 16
  27: r3 = r7
  28: r3 += 8
  29: r4 = 0
  30: call bpf_map_update_elem#2
  31: if r0 s>= 0x0 goto pc+17
  32: r1 = map_value[rstap_conf] + 0
  34: *(u64 *)(r1 +16) = 2
  35: *(u64 *)(r7 +24) = 0
  36: r1 = map[rstap_output]
  38: r2 = r7
  39: r2 += 24
  40: r3 = 8
  41: r4 = 2
  42: call bpf_ringbuf_output#130
  43: if r0 == 0x0 goto pc+4
  44: r1 = map_value[rstap_stats] + 0
  46: r2 = 1
  47: lock *(u64 *)(r1 +0) += r2
  48: goto pc+1
  49: r0 = *(u64 *)(r7 +8)
  50: r0 = 0
  51: exit

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x1 goto pc+157
   3: r1 = map_value[rstap_conf] + 0
   5: r1 = *(u64 *)(r1 +16)
   6: if r1 != 0x0 goto pc+153
   7: *(u32 *)(r10 -4) = 0
   8: r2 = r10
   9: r2 += -4
  10: r1 = map[rstap_scratch]
  12: call bpf_map_lookup_elem#1
  13: if r0 == 0x0 goto pc+146
  14: r7 = r0
  15: *(u64 *)(r7 +0) = r6
  16: *(u64 *)(r7 +8) = 0
  17: call bpf_get_current_pid_tgid#14
  18: r0 <<= 32
  19: r0 >>= 32
  20: *(u64 *)(r7 +8) = r0
  21: r1 = map[g1_t]
  23: r2 = r7
  24: r2 += 8
  25: call bpf_map_lookup_elem#1
  26: if r0 != 0x0 goto pc+2
  27: r0 = 0
  28: goto pc+1
  29: r0 = 1
  30: if r0 == 0x0 goto pc+129
  31: call bpf_ktime_get_ns#5
  32: *(u64 *)(r7 +16) = r0
  33: *(u64 *)(r7 +24) = 0
  34: call bpf_get_current_pid_tgid#14
  35: r0 <<= 32
  36: r0 >>= 32
  37: *(u64 *)(r7 +24) = r0
  38: r1 = map[g1_t]
  40: r2 = r7
  41: r2 += 24
  42: call bpf_map_lookup_elem#1
  43: if r0 == 0x0 goto pc+2
  44: r0 = *(u64 *)(r0 +0)
  45: goto pc+1
  46: r0 = 0
  47: r1 = r0
  48: r0 = *(u64 *)(r7 +16)
  49: r0 -= r1
  50: *(u64 *)(r7 +8) = r0
  51: *(u32 *)(r7 +32) = 0
  52: r1 = map[g0_lat]
  54: r2 = r7
  55: r2 += 32
  56: call bpf_map_lookup_elem#1
  57: if r0 != 0x0 goto pc+1
  58: goto pc+101
  59: r9 = r0
  60: r1 = *(u64 *)(r7 +8)
  61: r2 = *(u64 *)(r9 +0)
  62: if r2 != 0x0 goto pc+9
  63: *(u64 *)(r9 +0) = 1
  64: *(u64 *)(r9 +8) = r1
  65: *(u64 *)(r9 +16) = r1
  66: *(u64 *)(r9 +24) = r1
  67: r3 = r1
  68: r3 <<= 0
  69: *(u64 *)(r9 +32) = r3
  70: *(u64 *)(r9 +40) = 0
  71: goto pc+25
  72: r2 += 1
  73: *(u64 *)(r9 +0) = r2
  74: r3 = *(u64 *)(r9 +8)
  75: r3 += r1
  76: *(u64 *)(r9 +8) = r3
  77: r3 = *(u64 *)(r9 +16)
  78: if r1 s>= r3 goto pc+1
  79: *(u64 *)(r9 +16) = r1
  80: r3 = *(u64 *)(r9 +24)
  81: if r1 s<= r3 goto pc+1
  82: *(u64 *)(r9 +24) = r1
  83: r3 = r1
  84: r3 <<= 0
  85: r4 = *(u64 *)(r9 +32)
  86: r5 = r3
  87: r5 -= r4
  88: r0 = r5
  89: r0 s/= r2
  90: r4 += r0
  91: *(u64 *)(r9 +32) = r4
  92: r3 -= r4
  93: r5 *= r3
  94: r4 = *(u64 *)(r9 +40)
  95: r4 += r5
  96: *(u64 *)(r9 +40) = r4
  97: r1 = *(u64 *)(r7 +8)
  98: r2 = 64
  99: if r1 == 0x0 goto pc+40
 100: r3 = r1
 101: if r3 s> 0x0 goto pc+1
 102: r3 = -r3
 103: r4 = 0
 104: r5 = r3
 105: r5 >>= 32
 106: if r5 == 0x0 goto pc+2
 107: r3 = r5
 108: r4 += 32
 109: r5 = r3
 110: r5 >>= 16
 111: if r5 == 0x0 goto pc+2
 112: r3 = r5
 113: r4 += 16
 114: r5 = r3
 115: r5 >>= 8
 116: if r5 == 0x0 goto pc+2
 117: r3 = r5
 118: r4 += 8
 119: r5 = r3
 120: r5 >>= 4
 121: if r5 == 0x0 goto pc+2
 122: r3 = r5
 123: r4 += 4
 124: r5 = r3
 125: r5 >>= 2
 126: if r5 == 0x0 goto pc+2
 127: r3 = r5
 128: r4 += 2
 129: r5 = r3
 130: r5 >>= 1
 131: if r5 == 0x0 goto pc+2
 132: r3 = r5
 133: r4 += 1
 134: if r3 == 0x0 goto pc+1
 135: r4 += 1
 136: if r1 s< 0x0 goto pc+2
 137: r2 += r4
 138: goto pc+1
 139: r2 -= r4
 140: if r2 <= 0xfff goto pc+1
 141: r2 = 0
 142: r2 <<= 3
 143: r3 = r9
 144: r3 += r2
 145: r4 = *(u64 *)(r3 +48)
 146: r4 += 1
 147: *(u64 *)(r3 +48) = r4
 148: r0 = *(u64 *)(r7 +8)
 149: *(u64 *)(r7 +8) = 0
 150: call bpf_get_current_pid_tgid#14
 151: r0 <<= 32
 152: r0 >>= 32
 153: *(u64 *)(r7 +8) = r0
 154: r1 = map[g1_t]
 156: r2 = r7
 157: r2 += 8
 158: call bpf_map_delete_elem#3
 159: goto pc+0
 160: r0 = 0
 161: exit

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x6e goto pc+437
   3: r1 = map_value[rstap_conf] + 0
   5: r1 = *(u64 *)(r1 +16)
   6: if r1 != 0x0 goto pc+433
   7: *(u32 *)(r10 -4) = 0
   8: r2 = r10
   9: r2 += -4
  10: r1 = map[rstap_scratch]
  12: call bpf_map_lookup_elem#1
  13: if r0 == 0x0 goto pc+426
  14: r7 = r0
  15: *(u64 *)(r7 +0) = r6
  16: *(u32 *)(r7 +8) = 0
  17: *(u64 *)(r7 +16) = 0
  18: *(u64 *)(r7 +24) = 0
  19: *(u64 *)(r7 +32) = 0
  20: *(u64 *)(r7 +40) = 0
  21: r1 = map[g0_lat]
  23: r2 = r7
  24: r2 += 8
  25: r3 = 0
  26: call bpf_map_lookup_percpu_elem#195
  27: if r0 == 0x0 goto pc+22
  28: r1 = *(u64 *)(r0 +0)
  29: if r1 == 0x0 goto pc+20
  30: r2 = *(u64 *)(r7 +16)
  31: r3 = r2
  32: r3 += r1
  33: *(u64 *)(r7 +16) = r3
  34: r3 = *(u64 *)(r0 +8)
  35: r4 = *(u64 *)(r7 +24)
  36: r4 += r3
  37: *(u64 *)(r7 +24) = r4
  38: r3 = *(u64 *)(r0 +16)
  39: r4 = *(u64 *)(r0 +24)
  40: if r2 == 0x0 goto pc+7
  41: r5 = *(u64 *)(r7 +32)
  42: if r3 s>= r5 goto pc+1
  43: *(u64 *)(r7 +32) = r3
  44: r5 = *(u64 *)(r7 +40)
  45: if r4 s<= r5 goto pc+4
  46: *(u64 *)(r7 +40) = r4
  47: goto pc+2
  48: *(u64 *)(r7 +32) = r3
  49: *(u64 *)(r7 +40) = r4
  50: r1 = map[g0_lat]
  52: r2 = r7
  53: r2 += 8
  54: r3 = 1
  55: call bpf_map_lookup_percpu_elem#195
  56: if r0 == 0x0 goto pc+22
  57: r1 = *(u64 *)(r0 +0)
  58: if r1 == 0x0 goto pc+20
  59: r2 = *(u64 *)(r7 +16)
  60: r3 = r2
  61: r3 += r1
  62: *(u64 *)(r7 +16) = r3
  63: r3 = *(u64 *)(r0 +8)
  64: r4 = *(u64 *)(r7 +24)
  65: r4 += r3
  66: *(u64 *)(r7 +24) = r4
  67: r3 = *(u64 *)(r0 +16)
  68: r4 = *(u64 *)(r0 +24)
  69: if r2 == 0x0 goto pc+7
  70: r5 = *(u64 *)(r7 +32)
  71: if r3 s>= r5 goto pc+1
  72: *(u64 *)(r7 +32) = r3
  73: r5 = *(u64 *)(r7 +40)
  74: if r4 s<= r5 goto pc+4
  75: *(u64 *)(r7 +40) = r4
  76: goto pc+2
  77: *(u64 *)(r7 +32) = r3
  78: *(u64 *)(r7 +40) = r4
  79: r0 = *(u64 *)(r7 +16)
  80: *(u64 *)(r7 +48) = r0
  81: r0 = 10
  82: r1 = r0
  83: r0 = *(u64 *)(r7 +48)
  84: if r0 s> r1 goto pc+2
  85: r0 = 0
  86: goto pc+1
  87: r0 = 1
  88: if r0 == 0x0 goto pc+180
  89: *(u32 *)(r7 +56) = 0
  90: *(u64 *)(r7 +64) = 0
  91: *(u64 *)(r7 +72) = 0
  92: *(u64 *)(r7 +80) = 0
  93: *(u64 *)(r7 +88) = 0
  94: r1 = map[g0_lat]
  96: r2 = r7
  97: r2 += 56
  98: r3 = 0
  99: call bpf_map_lookup_percpu_elem#195
 100: if r0 == 0x0 goto pc+22
 101: r1 = *(u64 *)(r0 +0)
 102: if r1 == 0x0 goto pc+20
 103: r2 = *(u64 *)(r7 +64)
 104: r3 = r2
 105: r3 += r1
 106: *(u64 *)(r7 +64) = r3
 107: r3 = *(u64 *)(r0 +8)
 108: r4 = *(u64 *)(r7 +72)
 109: r4 += r3
 110: *(u64 *)(r7 +72) = r4
 111: r3 = *(u64 *)(r0 +16)
 112: r4 = *(u64 *)(r0 +24)
 113: if r2 == 0x0 goto pc+7
 114: r5 = *(u64 *)(r7 +80)
 115: if r3 s>= r5 goto pc+1
 116: *(u64 *)(r7 +80) = r3
 117: r5 = *(u64 *)(r7 +88)
 118: if r4 s<= r5 goto pc+4
 119: *(u64 *)(r7 +88) = r4
 120: goto pc+2
 121: *(u64 *)(r7 +80) = r3
 122: *(u64 *)(r7 +88) = r4
 123: r1 = map[g0_lat]
 125: r2 = r7
 126: r2 += 56
 127: r3 = 1
 128: call bpf_map_lookup_percpu_elem#195
 129: if r0 == 0x0 goto pc+22
 130: r1 = *(u64 *)(r0 +0)
 131: if r1 == 0x0 goto pc+20
 132: r2 = *(u64 *)(r7 +64)
 133: r3 = r2
 134: r3 += r1
 135: *(u64 *)(r7 +64) = r3
 136: r3 = *(u64 *)(r0 +8)
 137: r4 = *(u64 *)(r7 +72)
 138: r4 += r3
 139: *(u64 *)(r7 +72) = r4
 140: r3 = *(u64 *)(r0 +16)
 141: r4 = *(u64 *)(r0 +24)
 142: if r2 == 0x0 goto pc+7
 143: r5 = *(u64 *)(r7 +80)
 144: if r3 s>= r5 goto pc+1
 145: *(u64 *)(r7 +80) = r3
 146: r5 = *(u64 *)(r7 +88)
 147: if r4 s<= r5 goto pc+4
 148: *(u64 *)(r7 +88) = r4
 149: goto pc+2
 150: *(u64 *)(r7 +80) = r3
 151: *(u64 *)(r7 +88) = r4
 152: r0 = *(u64 *)(r7 +64)
 153: if r0 != 0x0 goto pc+17
 154: r1 = map_value[rstap_conf] + 0
 156: *(u64 *)(r1 +16) = 2
 157: *(u64 *)(r7 +96) = 1
 158: r1 = map[rstap_output]
 160: r2 = r7
 161: r2 += 96
 162: r3 = 8
 163: r4 = 2
 164: call bpf_ringbuf_output#130
 165: if r0 == 0x0 goto pc+4
 166: r1 = map_value[rstap_stats] + 0
 168: r2 = 1
 169: lock *(u64 *)(r1 +0) += r2
 170: goto pc+269
 171: r1 = *(u64 *)(r7 +64)
 172: r0 = *(u64 *)(r7 +72)
 173: r0 s/= r1
 174: *(u64 *)(r7 +104) = r0
 175: *(u32 *)(r7 +112) = 0
 176: *(u64 *)(r7 +120) = 0
 177: *(u64 *)(r7 +128) = 0
 178: *(u64 *)(r7 +136) = 0
 179: *(u64 *)(r7 +144) = 0
 180: r1 = map[g0_lat]
 182: r2 = r7
 183: r2 += 112
 184: r3 = 0
 185: call bpf_map_lookup_percpu_elem#195
 186: if r0 == 0x0 goto pc+22
 187: r1 = *(u64 *)(r0 +0)
 188: if r1 == 0x0 goto pc+20
 189: r2 = *(u64 *)(r7 +120)
 190: r3 = r2
 191: r3 += r1
 192: *(u64 *)(r7 +120) = r3
 193: r3 = *(u64 *)(r0 +8)
 194: r4 = *(u64 *)(r7 +128)
 195: r4 += r3
 196: *(u64 *)(r7 +128) = r4
 197: r3 = *(u64 *)(r0 +16)
 198: r4 = *(u64 *)(r0 +24)
 199: if r2 == 0x0 goto pc+7
 200: r5 = *(u64 *)(r7 +136)
 201: if r3 s>= r5 goto pc+1
 202: *(u64 *)(r7 +136) = r3
 203: r5 = *(u64 *)(r7 +144)
 204: if r4 s<= r5 goto pc+4
 205: *(u64 *)(r7 +144) = r4
 206: goto pc+2
 207: *(u64 *)(r7 +136) = r3
 208: *(u64 *)(r7 +144) = r4
 209: r1 = map[g0_lat]
 211: r2 = r7
 212: r2 += 112
 213: r3 = 1
 214: call bpf_map_lookup_percpu_elem#195
 215: if r0 == 0x0 goto pc+22
 216: r1 = *(u64 *)(r0 +0)
 217: if r1 == 0x0 goto pc+20
 218: r2 = *(u64 *)(r7 +120)
 219: r3 = r2
 220: r3 += r1
 221: *(u64 *)(r7 +120) = r3
 222: r3 = *(u64 *)(r0 +8)
 223: r4 = *(u64 *)(r7 +128)
 224: r4 += r3
 225: *(u64 *)(r7 +128) = r4
 226: r3 = *(u64 *)(r0 +16)
 227: r4 = *(u64 *)(r0 +24)
 228: if r2 == 0x0 goto pc+7
 229: r5 = *(u64 *)(r7 +136)
 230: if r3 s>= r5 goto pc+1
 231: *(u64 *)(r7 +136) = r3
 232: r5 = *(u64 *)(r7 +144)
 233: if r4 s<= r5 goto pc+4
 234: *(u64 *)(r7 +144) = r4
 235: goto pc+2
 236: *(u64 *)(r7 +136) = r3
 237: *(u64 *)(r7 +144) = r4
 238: r0 = *(u64 *)(r7 +120)
 239: if r0 != 0x0 goto pc+17
 240: r1 = map_value[rstap_conf] + 0
 242: *(u64 *)(r1 +16) = 2
 243: *(u64 *)(r7 +152) = 2
 244: r1 = map[rstap_output]
 246: r2 = r7
 247: r2 += 152
 248: r3 = 8
 249: r4 = 2
 250: call bpf_ringbuf_output#130
 251: if r0 == 0x0 goto pc+4
 252: r1 = map_value[rstap_stats] + 0
 254: r2 = 1
 255: lock *(u64 *)(r1 +0) += r2
 256: goto pc+183
 257: r0 = *(u64 *)(r7 +136)
 258: r1 = r0
 259: r0 = *(u64 *)(r7 +104)
 260: if r0 s> r1 goto pc+2
 261: r0 = 0
 262: goto pc+1
 263: r0 = 1
 264: if r0 != 0x0 goto pc+2
 265: r0 = 0
 266: goto pc+1
 267: r0 = 1
 268: goto pc+1
 269: r0 = 0
 270: if r0 == 0x0 goto pc+169
 271: *(u32 *)(r7 +16) = 0
 272: *(u64 *)(r7 +24) = 0
 273: *(u64 *)(r7 +32) = 0
 274: *(u64 *)(r7 +40) = 0
 275: *(u64 *)(r7 +48) = 0
 276: r1 = map[g0_lat]
 278: r2 = r7
 279: r2 += 16
 280: r3 = 0
 281: call bpf_map_lookup_percpu_elem#195
 282: if r0 == 0x0 goto pc+22
 283: r1 = *(u64 *)(r0 +0)
 284: if r1 == 0x0 goto pc+20
 285: r2 = *(u64 *)(r7 +24)
 286: r3 = r2
 287: r3 += r1
 288: *(u64 *)(r7 +24) = r3
 289: r3 = *(u64 *)(r0 +8)
 290: r4 = *(u64 *)(r7 +32)
 291: r4 += r3
 292: *(u64 *)(r7 +32) = r4
 293: r3 = *(u64 *)(r0 +16)
 294: r4 = *(u64 *)(r0 +24)
 295: if r2 == 0x0 goto pc+7
 296: r5 = *(u64 *)(r7 +40)
 297: if r3 s>= r5 goto pc+1
 298: *(u64 *)(r7 +40) = r3
 299: r5 = *(u64 *)(r7 +48)
 300: if r4 s<= r5 goto pc+4
 301: *(u64 *)(r7 +48) = r4
 302: goto pc+2
 303: *(u64 *)(r7 +40) = r3
 304: *(u64 *)(r7 +48) = r4
 305: r1 = map[g0_lat]
 307: r2 = r7
 308: r2 += 16
 309: r3 = 1
 310: call bpf_map_lookup_percpu_elem#195
 311: if r0 == 0x0 goto pc+22
 312: r1 = *(u64 *)(r0 +0)
 313: if r1 == 0x0 goto pc+20
 314: r2 = *(u64 *)(r7 +24)
 315: r3 = r2
 316: r3 += r1
 317: *(u64 *)(r7 +24) = r3
 318: r3 = *(u64 *)(r0 +8)
 319: r4 = *(u64 *)(r7 +32)
 320: r4 += r3
 321: *(u64 *)(r7 +32) = r4
 322: r3 = *(u64 *)(r0 +16)
 323: r4 = *(u64 *)(r0 +24)
 324: if r2 == 0x0 goto pc+7
 325: r5 = *(u64 *)(r7 +40)
 326: if r3 s>= r5 goto pc+1
 327: *(u64 *)(r7 +40) = r3
 328: r5 = *(u64 *)(r7 +48)
 329: if r4 s<= r5 goto pc+4
 330: *(u64 *)(r7 +48) = r4
 331: goto pc+2
 332: *(u64 *)(r7 +40) = r3
 333: *(u64 *)(r7 +48) = r4
 334: r0 = *(u64 *)(r7 +24)
 335: r0 = *(u64 *)(r7 +32)
 336: *(u64 *)(r7 +8) = r0
 337: *(u32 *)(r7 +64) = 0
 338: *(u64 *)(r7 +72) = 0
 339: *(u64 *)(r7 +80) = 0
 340: *(u64 *)(r7 +88) = 0
 341: *(u64 *)(r7 +96) = 0
 342: r1 = map[g0_lat]
 344: r2 = r7
 345: r2 += 64
 346: r3 = 0
 347: call bpf_map_lookup_percpu_elem#195
 348: if r0 == 0x0 goto pc+22
 349: r1 = *(u64 *)(r0 +0)
 350: if r1 == 0x0 goto pc+20
 351: r2 = *(u64 *)(r7 +72)
 352: r3 = r2
 353: r3 += r1
 354: *(u64 *)(r7 +72) = r3
 355: r3 = *(u64 *)(r0 +8)
 356: r4 = *(u64 *)(r7 +80)
 357: r4 += r3
 358: *(u64 *)(r7 +80) = r4
 359: r3 = *(u64 *)(r0 +16)
 360: r4 = *(u64 *)(r0 +24)
 361: if r2 == 0x0 goto pc+7
 362: r5 = *(u64 *)(r7 +88)
 363: if r3 s>= r5 goto pc+1
 364: *(u64 *)(r7 +88) = r3
 365: r5 = *(u64 *)(r7 +96)
 366: if r4 s<= r5 goto pc+4
 367: *(u64 *)(r7 +96) = r4
 368: goto pc+2
 369: *(u64 *)(r7 +88) = r3
 370: *(u64 *)(r7 +96) = r4
 371: r1 = map[g0_lat]
 373: r2 = r7
 374: r2 += 64
 375: r3 = 1
 376: call bpf_map_lookup_percpu_elem#195
 377: if r0 == 0x0 goto pc+22
 378: r1 = *(u64 *)(r0 +0)
 379: if r1 == 0x0 goto pc+20
 380: r2 = *(u64 *)(r7 +72)
 381: r3 = r2
 382: r3 += r1
 383: *(u64 *)(r7 +72) = r3
 384: r3 = *(u64 *)(r0 +8)
 385: r4 = *(u64 *)(r7 +80)
 386: r4 += r3
 387: *(u64 *)(r7 +80) = r4
 388: r3 = *(u64 *)(r0 +16)
 389: r4 = *(u64 *)(r0 +24)
 390: if r2 == 0x0 goto pc+7
 391: r5 = *(u64 *)(r7 +88)
 392: if r3 s>= r5 goto pc+1
 393: *(u64 *)(r7 +88) = r3
 394: r5 = *(u64 *)(r7 +96)
 395: if r4 s<= r5 goto pc+4
 396: *(u64 *)(r7 +96) = r4
 397: goto pc+2
 398: *(u64 *)(r7 +88) = r3
 399: *(u64 *)(r7 +96) = r4
 400: r0 = *(u64 *)(r7 +72)
 401: if r0 != 0x0 goto pc+17
 402: r1 = map_value[rstap_conf] + 0
 404: *(u64 *)(r1 +16) = 2
 405: *(u64 *)(r7 +104) = 3
 406: r1 = map[rstap_output]
 408: r2 = r7
 409: r2 += 104
 410: r3 = 8
 411: r4 = 2
 412: call bpf_ringbuf_output#130
 413: if r0 == 0x0 goto pc+4
 414: r1 = map_value[rstap_stats] + 0
 416: r2 = 1
 417: lock *(u64 *)(r1 +0) += r2
 418: goto pc+21
 419: r0 = *(u64 *)(r7 +96)
 420: *(u64 *)(r7 +56) = r0
 421: *(u64 *)(r7 +112) = 4
 422: r1 = *(u64 *)(r7 +8)
 423: *(u64 *)(r7 +120) = r1
 424: r1 = *(u64 *)(r7 +56)
 425: *(u64 *)(r7 +128) = r1
 426: r1 = map[rstap_output]
 428: r2 = r7
 429: r2 += 112
 430: r3 = 24
 431: r4 = 1
 432: call bpf_ringbuf_output#130
 433: if r0 == 0x0 goto pc+4
 434: r1 = map_value[rstap_stats] + 0
 436: r2 = 1
 437: lock *(u64 *)(r1 +0) += r2
 438: r0 = 0
 439: goto pc+0
 440: r0 = 0
 441: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0006"), message: "empty aggregate" } args [] size 8
site 2: Error { code: Code("R0006"), message: "empty aggregate" } args [] size 8
site 3: Error { code: Code("R0006"), message: "empty aggregate" } args [] size 8
site 4: Printf { format: [37, 100, 32, 37, 100, 10] } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: Long, offset: 16, width: 8 }] size 24
