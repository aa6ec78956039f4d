map rstap_scratch: PercpuArray key 4 value 144 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_sum: Array key 4 value 8 entries 1
map g1_last: Array key 4 value 8 entries 1
map g2_name: Array key 4 value 128 entries 1
map g3___rstap_entr: Hash key 16 value 8 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1

# process("/opt/app").function("add") (Kprobe, Uprobe { path: "/opt/app", offset: 4409, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+29
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+22
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +112)
  15: r0 <<= 32
  16: r0 >>= 32
  17: *(u64 *)(r7 +8) = r0
  18: r0 = *(u64 *)(r6 +104)
  19: r0 <<= 32
  20: r0 s>>= 32
  21: r1 = r0
  22: r0 = *(u64 *)(r7 +8)
  23: r0 += r1
  24: *(u64 *)(r7 +16) = r0
  25: r0 = *(u64 *)(r6 +64)
  26: r1 = r0
  27: r0 = *(u64 *)(r7 +16)
  28: r0 += r1
  29: r1 = map_value[g0_sum] + 0
  31: r2 = r0
  32: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
  33: r0 += r2
  34: r0 = 0
  35: exit

# process("/opt/app").function("add").return (Kretprobe, Uprobe { path: "/opt/app", offset: 4409, ret: true, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+26
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+19
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +80)
  15: r1 = map_value[g1_last] + 0
  17: *(u64 *)(r1 +0) = r0
  18: *(u64 *)(r7 +8) = 6579297
  19: r1 = map_value[g2_name] + 0
  21: r2 = 128
  22: r3 = r7
  23: r3 += 8
  24: call bpf_probe_read_kernel_str#115
  25: r1 = r7
  26: r1 += 16
  27: r2 = 128
  28: r3 = map_value[g2_name] + 0
  30: call bpf_probe_read_kernel_str#115
  31: r0 = 0
  32: exit

# process("/opt/app").mark("step") (Kprobe, Uprobe { path: "/opt/app", offset: 4480, ret: false, semaphore: Some(16416) })
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
  14: r0 = *(u64 *)(r6 +112)
  15: r0 <<= 32
  16: r0 s>>= 32
  17: *(u64 *)(r7 +8) = r0
  18: r0 = *(u64 *)(r6 +32)
  19: r0 += -8
  20: *(u64 *)(r7 +16) = r0
  21: *(u64 *)(r7 +24) = 0
  22: r1 = r7
  23: r1 += 24
  24: r2 = 8
  25: r3 = *(u64 *)(r7 +16)
  26: call bpf_probe_read_user#112
  27: if r0 s>= 0x0 goto pc+19
  28: r1 = map_value[rstap_conf] + 0
  30: *(u64 *)(r1 +16) = 2
  31: *(u64 *)(r7 +32) = 0
  32: r1 = *(u64 *)(r7 +16)
  33: *(u64 *)(r7 +40) = r1
  34: r1 = map[rstap_output]
  36: r2 = r7
  37: r2 += 32
  38: r3 = 16
  39: r4 = 2
  40: call bpf_ringbuf_output#130
  41: if r0 == 0x0 goto pc+4
  42: r1 = map_value[rstap_stats] + 0
  44: r2 = 1
  45: lock *(u64 *)(r1 +0) += r2
  46: goto pc+23
  47: r0 = *(u64 *)(r7 +24)
  48: r1 = r0
  49: r0 = *(u64 *)(r7 +8)
  50: r0 += r1
  51: *(u64 *)(r7 +48) = r0
  52: r0 = 5
  53: r0 <<= 32
  54: r0 s>>= 32
  55: r1 = r0
  56: r0 = *(u64 *)(r7 +48)
  57: r0 += r1
  58: *(u64 *)(r7 +56) = r0
  59: r0 = *(u64 *)(r6 +24)
  60: r0 <<= 48
  61: r0 >>= 48
  62: r1 = r0
  63: r0 = *(u64 *)(r7 +56)
  64: r0 += r1
  65: r1 = map_value[g0_sum] + 0
  67: r2 = r0
  68: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
  69: r0 += r2
  70: r0 = 0
  71: exit

