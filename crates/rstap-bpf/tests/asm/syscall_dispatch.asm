map rstap_scratch: PercpuArray key 4 value 96 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_bytes: Array key 4 value 8 entries 1
map g1_calls: PercpuHash key 8 value 48 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1
map rstap_sc_x0: ProgArray key 4 value 4 entries 512
map rstap_sc_args: LruHash key 8 value 64 entries 16384
map rstap_sc_e0: ProgArray key 4 value 4 entries 512
map rstap_sc_e1: ProgArray key 4 value 4 entries 512

# kernel.trace("syscalls:sys_exit_write") (RawTracepoint, TailCall { map: 7, key: 1 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+114
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+107
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: call bpf_get_current_pid_tgid#14
  15: *(u64 *)(r7 +8) = r0
  16: r1 = map[rstap_sc_args]
  18: r2 = r7
  19: r2 += 8
  20: call bpf_map_lookup_elem#1
  21: if r0 == 0x0 goto pc+1
  22: r0 = *(u64 *)(r0 +40)
  23: r1 = map_value[g0_bytes] + 0
  25: r2 = r0
  26: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
  27: r0 += r2
  28: r0 = 1
  29: *(u64 *)(r7 +8) = r0
  30: *(u64 *)(r7 +16) = 0
  31: r0 = *(u64 *)(r6 +8)
  32: *(u64 *)(r7 +16) = r0
  33: r1 = map[g1_calls]
  35: r2 = r7
  36: r2 += 16
  37: call bpf_map_lookup_elem#1
  38: if r0 != 0x0 goto pc+59
  39: *(u64 *)(r7 +24) = 0
  40: *(u64 *)(r7 +32) = 0
  41: *(u64 *)(r7 +40) = 0
  42: *(u64 *)(r7 +48) = 0
  43: *(u64 *)(r7 +56) = 0
  44: *(u64 *)(r7 +64) = 0
  45: r1 = map[g1_calls]
  47: r2 = r7
  48: r2 += 16
  49: r3 = r7
  50: r3 += 24
  51: r4 = 1
  52: call bpf_map_update_elem#2
  53: if r0 == 0x0 goto pc+19
  54: if r0 == 0xffffffef goto pc+18
  55: if r0 s>= 0x0 goto pc+17
  56: r1 = map_value[rstap_conf] + 0
  58: *(u64 *)(r1 +16) = 2
  59: *(u64 *)(r7 +72) = 0
  60: r1 = map[rstap_output]
  62: r2 = r7
  63: r2 += 72
  64: r3 = 8
  65: r4 = 2
  66: call bpf_ringbuf_output#130
  67: if r0 == 0x0 goto pc+4
  68: r1 = map_value[rstap_stats] + 0
  70: r2 = 1
  71: lock *(u64 *)(r1 +0) += r2
  72: goto pc+46
  73: r1 = map[g1_calls]
  75: r2 = r7
  76: r2 += 16
  77: call bpf_map_lookup_elem#1
  78: if r0 != 0x0 goto pc+19
  79: r0 = -1
  80: if r0 s>= 0x0 goto pc+17
  81: r1 = map_value[rstap_conf] + 0
  83: *(u64 *)(r1 +16) = 2
  84: *(u64 *)(r7 +80) = 1
  85: r1 = map[rstap_output]
  87: r2 = r7
  88: r2 += 80
  89: r3 = 8
  90: r4 = 2
  91: call bpf_ringbuf_output#130
  92: if r0 == 0x0 goto pc+4
  93: r1 = map_value[rstap_stats] + 0
  95: r2 = 1
  96: lock *(u64 *)(r1 +0) += r2
  97: goto pc+21
  98: r9 = r0
  99: r1 = *(u64 *)(r7 +8)
 100: r2 = *(u64 *)(r9 +0)
 101: if r2 != 0x0 goto pc+5
 102: *(u64 *)(r9 +0) = 1
 103: *(u64 *)(r9 +8) = r1
 104: *(u64 *)(r9 +16) = r1
 105: *(u64 *)(r9 +24) = r1
 106: goto pc+11
 107: r2 += 1
 108: *(u64 *)(r9 +0) = r2
 109: r3 = *(u64 *)(r9 +8)
 110: r3 += r1
 111: *(u64 *)(r9 +8) = r3
 112: r3 = *(u64 *)(r9 +16)
 113: if r1 s>= r3 goto pc+1
 114: *(u64 *)(r9 +16) = r1
 115: r3 = *(u64 *)(r9 +24)
 116: if r1 s<= r3 goto pc+1
 117: *(u64 *)(r9 +24) = r1
 118: r0 = *(u64 *)(r7 +8)
 119: r0 = 0
 120: exit

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, TailCall { map: 9, key: 1 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+108
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+101
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = 1
  15: *(u64 *)(r7 +8) = r0
  16: *(u64 *)(r7 +16) = 0
  17: *(u64 *)(r7 +24) = 0
  18: r4 = *(u64 *)(r6 +0)
  19: r3 = r4
  20: r3 += 112
  21: r1 = r7
  22: r1 += 24
  23: r2 = 8
  24: call bpf_probe_read_kernel#113
  25: r0 = *(u64 *)(r7 +24)
  26: *(u64 *)(r7 +16) = r0
  27: r1 = map[g1_calls]
  29: r2 = r7
  30: r2 += 16
  31: call bpf_map_lookup_elem#1
  32: if r0 != 0x0 goto pc+59
  33: *(u64 *)(r7 +32) = 0
  34: *(u64 *)(r7 +40) = 0
  35: *(u64 *)(r7 +48) = 0
  36: *(u64 *)(r7 +56) = 0
  37: *(u64 *)(r7 +64) = 0
  38: *(u64 *)(r7 +72) = 0
  39: r1 = map[g1_calls]
  41: r2 = r7
  42: r2 += 16
  43: r3 = r7
  44: r3 += 32
  45: r4 = 1
  46: call bpf_map_update_elem#2
  47: if r0 == 0x0 goto pc+19
  48: if r0 == 0xffffffef goto pc+18
  49: if r0 s>= 0x0 goto pc+17
  50: r1 = map_value[rstap_conf] + 0
  52: *(u64 *)(r1 +16) = 2
  53: *(u64 *)(r7 +80) = 2
  54: r1 = map[rstap_output]
  56: r2 = r7
  57: r2 += 80
  58: r3 = 8
  59: r4 = 2
  60: call bpf_ringbuf_output#130
  61: if r0 == 0x0 goto pc+4
  62: r1 = map_value[rstap_stats] + 0
  64: r2 = 1
  65: lock *(u64 *)(r1 +0) += r2
  66: goto pc+46
  67: r1 = map[g1_calls]
  69: r2 = r7
  70: r2 += 16
  71: call bpf_map_lookup_elem#1
  72: if r0 != 0x0 goto pc+19
  73: r0 = -1
  74: if r0 s>= 0x0 goto pc+17
  75: r1 = map_value[rstap_conf] + 0
  77: *(u64 *)(r1 +16) = 2
  78: *(u64 *)(r7 +88) = 3
  79: r1 = map[rstap_output]
  81: r2 = r7
  82: r2 += 88
  83: r3 = 8
  84: r4 = 2
  85: call bpf_ringbuf_output#130
  86: if r0 == 0x0 goto pc+4
  87: r1 = map_value[rstap_stats] + 0
  89: r2 = 1
  90: lock *(u64 *)(r1 +0) += r2
  91: goto pc+21
  92: r9 = r0
  93: r1 = *(u64 *)(r7 +8)
  94: r2 = *(u64 *)(r9 +0)
  95: if r2 != 0x0 goto pc+5
  96: *(u64 *)(r9 +0) = 1
  97: *(u64 *)(r9 +8) = r1
  98: *(u64 *)(r9 +16) = r1
  99: *(u64 *)(r9 +24) = r1
 100: goto pc+11
 101: r2 += 1
 102: *(u64 *)(r9 +0) = r2
 103: r3 = *(u64 *)(r9 +8)
 104: r3 += r1
 105: *(u64 *)(r9 +8) = r3
 106: r3 = *(u64 *)(r9 +16)
 107: if r1 s>= r3 goto pc+1
 108: *(u64 *)(r9 +16) = r1
 109: r3 = *(u64 *)(r9 +24)
 110: if r1 s<= r3 goto pc+1
 111: *(u64 *)(r9 +24) = r1
 112: r0 = *(u64 *)(r7 +8)
 113: r0 = 0
 114: exit

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, TailCall { map: 10, key: 1 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+101
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+94
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = 1
  15: *(u64 *)(r7 +8) = r0
  16: *(u64 *)(r7 +16) = 0
  17: r0 = 1
  18: r0 = -r0
  19: *(u64 *)(r7 +16) = r0
  20: r1 = map[g1_calls]
  22: r2 = r7
  23: r2 += 16
  24: call bpf_map_lookup_elem#1
  25: if r0 != 0x0 goto pc+59
  26: *(u64 *)(r7 +24) = 0
  27: *(u64 *)(r7 +32) = 0
  28: *(u64 *)(r7 +40) = 0
  29: *(u64 *)(r7 +48) = 0
  30: *(u64 *)(r7 +56) = 0
  31: *(u64 *)(r7 +64) = 0
  32: r1 = map[g1_calls]
  34: r2 = r7
  35: r2 += 16
  36: r3 = r7
  37: r3 += 24
  38: r4 = 1
  39: call bpf_map_update_elem#2
  40: if r0 == 0x0 goto pc+19
  41: if r0 == 0xffffffef goto pc+18
  42: if r0 s>= 0x0 goto pc+17
  43: r1 = map_value[rstap_conf] + 0
  45: *(u64 *)(r1 +16) = 2
  46: *(u64 *)(r7 +72) = 4
  47: r1 = map[rstap_output]
  49: r2 = r7
  50: r2 += 72
  51: r3 = 8
  52: r4 = 2
  53: call bpf_ringbuf_output#130
  54: if r0 == 0x0 goto pc+4
  55: r1 = map_value[rstap_stats] + 0
  57: r2 = 1
  58: lock *(u64 *)(r1 +0) += r2
  59: goto pc+46
  60: r1 = map[g1_calls]
  62: r2 = r7
  63: r2 += 16
  64: call bpf_map_lookup_elem#1
  65: if r0 != 0x0 goto pc+19
  66: r0 = -1
  67: if r0 s>= 0x0 goto pc+17
  68: r1 = map_value[rstap_conf] + 0
  70: *(u64 *)(r1 +16) = 2
  71: *(u64 *)(r7 +80) = 5
  72: r1 = map[rstap_output]
  74: r2 = r7
  75: r2 += 80
  76: r3 = 8
  77: r4 = 2
  78: call bpf_ringbuf_output#130
  79: if r0 == 0x0 goto pc+4
  80: r1 = map_value[rstap_stats] + 0
  82: r2 = 1
  83: lock *(u64 *)(r1 +0) += r2
  84: goto pc+21
  85: r9 = r0
  86: r1 = *(u64 *)(r7 +8)
  87: r2 = *(u64 *)(r9 +0)
  88: if r2 != 0x0 goto pc+5
  89: *(u64 *)(r9 +0) = 1
  90: *(u64 *)(r9 +8) = r1
  91: *(u64 *)(r9 +16) = r1
  92: *(u64 *)(r9 +24) = r1
  93: goto pc+11
  94: r2 += 1
  95: *(u64 *)(r9 +0) = r2
  96: r3 = *(u64 *)(r9 +8)
  97: r3 += r1
  98: *(u64 *)(r9 +8) = r3
  99: r3 = *(u64 *)(r9 +16)
 100: if r1 s>= r3 goto pc+1
 101: *(u64 *)(r9 +16) = r1
 102: r3 = *(u64 *)(r9 +24)
 103: if r1 s<= r3 goto pc+1
 104: *(u64 *)(r9 +24) = r1
 105: r0 = *(u64 *)(r7 +8)
 106: r0 = 0
 107: exit

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, TailCall { map: 9, key: 110 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+100
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+93
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = 1
  15: *(u64 *)(r7 +8) = r0
  16: *(u64 *)(r7 +16) = 0
  17: r0 = 0
  18: *(u64 *)(r7 +16) = r0
  19: r1 = map[g1_calls]
  21: r2 = r7
  22: r2 += 16
  23: call bpf_map_lookup_elem#1
  24: if r0 != 0x0 goto pc+59
  25: *(u64 *)(r7 +24) = 0
  26: *(u64 *)(r7 +32) = 0
  27: *(u64 *)(r7 +40) = 0
  28: *(u64 *)(r7 +48) = 0
  29: *(u64 *)(r7 +56) = 0
  30: *(u64 *)(r7 +64) = 0
  31: r1 = map[g1_calls]
  33: r2 = r7
  34: r2 += 16
  35: r3 = r7
  36: r3 += 24
  37: r4 = 1
  38: call bpf_map_update_elem#2
  39: if r0 == 0x0 goto pc+19
  40: if r0 == 0xffffffef goto pc+18
  41: if r0 s>= 0x0 goto pc+17
  42: r1 = map_value[rstap_conf] + 0
  44: *(u64 *)(r1 +16) = 2
  45: *(u64 *)(r7 +72) = 6
  46: r1 = map[rstap_output]
  48: r2 = r7
  49: r2 += 72
  50: r3 = 8
  51: r4 = 2
  52: call bpf_ringbuf_output#130
  53: if r0 == 0x0 goto pc+4
  54: r1 = map_value[rstap_stats] + 0
  56: r2 = 1
  57: lock *(u64 *)(r1 +0) += r2
  58: goto pc+46
  59: r1 = map[g1_calls]
  61: r2 = r7
  62: r2 += 16
  63: call bpf_map_lookup_elem#1
  64: if r0 != 0x0 goto pc+19
  65: r0 = -1
  66: if r0 s>= 0x0 goto pc+17
  67: r1 = map_value[rstap_conf] + 0
  69: *(u64 *)(r1 +16) = 2
  70: *(u64 *)(r7 +80) = 7
  71: r1 = map[rstap_output]
  73: r2 = r7
  74: r2 += 80
  75: r3 = 8
  76: r4 = 2
  77: call bpf_ringbuf_output#130
  78: if r0 == 0x0 goto pc+4
  79: r1 = map_value[rstap_stats] + 0
  81: r2 = 1
  82: lock *(u64 *)(r1 +0) += r2
  83: goto pc+21
  84: r9 = r0
  85: r1 = *(u64 *)(r7 +8)
  86: r2 = *(u64 *)(r9 +0)
  87: if r2 != 0x0 goto pc+5
  88: *(u64 *)(r9 +0) = 1
  89: *(u64 *)(r9 +8) = r1
  90: *(u64 *)(r9 +16) = r1
  91: *(u64 *)(r9 +24) = r1
  92: goto pc+11
  93: r2 += 1
  94: *(u64 *)(r9 +0) = r2
  95: r3 = *(u64 *)(r9 +8)
  96: r3 += r1
  97: *(u64 *)(r9 +8) = r3
  98: r3 = *(u64 *)(r9 +16)
  99: if r1 s>= r3 goto pc+1
 100: *(u64 *)(r9 +16) = r1
 101: r3 = *(u64 *)(r9 +24)
 102: if r1 s<= r3 goto pc+1
 103: *(u64 *)(r9 +24) = r1
 104: r0 = *(u64 *)(r7 +8)
 105: r0 = 0
 106: exit

# dispatcher rstap_sc_e0 on sys_enter
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 == 0x1 goto pc+1
   3: goto pc+16
   4: call bpf_get_current_pid_tgid#14
   5: *(u64 *)(r10 -8) = r0
   6: r3 = *(u64 *)(r6 +0)
   7: r3 += 56
   8: r1 = r10
   9: r1 += -72
  10: r2 = 64
  11: call bpf_probe_read_kernel#113
  12: r1 = map[rstap_sc_args]
  14: r2 = r10
  15: r2 += -8
  16: r3 = r10
  17: r3 += -72
  18: r4 = 0
  19: call bpf_map_update_elem#2
  20: r3 = *(u64 *)(r6 +8)
  21: r1 = r6
  22: r2 = map[rstap_sc_e0]
  24: call bpf_tail_call#12
  25: r0 = 0
  26: exit

# dispatcher rstap_sc_e1 on sys_enter
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +8)
   2: r1 = r6
   3: r2 = map[rstap_sc_e1]
   5: call bpf_tail_call#12
   6: r0 = 0
   7: exit

# dispatcher rstap_sc_x0 on sys_exit
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +0)
   2: r3 += 120
   3: r1 = r10
   4: r1 += -8
   5: r2 = 8
   6: call bpf_probe_read_kernel#113
   7: r3 = *(u64 *)(r10 -8)
   8: r1 = r6
   9: r2 = map[rstap_sc_x0]
  11: call bpf_tail_call#12
  12: r0 = 0
  13: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 2: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 3: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 4: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 5: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 6: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 7: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
