map rstap_scratch: PercpuArray key 4 value 144 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_n: Array key 4 value 8 entries 1
map g1_name: Array key 4 value 128 entries 1
map rstap_rodata: Array key 4 value 8 entries 1

# process(4242).function("add") (Kprobe, Uprobe { path: "/opt/app", offset: 4409, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+19
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+12
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: call bpf_get_current_pid_tgid#14
  15: r0 >>= 32
  16: if r0 != 0x1092 goto pc+7
  17: r0 = 1
  18: r1 = map_value[g0_n] + 0
  20: r2 = r0
  21: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
  22: r0 += r2
  23: r0 -= 1
  24: r0 = 0
  25: exit

# process("/opt/app").library("/opt/app").function("main") (Kprobe, Uprobe { path: "/opt/app", offset: 4448, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+59
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+52
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: call bpf_get_current_task#35
  15: *(u64 *)(r7 +8) = 0
  16: r3 = r0
  17: r3 += 2336
  18: r1 = r7
  19: r1 += 8
  20: r2 = 8
  21: call bpf_probe_read_kernel#113
  22: if r0 != 0x0 goto pc+41
  23: r4 = *(u64 *)(r7 +8)
  24: if r4 == 0x0 goto pc+39
  25: *(u64 *)(r7 +8) = 0
  26: r3 = r4
  27: r3 += 960
  28: r1 = r7
  29: r1 += 8
  30: r2 = 8
  31: call bpf_probe_read_kernel#113
  32: if r0 != 0x0 goto pc+31
  33: r4 = *(u64 *)(r7 +8)
  34: if r4 == 0x0 goto pc+29
  35: *(u64 *)(r7 +8) = 0
  36: r3 = r4
  37: r3 += 32
  38: r1 = r7
  39: r1 += 8
  40: r2 = 8
  41: call bpf_probe_read_kernel#113
  42: if r0 != 0x0 goto pc+21
  43: r4 = *(u64 *)(r7 +8)
  44: if r4 == 0x0 goto pc+19
  45: *(u64 *)(r7 +8) = 0
  46: r3 = r4
  47: r3 += 64
  48: r1 = r7
  49: r1 += 8
  50: r2 = 8
  51: call bpf_probe_read_kernel#113
  52: if r0 != 0x0 goto pc+11
  53: r1 = *(u64 *)(r7 +8)
  54: r2 = 0x123456789abc ll
  56: if r1 != r2 goto pc+7
  57: r0 = 1
  58: r1 = map_value[g0_n] + 0
  60: r2 = r0
  61: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
  62: r0 += r2
  63: r0 -= 1
  64: r0 = 0
  65: exit

# process("/opt/app").plt("puts") (Kprobe, Uprobe { path: "/opt/app", offset: 4144, ret: false, semaphore: None })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+22
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+15
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 1937012080
  15: r1 = map_value[g1_name] + 0
  17: r2 = 128
  18: r3 = r7
  19: r3 += 8
  20: call bpf_probe_read_kernel_str#115
  21: r1 = r7
  22: r1 += 16
  23: r2 = 128
  24: r3 = map_value[g1_name] + 0
  26: call bpf_probe_read_kernel_str#115
  27: r0 = 0
  28: exit
