map rstap_scratch: PercpuArray key 4 value 296 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_x: Array key 4 value 8 entries 1
map g1_s: Array key 4 value 128 entries 1
map rstap_rodata: Array key 4 value 24 entries 1

# process("/opt/app").function("visit") (Kprobe, Uprobe { path: "/opt/app", offset: 4544, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+154
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+147
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +112)
  15: r0 += 16
  16: *(u64 *)(r7 +16) = r0
  17: *(u64 *)(r7 +24) = 0
  18: r1 = r7
  19: r1 += 24
  20: r2 = 8
  21: r3 = *(u64 *)(r7 +16)
  22: call bpf_probe_read_user#112
  23: if r0 s>= 0x0 goto pc+19
  24: r1 = map_value[rstap_conf] + 0
  26: *(u64 *)(r1 +16) = 2
  27: *(u64 *)(r7 +32) = 0
  28: r1 = *(u64 *)(r7 +16)
  29: *(u64 *)(r7 +40) = r1
  30: r1 = map[rstap_output]
  32: r2 = r7
  33: r2 += 32
  34: r3 = 16
  35: r4 = 2
  36: call bpf_ringbuf_output#130
  37: if r0 == 0x0 goto pc+4
  38: r1 = map_value[rstap_stats] + 0
  40: r2 = 1
  41: lock *(u64 *)(r1 +0) += r2
  42: goto pc+116
  43: r0 = *(u64 *)(r7 +24)
  44: *(u64 *)(r7 +8) = r0
  45: *(u64 *)(r7 +48) = 0
  46: r1 = r7
  47: r1 += 48
  48: r2 = 4
  49: r3 = *(u64 *)(r7 +8)
  50: call bpf_probe_read_user#112
  51: if r0 s>= 0x0 goto pc+19
  52: r1 = map_value[rstap_conf] + 0
  54: *(u64 *)(r1 +16) = 2
  55: *(u64 *)(r7 +56) = 1
  56: r1 = *(u64 *)(r7 +8)
  57: *(u64 *)(r7 +64) = r1
  58: r1 = map[rstap_output]
  60: r2 = r7
  61: r2 += 56
  62: r3 = 16
  63: r4 = 2
  64: call bpf_ringbuf_output#130
  65: if r0 == 0x0 goto pc+4
  66: r1 = map_value[rstap_stats] + 0
  68: r2 = 1
  69: lock *(u64 *)(r1 +0) += r2
  70: goto pc+88
  71: r0 = *(u64 *)(r7 +48)
  72: r0 <<= 32
  73: r0 s>>= 32
  74: *(u64 *)(r7 +72) = r0
  75: r0 = *(u64 *)(r6 +112)
  76: r0 += 24
  77: *(u64 *)(r7 +88) = r0
  78: r0 = 2
  79: r0 *= 2
  80: r1 = r0
  81: r0 = *(u64 *)(r7 +88)
  82: r0 += r1
  83: *(u64 *)(r7 +80) = r0
  84: *(u64 *)(r7 +96) = 0
  85: r1 = r7
  86: r1 += 96
  87: r2 = 2
  88: r3 = *(u64 *)(r7 +80)
  89: call bpf_probe_read_user#112
  90: if r0 s>= 0x0 goto pc+19
  91: r1 = map_value[rstap_conf] + 0
  93: *(u64 *)(r1 +16) = 2
  94: *(u64 *)(r7 +104) = 2
  95: r1 = *(u64 *)(r7 +80)
  96: *(u64 *)(r7 +112) = r1
  97: r1 = map[rstap_output]
  99: r2 = r7
 100: r2 += 104
 101: r3 = 16
 102: r4 = 2
 103: call bpf_ringbuf_output#130
 104: if r0 == 0x0 goto pc+4
 105: r1 = map_value[rstap_stats] + 0
 107: r2 = 1
 108: lock *(u64 *)(r1 +0) += r2
 109: goto pc+49
 110: r0 = *(u64 *)(r7 +96)
 111: r0 <<= 48
 112: r0 s>>= 48
 113: r1 = r0
 114: r0 = *(u64 *)(r7 +72)
 115: r0 += r1
 116: r1 = map_value[g0_x] + 0
 118: *(u64 *)(r1 +0) = r0
 119: r0 = *(u64 *)(r6 +112)
 120: r0 += 4
 121: *(u64 *)(r7 +8) = r0
 122: r1 = r7
 123: r1 += 24
 124: r2 = 128
 125: r3 = *(u64 *)(r7 +8)
 126: call bpf_probe_read_user_str#114
 127: if r0 s>= 0x0 goto pc+19
 128: r1 = map_value[rstap_conf] + 0
 130: *(u64 *)(r1 +16) = 2
 131: *(u64 *)(r7 +152) = 3
 132: r1 = *(u64 *)(r7 +8)
 133: *(u64 *)(r7 +160) = r1
 134: r1 = map[rstap_output]
 136: r2 = r7
 137: r2 += 152
 138: r3 = 16
 139: r4 = 2
 140: call bpf_ringbuf_output#130
 141: if r0 == 0x0 goto pc+4
 142: r1 = map_value[rstap_stats] + 0
 144: r2 = 1
 145: lock *(u64 *)(r1 +0) += r2
 146: goto pc+12
 147: r1 = map_value[g1_s] + 0
 149: r2 = 128
 150: r3 = r7
 151: r3 += 24
 152: call bpf_probe_read_kernel_str#115
 153: r1 = r7
 154: r1 += 168
 155: r2 = 128
 156: r3 = map_value[g1_s] + 0
 158: call bpf_probe_read_kernel_str#115
 159: r0 = 0
 160: exit

