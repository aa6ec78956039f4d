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
   7: if r0 == 0x0 goto pc+121
   8: r7 = r0
   9: *(u64 *)(r7 +0) = r6
  10: r1 = r7
  11: r1 += 8
  12: r2 = 16
  13: call bpf_get_current_comm#16
  14: *(u64 *)(r7 +24) = 7627107
  15: r1 = *(u8 *)(r7 +8)
  16: r2 = *(u8 *)(r7 +24)
  17: if r1 != r2 goto pc+15
  18: if r1 == 0x0 goto pc+12
  19: r1 = *(u8 *)(r7 +9)
  20: r2 = *(u8 *)(r7 +25)
  21: if r1 != r2 goto pc+11
  22: if r1 == 0x0 goto pc+8
  23: r1 = *(u8 *)(r7 +10)
  24: r2 = *(u8 *)(r7 +26)
  25: if r1 != r2 goto pc+7
  26: if r1 == 0x0 goto pc+4
  27: r1 = *(u8 *)(r7 +11)
  28: r2 = *(u8 *)(r7 +27)
  29: if r1 != r2 goto pc+3
  30: if r1 == 0x0 goto pc+0
  31: r0 = 0
  32: goto pc+2
  33: r0 = r1
  34: r0 -= r2
  35: if r0 == 0x0 goto pc+2
  36: r0 = 0
  37: goto pc+1
  38: r0 = 1
  39: if r0 == 0x0 goto pc+89
  40: r1 = 0x2064656e65706f ll
  42: *(u64 *)(r7 +8) = r1
  43: *(u64 *)(r7 +16) = 0
  44: r4 = *(u64 *)(r7 +0)
  45: r3 = r4
  46: r3 += 32
  47: r1 = r7
  48: r1 += 16
  49: r2 = 4
  50: call bpf_probe_read_kernel#113
  51: r3 = *(u32 *)(r7 +16)
  52: r3 &= 65535
  53: r4 = *(u64 *)(r7 +0)
  54: r3 += r4
  55: r1 = r7
  56: r1 += 16
  57: r2 = 128
  58: call bpf_probe_read_kernel_str#115
  59: r1 = r7
  60: r1 += 144
  61: r2 = 128
  62: r3 = r7
  63: r3 += 8
  64: call bpf_probe_read_kernel_str#115
  65: if r0 s> 0x0 goto pc+1
  66: r0 = 1
  67: r0 -= 1
  68: if r0 <= 0x7f goto pc+1
  69: r0 = 127
  70: r1 = r7
  71: r1 += 144
  72: r1 += r0
  73: r2 = 128
  74: r3 = r7
  75: r3 += 16
  76: call bpf_probe_read_kernel_str#115
  77: *(u8 *)(r7 +271) = 0
  78: r1 = r7
  79: r1 += 400
  80: r2 = 128
  81: r3 = r7
  82: r3 += 144
  83: call bpf_probe_read_kernel_str#115
  84: *(u64 *)(r7 +528) = 0
  85: call bpf_get_current_pid_tgid#14
  86: r0 >>= 32
  87: *(u64 *)(r7 +528) = r0
  88: r1 = map[g0_names]
  90: r2 = r7
  91: r2 += 528
  92: r3 = r7
  93: r3 += 400
  94: r4 = 0
  95: call bpf_map_update_elem#2
  96: if r0 s>= 0x0 goto pc+14
  97: *(u64 *)(r7 +536) = 0
  98: r1 = map[rstap_output]
 100: r2 = r7
 101: r2 += 536
 102: r3 = 8
 103: r4 = 0
 104: call bpf_ringbuf_output#130
 105: if r0 == 0x0 goto pc+4
 106: r1 = map_value[rstap_stats] + 0
 108: r2 = 1
 109: lock *(u64 *)(r1 +0) += r2
 110: goto pc+18
 111: *(u64 *)(r7 +672) = 0
 112: call bpf_get_current_pid_tgid#14
 113: r0 >>= 32
 114: *(u64 *)(r7 +672) = r0
 115: r1 = map[g0_names]
 117: r2 = r7
 118: r2 += 672
 119: call bpf_map_lookup_elem#1
 120: if r0 == 0x0 goto pc+6
 121: r3 = r0
 122: r1 = r7
 123: r1 += 544
 124: r2 = 128
 125: call bpf_probe_read_kernel_str#115
 126: goto pc+1
 127: *(u64 *)(r7 +544) = 0
 128: goto pc+0
 129: r0 = 0
 130: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
