map rstap_scratch: PercpuArray key 4 value 840 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_s: PercpuHash key 16 value 48 entries 2048
map g1_t: Hash key 32 value 8 entries 2048
map rstap_rodata: Array key 4 value 48 entries 1
map rstap_stacks: StackTrace key 4 value 160 entries 16384

# timer.profile.tick (PerfEvent, Perf { type_: 1, config: 0, sample: Frequency(250), every_cpu: true })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+166
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+159
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = 1
  15: *(u64 *)(r7 +8) = r0
  16: *(u64 *)(r7 +16) = 0
  17: *(u64 *)(r7 +24) = 0
  18: r1 = r6
  19: r2 = map[rstap_stacks]
  21: r3 = 0
  22: call bpf_get_stackid#27
  23: if r0 s>= 0x0 goto pc+6
  24: if r0 == 0xfffffff2 goto pc+4
  25: r1 = map_value[rstap_stats] + 0
  27: r2 = 1
  28: lock *(u64 *)(r1 +8) += r2
  29: r0 = -1
  30: *(u64 *)(r7 +32) = r0
  31: r1 = *(u64 *)(r7 +32)
  32: if r1 s>= 0x0 goto pc+2
  33: *(u8 *)(r7 +40) = 0
  34: goto pc+44
  35: *(u8 *)(r7 +40) = 255
  36: *(u8 *)(r7 +41) = 98
  37: r2 = *(u64 *)(r7 +32)
  38: r1 = r2
  39: r1 >>= 28
  40: r1 &= 15
  41: r1 += 97
  42: *(u8 *)(r7 +42) = r1
  43: r1 = r2
  44: r1 >>= 24
  45: r1 &= 15
  46: r1 += 97
  47: *(u8 *)(r7 +43) = r1
  48: r1 = r2
  49: r1 >>= 20
  50: r1 &= 15
  51: r1 += 97
  52: *(u8 *)(r7 +44) = r1
  53: r1 = r2
  54: r1 >>= 16
  55: r1 &= 15
  56: r1 += 97
  57: *(u8 *)(r7 +45) = r1
  58: r1 = r2
  59: r1 >>= 12
  60: r1 &= 15
  61: r1 += 97
  62: *(u8 *)(r7 +46) = r1
  63: r1 = r2
  64: r1 >>= 8
  65: r1 &= 15
  66: r1 += 97
  67: *(u8 *)(r7 +47) = r1
  68: r1 = r2
  69: r1 >>= 4
  70: r1 &= 15
  71: r1 += 97
  72: *(u8 *)(r7 +48) = r1
  73: r1 = r2
  74: r1 &= 15
  75: r1 += 97
  76: *(u8 *)(r7 +49) = r1
  77: *(u8 *)(r7 +50) = 254
  78: *(u8 *)(r7 +51) = 0
  79: r1 = r7
  80: r1 += 16
  81: r2 = 12
  82: r3 = r7
  83: r3 += 40
  84: call bpf_probe_read_kernel_str#115
  85: r1 = map[g0_s]
  87: r2 = r7
  88: r2 += 16
  89: call bpf_map_lookup_elem#1
  90: if r0 != 0x0 goto pc+59
  91: *(u64 *)(r7 +56) = 0
  92: *(u64 *)(r7 +64) = 0
  93: *(u64 *)(r7 +72) = 0
  94: *(u64 *)(r7 +80) = 0
  95: *(u64 *)(r7 +88) = 0
  96: *(u64 *)(r7 +96) = 0
  97: r1 = map[g0_s]
  99: r2 = r7
 100: r2 += 16
 101: r3 = r7
 102: r3 += 56
 103: r4 = 1
 104: call bpf_map_update_elem#2
 105: if r0 == 0x0 goto pc+19
 106: if r0 == 0xffffffef goto pc+18
 107: if r0 s>= 0x0 goto pc+17
 108: r1 = map_value[rstap_conf] + 0
 110: *(u64 *)(r1 +16) = 2
 111: *(u64 *)(r7 +104) = 0
 112: r1 = map[rstap_output]
 114: r2 = r7
 115: r2 += 104
 116: r3 = 8
 117: r4 = 2
 118: call bpf_ringbuf_output#130
 119: if r0 == 0x0 goto pc+4
 120: r1 = map_value[rstap_stats] + 0
 122: r2 = 1
 123: lock *(u64 *)(r1 +0) += r2
 124: goto pc+46
 125: r1 = map[g0_s]
 127: r2 = r7
 128: r2 += 16
 129: call bpf_map_lookup_elem#1
 130: if r0 != 0x0 goto pc+19
 131: r0 = -1
 132: if r0 s>= 0x0 goto pc+17
 133: r1 = map_value[rstap_conf] + 0
 135: *(u64 *)(r1 +16) = 2
 136: *(u64 *)(r7 +112) = 1
 137: r1 = map[rstap_output]
 139: r2 = r7
 140: r2 += 112
 141: r3 = 8
 142: r4 = 2
 143: call bpf_ringbuf_output#130
 144: if r0 == 0x0 goto pc+4
 145: r1 = map_value[rstap_stats] + 0
 147: r2 = 1
 148: lock *(u64 *)(r1 +0) += r2
 149: goto pc+21
 150: r9 = r0
 151: r1 = *(u64 *)(r7 +8)
 152: r2 = *(u64 *)(r9 +0)
 153: if r2 != 0x0 goto pc+5
 154: *(u64 *)(r9 +0) = 1
 155: *(u64 *)(r9 +8) = r1
 156: *(u64 *)(r9 +16) = r1
 157: *(u64 *)(r9 +24) = r1
 158: goto pc+11
 159: r2 += 1
 160: *(u64 *)(r9 +0) = r2
 161: r3 = *(u64 *)(r9 +8)
 162: r3 += r1
 163: *(u64 *)(r9 +8) = r3
 164: r3 = *(u64 *)(r9 +16)
 165: if r1 s>= r3 goto pc+1
 166: *(u64 *)(r9 +16) = r1
 167: r3 = *(u64 *)(r9 +24)
 168: if r1 s<= r3 goto pc+1
 169: *(u64 *)(r9 +24) = r1
 170: r0 = *(u64 *)(r7 +8)
 171: r0 = 0
 172: exit

