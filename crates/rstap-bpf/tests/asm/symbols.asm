map rstap_scratch: PercpuArray key 4 value 816 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map rstap_rodata: Array key 4 value 8 entries 1
map rstap_stacks: StackTrace key 4 value 160 entries 16384
map rstap_sc_e0: ProgArray key 4 value 4 entries 512

# timer.profile.tick (PerfEvent, Perf { type_: 1, config: 0, sample: Frequency(250), every_cpu: true })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+309
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+302
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +136)
  15: r0 &= 3
  16: if r0 == 0x0 goto pc+1
  17: r0 = 1
  18: if r0 == 0x0 goto pc+2
  19: r0 = 0
  20: goto pc+1
  21: r0 = 1
  22: if r0 == 0x0 goto pc+291
  23: r0 = *(u64 *)(r6 +128)
  24: *(u64 *)(r7 +8) = r0
  25: *(u8 *)(r7 +16) = 255
  26: *(u8 *)(r7 +17) = 110
  27: r2 = *(u64 *)(r7 +8)
  28: r1 = r2
  29: r1 >>= 60
  30: r1 &= 15
  31: r1 += 97
  32: *(u8 *)(r7 +18) = r1
  33: r1 = r2
  34: r1 >>= 56
  35: r1 &= 15
  36: r1 += 97
  37: *(u8 *)(r7 +19) = r1
  38: r1 = r2
  39: r1 >>= 52
  40: r1 &= 15
  41: r1 += 97
  42: *(u8 *)(r7 +20) = r1
  43: r1 = r2
  44: r1 >>= 48
  45: r1 &= 15
  46: r1 += 97
  47: *(u8 *)(r7 +21) = r1
  48: r1 = r2
  49: r1 >>= 44
  50: r1 &= 15
  51: r1 += 97
  52: *(u8 *)(r7 +22) = r1
  53: r1 = r2
  54: r1 >>= 40
  55: r1 &= 15
  56: r1 += 97
  57: *(u8 *)(r7 +23) = r1
  58: r1 = r2
  59: r1 >>= 36
  60: r1 &= 15
  61: r1 += 97
  62: *(u8 *)(r7 +24) = r1
  63: r1 = r2
  64: r1 >>= 32
  65: r1 &= 15
  66: r1 += 97
  67: *(u8 *)(r7 +25) = r1
  68: r1 = r2
  69: r1 >>= 28
  70: r1 &= 15
  71: r1 += 97
  72: *(u8 *)(r7 +26) = r1
  73: r1 = r2
  74: r1 >>= 24
  75: r1 &= 15
  76: r1 += 97
  77: *(u8 *)(r7 +27) = r1
  78: r1 = r2
  79: r1 >>= 20
  80: r1 &= 15
  81: r1 += 97
  82: *(u8 *)(r7 +28) = r1
  83: r1 = r2
  84: r1 >>= 16
  85: r1 &= 15
  86: r1 += 97
  87: *(u8 *)(r7 +29) = r1
  88: r1 = r2
  89: r1 >>= 12
  90: r1 &= 15
  91: r1 += 97
  92: *(u8 *)(r7 +30) = r1
  93: r1 = r2
  94: r1 >>= 8
  95: r1 &= 15
  96: r1 += 97
  97: *(u8 *)(r7 +31) = r1
  98: r1 = r2
  99: r1 >>= 4
 100: r1 &= 15
 101: r1 += 97
 102: *(u8 *)(r7 +32) = r1
 103: r1 = r2
 104: r1 &= 15
 105: r1 += 97
 106: *(u8 *)(r7 +33) = r1
 107: *(u8 *)(r7 +34) = 254
 108: *(u8 *)(r7 +35) = 0
 109: r0 = *(u64 *)(r6 +128)
 110: *(u64 *)(r7 +40) = r0
 111: *(u8 *)(r7 +48) = 255
 112: *(u8 *)(r7 +49) = 110
 113: r2 = *(u64 *)(r7 +40)
 114: r1 = r2
 115: r1 >>= 60
 116: r1 &= 15
 117: r1 += 97
 118: *(u8 *)(r7 +50) = r1
 119: r1 = r2
 120: r1 >>= 56
 121: r1 &= 15
 122: r1 += 97
 123: *(u8 *)(r7 +51) = r1
 124: r1 = r2
 125: r1 >>= 52
 126: r1 &= 15
 127: r1 += 97
 128: *(u8 *)(r7 +52) = r1
 129: r1 = r2
 130: r1 >>= 48
 131: r1 &= 15
 132: r1 += 97
 133: *(u8 *)(r7 +53) = r1
 134: r1 = r2
 135: r1 >>= 44
 136: r1 &= 15
 137: r1 += 97
 138: *(u8 *)(r7 +54) = r1
 139: r1 = r2
 140: r1 >>= 40
 141: r1 &= 15
 142: r1 += 97
 143: *(u8 *)(r7 +55) = r1
 144: r1 = r2
 145: r1 >>= 36
 146: r1 &= 15
 147: r1 += 97
 148: *(u8 *)(r7 +56) = r1
 149: r1 = r2
 150: r1 >>= 32
 151: r1 &= 15
 152: r1 += 97
 153: *(u8 *)(r7 +57) = r1
 154: r1 = r2
 155: r1 >>= 28
 156: r1 &= 15
 157: r1 += 97
 158: *(u8 *)(r7 +58) = r1
 159: r1 = r2
 160: r1 >>= 24
 161: r1 &= 15
 162: r1 += 97
 163: *(u8 *)(r7 +59) = r1
 164: r1 = r2
 165: r1 >>= 20
 166: r1 &= 15
 167: r1 += 97
 168: *(u8 *)(r7 +60) = r1
 169: r1 = r2
 170: r1 >>= 16
 171: r1 &= 15
 172: r1 += 97
 173: *(u8 *)(r7 +61) = r1
 174: r1 = r2
 175: r1 >>= 12
 176: r1 &= 15
 177: r1 += 97
 178: *(u8 *)(r7 +62) = r1
 179: r1 = r2
 180: r1 >>= 8
 181: r1 &= 15
 182: r1 += 97
 183: *(u8 *)(r7 +63) = r1
 184: r1 = r2
 185: r1 >>= 4
 186: r1 &= 15
 187: r1 += 97
 188: *(u8 *)(r7 +64) = r1
 189: r1 = r2
 190: r1 &= 15
 191: r1 += 97
 192: *(u8 *)(r7 +65) = r1
 193: *(u8 *)(r7 +66) = 254
 194: *(u8 *)(r7 +67) = 0
 195: r0 = *(u64 *)(r6 +128)
 196: *(u64 *)(r7 +72) = r0
 197: *(u8 *)(r7 +80) = 255
 198: *(u8 *)(r7 +81) = 100
 199: r2 = *(u64 *)(r7 +72)
 200: r1 = r2
 201: r1 >>= 60
 202: r1 &= 15
 203: r1 += 97
 204: *(u8 *)(r7 +82) = r1
 205: r1 = r2
 206: r1 >>= 56
 207: r1 &= 15
 208: r1 += 97
 209: *(u8 *)(r7 +83) = r1
 210: r1 = r2
 211: r1 >>= 52
 212: r1 &= 15
 213: r1 += 97
 214: *(u8 *)(r7 +84) = r1
 215: r1 = r2
 216: r1 >>= 48
 217: r1 &= 15
 218: r1 += 97
 219: *(u8 *)(r7 +85) = r1
 220: r1 = r2
 221: r1 >>= 44
 222: r1 &= 15
 223: r1 += 97
 224: *(u8 *)(r7 +86) = r1
 225: r1 = r2
 226: r1 >>= 40
 227: r1 &= 15
 228: r1 += 97
 229: *(u8 *)(r7 +87) = r1
 230: r1 = r2
 231: r1 >>= 36
 232: r1 &= 15
 233: r1 += 97
 234: *(u8 *)(r7 +88) = r1
 235: r1 = r2
 236: r1 >>= 32
 237: r1 &= 15
 238: r1 += 97
 239: *(u8 *)(r7 +89) = r1
 240: r1 = r2
 241: r1 >>= 28
 242: r1 &= 15
 243: r1 += 97
 244: *(u8 *)(r7 +90) = r1
 245: r1 = r2
 246: r1 >>= 24
 247: r1 &= 15
 248: r1 += 97
 249: *(u8 *)(r7 +91) = r1
 250: r1 = r2
 251: r1 >>= 20
 252: r1 &= 15
 253: r1 += 97
 254: *(u8 *)(r7 +92) = r1
 255: r1 = r2
 256: r1 >>= 16
 257: r1 &= 15
 258: r1 += 97
 259: *(u8 *)(r7 +93) = r1
 260: r1 = r2
 261: r1 >>= 12
 262: r1 &= 15
 263: r1 += 97
 264: *(u8 *)(r7 +94) = r1
 265: r1 = r2
 266: r1 >>= 8
 267: r1 &= 15
 268: r1 += 97
 269: *(u8 *)(r7 +95) = r1
 270: r1 = r2
 271: r1 >>= 4
 272: r1 &= 15
 273: r1 += 97
 274: *(u8 *)(r7 +96) = r1
 275: r1 = r2
 276: r1 &= 15
 277: r1 += 97
 278: *(u8 *)(r7 +97) = r1
 279: *(u8 *)(r7 +98) = 254
 280: *(u8 *)(r7 +99) = 0
 281: *(u64 *)(r7 +104) = 0
 282: r1 = r7
 283: r1 += 112
 284: r2 = 20
 285: r3 = r7
 286: r3 += 16
 287: call bpf_probe_read_kernel_str#115
 288: r1 = r7
 289: r1 += 136
 290: r2 = 20
 291: r3 = r7
 292: r3 += 48
 293: call bpf_probe_read_kernel_str#115
 294: r1 = r7
 295: r1 += 160
 296: r2 = 20
 297: r3 = r7
 298: r3 += 80
 299: call bpf_probe_read_kernel_str#115
 300: r1 = map[rstap_output]
 302: r2 = r7
 303: r2 += 104
 304: r3 = 80
 305: r4 = 1
 306: call bpf_ringbuf_output#130
 307: if r0 == 0x0 goto pc+4
 308: r1 = map_value[rstap_stats] + 0
 310: r2 = 1
 311: lock *(u64 *)(r1 +0) += r2
 312: r0 = 0
 313: goto pc+0
 314: r0 = 0
 315: exit

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, TailCall { map: 6, key: 110 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+175
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+168
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 0
  15: r1 = r6
  16: r2 = map[rstap_stacks]
  18: r3 = 1
  19: call bpf_get_stackid#27
  20: if r0 s>= 0x0 goto pc+6
  21: if r0 == 0xfffffff2 goto pc+4
  22: r1 = map_value[rstap_stats] + 0
  24: r2 = 1
  25: lock *(u64 *)(r1 +8) += r2
  26: r0 = -1
  27: *(u64 *)(r7 +136) = r0
  28: r1 = *(u64 *)(r7 +136)
  29: if r1 s>= 0x0 goto pc+2
  30: *(u8 *)(r7 +144) = 0
  31: goto pc+44
  32: *(u8 *)(r7 +144) = 255
  33: *(u8 *)(r7 +145) = 98
  34: r2 = *(u64 *)(r7 +136)
  35: r1 = r2
  36: r1 >>= 28
  37: r1 &= 15
  38: r1 += 97
  39: *(u8 *)(r7 +146) = r1
  40: r1 = r2
  41: r1 >>= 24
  42: r1 &= 15
  43: r1 += 97
  44: *(u8 *)(r7 +147) = r1
  45: r1 = r2
  46: r1 >>= 20
  47: r1 &= 15
  48: r1 += 97
  49: *(u8 *)(r7 +148) = r1
  50: r1 = r2
  51: r1 >>= 16
  52: r1 &= 15
  53: r1 += 97
  54: *(u8 *)(r7 +149) = r1
  55: r1 = r2
  56: r1 >>= 12
  57: r1 &= 15
  58: r1 += 97
  59: *(u8 *)(r7 +150) = r1
  60: r1 = r2
  61: r1 >>= 8
  62: r1 &= 15
  63: r1 += 97
  64: *(u8 *)(r7 +151) = r1
  65: r1 = r2
  66: r1 >>= 4
  67: r1 &= 15
  68: r1 += 97
  69: *(u8 *)(r7 +152) = r1
  70: r1 = r2
  71: r1 &= 15
  72: r1 += 97
  73: *(u8 *)(r7 +153) = r1
  74: *(u8 *)(r7 +154) = 254
  75: *(u8 *)(r7 +155) = 0
  76: r1 = r7
  77: r1 += 8
  78: r2 = 128
  79: r3 = r7
  80: r3 += 144
  81: call bpf_probe_read_kernel_str#115
  82: *(u64 *)(r7 +136) = 0
  83: r1 = *(u8 *)(r7 +8)
  84: r2 = *(u8 *)(r7 +136)
  85: if r1 != r2 goto pc+3
  86: if r1 == 0x0 goto pc+0
  87: r0 = 0
  88: goto pc+2
  89: r0 = r1
  90: r0 -= r2
  91: if r0 != 0x0 goto pc+2
  92: r0 = 0
  93: goto pc+1
  94: r0 = 1
  95: if r0 == 0x0 goto pc+20
  96: *(u64 *)(r7 +136) = 1
  97: r1 = r7
  98: r1 += 144
  99: r2 = 128
 100: r3 = r7
 101: r3 += 8
 102: call bpf_probe_read_kernel_str#115
 103: r1 = map[rstap_output]
 105: r2 = r7
 106: r2 += 136
 107: r3 = 136
 108: r4 = 1
 109: call bpf_ringbuf_output#130
 110: if r0 == 0x0 goto pc+4
 111: r1 = map_value[rstap_stats] + 0
 113: r2 = 1
 114: lock *(u64 *)(r1 +0) += r2
 115: goto pc+0
 116: *(u64 *)(r7 +136) = 21503
 117: r1 = r7
 118: r1 += 144
 119: r2 = 128
 120: r3 = r7
 121: r3 += 136
 122: call bpf_probe_read_kernel_str#115
 123: if r0 s> 0x0 goto pc+1
 124: r0 = 1
 125: r0 -= 1
 126: if r0 <= 0x7f goto pc+1
 127: r0 = 127
 128: r1 = r7
 129: r1 += 144
 130: r1 += r0
 131: r2 = 128
 132: r3 = r7
 133: r3 += 8
 134: call bpf_probe_read_kernel_str#115
 135: *(u8 *)(r7 +271) = 0
 136: *(u64 *)(r7 +400) = 254
 137: r1 = r7
 138: r1 += 408
 139: r2 = 128
 140: r3 = r7
 141: r3 += 144
 142: call bpf_probe_read_kernel_str#115
 143: if r0 s> 0x0 goto pc+1
 144: r0 = 1
 145: r0 -= 1
 146: if r0 <= 0x7f goto pc+1
 147: r0 = 127
 148: r1 = r7
 149: r1 += 408
 150: r1 += r0
 151: r2 = 128
 152: r3 = r7
 153: r3 += 400
 154: call bpf_probe_read_kernel_str#115
 155: *(u8 *)(r7 +535) = 0
 156: r0 = 0
 157: *(u64 *)(r7 +664) = r0
 158: *(u64 *)(r7 +672) = 2
 159: r1 = r7
 160: r1 += 680
 161: r2 = 128
 162: r3 = r7
 163: r3 += 408
 164: call bpf_probe_read_kernel_str#115
 165: r1 = *(u64 *)(r7 +664)
 166: *(u64 *)(r7 +808) = r1
 167: r1 = map[rstap_output]
 169: r2 = r7
 170: r2 += 672
 171: r3 = 144
 172: r4 = 1
 173: call bpf_ringbuf_output#130
 174: if r0 == 0x0 goto pc+4
 175: r1 = map_value[rstap_stats] + 0
 177: r2 = 1
 178: lock *(u64 *)(r1 +0) += r2
 179: r0 = 0
 180: r0 = 0
 181: exit

# dispatcher rstap_sc_e0 on sys_enter
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +8)
   2: r1 = r6
   3: r2 = map[rstap_sc_e0]
   5: call bpf_tail_call#12
   6: r0 = 0
   7: exit
site 0: Printf { format: [37, 115, 32, 37, 115, 32, 37, 115, 10] } args [ArgSlot { ty: String, offset: 8, width: 20 }, ArgSlot { ty: String, offset: 32, width: 20 }, ArgSlot { ty: String, offset: 56, width: 20 }] size 80
site 1: PrintSyms args [ArgSlot { ty: String, offset: 8, width: 128 }] size 136
site 2: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: String, offset: 8, width: 128 }, ArgSlot { ty: Long, offset: 136, width: 8 }] size 144
