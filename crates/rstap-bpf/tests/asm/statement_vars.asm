map rstap_scratch: PercpuArray key 4 value 296 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_x: Array key 4 value 8 entries 1
map g1_s: Array key 4 value 128 entries 1
map rstap_rodata: Array key 4 value 32 entries 1

# process("/opt/app").statement(4560) (Kprobe, Uprobe { path: "/opt/app", offset: 4560, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+85
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+78
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +32)
  15: r0 += -20
  16: *(u64 *)(r7 +8) = r0
  17: *(u64 *)(r7 +16) = 0
  18: r1 = r7
  19: r1 += 16
  20: r2 = 4
  21: r3 = *(u64 *)(r7 +8)
  22: call bpf_probe_read_user#112
  23: if r0 s>= 0x0 goto pc+19
  24: r1 = map_value[rstap_conf] + 0
  26: *(u64 *)(r1 +16) = 2
  27: *(u64 *)(r7 +24) = 0
  28: r1 = *(u64 *)(r7 +8)
  29: *(u64 *)(r7 +32) = r1
  30: r1 = map[rstap_output]
  32: r2 = r7
  33: r2 += 24
  34: r3 = 16
  35: r4 = 2
  36: call bpf_ringbuf_output#130
  37: if r0 == 0x0 goto pc+4
  38: r1 = map_value[rstap_stats] + 0
  40: r2 = 1
  41: lock *(u64 *)(r1 +0) += r2
  42: goto pc+47
  43: r0 = *(u64 *)(r7 +16)
  44: r0 <<= 32
  45: r0 s>>= 32
  46: *(u64 *)(r7 +40) = r0
  47: r0 = *(u64 *)(r6 +40)
  48: r1 = r0
  49: r0 = *(u64 *)(r7 +40)
  50: r0 += r1
  51: *(u64 *)(r7 +48) = r0
  52: r0 = *(u64 *)(r6 +32)
  53: r0 += -48
  54: *(u64 *)(r7 +56) = r0
  55: *(u64 *)(r7 +64) = 0
  56: r1 = r7
  57: r1 += 64
  58: r2 = 4
  59: r3 = *(u64 *)(r7 +56)
  60: call bpf_probe_read_user#112
  61: if r0 s>= 0x0 goto pc+19
  62: r1 = map_value[rstap_conf] + 0
  64: *(u64 *)(r1 +16) = 2
  65: *(u64 *)(r7 +72) = 1
  66: r1 = *(u64 *)(r7 +56)
  67: *(u64 *)(r7 +80) = r1
  68: r1 = map[rstap_output]
  70: r2 = r7
  71: r2 += 72
  72: r3 = 16
  73: r4 = 2
  74: call bpf_ringbuf_output#130
  75: if r0 == 0x0 goto pc+4
  76: r1 = map_value[rstap_stats] + 0
  78: r2 = 1
  79: lock *(u64 *)(r1 +0) += r2
  80: goto pc+9
  81: r0 = *(u64 *)(r7 +64)
  82: r0 <<= 32
  83: r0 s>>= 32
  84: r1 = r0
  85: r0 = *(u64 *)(r7 +48)
  86: r0 += r1
  87: r1 = map_value[g0_x] + 0
  89: *(u64 *)(r1 +0) = r0
  90: r0 = 0
  91: exit

# process("/opt/app").statement(4560) (Kprobe, Uprobe { path: "/opt/app", offset: 4560, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+41
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+34
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +40)
  15: *(u64 *)(r7 +8) = r0
  16: r0 = *(u64 *)(r6 +32)
  17: r0 += -48
  18: *(u64 *)(r7 +16) = r0
  19: r1 = *(u64 *)(r7 +8)
  20: *(u64 *)(r7 +24) = r1
  21: r1 = *(u64 *)(r7 +16)
  22: *(u64 *)(r7 +32) = r1
  23: r1 = r7
  24: r1 += 40
  25: r2 = 128
  26: r3 = map_value[rstap_rodata] + 0
  28: r4 = r7
  29: r4 += 24
  30: r5 = 16
  31: call bpf_snprintf#165
  32: if r0 s>= 0x0 goto pc+1
  33: *(u8 *)(r7 +40) = 0
  34: r1 = map_value[g1_s] + 0
  36: r2 = 128
  37: r3 = r7
  38: r3 += 40
  39: call bpf_probe_read_kernel_str#115
  40: r1 = r7
  41: r1 += 168
  42: r2 = 128
  43: r3 = map_value[g1_s] + 0
  45: call bpf_probe_read_kernel_str#115
  46: r0 = 0
  47: exit
site 0: Fault { code: Code("R0011"), prefix: "user stack copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 1: Fault { code: Code("R0011"), prefix: "user int copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
