map rstap_scratch: PercpuArray key 4 value 296 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_bytes: PercpuArray key 4 value 48 entries 1
map g1_ret: PercpuArray key 4 value 48 entries 1
map g2_text: Array key 4 value 128 entries 1
map rstap_rodata: Array key 4 value 64 entries 1

# kernel.function("vfs_read") (Fentry, Fentry { function: "vfs_read", module: None, btf_id: 4242 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+71
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+64
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +16)
  15: *(u64 *)(r7 +8) = r0
  16: *(u32 *)(r7 +16) = 0
  17: r1 = map[g0_bytes]
  19: r2 = r7
  20: r2 += 16
  21: call bpf_map_lookup_elem#1
  22: if r0 != 0x0 goto pc+1
  23: goto pc+52
  24: r9 = r0
  25: r1 = *(u64 *)(r7 +8)
  26: r2 = *(u64 *)(r9 +0)
  27: if r2 != 0x0 goto pc+5
  28: *(u64 *)(r9 +0) = 1
  29: *(u64 *)(r9 +8) = r1
  30: *(u64 *)(r9 +16) = r1
  31: *(u64 *)(r9 +24) = r1
  32: goto pc+11
  33: r2 += 1
  34: *(u64 *)(r9 +0) = r2
  35: r3 = *(u64 *)(r9 +8)
  36: r3 += r1
  37: *(u64 *)(r9 +8) = r3
  38: r3 = *(u64 *)(r9 +16)
  39: if r1 s>= r3 goto pc+1
  40: *(u64 *)(r9 +16) = r1
  41: r3 = *(u64 *)(r9 +24)
  42: if r1 s<= r3 goto pc+1
  43: *(u64 *)(r9 +24) = r1
  44: r0 = *(u64 *)(r7 +8)
  45: r0 = *(u64 *)(r6 +0)
  46: *(u64 *)(r7 +8) = r0
  47: r0 = *(u64 *)(r6 +8)
  48: *(u64 *)(r7 +16) = r0
  49: r0 = *(u64 *)(r6 +16)
  50: *(u64 *)(r7 +24) = r0
  51: r0 = *(u64 *)(r6 +24)
  52: *(u64 *)(r7 +32) = r0
  53: r1 = r7
  54: r1 += 40
  55: r2 = 128
  56: r3 = map_value[rstap_rodata] + 0
  58: r4 = r7
  59: r4 += 8
  60: r5 = 32
  61: call bpf_snprintf#165
  62: if r0 s>= 0x0 goto pc+1
  63: *(u8 *)(r7 +40) = 0
  64: r1 = map_value[g2_text] + 0
  66: r2 = 128
  67: r3 = r7
  68: r3 += 40
  69: call bpf_probe_read_kernel_str#115
  70: r1 = r7
  71: r1 += 168
  72: r2 = 128
  73: r3 = map_value[g2_text] + 0
  75: call bpf_probe_read_kernel_str#115
  76: r0 = 0
  77: exit

# kernel.function("vfs_read").return (Fexit, Fentry { function: "vfs_read", module: None, btf_id: 4242 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+65
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+58
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +32)
  15: *(u64 *)(r7 +8) = r0
  16: *(u32 *)(r7 +16) = 0
  17: r1 = map[g1_ret]
  19: r2 = r7
  20: r2 += 16
  21: call bpf_map_lookup_elem#1
  22: if r0 != 0x0 goto pc+1
  23: goto pc+46
  24: r9 = r0
  25: r1 = *(u64 *)(r7 +8)
  26: r2 = *(u64 *)(r9 +0)
  27: if r2 != 0x0 goto pc+5
  28: *(u64 *)(r9 +0) = 1
  29: *(u64 *)(r9 +8) = r1
  30: *(u64 *)(r9 +16) = r1
  31: *(u64 *)(r9 +24) = r1
  32: goto pc+11
  33: r2 += 1
  34: *(u64 *)(r9 +0) = r2
  35: r3 = *(u64 *)(r9 +8)
  36: r3 += r1
  37: *(u64 *)(r9 +8) = r3
  38: r3 = *(u64 *)(r9 +16)
  39: if r1 s>= r3 goto pc+1
  40: *(u64 *)(r9 +16) = r1
  41: r3 = *(u64 *)(r9 +24)
  42: if r1 s<= r3 goto pc+1
  43: *(u64 *)(r9 +24) = r1
  44: r0 = *(u64 *)(r7 +8)
  45: r0 = *(u64 *)(r6 +32)
  46: *(u64 *)(r7 +8) = r0
  47: r1 = r7
  48: r1 += 16
  49: r2 = 128
  50: r3 = map_value[rstap_rodata] + 47
  52: r4 = r7
  53: r4 += 8
  54: r5 = 8
  55: call bpf_snprintf#165
  56: if r0 s>= 0x0 goto pc+1
  57: *(u8 *)(r7 +16) = 0
  58: r1 = map_value[g2_text] + 0
  60: r2 = 128
  61: r3 = r7
  62: r3 += 16
  63: call bpf_probe_read_kernel_str#115
  64: r1 = r7
  65: r1 += 144
  66: r2 = 128
  67: r3 = map_value[g2_text] + 0
  69: call bpf_probe_read_kernel_str#115
  70: r0 = 0
  71: exit