# process("/opt/app").function("add") (Kprobe, Uprobe { path: "/opt/app", offset: 4409, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+24
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+17
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +112)
  15: r0 <<= 32
  16: r0 s>>= 32
  17: *(u64 *)(r7 +8) = r0
  18: r0 = *(u64 *)(r6 +104)
  19: r0 <<= 48
  20: r0 >>= 48
  21: r1 = r0
  22: r0 = *(u64 *)(r7 +8)
  23: r0 += r1
  24: r1 = map_value[g0_sum] + 0
  26: r2 = r0
  27: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
  28: r0 += r2
  29: r0 = 0
  30: exit

# process("/opt/app").function("add").call (Kprobe, Uprobe { path: "/opt/app", offset: 4409, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+48
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+41
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u64 *)(r6 +112)
  15: r0 <<= 32
  16: r0 s>>= 32
  17: *(u64 *)(r7 +8) = r0
  18: *(u64 *)(r7 +16) = 0
  19: *(u64 *)(r7 +24) = 0
  20: call bpf_get_current_pid_tgid#14
  21: r0 <<= 32
  22: r0 >>= 32
  23: *(u64 *)(r7 +16) = r0
  24: r0 = *(u64 *)(r6 +152)
  25: *(u64 *)(r7 +24) = r0
  26: r1 = map[g3___rstap_entr]
  28: r2 = r7
  29: r2 += 16
  30: r3 = r7
  31: r3 += 8
  32: r4 = 0
  33: call bpf_map_update_elem#2
  34: if r0 s>= 0x0 goto pc+17
  35: r1 = map_value[rstap_conf] + 0
  37: *(u64 *)(r1 +16) = 2
  38: *(u64 *)(r7 +32) = 1
  39: r1 = map[rstap_output]
  41: r2 = r7
  42: r2 += 32
  43: r3 = 8
  44: r4 = 2
  45: call bpf_ringbuf_output#130
  46: if r0 == 0x0 goto pc+4
  47: r1 = map_value[rstap_stats] + 0
  49: r2 = 1
  50: lock *(u64 *)(r1 +0) += r2
  51: goto pc+1
  52: r0 = *(u64 *)(r7 +8)
  53: r0 = 0
  54: exit

# process("/opt/app").function("add").return (Kretprobe, Uprobe { path: "/opt/app", offset: 4409, ret: true, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+52
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+45
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 0
  15: *(u64 *)(r7 +16) = 0
  16: *(u64 *)(r7 +24) = 0
  17: call bpf_get_current_pid_tgid#14
  18: r0 <<= 32
  19: r0 >>= 32
  20: *(u64 *)(r7 +16) = r0
  21: r0 = *(u64 *)(r6 +152)
  22: r0 -= 8
  23: *(u64 *)(r7 +24) = r0
  24: r1 = map[g3___rstap_entr]
  26: r2 = r7
  27: r2 += 16
  28: call bpf_map_lookup_elem#1
  29: if r0 == 0x0 goto pc+2
  30: r0 = *(u64 *)(r0 +0)
  31: goto pc+1
  32: r0 = 0
  33: *(u64 *)(r7 +8) = r0
  34: *(u64 *)(r7 +16) = 0
  35: *(u64 *)(r7 +24) = 0
  36: call bpf_get_current_pid_tgid#14
  37: r0 <<= 32
  38: r0 >>= 32
  39: *(u64 *)(r7 +16) = r0
  40: r0 = *(u64 *)(r6 +152)
  41: r0 -= 8
  42: *(u64 *)(r7 +24) = r0
  43: r1 = map[g3___rstap_entr]
  45: r2 = r7
  46: r2 += 16
  47: call bpf_map_delete_elem#3
  48: r0 = *(u64 *)(r7 +8)
  49: *(u64 *)(r7 +16) = r0
  50: r0 = *(u64 *)(r6 +80)
  51: r1 = r0
  52: r0 = *(u64 *)(r7 +16)
  53: r0 += r1
  54: r1 = map_value[g1_last] + 0
  56: *(u64 *)(r1 +0) = r0
  57: r0 = 0
  58: exit
site 0: Fault { code: Code("R0011"), prefix: "user $arg2 copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 1: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
