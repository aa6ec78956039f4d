map rstap_scratch: PercpuArray key 4 value 160 entries 1
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

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x6e goto pc+424
   3: *(u32 *)(r10 -4) = 0
   4: r2 = r10
   5: r2 += -4
   6: r1 = map[rstap_scratch]
   8: call bpf_map_lookup_elem#1
   9: if r0 == 0x0 goto pc+417
  10: r7 = r0
  11: *(u64 *)(r7 +0) = r6
  12: *(u32 *)(r7 +8) = 0
  13: *(u64 *)(r7 +16) = 0
  14: *(u64 *)(r7 +24) = 0
  15: *(u64 *)(r7 +32) = 0
  16: *(u64 *)(r7 +40) = 0
  17: r1 = map[g0_lat]
  19: r2 = r7
  20: r2 += 8
  21: r3 = 0
  22: call bpf_map_lookup_percpu_elem#195
  23: if r0 == 0x0 goto pc+22
  24: r1 = *(u64 *)(r0 +0)
  25: if r1 == 0x0 goto pc+20
  26: r2 = *(u64 *)(r7 +16)
  27: r3 = r2
  28: r3 += r1
  29: *(u64 *)(r7 +16) = r3
  30: r3 = *(u64 *)(r0 +8)
  31: r4 = *(u64 *)(r7 +24)
  32: r4 += r3
  33: *(u64 *)(r7 +24) = r4
  34: r3 = *(u64 *)(r0 +16)
  35: r4 = *(u64 *)(r0 +24)
  36: if r2 == 0x0 goto pc+7
  37: r5 = *(u64 *)(r7 +32)
  38: if r3 s>= r5 goto pc+1
  39: *(u64 *)(r7 +32) = r3
  40: r5 = *(u64 *)(r7 +40)
  41: if r4 s<= r5 goto pc+4
  42: *(u64 *)(r7 +40) = r4
  43: goto pc+2
  44: *(u64 *)(r7 +32) = r3
  45: *(u64 *)(r7 +40) = r4
  46: r1 = map[g0_lat]
  48: r2 = r7
  49: r2 += 8
  50: r3 = 1
  51: call bpf_map_lookup_percpu_elem#195
  52: if r0 == 0x0 goto pc+22
  53: r1 = *(u64 *)(r0 +0)
  54: if r1 == 0x0 goto pc+20
  55: r2 = *(u64 *)(r7 +16)
  56: r3 = r2
  57: r3 += r1
  58: *(u64 *)(r7 +16) = r3
  59: r3 = *(u64 *)(r0 +8)
  60: r4 = *(u64 *)(r7 +24)
  61: r4 += r3
  62: *(u64 *)(r7 +24) = r4
  63: r3 = *(u64 *)(r0 +16)
  64: r4 = *(u64 *)(r0 +24)
  65: if r2 == 0x0 goto pc+7
  66: r5 = *(u64 *)(r7 +32)
  67: if r3 s>= r5 goto pc+1
  68: *(u64 *)(r7 +32) = r3
  69: r5 = *(u64 *)(r7 +40)
  70: if r4 s<= r5 goto pc+4
  71: *(u64 *)(r7 +40) = r4
  72: goto pc+2
  73: *(u64 *)(r7 +32) = r3
  74: *(u64 *)(r7 +40) = r4
  75: r0 = *(u64 *)(r7 +16)
  76: *(u64 *)(r7 +48) = r0
  77: r0 = 10
  78: r1 = r0
  79: r0 = *(u64 *)(r7 +48)
  80: if r0 s> r1 goto pc+2
  81: r0 = 0
  82: goto pc+1
  83: r0 = 1
  84: if r0 == 0x0 goto pc+174
  85: *(u32 *)(r7 +56) = 0
  86: *(u64 *)(r7 +64) = 0
  87: *(u64 *)(r7 +72) = 0
  88: *(u64 *)(r7 +80) = 0
  89: *(u64 *)(r7 +88) = 0
  90: r1 = map[g0_lat]
  92: r2 = r7
  93: r2 += 56
  94: r3 = 0
  95: call bpf_map_lookup_percpu_elem#195
  96: if r0 == 0x0 goto pc+22
  97: r1 = *(u64 *)(r0 +0)
  98: if r1 == 0x0 goto pc+20
  99: r2 = *(u64 *)(r7 +64)
 100: r3 = r2
 101: r3 += r1
 102: *(u64 *)(r7 +64) = r3
 103: r3 = *(u64 *)(r0 +8)
 104: r4 = *(u64 *)(r7 +72)
 105: r4 += r3
 106: *(u64 *)(r7 +72) = r4
 107: r3 = *(u64 *)(r0 +16)
 108: r4 = *(u64 *)(r0 +24)
 109: if r2 == 0x0 goto pc+7
 110: r5 = *(u64 *)(r7 +80)
 111: if r3 s>= r5 goto pc+1
 112: *(u64 *)(r7 +80) = r3
 113: r5 = *(u64 *)(r7 +88)
 114: if r4 s<= r5 goto pc+4
 115: *(u64 *)(r7 +88) = r4
 116: goto pc+2
 117: *(u64 *)(r7 +80) = r3
 118: *(u64 *)(r7 +88) = r4
 119: r1 = map[g0_lat]
 121: r2 = r7
 122: r2 += 56
 123: r3 = 1
 124: call bpf_map_lookup_percpu_elem#195
 125: if r0 == 0x0 goto pc+22
 126: r1 = *(u64 *)(r0 +0)
 127: if r1 == 0x0 goto pc+20
 128: r2 = *(u64 *)(r7 +64)
 129: r3 = r2
 130: r3 += r1
 131: *(u64 *)(r7 +64) = r3
 132: r3 = *(u64 *)(r0 +8)
 133: r4 = *(u64 *)(r7 +72)
 134: r4 += r3
 135: *(u64 *)(r7 +72) = r4
 136: r3 = *(u64 *)(r0 +16)
 137: r4 = *(u64 *)(r0 +24)
 138: if r2 == 0x0 goto pc+7
 139: r5 = *(u64 *)(r7 +80)
 140: if r3 s>= r5 goto pc+1
 141: *(u64 *)(r7 +80) = r3
 142: r5 = *(u64 *)(r7 +88)
 143: if r4 s<= r5 goto pc+4
 144: *(u64 *)(r7 +88) = r4
 145: goto pc+2
 146: *(u64 *)(r7 +80) = r3
 147: *(u64 *)(r7 +88) = r4
 148: r0 = *(u64 *)(r7 +64)
 149: if r0 != 0x0 goto pc+14
 150: *(u64 *)(r7 +96) = 1
 151: r1 = map[rstap_output]
 153: r2 = r7
 154: r2 += 96
 155: r3 = 8
 156: r4 = 0
 157: call bpf_ringbuf_output#130
 158: if r0 == 0x0 goto pc+4
 159: r1 = map_value[rstap_stats] + 0
 161: r2 = 1
 162: lock *(u64 *)(r1 +0) += r2
 163: goto pc+263
 164: r1 = *(u64 *)(r7 +64)
 165: r0 = *(u64 *)(r7 +72)
 166: r0 s/= r1
 167: *(u64 *)(r7 +104) = r0
 168: *(u32 *)(r7 +112) = 0
 169: *(u64 *)(r7 +120) = 0
 170: *(u64 *)(r7 +128) = 0
 171: *(u64 *)(r7 +136) = 0
 172: *(u64 *)(r7 +144) = 0
 173: r1 = map[g0_lat]
 175: r2 = r7
 176: r2 += 112
 177: r3 = 0
 178: call bpf_map_lookup_percpu_elem#195
 179: if r0 == 0x0 goto pc+22
 180: r1 = *(u64 *)(r0 +0)
 181: if r1 == 0x0 goto pc+20
 182: r2 = *(u64 *)(r7 +120)
 183: r3 = r2
 184: r3 += r1
 185: *(u64 *)(r7 +120) = r3
 186: r3 = *(u64 *)(r0 +8)
 187: r4 = *(u64 *)(r7 +128)
 188: r4 += r3
 189: *(u64 *)(r7 +128) = r4
 190: r3 = *(u64 *)(r0 +16)
 191: r4 = *(u64 *)(r0 +24)
 192: if r2 == 0x0 goto pc+7
 193: r5 = *(u64 *)(r7 +136)
 194: if r3 s>= r5 goto pc+1
 195: *(u64 *)(r7 +136) = r3
 196: r5 = *(u64 *)(r7 +144)
 197: if r4 s<= r5 goto pc+4
 198: *(u64 *)(r7 +144) = r4
 199: goto pc+2
 200: *(u64 *)(r7 +136) = r3
 201: *(u64 *)(r7 +144) = r4
 202: r1 = map[g0_lat]
 204: r2 = r7
 205: r2 += 112
 206: r3 = 1
 207: call bpf_map_lookup_percpu_elem#195
 208: if r0 == 0x0 goto pc+22
 209: r1 = *(u64 *)(r0 +0)
 210: if r1 == 0x0 goto pc+20
 211: r2 = *(u64 *)(r7 +120)
 212: r3 = r2
 213: r3 += r1
 214: *(u64 *)(r7 +120) = r3
 215: r3 = *(u64 *)(r0 +8)
 216: r4 = *(u64 *)(r7 +128)
 217: r4 += r3
 218: *(u64 *)(r7 +128) = r4
 219: r3 = *(u64 *)(r0 +16)
 220: r4 = *(u64 *)(r0 +24)
 221: if r2 == 0x0 goto pc+7
 222: r5 = *(u64 *)(r7 +136)
 223: if r3 s>= r5 goto pc+1
 224: *(u64 *)(r7 +136) = r3
 225: r5 = *(u64 *)(r7 +144)
 226: if r4 s<= r5 goto pc+4
 227: *(u64 *)(r7 +144) = r4
 228: goto pc+2
 229: *(u64 *)(r7 +136) = r3
 230: *(u64 *)(r7 +144) = r4
 231: r0 = *(u64 *)(r7 +120)
 232: if r0 != 0x0 goto pc+14
 233: *(u64 *)(r7 +152) = 2
 234: r1 = map[rstap_output]
 236: r2 = r7
 237: r2 += 152
 238: r3 = 8
 239: r4 = 0
 240: call bpf_ringbuf_output#130
 241: if r0 == 0x0 goto pc+4
 242: r1 = map_value[rstap_stats] + 0
 244: r2 = 1
 245: lock *(u64 *)(r1 +0) += r2
 246: goto pc+180
 247: r0 = *(u64 *)(r7 +136)
 248: r1 = r0
 249: r0 = *(u64 *)(r7 +104)
 250: if r0 s> r1 goto pc+2
 251: r0 = 0
 252: goto pc+1
 253: r0 = 1
 254: if r0 != 0x0 goto pc+2
 255: r0 = 0
 256: goto pc+1
 257: r0 = 1
 258: goto pc+1
 259: r0 = 0
 260: if r0 == 0x0 goto pc+166
 261: *(u32 *)(r7 +16) = 0
 262: *(u64 *)(r7 +24) = 0
 263: *(u64 *)(r7 +32) = 0
 264: *(u64 *)(r7 +40) = 0
 265: *(u64 *)(r7 +48) = 0
 266: r1 = map[g0_lat]
 268: r2 = r7
 269: r2 += 16
 270: r3 = 0
 271: call bpf_map_lookup_percpu_elem#195
 272: if r0 == 0x0 goto pc+22
 273: r1 = *(u64 *)(r0 +0)
 274: if r1 == 0x0 goto pc+20
 275: r2 = *(u64 *)(r7 +24)
 276: r3 = r2
 277: r3 += r1
 278: *(u64 *)(r7 +24) = r3
 279: r3 = *(u64 *)(r0 +8)
 280: r4 = *(u64 *)(r7 +32)
 281: r4 += r3
 282: *(u64 *)(r7 +32) = r4
 283: r3 = *(u64 *)(r0 +16)
 284: r4 = *(u64 *)(r0 +24)
 285: if r2 == 0x0 goto pc+7
 286: r5 = *(u64 *)(r7 +40)
 287: if r3 s>= r5 goto pc+1
 288: *(u64 *)(r7 +40) = r3
 289: r5 = *(u64 *)(r7 +48)
 290: if r4 s<= r5 goto pc+4
 291: *(u64 *)(r7 +48) = r4
 292: goto pc+2
 293: *(u64 *)(r7 +40) = r3
 294: *(u64 *)(r7 +48) = r4
 295: r1 = map[g0_lat]
 297: r2 = r7
 298: r2 += 16
 299: r3 = 1
 300: call bpf_map_lookup_percpu_elem#195
 301: if r0 == 0x0 goto pc+22
 302: r1 = *(u64 *)(r0 +0)
 303: if r1 == 0x0 goto pc+20
 304: r2 = *(u64 *)(r7 +24)
 305: r3 = r2
 306: r3 += r1
 307: *(u64 *)(r7 +24) = r3
 308: r3 = *(u64 *)(r0 +8)
 309: r4 = *(u64 *)(r7 +32)
 310: r4 += r3
 311: *(u64 *)(r7 +32) = r4
 312: r3 = *(u64 *)(r0 +16)
 313: r4 = *(u64 *)(r0 +24)
 314: if r2 == 0x0 goto pc+7
 315: r5 = *(u64 *)(r7 +40)
 316: if r3 s>= r5 goto pc+1
 317: *(u64 *)(r7 +40) = r3
 318: r5 = *(u64 *)(r7 +48)
 319: if r4 s<= r5 goto pc+4
 320: *(u64 *)(r7 +48) = r4
 321: goto pc+2
 322: *(u64 *)(r7 +40) = r3
 323: *(u64 *)(r7 +48) = r4
 324: r0 = *(u64 *)(r7 +24)
 325: r0 = *(u64 *)(r7 +32)
 326: *(u64 *)(r7 +8) = r0
 327: *(u32 *)(r7 +64) = 0
 328: *(u64 *)(r7 +72) = 0
 329: *(u64 *)(r7 +80) = 0
 330: *(u64 *)(r7 +88) = 0
 331: *(u64 *)(r7 +96) = 0
 332: r1 = map[g0_lat]
 334: r2 = r7
 335: r2 += 64
 336: r3 = 0
 337: call bpf_map_lookup_percpu_elem#195
 338: if r0 == 0x0 goto pc+22
 339: r1 = *(u64 *)(r0 +0)
 340: if r1 == 0x0 goto pc+20
 341: r2 = *(u64 *)(r7 +72)
 342: r3 = r2
 343: r3 += r1
 344: *(u64 *)(r7 +72) = r3
 345: r3 = *(u64 *)(r0 +8)
 346: r4 = *(u64 *)(r7 +80)
 347: r4 += r3
 348: *(u64 *)(r7 +80) = r4
 349: r3 = *(u64 *)(r0 +16)
 350: r4 = *(u64 *)(r0 +24)
 351: if r2 == 0x0 goto pc+7
 352: r5 = *(u64 *)(r7 +88)
 353: if r3 s>= r5 goto pc+1
 354: *(u64 *)(r7 +88) = r3
 355: r5 = *(u64 *)(r7 +96)
 356: if r4 s<= r5 goto pc+4
 357: *(u64 *)(r7 +96) = r4
 358: goto pc+2
 359: *(u64 *)(r7 +88) = r3
 360: *(u64 *)(r7 +96) = r4
 361: r1 = map[g0_lat]
 363: r2 = r7
 364: r2 += 64
 365: r3 = 1
 366: call bpf_map_lookup_percpu_elem#195
 367: if r0 == 0x0 goto pc+22
 368: r1 = *(u64 *)(r0 +0)
 369: if r1 == 0x0 goto pc+20
 370: r2 = *(u64 *)(r7 +72)
 371: r3 = r2
 372: r3 += r1
 373: *(u64 *)(r7 +72) = r3
 374: r3 = *(u64 *)(r0 +8)
 375: r4 = *(u64 *)(r7 +80)
 376: r4 += r3
 377: *(u64 *)(r7 +80) = r4
 378: r3 = *(u64 *)(r0 +16)
 379: r4 = *(u64 *)(r0 +24)
 380: if r2 == 0x0 goto pc+7
 381: r5 = *(u64 *)(r7 +88)
 382: if r3 s>= r5 goto pc+1
 383: *(u64 *)(r7 +88) = r3
 384: r5 = *(u64 *)(r7 +96)
 385: if r4 s<= r5 goto pc+4
 386: *(u64 *)(r7 +96) = r4
 387: goto pc+2
 388: *(u64 *)(r7 +88) = r3
 389: *(u64 *)(r7 +96) = r4
 390: r0 = *(u64 *)(r7 +72)
 391: if r0 != 0x0 goto pc+14
 392: *(u64 *)(r7 +104) = 3
 393: r1 = map[rstap_output]
 395: r2 = r7
 396: r2 += 104
 397: r3 = 8
 398: r4 = 0
 399: call bpf_ringbuf_output#130
 400: if r0 == 0x0 goto pc+4
 401: r1 = map_value[rstap_stats] + 0
 403: r2 = 1
 404: lock *(u64 *)(r1 +0) += r2
 405: goto pc+21
 406: r0 = *(u64 *)(r7 +96)
 407: *(u64 *)(r7 +56) = r0
 408: *(u64 *)(r7 +112) = 4
 409: r1 = *(u64 *)(r7 +8)
 410: *(u64 *)(r7 +120) = r1
 411: r1 = *(u64 *)(r7 +56)
 412: *(u64 *)(r7 +128) = r1
 413: r1 = map[rstap_output]
 415: r2 = r7
 416: r2 += 112
 417: r3 = 24
 418: r4 = 0
 419: call bpf_ringbuf_output#130
 420: if r0 == 0x0 goto pc+4
 421: r1 = map_value[rstap_stats] + 0
 423: r2 = 1
 424: lock *(u64 *)(r1 +0) += r2
 425: r0 = 0
 426: goto pc+0
 427: r0 = 0
 428: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0006"), message: "empty aggregate" } args [] size 8
site 2: Error { code: Code("R0006"), message: "empty aggregate" } args [] size 8
site 3: Error { code: Code("R0006"), message: "empty aggregate" } args [] size 8
site 4: Printf { format: [37, 100, 32, 37, 100, 10] } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: Long, offset: 16, width: 8 }] size 24
