map rstap_scratch: PercpuArray key 4 value 936 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_openat") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_openat" })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+237
   8: r7 = r0
   9: *(u64 *)(r7 +0) = r6
  10: *(u64 *)(r7 +8) = 0
  11: *(u64 *)(r7 +136) = 0
  12: *(u64 *)(r7 +264) = 0
  13: *(u64 *)(r7 +392) = 0
  14: *(u64 *)(r7 +400) = 0
  15: r0 = *(u64 *)(r6 +24)
  16: *(u64 *)(r7 +528) = r0
  17: r1 = r7
  18: r1 += 544
  19: r2 = 128
  20: r3 = *(u64 *)(r7 +528)
  21: call bpf_probe_read_user_str#114
  22: if r0 s>= 0x0 goto pc+16
  23: *(u64 *)(r7 +672) = 0
  24: r1 = *(u64 *)(r7 +528)
  25: *(u64 *)(r7 +680) = r1
  26: r1 = map[rstap_output]
  28: r2 = r7
  29: r2 += 672
  30: r3 = 16
  31: r4 = 0
  32: call bpf_ringbuf_output#130
  33: if r0 == 0x0 goto pc+4
  34: r1 = map_value[rstap_stats] + 0
  36: r2 = 1
  37: lock *(u64 *)(r1 +0) += r2
  38: goto pc+206
  39: r1 = r7
  40: r1 += 8
  41: r2 = 128
  42: r3 = r7
  43: r3 += 544
  44: call bpf_probe_read_kernel_str#115
  45: r0 = *(u64 *)(r6 +24)
  46: *(u64 *)(r7 +528) = r0
  47: r0 = 4
  48: if r0 s>= 0x0 goto pc+1
  49: r0 = 0
  50: if r0 <= 0x7f goto pc+1
  51: r0 = 127
  52: r0 += 1
  53: *(u64 *)(r7 +536) = r0
  54: r1 = r7
  55: r1 += 544
  56: r2 = *(u64 *)(r7 +536)
  57: if r2 <= 0x80 goto pc+1
  58: r2 = 128
  59: if r2 s> 0x0 goto pc+1
  60: r2 = 1
  61: r3 = *(u64 *)(r7 +528)
  62: call bpf_probe_read_user_str#114
  63: if r0 s>= 0x0 goto pc+16
  64: *(u64 *)(r7 +672) = 1
  65: r1 = *(u64 *)(r7 +528)
  66: *(u64 *)(r7 +680) = r1
  67: r1 = map[rstap_output]
  69: r2 = r7
  70: r2 += 672
  71: r3 = 16
  72: r4 = 0
  73: call bpf_ringbuf_output#130
  74: if r0 == 0x0 goto pc+4
  75: r1 = map_value[rstap_stats] + 0
  77: r2 = 1
  78: lock *(u64 *)(r1 +0) += r2
  79: goto pc+165
  80: r1 = r7
  81: r1 += 136
  82: r2 = 128
  83: r3 = r7
  84: r3 += 544
  85: call bpf_probe_read_kernel_str#115
  86: r0 = 0
  87: *(u64 *)(r7 +528) = r0
  88: r1 = r7
  89: r1 += 544
  90: r2 = 128
  91: r3 = *(u64 *)(r7 +528)
  92: call bpf_probe_read_kernel_str#115
  93: if r0 s>= 0x0 goto pc+5
  94: r1 = 0x3e6461623c ll
  96: *(u64 *)(r7 +672) = r1
  97: r1 = *(u64 *)(r7 +672)
  98: *(u64 *)(r7 +544) = r1
  99: r1 = r7
 100: r1 += 264
 101: r2 = 128
 102: r3 = r7
 103: r3 += 544
 104: call bpf_probe_read_kernel_str#115
 105: call bpf_get_current_task#35
 106: *(u64 *)(r7 +536) = r0
 107: *(u64 *)(r7 +544) = 0
 108: r1 = r7
 109: r1 += 544
 110: r2 = 8
 111: r3 = *(u64 *)(r7 +536)
 112: call bpf_probe_read_kernel#113
 113: if r0 s>= 0x0 goto pc+3
 114: r1 = 2
 115: *(u64 *)(r7 +528) = r1
 116: goto pc+22
 117: r0 = *(u64 *)(r7 +544)
 118: *(u64 *)(r7 +552) = r0
 119: r0 = *(u64 *)(r6 +24)
 120: *(u64 *)(r7 +560) = r0
 121: *(u64 *)(r7 +568) = 0
 122: r1 = r7
 123: r1 += 568
 124: r2 = 4
 125: r3 = *(u64 *)(r7 +560)
 126: call bpf_probe_read_user#112
 127: if r0 s>= 0x0 goto pc+3
 128: r1 = 3
 129: *(u64 *)(r7 +528) = r1
 130: goto pc+8
 131: r0 = *(u64 *)(r7 +568)
 132: r0 <<= 32
 133: r0 s>>= 32
 134: r1 = r0
 135: r0 = *(u64 *)(r7 +552)
 136: r0 += r1
 137: *(u64 *)(r7 +392) = r0
 138: goto pc+70
 139: r1 = *(u64 *)(r7 +528)
 140: if r1 != 0x2 goto pc+23
 141: r1 = 0x6c206c656e72656b ll
 143: *(u64 *)(r7 +536) = r1
 144: r1 = 0x79706f6320676e6f ll
 146: *(u64 *)(r7 +544) = r1
 147: r1 = 0x6120746c75616620 ll
 149: *(u64 *)(r7 +552) = r1
 150: r1 = 0x65206e616d5b2074 ll
 152: *(u64 *)(r7 +560) = r1
 153: r1 = 0x61663a3a726f7272 ll
 155: *(u64 *)(r7 +568) = r1
 156: *(u64 *)(r7 +576) = 1567911029
 157: r1 = r7
 158: r1 += 400
 159: r2 = 128
 160: r3 = r7
 161: r3 += 536
 162: call bpf_probe_read_kernel_str#115
 163: goto pc+25
 164: r1 = *(u64 *)(r7 +528)
 165: if r1 != 0x3 goto pc+23
 166: r1 = 0x746e692072657375 ll
 168: *(u64 *)(r7 +584) = r1
 169: r1 = 0x61662079706f6320 ll
 171: *(u64 *)(r7 +592) = r1
 172: r1 = 0x5b20746120746c75 ll
 174: *(u64 *)(r7 +600) = r1
 175: r1 = 0x6f727265206e616d ll
 177: *(u64 *)(r7 +608) = r1
 178: r1 = 0x746c7561663a3a72 ll
 180: *(u64 *)(r7 +616) = r1
 181: *(u64 *)(r7 +624) = 93
 182: r1 = r7
 183: r1 += 400
 184: r2 = 128
 185: r3 = r7
 186: r3 += 584
 187: call bpf_probe_read_kernel_str#115
 188: goto pc+0
 189: *(u64 *)(r7 +632) = 4
 190: r1 = r7
 191: r1 += 640
 192: r2 = 128
 193: r3 = r7
 194: r3 += 400
 195: call bpf_probe_read_kernel_str#115
 196: r1 = map[rstap_output]
 198: r2 = r7
 199: r2 += 632
 200: r3 = 136
 201: r4 = 0
 202: call bpf_ringbuf_output#130
 203: if r0 == 0x0 goto pc+4
 204: r1 = map_value[rstap_stats] + 0
 206: r2 = 1
 207: lock *(u64 *)(r1 +0) += r2
 208: r0 = 0
 209: r0 = *(u64 *)(r7 +392)
 210: *(u64 *)(r7 +528) = r0
 211: *(u64 *)(r7 +536) = 5
 212: r1 = r7
 213: r1 += 544
 214: r2 = 128
 215: r3 = r7
 216: r3 += 8
 217: call bpf_probe_read_kernel_str#115
 218: r1 = r7
 219: r1 += 672
 220: r2 = 128
 221: r3 = r7
 222: r3 += 136
 223: call bpf_probe_read_kernel_str#115
 224: r1 = r7
 225: r1 += 800
 226: r2 = 128
 227: r3 = r7
 228: r3 += 264
 229: call bpf_probe_read_kernel_str#115
 230: r1 = *(u64 *)(r7 +528)
 231: *(u64 *)(r7 +928) = r1
 232: r1 = map[rstap_output]
 234: r2 = r7
 235: r2 += 536
 236: r3 = 400
 237: r4 = 0
 238: call bpf_ringbuf_output#130
 239: if r0 == 0x0 goto pc+4
 240: r1 = map_value[rstap_stats] + 0
 242: r2 = 1
 243: lock *(u64 *)(r1 +0) += r2
 244: r0 = 0
 245: r0 = 0
 246: exit
site 0: Fault { code: Code("R0011"), prefix: "user string copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 1: Fault { code: Code("R0011"), prefix: "user string copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 2: Fault { code: Code("R0011"), prefix: "kernel long copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 3: Fault { code: Code("R0011"), prefix: "user int copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 4: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: String, offset: 8, width: 128 }] size 136
site 5: Printf { format: [37, 115, 32, 37, 115, 32, 37, 115, 32, 37, 100, 10] } args [ArgSlot { ty: String, offset: 8, width: 128 }, ArgSlot { ty: String, offset: 136, width: 128 }, ArgSlot { ty: String, offset: 264, width: 128 }, ArgSlot { ty: Long, offset: 392, width: 8 }] size 400
