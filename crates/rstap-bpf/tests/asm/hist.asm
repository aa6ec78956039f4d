map rstap_scratch: PercpuArray key 4 value 160 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_lat: PercpuArray key 4 value 1072 entries 1
map g1_t: Hash key 8 value 8 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1
map rstap_sc_e0: ProgArray key 4 value 4 entries 512
map rstap_sc_e1: ProgArray key 4 value 4 entries 512

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, TailCall { map: 7, key: 110 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+43
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+36
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: call bpf_ktime_get_ns#5
  15: *(u64 *)(r7 +8) = r0
  16: *(u64 *)(r7 +16) = 0
  17: call bpf_get_current_pid_tgid#14
  18: r0 <<= 32
  19: r0 >>= 32
  20: *(u64 *)(r7 +16) = r0
  21: r1 = map[g1_t]
  23: r2 = r7
  24: r2 += 16
  25: r3 = r7
  26: r3 += 8
  27: r4 = 0
  28: call bpf_map_update_elem#2
  29: if r0 s>= 0x0 goto pc+17
  30: r1 = map_value[rstap_conf] + 0
  32: *(u64 *)(r1 +16) = 2
  33: *(u64 *)(r7 +24) = 0
  34: r1 = map[rstap_output]
  36: r2 = r7
  37: r2 += 24
  38: r3 = 8
  39: r4 = 2
  40: call bpf_ringbuf_output#130
  41: if r0 == 0x0 goto pc+4
  42: r1 = map_value[rstap_stats] + 0
  44: r2 = 1
  45: lock *(u64 *)(r1 +0) += r2
  46: goto pc+1
  47: r0 = *(u64 *)(r7 +8)
  48: r0 = 0
  49: exit

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, TailCall { map: 7, key: 1 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+153
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+146
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 0
  15: call bpf_get_current_pid_tgid#14
  16: r0 <<= 32
  17: r0 >>= 32
  18: *(u64 *)(r7 +8) = r0
  19: r1 = map[g1_t]
  21: r2 = r7
  22: r2 += 8
  23: call bpf_map_lookup_elem#1
  24: if r0 != 0x0 goto pc+2
  25: r0 = 0
  26: goto pc+1
  27: r0 = 1
  28: if r0 == 0x0 goto pc+129
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
  56: goto pc+101
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
 147: *(u64 *)(r7 +8) = 0
 148: call bpf_get_current_pid_tgid#14
 149: r0 <<= 32
 150: r0 >>= 32
 151: *(u64 *)(r7 +8) = r0
 152: r1 = map[g1_t]
 154: r2 = r7
 155: r2 += 8
 156: call bpf_map_delete_elem#3
 157: goto pc+0
 158: r0 = 0
 159: exit

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, TailCall { map: 8, key: 110 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+433
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+426
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u32 *)(r7 +8) = 0
  15: *(u64 *)(r7 +16) = 0
  16: *(u64 *)(r7 +24) = 0
  17: *(u64 *)(r7 +32) = 0
  18: *(u64 *)(r7 +40) = 0
  19: r1 = map[g0_lat]
  21: r2 = r7
  22: r2 += 8
  23: r3 = 0
  24: call bpf_map_lookup_percpu_elem#195
  25: if r0 == 0x0 goto pc+22
  26: r1 = *(u64 *)(r0 +0)
  27: if r1 == 0x0 goto pc+20
  28: r2 = *(u64 *)(r7 +16)
  29: r3 = r2
  30: r3 += r1
  31: *(u64 *)(r7 +16) = r3
  32: r3 = *(u64 *)(r0 +8)
  33: r4 = *(u64 *)(r7 +24)
  34: r4 += r3
  35: *(u64 *)(r7 +24) = r4
  36: r3 = *(u64 *)(r0 +16)
  37: r4 = *(u64 *)(r0 +24)
  38: if r2 == 0x0 goto pc+7
  39: r5 = *(u64 *)(r7 +32)
  40: if r3 s>= r5 goto pc+1
  41: *(u64 *)(r7 +32) = r3
  42: r5 = *(u64 *)(r7 +40)
  43: if r4 s<= r5 goto pc+4
  44: *(u64 *)(r7 +40) = r4
  45: goto pc+2
  46: *(u64 *)(r7 +32) = r3
  47: *(u64 *)(r7 +40) = r4
  48: r1 = map[g0_lat]
  50: r2 = r7
  51: r2 += 8
  52: r3 = 1
  53: call bpf_map_lookup_percpu_elem#195
  54: if r0 == 0x0 goto pc+22
  55: r1 = *(u64 *)(r0 +0)
  56: if r1 == 0x0 goto pc+20
  57: r2 = *(u64 *)(r7 +16)
  58: r3 = r2
  59: r3 += r1
  60: *(u64 *)(r7 +16) = r3
  61: r3 = *(u64 *)(r0 +8)
  62: r4 = *(u64 *)(r7 +24)
  63: r4 += r3
  64: *(u64 *)(r7 +24) = r4
  65: r3 = *(u64 *)(r0 +16)
  66: r4 = *(u64 *)(r0 +24)
  67: if r2 == 0x0 goto pc+7
  68: r5 = *(u64 *)(r7 +32)
  69: if r3 s>= r5 goto pc+1
  70: *(u64 *)(r7 +32) = r3
  71: r5 = *(u64 *)(r7 +40)
  72: if r4 s<= r5 goto pc+4
  73: *(u64 *)(r7 +40) = r4
  74: goto pc+2
  75: *(u64 *)(r7 +32) = r3
  76: *(u64 *)(r7 +40) = r4
  77: r0 = *(u64 *)(r7 +16)
  78: *(u64 *)(r7 +48) = r0
  79: r0 = 10
  80: r1 = r0
  81: r0 = *(u64 *)(r7 +48)
  82: if r0 s> r1 goto pc+2
  83: r0 = 0
  84: goto pc+1
  85: r0 = 1
  86: if r0 == 0x0 goto pc+180
  87: *(u32 *)(r7 +56) = 0
  88: *(u64 *)(r7 +64) = 0
  89: *(u64 *)(r7 +72) = 0
  90: *(u64 *)(r7 +80) = 0
  91: *(u64 *)(r7 +88) = 0
  92: r1 = map[g0_lat]
  94: r2 = r7
  95: r2 += 56
  96: r3 = 0
  97: call bpf_map_lookup_percpu_elem#195
  98: if r0 == 0x0 goto pc+22
  99: r1 = *(u64 *)(r0 +0)
 100: if r1 == 0x0 goto pc+20
 101: r2 = *(u64 *)(r7 +64)
 102: r3 = r2
 103: r3 += r1
 104: *(u64 *)(r7 +64) = r3
 105: r3 = *(u64 *)(r0 +8)
 106: r4 = *(u64 *)(r7 +72)
 107: r4 += r3
 108: *(u64 *)(r7 +72) = r4
 109: r3 = *(u64 *)(r0 +16)
 110: r4 = *(u64 *)(r0 +24)
 111: if r2 == 0x0 goto pc+7
 112: r5 = *(u64 *)(r7 +80)
 113: if r3 s>= r5 goto pc+1
 114: *(u64 *)(r7 +80) = r3
 115: r5 = *(u64 *)(r7 +88)
 116: if r4 s<= r5 goto pc+4
 117: *(u64 *)(r7 +88) = r4
 118: goto pc+2
 119: *(u64 *)(r7 +80) = r3
 120: *(u64 *)(r7 +88) = r4
 121: r1 = map[g0_lat]
 123: r2 = r7
 124: r2 += 56
 125: r3 = 1
 126: call bpf_map_lookup_percpu_elem#195
 127: if r0 == 0x0 goto pc+22
 128: r1 = *(u64 *)(r0 +0)
 129: if r1 == 0x0 goto pc+20
 130: r2 = *(u64 *)(r7 +64)
 131: r3 = r2
 132: r3 += r1
 133: *(u64 *)(r7 +64) = r3
 134: r3 = *(u64 *)(r0 +8)
 135: r4 = *(u64 *)(r7 +72)
 136: r4 += r3
 137: *(u64 *)(r7 +72) = r4
 138: r3 = *(u64 *)(r0 +16)
 139: r4 = *(u64 *)(r0 +24)
 140: if r2 == 0x0 goto pc+7
 141: r5 = *(u64 *)(r7 +80)
 142: if r3 s>= r5 goto pc+1
 143: *(u64 *)(r7 +80) = r3
 144: r5 = *(u64 *)(r7 +88)
 145: if r4 s<= r5 goto pc+4
 146: *(u64 *)(r7 +88) = r4
 147: goto pc+2
 148: *(u64 *)(r7 +80) = r3
 149: *(u64 *)(r7 +88) = r4
 150: r0 = *(u64 *)(r7 +64)
 151: if r0 != 0x0 goto pc+17
 152: r1 = map_value[rstap_conf] + 0
 154: *(u64 *)(r1 +16) = 2
 155: *(u64 *)(r7 +96) = 1
 156: r1 = map[rstap_output]
 158: r2 = r7
 159: r2 += 96
 160: r3 = 8
 161: r4 = 2
 162: call bpf_ringbuf_output#130
 163: if r0 == 0x0 goto pc+4
 164: r1 = map_value[rstap_stats] + 0
 166: r2 = 1
 167: lock *(u64 *)(r1 +0) += r2
 168: goto pc+269
 169: r1 = *(u64 *)(r7 +64)
 170: r0 = *(u64 *)(r7 +72)
 171: r0 s/= r1
 172: *(u64 *)(r7 +104) = r0
 173: *(u32 *)(r7 +112) = 0
 174: *(u64 *)(r7 +120) = 0
 175: *(u64 *)(r7 +128) = 0
 176: *(u64 *)(r7 +136) = 0
 177: *(u64 *)(r7 +144) = 0
 178: r1 = map[g0_lat]
 180: r2 = r7
 181: r2 += 112
 182: r3 = 0
 183: call bpf_map_lookup_percpu_elem#195
 184: if r0 == 0x0 goto pc+22
 185: r1 = *(u64 *)(r0 +0)
 186: if r1 == 0x0 goto pc+20
 187: r2 = *(u64 *)(r7 +120)
 188: r3 = r2
 189: r3 += r1
 190: *(u64 *)(r7 +120) = r3
 191: r3 = *(u64 *)(r0 +8)
 192: r4 = *(u64 *)(r7 +128)
 193: r4 += r3
 194: *(u64 *)(r7 +128) = r4
 195: r3 = *(u64 *)(r0 +16)
 196: r4 = *(u64 *)(r0 +24)
 197: if r2 == 0x0 goto pc+7
 198: r5 = *(u64 *)(r7 +136)
 199: if r3 s>= r5 goto pc+1
 200: *(u64 *)(r7 +136) = r3
 201: r5 = *(u64 *)(r7 +144)
 202: if r4 s<= r5 goto pc+4
 203: *(u64 *)(r7 +144) = r4
 204: goto pc+2
 205: *(u64 *)(r7 +136) = r3
 206: *(u64 *)(r7 +144) = r4
 207: r1 = map[g0_lat]
 209: r2 = r7
 210: r2 += 112
 211: r3 = 1
 212: call bpf_map_lookup_percpu_elem#195
 213: if r0 == 0x0 goto pc+22
 214: r1 = *(u64 *)(r0 +0)
 215: if r1 == 0x0 goto pc+20
 216: r2 = *(u64 *)(r7 +120)
 217: r3 = r2
 218: r3 += r1
 219: *(u64 *)(r7 +120) = r3
 220: r3 = *(u64 *)(r0 +8)
 221: r4 = *(u64 *)(r7 +128)
 222: r4 += r3
 223: *(u64 *)(r7 +128) = r4
 224: r3 = *(u64 *)(r0 +16)
 225: r4 = *(u64 *)(r0 +24)
 226: if r2 == 0x0 goto pc+7
 227: r5 = *(u64 *)(r7 +136)
 228: if r3 s>= r5 goto pc+1
 229: *(u64 *)(r7 +136) = r3
 230: r5 = *(u64 *)(r7 +144)
 231: if r4 s<= r5 goto pc+4
 232: *(u64 *)(r7 +144) = r4
 233: goto pc+2
 234: *(u64 *)(r7 +136) = r3
 235: *(u64 *)(r7 +144) = r4
 236: r0 = *(u64 *)(r7 +120)
 237: if r0 != 0x0 goto pc+17
 238: r1 = map_value[rstap_conf] + 0
 240: *(u64 *)(r1 +16) = 2
 241: *(u64 *)(r7 +152) = 2
 242: r1 = map[rstap_output]
 244: r2 = r7
 245: r2 += 152
 246: r3 = 8
 247: r4 = 2
 248: call bpf_ringbuf_output#130
 249: if r0 == 0x0 goto pc+4
 250: r1 = map_value[rstap_stats] + 0
 252: r2 = 1
 253: lock *(u64 *)(r1 +0) += r2
 254: goto pc+183
 255: r0 = *(u64 *)(r7 +136)
 256: r1 = r0
 257: r0 = *(u64 *)(r7 +104)
 258: if r0 s> r1 goto pc+2
 259: r0 = 0
 260: goto pc+1
 261: r0 = 1
 262: if r0 != 0x0 goto pc+2
 263: r0 = 0
 264: goto pc+1
 265: r0 = 1
 266: goto pc+1
 267: r0 = 0
 268: if r0 == 0x0 goto pc+169
 269: *(u32 *)(r7 +16) = 0
 270: *(u64 *)(r7 +24) = 0
 271: *(u64 *)(r7 +32) = 0
 272: *(u64 *)(r7 +40) = 0
 273: *(u64 *)(r7 +48) = 0
 274: r1 = map[g0_lat]
 276: r2 = r7
 277: r2 += 16
 278: r3 = 0
 279: call bpf_map_lookup_percpu_elem#195
 280: if r0 == 0x0 goto pc+22
 281: r1 = *(u64 *)(r0 +0)
 282: if r1 == 0x0 goto pc+20
 283: r2 = *(u64 *)(r7 +24)
 284: r3 = r2
 285: r3 += r1
 286: *(u64 *)(r7 +24) = r3
 287: r3 = *(u64 *)(r0 +8)
 288: r4 = *(u64 *)(r7 +32)
 289: r4 += r3
 290: *(u64 *)(r7 +32) = r4
 291: r3 = *(u64 *)(r0 +16)
 292: r4 = *(u64 *)(r0 +24)
 293: if r2 == 0x0 goto pc+7
 294: r5 = *(u64 *)(r7 +40)
 295: if r3 s>= r5 goto pc+1
 296: *(u64 *)(r7 +40) = r3
 297: r5 = *(u64 *)(r7 +48)
 298: if r4 s<= r5 goto pc+4
 299: *(u64 *)(r7 +48) = r4
 300: goto pc+2
 301: *(u64 *)(r7 +40) = r3
 302: *(u64 *)(r7 +48) = r4
 303: r1 = map[g0_lat]
 305: r2 = r7
 306: r2 += 16
 307: r3 = 1
 308: call bpf_map_lookup_percpu_elem#195
 309: if r0 == 0x0 goto pc+22
 310: r1 = *(u64 *)(r0 +0)
 311: if r1 == 0x0 goto pc+20
 312: r2 = *(u64 *)(r7 +24)
 313: r3 = r2
 314: r3 += r1
 315: *(u64 *)(r7 +24) = r3
 316: r3 = *(u64 *)(r0 +8)
 317: r4 = *(u64 *)(r7 +32)
 318: r4 += r3
 319: *(u64 *)(r7 +32) = r4
 320: r3 = *(u64 *)(r0 +16)
 321: r4 = *(u64 *)(r0 +24)
 322: if r2 == 0x0 goto pc+7
 323: r5 = *(u64 *)(r7 +40)
 324: if r3 s>= r5 goto pc+1
 325: *(u64 *)(r7 +40) = r3
 326: r5 = *(u64 *)(r7 +48)
 327: if r4 s<= r5 goto pc+4
 328: *(u64 *)(r7 +48) = r4
 329: goto pc+2
 330: *(u64 *)(r7 +40) = r3
 331: *(u64 *)(r7 +48) = r4
 332: r0 = *(u64 *)(r7 +24)
 333: r0 = *(u64 *)(r7 +32)
 334: *(u64 *)(r7 +8) = r0
 335: *(u32 *)(r7 +64) = 0
 336: *(u64 *)(r7 +72) = 0
 337: *(u64 *)(r7 +80) = 0
 338: *(u64 *)(r7 +88) = 0
 339: *(u64 *)(r7 +96) = 0
 340: r1 = map[g0_lat]
 342: r2 = r7
 343: r2 += 64
 344: r3 = 0
 345: call bpf_map_lookup_percpu_elem#195
 346: if r0 == 0x0 goto pc+22
 347: r1 = *(u64 *)(r0 +0)
 348: if r1 == 0x0 goto pc+20
 349: r2 = *(u64 *)(r7 +72)
 350: r3 = r2
 351: r3 += r1
 352: *(u64 *)(r7 +72) = r3
 353: r3 = *(u64 *)(r0 +8)
 354: r4 = *(u64 *)(r7 +80)
 355: r4 += r3
 356: *(u64 *)(r7 +80) = r4
 357: r3 = *(u64 *)(r0 +16)
 358: r4 = *(u64 *)(r0 +24)
 359: if r2 == 0x0 goto pc+7
 360: r5 = *(u64 *)(r7 +88)
 361: if r3 s>= r5 goto pc+1
 362: *(u64 *)(r7 +88) = r3
 363: r5 = *(u64 *)(r7 +96)
 364: if r4 s<= r5 goto pc+4
 365: *(u64 *)(r7 +96) = r4
 366: goto pc+2
 367: *(u64 *)(r7 +88) = r3
 368: *(u64 *)(r7 +96) = r4
 369: r1 = map[g0_lat]
 371: r2 = r7
 372: r2 += 64
 373: r3 = 1
 374: call bpf_map_lookup_percpu_elem#195
 375: if r0 == 0x0 goto pc+22
 376: r1 = *(u64 *)(r0 +0)
 377: if r1 == 0x0 goto pc+20
 378: r2 = *(u64 *)(r7 +72)
 379: r3 = r2
 380: r3 += r1
 381: *(u64 *)(r7 +72) = r3
 382: r3 = *(u64 *)(r0 +8)
 383: r4 = *(u64 *)(r7 +80)
 384: r4 += r3
 385: *(u64 *)(r7 +80) = r4
 386: r3 = *(u64 *)(r0 +16)
 387: r4 = *(u64 *)(r0 +24)
 388: if r2 == 0x0 goto pc+7
 389: r5 = *(u64 *)(r7 +88)
 390: if r3 s>= r5 goto pc+1
 391: *(u64 *)(r7 +88) = r3
 392: r5 = *(u64 *)(r7 +96)
 393: if r4 s<= r5 goto pc+4
 394: *(u64 *)(r7 +96) = r4
 395: goto pc+2
 396: *(u64 *)(r7 +88) = r3
 397: *(u64 *)(r7 +96) = r4
 398: r0 = *(u64 *)(r7 +72)
 399: if r0 != 0x0 goto pc+17
 400: r1 = map_value[rstap_conf] + 0
 402: *(u64 *)(r1 +16) = 2
 403: *(u64 *)(r7 +104) = 3
 404: r1 = map[rstap_output]
 406: r2 = r7
 407: r2 += 104
 408: r3 = 8
 409: r4 = 2
 410: call bpf_ringbuf_output#130
 411: if r0 == 0x0 goto pc+4
 412: r1 = map_value[rstap_stats] + 0
 414: r2 = 1
 415: lock *(u64 *)(r1 +0) += r2
 416: goto pc+21
 417: r0 = *(u64 *)(r7 +96)
 418: *(u64 *)(r7 +56) = r0
 419: *(u64 *)(r7 +112) = 4
 420: r1 = *(u64 *)(r7 +8)
 421: *(u64 *)(r7 +120) = r1
 422: r1 = *(u64 *)(r7 +56)
 423: *(u64 *)(r7 +128) = r1
 424: r1 = map[rstap_output]
 426: r2 = r7
 427: r2 += 112
 428: r3 = 24
 429: r4 = 1
 430: call bpf_ringbuf_output#130
 431: if r0 == 0x0 goto pc+4
 432: r1 = map_value[rstap_stats] + 0
 434: r2 = 1
 435: lock *(u64 *)(r1 +0) += r2
 436: r0 = 0
 437: goto pc+0
 438: r0 = 0
 439: exit

# dispatcher rstap_sc_e0 on sys_enter
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +8)
   2: r1 = r6
   3: r2 = map[rstap_sc_e0]
   5: call bpf_tail_call#12
   6: r0 = 0
   7: exit

# dispatcher rstap_sc_e1 on sys_enter
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +8)
   2: r1 = r6
   3: r2 = map[rstap_sc_e1]
   5: call bpf_tail_call#12
   6: r0 = 0
   7: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0006"), message: "empty aggregate" } args [] size 8
site 2: Error { code: Code("R0006"), message: "empty aggregate" } args [] size 8
site 3: Error { code: Code("R0006"), message: "empty aggregate" } args [] size 8
site 4: Printf { format: [37, 100, 32, 37, 100, 10] } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: Long, offset: 16, width: 8 }] size 24
