map rstap_scratch: PercpuArray key 4 value 48 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 24 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_a: Hash key 8 value 8 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x6e goto pc+59
   3: r1 = map_value[rstap_conf] + 0
   5: r1 = *(u64 *)(r1 +16)
   6: if r1 != 0x0 goto pc+55
   7: *(u32 *)(r10 -4) = 0
   8: r2 = r10
   9: r2 += -4
  10: r1 = map[rstap_scratch]
  12: call bpf_map_lookup_elem#1
  13: if r0 == 0x0 goto pc+48
  14: r7 = r0
  15: *(u64 *)(r7 +0) = r6
  16: *(u64 *)(r7 +8) = 0
  17: r0 = 1
  18: *(u64 *)(r7 +16) = r0
  19: *(u64 *)(r7 +24) = 0
  20: call bpf_get_current_pid_tgid#14
  21: r0 >>= 32
  22: *(u64 *)(r7 +24) = r0
  23: r1 = map[g0_a]
  25: r2 = r7
  26: r2 += 24
  27: r3 = r7
  28: r3 += 16
  29: r4 = 0
  30: call bpf_map_update_elem#2
  31: if r0 s>= 0x0 goto pc+17
  32: r1 = map_value[rstap_conf] + 0
  34: *(u64 *)(r1 +16) = 2
  35: *(u64 *)(r7 +32) = 0
  36: r1 = map[rstap_output]
  38: r2 = r7
  39: r2 += 32
  40: r3 = 8
  41: r4 = 2
  42: call bpf_ringbuf_output#130
  43: if r0 == 0x0 goto pc+4
  44: r1 = map_value[rstap_stats] + 0
  46: r2 = 1
  47: lock *(u64 *)(r1 +0) += r2
  48: goto pc+13
  49: r0 = *(u64 *)(r7 +16)
  50: *(u64 *)(r7 +16) = 0
  51: r1 = map[g0_a]
  53: r2 = subprog[+11]
  55: r3 = 0
  56: r4 = 0
  57: call bpf_for_each_map_elem#164
  58: r1 = *(u64 *)(r7 +16)
  59: if r1 == 0x0 goto pc+2
  60: if r1 != 0x1 goto pc+1
  61: goto pc+0
  62: r0 = 0
  63: exit
  64: *(u64 *)(r10 -8) = r2
  65: *(u64 *)(r10 -16) = r3
  66: *(u32 *)(r10 -20) = 0
  67: r2 = r10
  68: r2 += -20
  69: r1 = map[rstap_scratch]
  71: call bpf_map_lookup_elem#1
  72: if r0 == 0x0 goto pc+24
  73: r7 = r0
  74: r3 = *(u64 *)(r10 -8)
  75: r1 = *(u64 *)(r3 +0)
  76: *(u64 *)(r7 +8) = r1
  77: r0 = *(u64 *)(r7 +8)
  78: *(u64 *)(r7 +24) = r0
  79: *(u64 *)(r7 +32) = 1
  80: r1 = *(u64 *)(r7 +24)
  81: *(u64 *)(r7 +40) = r1
  82: r1 = map[rstap_output]
  84: r2 = r7
  85: r2 += 32
  86: r3 = 16
  87: r4 = 1
  88: call bpf_ringbuf_output#130
  89: if r0 == 0x0 goto pc+4
  90: r1 = map_value[rstap_stats] + 0
  92: r2 = 1
  93: lock *(u64 *)(r1 +0) += r2
  94: r0 = 0
  95: r0 = 0
  96: exit
  97: r0 = 1
  98: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