# kprobe.function("vfs_read") (Kprobe, Kprobe { function: "vfs_read", ret: false })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+40
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+33
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +96)
  15: *(u64 *)(r7 +8) = r0
  16: *(u32 *)(r7 +16) = 0
  17: r1 = map[g0_bytes]
  19: r2 = r7
  20: r2 += 16
  21: call bpf_map_lookup_elem#1
  22: if r0 != 0x0 goto pc+1
  23: goto pc+21
  24: r9 = r0
  25: r1 = *(u64 *)(r7 +8)
  26: r2 = *(u64 *)(r9 +0)
  27: if r2 != 0x0 goto pc+5
  28: *(u64 *)(r9 +0) = 1
  29: *(u64 *)(r9 +8) = r1
  30: *(u64 *)(r9 +16) = r1
  31: *(u64 *)(r9 +24) = r1
  32: goto pc+11
  33: r2 += 1
  34: *(u64 *)(r9 +0) = r2
  35: r3 = *(u64 *)(r9 +8)
  36: r3 += r1
  37: *(u64 *)(r9 +8) = r3
  38: r3 = *(u64 *)(r9 +16)
  39: if r1 s>= r3 goto pc+1
  40: *(u64 *)(r9 +16) = r1
  41: r3 = *(u64 *)(r9 +24)
  42: if r1 s<= r3 goto pc+1
  43: *(u64 *)(r9 +24) = r1
  44: r0 = *(u64 *)(r7 +8)
  45: r0 = 0
  46: exit

# kprobe.function("vfs_read").return (Kretprobe, Kprobe { function: "vfs_read", ret: true })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+40
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+33
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +80)
  15: *(u64 *)(r7 +8) = r0
  16: *(u32 *)(r7 +16) = 0
  17: r1 = map[g1_ret]
  19: r2 = r7
  20: r2 += 16
  21: call bpf_map_lookup_elem#1
  22: if r0 != 0x0 goto pc+1
  23: goto pc+21
  24: r9 = r0
  25: r1 = *(u64 *)(r7 +8)
  26: r2 = *(u64 *)(r9 +0)
  27: if r2 != 0x0 goto pc+5
  28: *(u64 *)(r9 +0) = 1
  29: *(u64 *)(r9 +8) = r1
  30: *(u64 *)(r9 +16) = r1
  31: *(u64 *)(r9 +24) = r1
  32: goto pc+11
  33: r2 += 1
  34: *(u64 *)(r9 +0) = r2
  35: r3 = *(u64 *)(r9 +8)
  36: r3 += r1
  37: *(u64 *)(r9 +8) = r3
  38: r3 = *(u64 *)(r9 +16)
  39: if r1 s>= r3 goto pc+1
  40: *(u64 *)(r9 +16) = r1
  41: r3 = *(u64 *)(r9 +24)
  42: if r1 s<= r3 goto pc+1
  43: *(u64 *)(r9 +24) = r1
  44: r0 = *(u64 *)(r7 +8)
  45: r0 = 0
  46: exit

# module("ext4").function("ext4_file_open") (Kprobe, Kprobe { function: "ext4_file_open", ret: false })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+40
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+33
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = 1
  15: *(u64 *)(r7 +8) = r0
  16: *(u32 *)(r7 +16) = 0
  17: r1 = map[g1_ret]
  19: r2 = r7
  20: r2 += 16
  21: call bpf_map_lookup_elem#1
  22: if r0 != 0x0 goto pc+1
  23: goto pc+21
  24: r9 = r0
  25: r1 = *(u64 *)(r7 +8)
  26: r2 = *(u64 *)(r9 +0)
  27: if r2 != 0x0 goto pc+5
  28: *(u64 *)(r9 +0) = 1
  29: *(u64 *)(r9 +8) = r1
  30: *(u64 *)(r9 +16) = r1
  31: *(u64 *)(r9 +24) = r1
  32: goto pc+11
  33: r2 += 1
  34: *(u64 *)(r9 +0) = r2
  35: r3 = *(u64 *)(r9 +8)
  36: r3 += r1
  37: *(u64 *)(r9 +8) = r3
  38: r3 = *(u64 *)(r9 +16)
  39: if r1 s>= r3 goto pc+1
  40: *(u64 *)(r9 +16) = r1
  41: r3 = *(u64 *)(r9 +24)
  42: if r1 s<= r3 goto pc+1
  43: *(u64 *)(r9 +24) = r1
  44: r0 = *(u64 *)(r7 +8)
  45: r0 = 0
  46: exit
