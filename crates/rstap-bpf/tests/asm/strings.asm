map rstap_scratch: PercpuArray key 4 value 680 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_names: Hash key 8 value 128 entries 2048

# kernel.trace("syscalls:sys_enter_openat") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_openat" })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+124
   8: r7 = r0
   9: r8 = 0
  10: *(u64 *)(r7 +0) = r6
  11: r8 += 1
  12: r1 = r7
  13: r1 += 8
  14: r2 = 16
  15: call bpf_get_current_comm#16
  16: *(u64 *)(r7 +24) = 7627107
  17: r1 = *(u8 *)(r7 +8)
  18: r2 = *(u8 *)(r7 +24)
  19: if r1 != r2 goto pc+15
  20: if r1 == 0x0 goto pc+12
  21: r1 = *(u8 *)(r7 +9)
  22: r2 = *(u8 *)(r7 +25)
  23: if r1 != r2 goto pc+11
  24: if r1 == 0x0 goto pc+8
  25: r1 = *(u8 *)(r7 +10)
  26: r2 = *(u8 *)(r7 +26)
  27: if r1 != r2 goto pc+7
  28: if r1 == 0x0 goto pc+4
  29: r1 = *(u8 *)(r7 +11)
  30: r2 = *(u8 *)(r7 +27)
  31: if r1 != r2 goto pc+3
  32: if r1 == 0x0 goto pc+0
  33: r0 = 0
  34: goto pc+2
  35: r0 = r1
  36: r0 -= r2
  37: if r0 == 0x0 goto pc+2
  38: r0 = 0
  39: goto pc+1
  40: r0 = 1
  41: if r0 == 0x0 goto pc+90
  42: r8 += 1
  43: r1 = 0x2064656e65706f ll
  45: *(u64 *)(r7 +8) = r1
  46: *(u64 *)(r7 +16) = 0
  47: r4 = *(u64 *)(r7 +0)
  48: r3 = r4
  49: r3 += 32
  50: r1 = r7
  51: r1 += 16
  52: r2 = 4
  53: call bpf_probe_read_kernel#113
  54: r3 = *(u32 *)(r7 +16)
  55: r3 &= 65535
  56: r4 = *(u64 *)(r7 +0)
  57: r3 += r4
  58: r1 = r7
  59: r1 += 16
  60: r2 = 128
  61: call bpf_probe_read_kernel_str#115
  62: r1 = r7
  63: r1 += 144
  64: r2 = 128
  65: r3 = r7
  66: r3 += 8
  67: call bpf_probe_read_kernel_str#115
  68: if r0 s> 0x0 goto pc+1
  69: r0 = 1
  70: r0 -= 1
  71: if r0 <= 0x7f goto pc+1
  72: r0 = 127
  73: r1 = r7
  74: r1 += 144
  75: r1 += r0
  76: r2 = 128
  77: r3 = r7
  78: r3 += 16
  79: call bpf_probe_read_kernel_str#115
  80: *(u8 *)(r7 +271) = 0
  81: r1 = r7
  82: r1 += 400
  83: r2 = 128
  84: r3 = r7
  85: r3 += 144
  86: call bpf_probe_read_kernel_str#115
  87: *(u64 *)(r7 +528) = 0
  88: call bpf_get_current_pid_tgid#14
  89: r0 >>= 32
  90: *(u64 *)(r7 +528) = r0
  91: r1 = map[g0_names]
  93: r2 = r7
  94: r2 += 528
  95: r3 = r7
  96: r3 += 400
  97: r4 = 0
  98: call bpf_map_update_elem#2
  99: if r0 s>= 0x0 goto pc+14
 100: *(u64 *)(r7 +536) = 0
 101: r1 = map[rstap_output]
 103: r2 = r7
 104: r2 += 536
 105: r3 = 8
 106: r4 = 0
 107: call bpf_ringbuf_output#130
 108: if r0 == 0x0 goto pc+4
 109: r1 = map_value[rstap_stats] + 0
 111: r2 = 1
 112: lock *(u64 *)(r1 +0) += r2
 113: goto pc+18
 114: *(u64 *)(r7 +672) = 0
 115: call bpf_get_current_pid_tgid#14
 116: r0 >>= 32
 117: *(u64 *)(r7 +672) = r0
 118: r1 = map[g0_names]
 120: r2 = r7
 121: r2 += 672
 122: call bpf_map_lookup_elem#1
 123: if r0 == 0x0 goto pc+6
 124: r3 = r0
 125: r1 = r7
 126: r1 += 544
 127: r2 = 128
 128: call bpf_probe_read_kernel_str#115
 129: goto pc+1
 130: *(u64 *)(r7 +544) = 0
 131: goto pc+0
 132: r0 = 0
 133: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