# kernel.trace("sched:sched_switch") (Tracepoint, Tracepoint { system: "sched", name: "sched_switch" })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+166
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+159
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r1 = r6
  15: r2 = map[rstap_stacks]
  17: r3 = 0
  18: call bpf_get_stackid#27
  19: if r0 s>= 0x0 goto pc+6
  20: if r0 == 0xfffffff2 goto pc+4
  21: r1 = map_value[rstap_stats] + 0
  23: r2 = 1
  24: lock *(u64 *)(r1 +8) += r2
  25: r0 = -1
  26: *(u64 *)(r7 +8) = r0
  27: *(u64 *)(r7 +16) = 2
  28: r1 = *(u64 *)(r7 +8)
  29: *(u64 *)(r7 +24) = r1
  30: r1 = map[rstap_output]
  32: r2 = r7
  33: r2 += 16
  34: r3 = 16
  35: r4 = 1
  36: call bpf_ringbuf_output#130
  37: if r0 == 0x0 goto pc+4
  38: r1 = map_value[rstap_stats] + 0
  40: r2 = 1
  41: lock *(u64 *)(r1 +0) += r2
  42: r0 = 1
  43: *(u64 *)(r7 +8) = r0
  44: *(u64 *)(r7 +16) = 0
  45: *(u64 *)(r7 +24) = 0
  46: *(u64 *)(r7 +32) = 0
  47: *(u64 *)(r7 +40) = 0
  48: r1 = r7
  49: r1 += 48
  50: r2 = 16
  51: call bpf_get_current_comm#16
  52: r1 = *(u64 *)(r7 +48)
  53: *(u64 *)(r7 +16) = r1
  54: r1 = *(u64 *)(r7 +56)
  55: *(u64 *)(r7 +24) = r1
  56: r1 = r6
  57: r2 = map[rstap_stacks]
  59: r3 = 0
  60: call bpf_get_stackid#27
  61: if r0 s>= 0x0 goto pc+6
  62: if r0 == 0xfffffff2 goto pc+4
  63: r1 = map_value[rstap_stats] + 0
  65: r2 = 1
  66: lock *(u64 *)(r1 +8) += r2
  67: r0 = -1
  68: *(u64 *)(r7 +64) = r0
  69: r1 = *(u64 *)(r7 +64)
  70: if r1 s>= 0x0 goto pc+2
  71: *(u8 *)(r7 +72) = 0
  72: goto pc+44
  73: *(u8 *)(r7 +72) = 255
  74: *(u8 *)(r7 +73) = 115
  75: r2 = *(u64 *)(r7 +64)
  76: r1 = r2
  77: r1 >>= 28
  78: r1 &= 15
  79: r1 += 97
  80: *(u8 *)(r7 +74) = r1
  81: r1 = r2
  82: r1 >>= 24
  83: r1 &= 15
  84: r1 += 97
  85: *(u8 *)(r7 +75) = r1
  86: r1 = r2
  87: r1 >>= 20
  88: r1 &= 15
  89: r1 += 97
  90: *(u8 *)(r7 +76) = r1
  91: r1 = r2
  92: r1 >>= 16
  93: r1 &= 15
  94: r1 += 97
  95: *(u8 *)(r7 +77) = r1
  96: r1 = r2
  97: r1 >>= 12
  98: r1 &= 15
  99: r1 += 97
 100: *(u8 *)(r7 +78) = r1
 101: r1 = r2
 102: r1 >>= 8
 103: r1 &= 15
 104: r1 += 97
 105: *(u8 *)(r7 +79) = r1
 106: r1 = r2
 107: r1 >>= 4
 108: r1 &= 15
 109: r1 += 97
 110: *(u8 *)(r7 +80) = r1
 111: r1 = r2
 112: r1 &= 15
 113: r1 += 97
 114: *(u8 *)(r7 +81) = r1
 115: *(u8 *)(r7 +82) = 254
 116: *(u8 *)(r7 +83) = 0
 117: r1 = r7
 118: r1 += 32
 119: r2 = 12
 120: r3 = r7
 121: r3 += 72
 122: call bpf_probe_read_kernel_str#115
 123: r1 = map[g1_t]
 125: r2 = r7
 126: r2 += 16
 127: call bpf_map_lookup_elem#1
 128: if r0 == 0x0 goto pc+5
 129: r1 = *(u64 *)(r7 +8)
 130: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
 131: r0 = *(u64 *)(r7 +8)
 132: r0 += r1
 133: goto pc+36
 134: r1 = map[g1_t]
 136: r2 = r7
 137: r2 += 16
 138: r3 = r7
 139: r3 += 8
 140: r4 = 1
 141: call bpf_map_update_elem#2
 142: if r0 == 0x0 goto pc+26
 143: if r0 != 0xffffffef goto pc+6
 144: r1 = map[g1_t]
 146: r2 = r7
 147: r2 += 16
 148: call bpf_map_lookup_elem#1
 149: if r0 != 0x0 goto pc-21
 150: r0 = -1
 151: if r0 s>= 0x0 goto pc+17
 152: r1 = map_value[rstap_conf] + 0
 154: *(u64 *)(r1 +16) = 2
 155: *(u64 *)(r7 +88) = 3
 156: r1 = map[rstap_output]
 158: r2 = r7
 159: r2 += 88
 160: r3 = 8
 161: r4 = 2
 162: call bpf_ringbuf_output#130
 163: if r0 == 0x0 goto pc+4
 164: r1 = map_value[rstap_stats] + 0
 166: r2 = 1
 167: lock *(u64 *)(r1 +0) += r2
 168: goto pc+2
 169: r0 = *(u64 *)(r7 +8)
 170: r0 -= 1
 171: r0 = 0
 172: exit