# process("/opt/app").function("by_value") (Kprobe, Uprobe { path: "/opt/app", offset: 4432, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+84
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+77
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +152)
  15: r0 += 8
  16: r0 += 16
  17: *(u64 *)(r7 +8) = r0
  18: *(u64 *)(r7 +16) = 0
  19: r1 = r7
  20: r1 += 16
  21: r2 = 8
  22: r3 = *(u64 *)(r7 +8)
  23: call bpf_probe_read_user#112
  24: if r0 s>= 0x0 goto pc+19
  25: r1 = map_value[rstap_conf] + 0
  27: *(u64 *)(r1 +16) = 2
  28: *(u64 *)(r7 +24) = 4
  29: r1 = *(u64 *)(r7 +8)
  30: *(u64 *)(r7 +32) = r1
  31: r1 = map[rstap_output]
  33: r2 = r7
  34: r2 += 24
  35: r3 = 16
  36: r4 = 2
  37: call bpf_ringbuf_output#130
  38: if r0 == 0x0 goto pc+4
  39: r1 = map_value[rstap_stats] + 0
  41: r2 = 1
  42: lock *(u64 *)(r1 +0) += r2
  43: goto pc+45
  44: r0 = *(u64 *)(r7 +16)
  45: *(u64 *)(r7 +40) = r0
  46: r0 = *(u64 *)(r6 +112)
  47: r1 = r0
  48: r0 = *(u64 *)(r7 +40)
  49: r0 += r1
  50: *(u64 *)(r7 +48) = r0
  51: r0 = *(u64 *)(r6 +152)
  52: r0 += 32
  53: *(u64 *)(r7 +56) = r0
  54: *(u64 *)(r7 +64) = 0
  55: r1 = r7
  56: r1 += 64
  57: r2 = 4
  58: r3 = *(u64 *)(r7 +56)
  59: call bpf_probe_read_user#112
  60: if r0 s>= 0x0 goto pc+19
  61: r1 = map_value[rstap_conf] + 0
  63: *(u64 *)(r1 +16) = 2
  64: *(u64 *)(r7 +72) = 5
  65: r1 = *(u64 *)(r7 +56)
  66: *(u64 *)(r7 +80) = r1
  67: r1 = map[rstap_output]
  69: r2 = r7
  70: r2 += 72
  71: r3 = 16
  72: r4 = 2
  73: call bpf_ringbuf_output#130
  74: if r0 == 0x0 goto pc+4
  75: r1 = map_value[rstap_stats] + 0
  77: r2 = 1
  78: lock *(u64 *)(r1 +0) += r2
  79: goto pc+9
  80: r0 = *(u64 *)(r7 +64)
  81: r0 <<= 32
  82: r0 s>>= 32
  83: r1 = r0
  84: r0 = *(u64 *)(r7 +48)
  85: r0 += r1
  86: r1 = map_value[g0_x] + 0
  88: *(u64 *)(r1 +0) = r0
  89: r0 = 0
  90: exit

# process("/opt/app").function("visit") (Kprobe, Uprobe { path: "/opt/app", offset: 4544, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+42
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+35
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +112)
  15: *(u64 *)(r7 +8) = r0
  16: r0 = *(u64 *)(r6 +104)
  17: r0 <<= 32
  18: r0 s>>= 32
  19: *(u64 *)(r7 +16) = r0
  20: r1 = *(u64 *)(r7 +8)
  21: *(u64 *)(r7 +24) = r1
  22: r1 = *(u64 *)(r7 +16)
  23: *(u64 *)(r7 +32) = r1
  24: r1 = r7
  25: r1 += 40
  26: r2 = 128
  27: r3 = map_value[rstap_rodata] + 0
  29: r4 = r7
  30: r4 += 24
  31: r5 = 16
  32: call bpf_snprintf#165
  33: if r0 s>= 0x0 goto pc+1
  34: *(u8 *)(r7 +40) = 0
  35: r1 = map_value[g1_s] + 0
  37: r2 = 128
  38: r3 = r7
  39: r3 += 40
  40: call bpf_probe_read_kernel_str#115
  41: r1 = r7
  42: r1 += 168
  43: r2 = 128
  44: r3 = map_value[g1_s] + 0
  46: call bpf_probe_read_kernel_str#115
  47: r0 = 0
  48: exit
site 0: Fault { code: Code("R0011"), prefix: "user long copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 1: Fault { code: Code("R0011"), prefix: "user int copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 2: Fault { code: Code("R0011"), prefix: "user short copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 3: Fault { code: Code("R0011"), prefix: "user string copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 4: Fault { code: Code("R0011"), prefix: "user long copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 5: Fault { code: Code("R0011"), prefix: "user stack copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
