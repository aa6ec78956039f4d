map rstap_scratch: PercpuArray key 4 value 296 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_n: Array key 4 value 8 entries 1
map g1_s: Array key 4 value 128 entries 1
map rstap_rodata: Array key 4 value 8 entries 1
map rstap_sc_e0: ProgArray key 4 value 4 entries 512

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, TailCall { map: 7, key: 110 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+105
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+98
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r1 = r7
  15: r1 += 8
  16: r2 = 16
  17: call bpf_get_current_comm#16
  18: r3 = r7
  19: r3 += 8
  20: r1 = r7
  21: r1 += 24
  22: r2 = 128
  23: call bpf_probe_read_kernel_str#115
  24: r0 -= 1
  25: if r0 s>= 0x0 goto pc+1
  26: r0 = 0
  27: *(u64 *)(r7 +152) = r0
  28: r0 = 8192
  29: *(u64 *)(r7 +160) = r0
  30: r3 = *(u64 *)(r7 +160)
  31: r1 = r7
  32: r1 += 168
  33: r2 = 128
  34: call bpf_probe_read_user_str#114
  35: r0 -= 1
  36: if r0 s>= 0x0 goto pc+1
  37: r0 = 0
  38: r1 = r0
  39: r0 = *(u64 *)(r7 +152)
  40: r0 += r1
  41: r1 = map_value[g0_n] + 0
  43: *(u64 *)(r1 +0) = r0
  44: r0 = 4096
  45: *(u64 *)(r7 +8) = r0
  46: r0 = 4160
  47: *(u64 *)(r7 +16) = r0
  48: *(u64 *)(r7 +24) = 32
  49: *(u64 *)(r7 +40) = 0
  50: *(u64 *)(r7 +48) = 0
  51: *(u64 *)(r7 +56) = 0
  52: *(u64 *)(r7 +64) = 0
  53: *(u64 *)(r7 +72) = 0
  54: *(u64 *)(r7 +80) = 0
  55: *(u64 *)(r7 +88) = 0
  56: *(u64 *)(r7 +96) = 0
  57: *(u64 *)(r7 +104) = 0
  58: *(u64 *)(r7 +112) = 0
  59: *(u64 *)(r7 +120) = 0
  60: *(u64 *)(r7 +128) = 0
  61: *(u64 *)(r7 +136) = 0
  62: *(u64 *)(r7 +144) = 0
  63: *(u64 *)(r7 +152) = 0
  64: *(u64 *)(r7 +160) = 0
  65: r0 = *(u64 *)(r7 +16)
  66: r1 = *(u64 *)(r7 +8)
  67: r0 -= r1
  68: if r0 s>= 0x0 goto pc+1
  69: r0 = 0
  70: if r0 <= 0x7f goto pc+1
  71: r0 = 127
  72: *(u64 *)(r7 +32) = r0
  73: if r0 == 0x0 goto pc+24
  74: r1 = r7
  75: r1 += 40
  76: r2 = *(u64 *)(r7 +32)
  77: if r2 <= 0x7f goto pc+1
  78: r2 = 127
  79: r3 = *(u64 *)(r7 +8)
  80: call bpf_probe_read_user#112
  81: if r0 s>= 0x0 goto pc+2
  82: *(u8 *)(r7 +40) = 0
  83: goto pc+14
  84: r2 = *(u64 *)(r7 +32)
  85: r2 -= 1
  86: r1 = 0
  87: if r1 >= 0x7f goto pc+10
  88: if r1 s>= r2 goto pc+7
  89: r3 = r7
  90: r3 += 40
  91: r3 += r1
  92: r4 = *(u8 *)(r3 +0)
  93: if r4 != 0x0 goto pc+2
  94: r4 = *(u8 *)(r7 +24)
  95: *(u8 *)(r3 +0) = r4
  96: r1 += 1
  97: goto pc-11
  98: r1 = map_value[g1_s] + 0
 100: r2 = 128
 101: r3 = r7
 102: r3 += 40
 103: call bpf_probe_read_kernel_str#115
 104: r1 = r7
 105: r1 += 168
 106: r2 = 128
 107: r3 = map_value[g1_s] + 0
 109: call bpf_probe_read_kernel_str#115
 110: r0 = 0
 111: exit

# dispatcher rstap_sc_e0 on sys_enter
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +8)
   2: r1 = r6
   3: r2 = map[rstap_sc_e0]
   5: call bpf_tail_call#12
   6: r0 = 0
   7: exit