# perf.type(1).config(0).sample(1000000) (PerfEvent, Perf { type_: 1, config: 0, sample: Period(1000000), every_cpu: true })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+391
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+384
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 0
  15: r0 = 1
  16: *(u64 *)(r7 +136) = r0
  17: r1 = r6
  18: r2 = r7
  19: r2 += 144
  20: r3 = 160
  21: r4 = 0
  22: call bpf_get_stack#67
  23: if r0 s>= 0x0 goto pc+1
  24: r0 = 0
  25: r0 >>= 3
  26: *(u64 *)(r7 +304) = r0
  27: r1 = r6
  28: r2 = map[rstap_stacks]
  30: r3 = 0
  31: call bpf_get_stackid#27
  32: if r0 s>= 0x0 goto pc+6
  33: if r0 == 0xfffffff2 goto pc+4
  34: r1 = map_value[rstap_stats] + 0
  36: r2 = 1
  37: lock *(u64 *)(r1 +8) += r2
  38: r0 = -1
  39: *(u64 *)(r7 +312) = r0
  40: r1 = *(u64 *)(r7 +136)
  41: if r1 == 0xffffffff goto pc+28
  42: if r1 s< 0xffffffff goto pc+25
  43: r2 = *(u64 *)(r7 +304)
  44: if r1 >= r2 goto pc+4
  45: if r1 > 0x13 goto pc+3
  46: r1 += 1
  47: *(u64 *)(r7 +320) = r1
  48: goto pc+22
  49: r1 = map_value[rstap_conf] + 0
  51: *(u64 *)(r1 +16) = 2
  52: *(u64 *)(r7 +328) = 4
  53: r1 = *(u64 *)(r7 +136)
  54: *(u64 *)(r7 +336) = r1
  55: r1 = map[rstap_output]
  57: r2 = r7
  58: r2 += 328
  59: r3 = 16
  60: r4 = 2
  61: call bpf_ringbuf_output#130
  62: if r0 == 0x0 goto pc+4
  63: r1 = map_value[rstap_stats] + 0
  65: r2 = 1
  66: lock *(u64 *)(r1 +0) += r2
  67: goto pc+328
  68: r1 = -1
  69: *(u64 *)(r7 +312) = r1
  70: *(u64 *)(r7 +320) = 0
  71: r1 = *(u64 *)(r7 +312)
  72: if r1 s>= 0x0 goto pc+2
  73: *(u8 *)(r7 +344) = 0
  74: goto pc+54
  75: *(u8 *)(r7 +344) = 255
  76: *(u8 *)(r7 +345) = 99
  77: r2 = *(u64 *)(r7 +320)
  78: r1 = r2
  79: r1 >>= 4
  80: r1 &= 15
  81: r1 += 97
  82: *(u8 *)(r7 +346) = r1
  83: r1 = r2
  84: r1 &= 15
  85: r1 += 97
  86: *(u8 *)(r7 +347) = r1
  87: r2 = *(u64 *)(r7 +312)
  88: r1 = r2
  89: r1 >>= 28
  90: r1 &= 15
  91: r1 += 97
  92: *(u8 *)(r7 +348) = r1
  93: r1 = r2
  94: r1 >>= 24
  95: r1 &= 15
  96: r1 += 97
  97: *(u8 *)(r7 +349) = r1
  98: r1 = r2
  99: r1 >>= 20
 100: r1 &= 15
 101: r1 += 97
 102: *(u8 *)(r7 +350) = r1
 103: r1 = r2
 104: r1 >>= 16
 105: r1 &= 15
 106: r1 += 97
 107: *(u8 *)(r7 +351) = r1
 108: r1 = r2
 109: r1 >>= 12
 110: r1 &= 15
 111: r1 += 97
 112: *(u8 *)(r7 +352) = r1
 113: r1 = r2
 114: r1 >>= 8
 115: r1 &= 15
 116: r1 += 97
 117: *(u8 *)(r7 +353) = r1
 118: r1 = r2
 119: r1 >>= 4
 120: r1 &= 15
 121: r1 += 97
 122: *(u8 *)(r7 +354) = r1
 123: r1 = r2
 124: r1 &= 15
 125: r1 += 97
 126: *(u8 *)(r7 +355) = r1
 127: *(u8 *)(r7 +356) = 254
 128: *(u8 *)(r7 +357) = 0
 129: *(u64 *)(r7 +360) = 1
 130: r1 = r6
 131: r2 = r7
 132: r2 += 368
 133: r3 = 160
 134: r4 = 0
 135: call bpf_get_stack#67
 136: if r0 s>= 0x0 goto pc+1
 137: r0 = 0
 138: r0 >>= 3
 139: *(u64 *)(r7 +528) = r0
 140: r1 = *(u64 *)(r7 +360)
 141: r2 = *(u64 *)(r7 +528)
 142: if r1 s< 0x0 goto pc+8
 143: if r1 >= r2 goto pc+7
 144: if r1 > 0x13 goto pc+6
 145: r1 <<= 3
 146: r2 = r7
 147: r2 += 368
 148: r2 += r1
 149: r0 = *(u64 *)(r2 +0)
 150: goto pc+19
 151: r1 = map_value[rstap_conf] + 0
 153: *(u64 *)(r1 +16) = 2
 154: *(u64 *)(r7 +536) = 5
 155: r1 = *(u64 *)(r7 +360)
 156: *(u64 *)(r7 +544) = r1
 157: r1 = map[rstap_output]
 159: r2 = r7
 160: r2 += 536
 161: r3 = 16
 162: r4 = 2
 163: call bpf_ringbuf_output#130
 164: if r0 == 0x0 goto pc+4
 165: r1 = map_value[rstap_stats] + 0
 167: r2 = 1
 168: lock *(u64 *)(r1 +0) += r2
 169: goto pc+226
 170: *(u64 *)(r7 +552) = r0
 171: *(u8 *)(r7 +560) = 255
 172: *(u8 *)(r7 +561) = 107
 173: r2 = *(u64 *)(r7 +552)
 174: r1 = r2
 175: r1 >>= 60
 176: r1 &= 15
 177: r1 += 97
 178: *(u8 *)(r7 +562) = r1
 179: r1 = r2
 180: r1 >>= 56
 181: r1 &= 15
 182: r1 += 97
 183: *(u8 *)(r7 +563) = r1
 184: r1 = r2
 185: r1 >>= 52
 186: r1 &= 15
 187: r1 += 97
 188: *(u8 *)(r7 +564) = r1
 189: r1 = r2
 190: r1 >>= 48
 191: r1 &= 15
 192: r1 += 97
 193: *(u8 *)(r7 +565) = r1
 194: r1 = r2
 195: r1 >>= 44
 196: r1 &= 15
 197: r1 += 97
 198: *(u8 *)(r7 +566) = r1
 199: r1 = r2
 200: r1 >>= 40
 201: r1 &= 15
 202: r1 += 97
 203: *(u8 *)(r7 +567) = r1
 204: r1 = r2
 205: r1 >>= 36
 206: r1 &= 15
 207: r1 += 97
 208: *(u8 *)(r7 +568) = r1
 209: r1 = r2
 210: r1 >>= 32
 211: r1 &= 15
 212: r1 += 97
 213: *(u8 *)(r7 +569) = r1
 214: r1 = r2
 215: r1 >>= 28
 216: r1 &= 15
 217: r1 += 97
 218: *(u8 *)(r7 +570) = r1
 219: r1 = r2
 220: r1 >>= 24
 221: r1 &= 15
 222: r1 += 97
 223: *(u8 *)(r7 +571) = r1
 224: r1 = r2
 225: r1 >>= 20
 226: r1 &= 15
 227: r1 += 97
 228: *(u8 *)(r7 +572) = r1
 229: r1 = r2
 230: r1 >>= 16
 231: r1 &= 15
 232: r1 += 97
 233: *(u8 *)(r7 +573) = r1
 234: r1 = r2
 235: r1 >>= 12
 236: r1 &= 15
 237: r1 += 97
 238: *(u8 *)(r7 +574) = r1
 239: r1 = r2
 240: r1 >>= 8
 241: r1 &= 15
 242: r1 += 97
 243: *(u8 *)(r7 +575) = r1
 244: r1 = r2
 245: r1 >>= 4
 246: r1 &= 15
 247: r1 += 97
 248: *(u8 *)(r7 +576) = r1
 249: r1 = r2
 250: r1 &= 15
 251: r1 += 97
 252: *(u8 *)(r7 +577) = r1
 253: *(u8 *)(r7 +578) = 254
 254: *(u8 *)(r7 +579) = 0
 255: r0 = 2
 256: *(u64 *)(r7 +592) = r0
 257: r1 = r6
 258: r2 = r7
 259: r2 += 600
 260: r3 = 160
 261: r4 = 0
 262: call bpf_get_stack#67
 263: if r0 s>= 0x0 goto pc+1
 264: r0 = 0
 265: r0 >>= 3
 266: *(u64 *)(r7 +760) = r0
 267: r1 = *(u64 *)(r7 +592)
 268: r2 = *(u64 *)(r7 +760)
 269: if r1 s< 0x0 goto pc+8
 270: if r1 >= r2 goto pc+7
 271: if r1 > 0x13 goto pc+6
 272: r1 <<= 3
 273: r2 = r7
 274: r2 += 600
 275: r2 += r1
 276: r0 = *(u64 *)(r2 +0)
 277: goto pc+19
 278: r1 = map_value[rstap_conf] + 0
 280: *(u64 *)(r1 +16) = 2
 281: *(u64 *)(r7 +768) = 6
 282: r1 = *(u64 *)(r7 +592)
 283: *(u64 *)(r7 +776) = r1
 284: r1 = map[rstap_output]
 286: r2 = r7
 287: r2 += 768
 288: r3 = 16
 289: r4 = 2
 290: call bpf_ringbuf_output#130
 291: if r0 == 0x0 goto pc+4
 292: r1 = map_value[rstap_stats] + 0
 294: r2 = 1
 295: lock *(u64 *)(r1 +0) += r2
 296: goto pc+99
 297: *(u64 *)(r7 +584) = r0
 298: *(u64 *)(r7 +784) = 7
 299: r1 = r7
 300: r1 += 792
 301: r2 = 14
 302: r3 = r7
 303: r3 += 344
 304: call bpf_probe_read_kernel_str#115
 305: r1 = r7
 306: r1 += 808
 307: r2 = 20
 308: r3 = r7
 309: r3 += 560
 310: call bpf_probe_read_kernel_str#115
 311: r1 = *(u64 *)(r7 +584)
 312: *(u64 *)(r7 +832) = r1
 313: r1 = map[rstap_output]
 315: r2 = r7
 316: r2 += 784
 317: r3 = 56
 318: r4 = 1
 319: call bpf_ringbuf_output#130
 320: if r0 == 0x0 goto pc+4
 321: r1 = map_value[rstap_stats] + 0
 323: r2 = 1
 324: lock *(u64 *)(r1 +0) += r2
 325: r0 = 0
 326: *(u64 *)(r7 +280) = 1
 327: r1 = r6
 328: r2 = r7
 329: r2 += 288
 330: r3 = 160
 331: r4 = 0
 332: call bpf_get_stack#67
 333: if r0 s>= 0x0 goto pc+1
 334: r0 = 0
 335: r0 >>= 3
 336: *(u64 *)(r7 +448) = r0
 337: r1 = *(u64 *)(r7 +280)
 338: r2 = *(u64 *)(r7 +448)
 339: if r1 s< 0x0 goto pc+8
 340: if r1 >= r2 goto pc+7
 341: if r1 > 0x13 goto pc+6
 342: r1 <<= 3
 343: r2 = r7
 344: r2 += 288
 345: r2 += r1
 346: r0 = *(u64 *)(r2 +0)
 347: goto pc+5
 348: r1 = 8
 349: *(u64 *)(r7 +136) = r1
 350: r1 = *(u64 *)(r7 +280)
 351: *(u64 *)(r7 +144) = r1
 352: goto pc+1
 353: goto pc+42
 354: r1 = *(u64 *)(r7 +136)
 355: if r1 != 0x8 goto pc+20
 356: r1 = *(u64 *)(r7 +144)
 357: *(u64 *)(r7 +280) = r1
 358: r1 = r7
 359: r1 += 288
 360: r2 = 128
 361: r3 = map_value[rstap_rodata] + 0
 363: r4 = r7
 364: r4 += 280
 365: r5 = 8
 366: call bpf_snprintf#165
 367: if r0 s>= 0x0 goto pc+1
 368: *(u8 *)(r7 +288) = 0
 369: r1 = r7
 370: r1 += 8
 371: r2 = 128
 372: r3 = r7
 373: r3 += 288
 374: call bpf_probe_read_kernel_str#115
 375: goto pc+0
 376: *(u64 *)(r7 +416) = 9
 377: r1 = r7
 378: r1 += 424
 379: r2 = 128
 380: r3 = r7
 381: r3 += 8
 382: call bpf_probe_read_kernel_str#115
 383: r1 = map[rstap_output]
 385: r2 = r7
 386: r2 += 416
 387: r3 = 136
 388: r4 = 1
 389: call bpf_ringbuf_output#130
 390: if r0 == 0x0 goto pc+4
 391: r1 = map_value[rstap_stats] + 0
 393: r2 = 1
 394: lock *(u64 *)(r1 +0) += r2
 395: r0 = 0
 396: r0 = 0
 397: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 2: PrintBacktrace args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 3: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 4: NoStackFrame { code: Code("R0013"), user: false } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 5: NoStackFrame { code: Code("R0013"), user: false } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 6: NoStackFrame { code: Code("R0013"), user: false } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 7: Printf { format: [37, 115, 124, 37, 115, 124, 37, 100, 10] } args [ArgSlot { ty: String, offset: 8, width: 14 }, ArgSlot { ty: String, offset: 24, width: 20 }, ArgSlot { ty: Long, offset: 48, width: 8 }] size 56
site 8: NoStackFrame { code: Code("R0013"), user: false } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 9: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: String, offset: 8, width: 128 }] size 136
