map rstap_scratch: PercpuArray key 4 value 48 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_a: Hash key 8 value 8 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1
map rstap_sc_e0: ProgArray key 4 value 4 entries 512

# kernel.trace("syscalls:sys_enter_getppid") (RawTracepoint, TailCall { map: 6, key: 110 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+55
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+48
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 0
  15: r0 = 1
  16: *(u64 *)(r7 +16) = r0
  17: *(u64 *)(r7 +24) = 0
  18: call bpf_get_current_pid_tgid#14
  19: r0 >>= 32
  20: *(u64 *)(r7 +24) = r0
  21: r1 = map[g0_a]
  23: r2 = r7
  24: r2 += 24
  25: r3 = r7
  26: r3 += 16
  27: r4 = 0
  28: call bpf_map_update_elem#2
  29: if r0 s>= 0x0 goto pc+17
  30: r1 = map_value[rstap_conf] + 0
  32: *(u64 *)(r1 +16) = 2
  33: *(u64 *)(r7 +32) = 0
  34: r1 = map[rstap_output]
  36: r2 = r7
  37: r2 += 32
  38: r3 = 8
  39: r4 = 2
  40: call bpf_ringbuf_output#130
  41: if r0 == 0x0 goto pc+4
  42: r1 = map_value[rstap_stats] + 0
  44: r2 = 1
  45: lock *(u64 *)(r1 +0) += r2
  46: goto pc+13
  47: r0 = *(u64 *)(r7 +16)
  48: *(u64 *)(r7 +16) = 0
  49: r1 = map[g0_a]
  51: r2 = subprog[+11]
  53: r3 = 0
  54: r4 = 0
  55: call bpf_for_each_map_elem#164
  56: r1 = *(u64 *)(r7 +16)
  57: if r1 == 0x0 goto pc+2
  58: if r1 != 0x1 goto pc+1
  59: goto pc+0
  60: r0 = 0
  61: exit
  62: *(u64 *)(r10 -8) = r2
  63: *(u64 *)(r10 -16) = r3
  64: *(u32 *)(r10 -20) = 0
  65: r2 = r10
  66: r2 += -20
  67: r1 = map[rstap_scratch]
  69: call bpf_map_lookup_elem#1
  70: if r0 == 0x0 goto pc+24
  71: r7 = r0
  72: r3 = *(u64 *)(r10 -8)
  73: r1 = *(u64 *)(r3 +0)
  74: *(u64 *)(r7 +8) = r1
  75: r0 = *(u64 *)(r7 +8)
  76: *(u64 *)(r7 +24) = r0
  77: *(u64 *)(r7 +32) = 1
  78: r1 = *(u64 *)(r7 +24)
  79: *(u64 *)(r7 +40) = r1
  80: r1 = map[rstap_output]
  82: r2 = r7
  83: r2 += 32
  84: r3 = 16
  85: r4 = 1
  86: call bpf_ringbuf_output#130
  87: if r0 == 0x0 goto pc+4
  88: r1 = map_value[rstap_stats] + 0
  90: r2 = 1
  91: lock *(u64 *)(r1 +0) += r2
  92: r0 = 0
  93: r0 = 0
  94: exit
  95: r0 = 1
  96: exit

# dispatcher rstap_sc_e0 on sys_enter
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +8)
   2: r1 = r6
   3: r2 = map[rstap_sc_e0]
   5: call bpf_tail_call#12
   6: r0 = 0
   7: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
