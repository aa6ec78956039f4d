map rstap_scratch: PercpuArray key 4 value 936 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 24 entries 1
map rstap_stats: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_openat") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_openat" })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+250
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+243
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 0
  15: *(u64 *)(r7 +136) = 0
  16: *(u64 *)(r7 +264) = 0
  17: *(u64 *)(r7 +392) = 0
  18: *(u64 *)(r7 +400) = 0
  19: r0 = *(u64 *)(r6 +24)
  20: *(u64 *)(r7 +528) = r0
  21: r1 = r7
  22: r1 += 544
  23: r2 = 128
  24: r3 = *(u64 *)(r7 +528)
  25: call bpf_probe_read_user_str#114
  26: if r0 s>= 0x0 goto pc+19
  27: r1 = map_value[rstap_conf] + 0
  29: *(u64 *)(r1 +16) = 2
  30: *(u64 *)(r7 +672) = 0
  31: r1 = *(u64 *)(r7 +528)
  32: *(u64 *)(r7 +680) = r1
  33: r1 = map[rstap_output]
  35: r2 = r7
  36: r2 += 672
  37: r3 = 16
  38: r4 = 0
  39: call bpf_ringbuf_output#130
  40: if r0 == 0x0 goto pc+4
  41: r1 = map_value[rstap_stats] + 0
  43: r2 = 1
  44: lock *(u64 *)(r1 +0) += r2
  45: goto pc+209
  46: r1 = r7
  47: r1 += 8
  48: r2 = 128
  49: r3 = r7
  50: r3 += 544
  51: call bpf_probe_read_kernel_str#115
  52: r0 = *(u64 *)(r6 +24)
  53: *(u64 *)(r7 +528) = r0
  54: r0 = 4
  55: if r0 s>= 0x0 goto pc+1
  56: r0 = 0
  57: if r0 <= 0x7f goto pc+1
  58: r0 = 127
  59: r0 += 1
  60: *(u64 *)(r7 +536) = r0
  61: r1 = r7
  62: r1 += 544
  63: r2 = *(u64 *)(r7 +536)
  64: if r2 <= 0x80 goto pc+1
  65: r2 = 128
  66: if r2 s> 0x0 goto pc+1
  67: r2 = 1
  68: r3 = *(u64 *)(r7 +528)
  69: call bpf_probe_read_user_str#114
  70: if r0 s>= 0x0 goto pc+19
  71: r1 = map_value[rstap_conf] + 0
  73: *(u64 *)(r1 +16) = 2
  74: *(u64 *)(r7 +672) = 1
  75: r1 = *(u64 *)(r7 +528)
  76: *(u64 *)(r7 +680) = r1
  77: r1 = map[rstap_output]
  79: r2 = r7
  80: r2 += 672
  81: r3 = 16
  82: r4 = 0
  83: call bpf_ringbuf_output#130
  84: if r0 == 0x0 goto pc+4
  85: r1 = map_value[rstap_stats] + 0
  87: r2 = 1
  88: lock *(u64 *)(r1 +0) += r2
  89: goto pc+165
  90: r1 = r7
  91: r1 += 136
  92: r2 = 128
  93: r3 = r7
  94: r3 += 544
  95: call bpf_probe_read_kernel_str#115
  96: r0 = 0
  97: *(u64 *)(r7 +528) = r0
  98: r1 = r7
  99: r1 += 544
 100: r2 = 128
 101: r3 = *(u64 *)(r7 +528)
 102: call bpf_probe_read_kernel_str#115
 103: if r0 s>= 0x0 goto pc+5
 104: r1 = 0x3e6461623c ll
 106: *(u64 *)(r7 +672) = r1
 107: r1 = *(u64 *)(r7 +672)
 108: *(u64 *)(r7 +544) = r1
 109: r1 = r7
 110: r1 += 264
 111: r2 = 128
 112: r3 = r7
 113: r3 += 544
 114: call bpf_probe_read_kernel_str#115
 115: call bpf_get_current_task#35
 116: *(u64 *)(r7 +536) = r0
 117: *(u64 *)(r7 +544) = 0
 118: r1 = r7
 119: r1 += 544
 120: r2 = 8
 121: r3 = *(u64 *)(r7 +536)
 122: call bpf_probe_read_kernel#113
 123: if r0 s>= 0x0 goto pc+3
 124: r1 = 2
 125: *(u64 *)(r7 +528) = r1
 126: goto pc+22
 127: r0 = *(u64 *)(r7 +544)
 128: *(u64 *)(r7 +552) = r0
 129: r0 = *(u64 *)(r6 +24)
 130: *(u64 *)(r7 +560) = r0
 131: *(u64 *)(r7 +568) = 0
 132: r1 = r7
 133: r1 += 568
 134: r2 = 4
 135: r3 = *(u64 *)(r7 +560)
 136: call bpf_probe_read_user#112
 137: if r0 s>= 0x0 goto pc+3
 138: r1 = 3
 139: *(u64 *)(r7 +528) = r1
 140: goto pc+8
 141: r0 = *(u64 *)(r7 +568)
 142: r0 <<= 32
 143: r0 s>>= 32
 144: r1 = r0
 145: r0 = *(u64 *)(r7 +552)
 146: r0 += r1
 147: *(u64 *)(r7 +392) = r0
 148: goto pc+70
 149: r1 = *(u64 *)(r7 +528)
 150: if r1 != 0x2 goto pc+23
 151: r1 = 0x6c206c656e72656b ll
 153: *(u64 *)(r7 +536) = r1
 154: r1 = 0x79706f6320676e6f ll
 156: *(u64 *)(r7 +544) = r1
 157: r1 = 0x6120746c75616620 ll
 159: *(u64 *)(r7 +552) = r1
 160: r1 = 0x65206e616d5b2074 ll
 162: *(u64 *)(r7 +560) = r1
 163: r1 = 0x61663a3a726f7272 ll
 165: *(u64 *)(r7 +568) = r1
 166: *(u64 *)(r7 +576) = 1567911029
 167: r1 = r7
 168: r1 += 400
 169: r2 = 128
 170: r3 = r7
 171: r3 += 536
 172: call bpf_probe_read_kernel_str#115
 173: goto pc+25
 174: r1 = *(u64 *)(r7 +528)
 175: if r1 != 0x3 goto pc+23
 176: r1 = 0x746e692072657375 ll
 178: *(u64 *)(r7 +584) = r1
 179: r1 = 0x61662079706f6320 ll
 181: *(u64 *)(r7 +592) = r1
 182: r1 = 0x5b20746120746c75 ll
 184: *(u64 *)(r7 +600) = r1
 185: r1 = 0x6f727265206e616d ll
 187: *(u64 *)(r7 +608) = r1
 188: r1 = 0x746c7561663a3a72 ll
 190: *(u64 *)(r7 +616) = r1
 191: *(u64 *)(r7 +624) = 93
 192: r1 = r7
 193: r1 += 400
 194: r2 = 128
 195: r3 = r7
 196: r3 += 584
 197: call bpf_probe_read_kernel_str#115
 198: goto pc+0
 199: *(u64 *)(r7 +632) = 4
 200: r1 = r7
 201: r1 += 640
 202: r2 = 128
 203: r3 = r7
 204: r3 += 400
 205: call bpf_probe_read_kernel_str#115
 206: r1 = map[rstap_output]
 208: r2 = r7
 209: r2 += 632
 210: r3 = 136
 211: r4 = 0
 212: call bpf_ringbuf_output#130
 213: if r0 == 0x0 goto pc+4
 214: r1 = map_value[rstap_stats] + 0
 216: r2 = 1
 217: lock *(u64 *)(r1 +0) += r2
 218: r0 = 0
 219: r0 = *(u64 *)(r7 +392)
 220: *(u64 *)(r7 +528) = r0
 221: *(u64 *)(r7 +536) = 5
 222: r1 = r7
 223: r1 += 544
 224: r2 = 128
 225: r3 = r7
 226: r3 += 8
 227: call bpf_probe_read_kernel_str#115
 228: r1 = r7
 229: r1 += 672
 230: r2 = 128
 231: r3 = r7
 232: r3 += 136
 233: call bpf_probe_read_kernel_str#115
 234: r1 = r7
 235: r1 += 800
 236: r2 = 128
 237: r3 = r7
 238: r3 += 264
 239: call bpf_probe_read_kernel_str#115
 240: r1 = *(u64 *)(r7 +528)
 241: *(u64 *)(r7 +928) = r1
 242: r1 = map[rstap_output]
 244: r2 = r7
 245: r2 += 536
 246: r3 = 400
 247: r4 = 0
 248: call bpf_ringbuf_output#130
 249: if r0 == 0x0 goto pc+4
 250: r1 = map_value[rstap_stats] + 0
 252: r2 = 1
 253: lock *(u64 *)(r1 +0) += r2
 254: r0 = 0
 255: r0 = 0
 256: exit
site 0: Fault { code: Code("R0011"), prefix: "user string copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 1: Fault { code: Code("R0011"), prefix: "user string copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 2: Fault { code: Code("R0011"), prefix: "kernel long copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 3: Fault { code: Code("R0011"), prefix: "user int copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 4: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: String, offset: 8, width: 128 }] size 136
site 5: Printf { format: [37, 115, 32, 37, 115, 32, 37, 115, 32, 37, 100, 10] } args [ArgSlot { ty: String, offset: 8, width: 128 }, ArgSlot { ty: String, offset: 136, width: 128 }, ArgSlot { ty: String, offset: 264, width: 128 }, ArgSlot { ty: Long, offset: 392, width: 8 }] size 400
