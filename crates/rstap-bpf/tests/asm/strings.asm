map rstap_scratch: PercpuArray key 4 value 680 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 24 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_names: Hash key 8 value 128 entries 2048

# kernel.trace("syscalls:sys_enter_openat") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_openat" })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+131
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+124
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r1 = r7
  15: r1 += 8
  16: r2 = 16
  17: call bpf_get_current_comm#16
  18: *(u64 *)(r7 +24) = 7627107
  19: r1 = *(u8 *)(r7 +8)
  20: r2 = *(u8 *)(r7 +24)
  21: if r1 != r2 goto pc+15
  22: if r1 == 0x0 goto pc+12
  23: r1 = *(u8 *)(r7 +9)
  24: r2 = *(u8 *)(r7 +25)
  25: if r1 != r2 goto pc+11
  26: if r1 == 0x0 goto pc+8
  27: r1 = *(u8 *)(r7 +10)
  28: r2 = *(u8 *)(r7 +26)
  29: if r1 != r2 goto pc+7
  30: if r1 == 0x0 goto pc+4
  31: r1 = *(u8 *)(r7 +11)
  32: r2 = *(u8 *)(r7 +27)
  33: if r1 != r2 goto pc+3
  34: if r1 == 0x0 goto pc+0
  35: r0 = 0
  36: goto pc+2
  37: r0 = r1
  38: r0 -= r2
  39: if r0 == 0x0 goto pc+2
  40: r0 = 0
  41: goto pc+1
  42: r0 = 1
  43: if r0 == 0x0 goto pc+92
  44: r1 = 0x2064656e65706f ll
  46: *(u64 *)(r7 +8) = r1
  47: *(u64 *)(r7 +16) = 0
  48: r4 = *(u64 *)(r7 +0)
  49: r3 = r4
  50: r3 += 32
  51: r1 = r7
  52: r1 += 16
  53: r2 = 4
  54: call bpf_probe_read_kernel#113
  55: r3 = *(u32 *)(r7 +16)
  56: r3 &= 65535
  57: r4 = *(u64 *)(r7 +0)
  58: r3 += r4
  59: r1 = r7
  60: r1 += 16
  61: r2 = 128
  62: call bpf_probe_read_kernel_str#115
  63: r1 = r7
  64: r1 += 144
  65: r2 = 128
  66: r3 = r7
  67: r3 += 8
  68: call bpf_probe_read_kernel_str#115
  69: if r0 s> 0x0 goto pc+1
  70: r0 = 1
  71: r0 -= 1
  72: if r0 <= 0x7f goto pc+1
  73: r0 = 127
  74: r1 = r7
  75: r1 += 144
  76: r1 += r0
  77: r2 = 128
  78: r3 = r7
  79: r3 += 16
  80: call bpf_probe_read_kernel_str#115
  81: *(u8 *)(r7 +271) = 0
  82: r1 = r7
  83: r1 += 400
  84: r2 = 128
  85: r3 = r7
  86: r3 += 144
  87: call bpf_probe_read_kernel_str#115
  88: *(u64 *)(r7 +528) = 0
  89: call bpf_get_current_pid_tgid#14
  90: r0 >>= 32
  91: *(u64 *)(r7 +528) = r0
  92: r1 = map[g0_names]
  94: r2 = r7
  95: r2 += 528
  96: r3 = r7
  97: r3 += 400
  98: r4 = 0
  99: call bpf_map_update_elem#2
 100: if r0 s>= 0x0 goto pc+17
 101: r1 = map_value[rstap_conf] + 0
 103: *(u64 *)(r1 +16) = 2
 104: *(u64 *)(r7 +536) = 0
 105: r1 = map[rstap_output]
 107: r2 = r7
 108: r2 += 536
 109: r3 = 8
 110: r4 = 2
 111: call bpf_ringbuf_output#130
 112: if r0 == 0x0 goto pc+4
 113: r1 = map_value[rstap_stats] + 0
 115: r2 = 1
 116: lock *(u64 *)(r1 +0) += r2
 117: goto pc+18
 118: *(u64 *)(r7 +672) = 0
 119: call bpf_get_current_pid_tgid#14
 120: r0 >>= 32
 121: *(u64 *)(r7 +672) = r0
 122: r1 = map[g0_names]
 124: r2 = r7
 125: r2 += 672
 126: call bpf_map_lookup_elem#1
 127: if r0 == 0x0 goto pc+6
 128: r3 = r0
 129: r1 = r7
 130: r1 += 544
 131: r2 = 128
 132: call bpf_probe_read_kernel_str#115
 133: goto pc+1
 134: *(u64 *)(r7 +544) = 0
 135: goto pc+0
 136: r0 = 0
 137: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
