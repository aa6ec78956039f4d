map rstap_scratch: PercpuArray key 4 value 88 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map rstap_rodata: Array key 4 value 8 entries 1
map rstap_blockdev: Hash key 4 value 32 entries 4096

# kernel.trace("sched:sched_switch") (Tracepoint, Tracepoint { system: "sched", name: "sched_switch" })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+45
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+38
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: r0 = *(u32 *)(r6 +24)
  15: r0 <<= 32
  16: r0 s>>= 32
  17: *(u32 *)(r7 +8) = r0
  18: *(u64 *)(r7 +16) = 0
  19: r1 = map[rstap_blockdev]
  21: r2 = r7
  22: r2 += 8
  23: call bpf_map_lookup_elem#1
  24: if r0 == 0x0 goto pc+5
  25: r3 = r0
  26: r1 = r7
  27: r1 += 16
  28: r2 = 32
  29: call bpf_probe_read_kernel_str#115
  30: *(u64 *)(r7 +48) = 0
  31: r1 = r7
  32: r1 += 56
  33: r2 = 32
  34: r3 = r7
  35: r3 += 16
  36: call bpf_probe_read_kernel_str#115
  37: r1 = map[rstap_output]
  39: r2 = r7
  40: r2 += 48
  41: r3 = 40
  42: r4 = 1
  43: call bpf_ringbuf_output#130
  44: if r0 == 0x0 goto pc+4
  45: r1 = map_value[rstap_stats] + 0
  47: r2 = 1
  48: lock *(u64 *)(r1 +0) += r2
  49: r0 = 0
  50: r0 = 0
  51: exit
site 0: Printf { format: [37, 115, 10] } args [ArgSlot { ty: String, offset: 8, width: 32 }] size 40
