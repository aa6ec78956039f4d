map rstap_scratch: PercpuArray key 4 value 608 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_counts: Hash key 128 value 8 entries 2048
map g1_total: Array key 4 value 8 entries 1
map g2_last: Array key 4 value 128 entries 1
map g3_seen: Hash key 24 value 8 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1
map rstap_sc_e0: ProgArray key 4 value 4 entries 512

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, TailCall { map: 9, key: 1 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+742
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+735
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 0
  15: *(u64 *)(r7 +16) = 0
  16: *(u64 *)(r7 +24) = 0
  17: *(u64 *)(r7 +32) = 0
  18: *(u64 *)(r7 +40) = 0
  19: *(u64 *)(r7 +168) = 0
  20: r4 = *(u64 *)(r6 +0)
  21: r3 = r4
  22: r3 += 96
  23: r1 = r7
  24: r1 += 168
  25: r2 = 8
  26: call bpf_probe_read_kernel#113
  27: r0 = *(u64 *)(r7 +168)
  28: *(u64 *)(r7 +8) = r0
  29: r0 = *(u64 *)(r7 +8)
  30: *(u64 *)(r7 +168) = r0
  31: *(u64 *)(r7 +176) = 0
  32: r1 = *(u64 *)(r7 +168)
  33: *(u64 *)(r7 +176) = r1
  34: *(u64 *)(r7 +184) = 0
  35: r0 = *(u64 *)(r7 +176)
  36: *(u64 *)(r7 +312) = r0
  37: r0 = 10
  38: r1 = r0
  39: r0 = *(u64 *)(r7 +312)
  40: if r0 s< r1 goto pc+2
  41: r0 = 0
  42: goto pc+1
  43: r0 = 1
  44: if r0 == 0x0 goto pc+6
  45: r1 = 0x6c6c616d73 ll
  47: *(u64 *)(r7 +312) = r1
  48: r1 = *(u64 *)(r7 +312)
  49: *(u64 *)(r7 +184) = r1
  50: goto pc+28
  51: r0 = *(u64 *)(r7 +176)
  52: *(u64 *)(r7 +440) = r0
  53: r0 = 1000
  54: r1 = r0
  55: r0 = *(u64 *)(r7 +440)
  56: if r0 s< r1 goto pc+2
  57: r0 = 0
  58: goto pc+1
  59: r0 = 1
  60: if r0 == 0x0 goto pc+6
  61: r1 = 0x6d756964656d ll
  63: *(u64 *)(r7 +448) = r1
  64: r1 = *(u64 *)(r7 +448)
  65: *(u64 *)(r7 +312) = r1
  66: goto pc+5
  67: r1 = 0x656772616c ll
  69: *(u64 *)(r7 +456) = r1
  70: r1 = *(u64 *)(r7 +456)
  71: *(u64 *)(r7 +312) = r1
  72: r1 = r7
  73: r1 += 184
  74: r2 = 128
  75: r3 = r7
  76: r3 += 312
  77: call bpf_probe_read_kernel_str#115
  78: goto pc+0
  79: r0 = 1
  80: *(u64 *)(r7 +312) = r0
  81: *(u64 *)(r7 +320) = 0
  82: *(u64 *)(r7 +448) = 0
  83: r1 = r7
  84: r1 += 320
  85: r2 = 128
  86: r3 = r7
  87: r3 += 184
  88: call bpf_probe_read_kernel_str#115
  89: r1 = *(u64 *)(r7 +312)
  90: *(u64 *)(r7 +448) = r1
  91: *(u64 *)(r7 +456) = 0
  92: r0 = *(u64 *)(r7 +448)
  93: *(u64 *)(r7 +464) = r0
  94: *(u64 *)(r7 +472) = 0
  95: *(u64 *)(r7 +480) = 0
  96: *(u64 *)(r7 +488) = 0
  97: *(u64 *)(r7 +496) = 0
  98: *(u64 *)(r7 +504) = 0
  99: *(u64 *)(r7 +512) = 0
 100: *(u64 *)(r7 +520) = 0
 101: *(u64 *)(r7 +528) = 0
 102: *(u64 *)(r7 +536) = 0
 103: *(u64 *)(r7 +544) = 0
 104: *(u64 *)(r7 +552) = 0
 105: *(u64 *)(r7 +560) = 0
 106: *(u64 *)(r7 +568) = 0
 107: *(u64 *)(r7 +576) = 0
 108: *(u64 *)(r7 +584) = 0
 109: *(u64 *)(r7 +592) = 0
 110: r1 = r7
 111: r1 += 472
 112: r2 = 128
 113: r3 = r7
 114: r3 += 320
 115: call bpf_probe_read_kernel_str#115
 116: r1 = map[g0_counts]
 118: r2 = r7
 119: r2 += 472
 120: call bpf_map_lookup_elem#1
 121: if r0 == 0x0 goto pc+5
 122: r1 = *(u64 *)(r7 +464)
 123: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
 124: r0 = *(u64 *)(r7 +464)
 125: r0 += r1
 126: goto pc+36
 127: r1 = map[g0_counts]
 129: r2 = r7
 130: r2 += 472
 131: r3 = r7
 132: r3 += 464
 133: r4 = 1
 134: call bpf_map_update_elem#2
 135: if r0 == 0x0 goto pc+26
 136: if r0 != 0xffffffef goto pc+6
 137: r1 = map[g0_counts]
 139: r2 = r7
 140: r2 += 472
 141: call bpf_map_lookup_elem#1
 142: if r0 != 0x0 goto pc-21
 143: r0 = -1
 144: if r0 s>= 0x0 goto pc+17
 145: r1 = map_value[rstap_conf] + 0
 147: *(u64 *)(r1 +16) = 2
 148: *(u64 *)(r7 +600) = 0
 149: r1 = map[rstap_output]
 151: r2 = r7
 152: r2 += 600
 153: r3 = 8
 154: r4 = 2
 155: call bpf_ringbuf_output#130
 156: if r0 == 0x0 goto pc+4
 157: r1 = map_value[rstap_stats] + 0
 159: r2 = 1
 160: lock *(u64 *)(r1 +0) += r2
 161: goto pc+585
 162: r0 = *(u64 *)(r7 +464)
 163: *(u64 *)(r7 +464) = 0
 164: *(u64 *)(r7 +472) = 0
 165: *(u64 *)(r7 +480) = 0
 166: *(u64 *)(r7 +488) = 0
 167: *(u64 *)(r7 +496) = 0
 168: *(u64 *)(r7 +504) = 0
 169: *(u64 *)(r7 +512) = 0
 170: *(u64 *)(r7 +520) = 0
 171: *(u64 *)(r7 +528) = 0
 172: *(u64 *)(r7 +536) = 0
 173: *(u64 *)(r7 +544) = 0
 174: *(u64 *)(r7 +552) = 0
 175: *(u64 *)(r7 +560) = 0
 176: *(u64 *)(r7 +568) = 0
 177: *(u64 *)(r7 +576) = 0
 178: *(u64 *)(r7 +584) = 0
 179: r1 = r7
 180: r1 += 464
 181: r2 = 128
 182: r3 = r7
 183: r3 += 320
 184: call bpf_probe_read_kernel_str#115
 185: r1 = map[g0_counts]
 187: r2 = r7
 188: r2 += 464
 189: call bpf_map_lookup_elem#1
 190: if r0 == 0x0 goto pc+2
 191: r0 = *(u64 *)(r0 +0)
 192: goto pc+1
 193: r0 = 0
 194: *(u64 *)(r7 +456) = r0
 195: goto pc+0
 196: r0 = *(u64 *)(r7 +456)
 197: r0 = *(u64 *)(r7 +8)
 198: r1 = map_value[g1_total] + 0
 200: r2 = r0
 201: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 202: r0 += r2
 203: r0 = 0
 204: *(u64 *)(r7 +16) = r0
 205: r0 = 0
 206: *(u64 *)(r7 +24) = r0
 207: *(u64 *)(r10 -16) = 0
 208: r1 = *(u64 *)(r10 -16)
 209: r1 += 1
 210: *(u64 *)(r10 -16) = r1
 211: if r1 <= 0x3e8 goto pc+17
 212: r1 = map_value[rstap_conf] + 0
 214: *(u64 *)(r1 +16) = 2
 215: *(u64 *)(r7 +168) = 1
 216: r1 = map[rstap_output]
 218: r2 = r7
 219: r2 += 168
 220: r3 = 8
 221: r4 = 2
 222: call bpf_ringbuf_output#130
 223: if r0 == 0x0 goto pc+4
 224: r1 = map_value[rstap_stats] + 0
 226: r2 = 1
 227: lock *(u64 *)(r1 +0) += r2
 228: goto pc+518
 229: r0 = *(u64 *)(r7 +16)
 230: *(u64 *)(r7 +176) = r0
 231: r0 = 10
 232: r1 = r0
 233: r0 = *(u64 *)(r7 +176)
 234: if r0 s< r1 goto pc+2
 235: r0 = 0
 236: goto pc+1
 237: r0 = 1
 238: if r0 == 0x0 goto pc+27
 239: r0 = *(u64 *)(r7 +16)
 240: r1 = r0
 241: r0 = *(u64 *)(r7 +24)
 242: *(u64 *)(r7 +168) = r0
 243: r0 = *(u64 *)(r7 +168)
 244: r0 += r1
 245: *(u64 *)(r7 +24) = r0
 246: r0 = 1
 247: r1 = r0
 248: r0 = *(u64 *)(r7 +16)
 249: *(u64 *)(r7 +168) = r0
 250: r0 = *(u64 *)(r7 +168)
 251: r0 += r1
 252: *(u64 *)(r7 +16) = r0
 253: r0 -= 1
 254: r0 = *(u64 *)(r7 +24)
 255: *(u64 *)(r7 +168) = r0
 256: r0 = 20
 257: r1 = r0
 258: r0 = *(u64 *)(r7 +168)
 259: if r0 s> r1 goto pc+2
 260: r0 = 0
 261: goto pc+1
 262: r0 = 1
 263: if r0 == 0x0 goto pc+1
 264: goto pc+1
 265: goto pc-58
 266: r0 = 0
 267: *(u64 *)(r7 +32) = r0
 268: *(u64 *)(r10 -16) = 0
 269: r1 = *(u64 *)(r10 -16)
 270: r1 += 1
 271: *(u64 *)(r10 -16) = r1
 272: if r1 <= 0x3e8 goto pc+17
 273: r1 = map_value[rstap_conf] + 0
 275: *(u64 *)(r1 +16) = 2
 276: *(u64 *)(r7 +168) = 2
 277: r1 = map[rstap_output]
 279: r2 = r7
 280: r2 += 168
 281: r3 = 8
 282: r4 = 2
 283: call bpf_ringbuf_output#130
 284: if r0 == 0x0 goto pc+4
 285: r1 = map_value[rstap_stats] + 0
 287: r2 = 1
 288: lock *(u64 *)(r1 +0) += r2
 289: goto pc+457
 290: r0 = *(u64 *)(r7 +32)
 291: *(u64 *)(r7 +176) = r0
 292: r0 = 3
 293: r1 = r0
 294: r0 = *(u64 *)(r7 +176)
 295: if r0 s< r1 goto pc+2
 296: r0 = 0
 297: goto pc+1
 298: r0 = 1
 299: if r0 == 0x0 goto pc+27
 300: r0 = *(u64 *)(r7 +32)
 301: *(u64 *)(r7 +168) = r0
 302: r0 = 1
 303: r1 = r0
 304: r0 = *(u64 *)(r7 +168)
 305: if r0 == r1 goto pc+2
 306: r0 = 0
 307: goto pc+1
 308: r0 = 1
 309: if r0 == 0x0 goto pc+1
 310: goto pc+7
 311: r0 = *(u64 *)(r7 +32)
 312: r1 = r0
 313: r0 = *(u64 *)(r7 +24)
 314: *(u64 *)(r7 +168) = r0
 315: r0 = *(u64 *)(r7 +168)
 316: r0 -= r1
 317: *(u64 *)(r7 +24) = r0
 318: r0 = 1
 319: r1 = r0
 320: r0 = *(u64 *)(r7 +32)
 321: *(u64 *)(r7 +168) = r0
 322: r0 = *(u64 *)(r7 +168)
 323: r0 += r1
 324: *(u64 *)(r7 +32) = r0
 325: r0 -= 1
 326: goto pc-58
 327: r0 = *(u64 *)(r7 +24)
 328: *(u64 *)(r7 +312) = r0
 329: r0 = *(u64 *)(r7 +8)
 330: *(u64 *)(r7 +320) = r0
 331: r0 = *(u64 *)(r7 +8)
 332: r1 = r0
 333: r0 = *(u64 *)(r7 +320)
 334: r0 -= r1
 335: r1 = r0
 336: if r1 != 0x0 goto pc+3
 337: r1 = 3
 338: *(u64 *)(r7 +168) = r1
 339: goto pc+4
 340: r0 = *(u64 *)(r7 +312)
 341: r0 s/= r1
 342: *(u64 *)(r7 +24) = r0
 343: goto pc+25
 344: r1 = *(u64 *)(r7 +168)
 345: if r1 != 0x3 goto pc+11
 346: r1 = 0x6e6f697369766964 ll
 348: *(u64 *)(r7 +312) = r1
 349: r1 = 0x3020796220 ll
 351: *(u64 *)(r7 +320) = r1
 352: r1 = *(u64 *)(r7 +312)
 353: *(u64 *)(r7 +40) = r1
 354: r1 = *(u64 *)(r7 +320)
 355: *(u64 *)(r7 +48) = r1
 356: goto pc+0
 357: r1 = map_value[g2_last] + 0
 359: r2 = 128
 360: r3 = r7
 361: r3 += 40
 362: call bpf_probe_read_kernel_str#115
 363: r1 = r7
 364: r1 += 328
 365: r2 = 128
 366: r3 = map_value[g2_last] + 0
 368: call bpf_probe_read_kernel_str#115
 369: r0 = 1
 370: *(u64 *)(r7 +168) = r0
 371: *(u64 *)(r7 +176) = 0
 372: *(u64 *)(r7 +184) = 0
 373: *(u64 *)(r7 +192) = 0
 374: call bpf_get_current_pid_tgid#14
 375: r0 >>= 32
 376: *(u64 *)(r7 +176) = r0
 377: r1 = r7
 378: r1 += 200
 379: r2 = 16
 380: call bpf_get_current_comm#16
 381: r1 = *(u64 *)(r7 +200)
 382: *(u64 *)(r7 +184) = r1
 383: r1 = *(u64 *)(r7 +208)
 384: *(u64 *)(r7 +192) = r1
 385: r1 = map[g3_seen]
 387: r2 = r7
 388: r2 += 176
 389: call bpf_map_lookup_elem#1
 390: if r0 == 0x0 goto pc+5
 391: r1 = *(u64 *)(r7 +168)
 392: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
 393: r0 = *(u64 *)(r7 +168)
 394: r0 += r1
 395: goto pc+36
 396: r1 = map[g3_seen]
 398: r2 = r7
 399: r2 += 176
 400: r3 = r7
 401: r3 += 168
 402: r4 = 1
 403: call bpf_map_update_elem#2
 404: if r0 == 0x0 goto pc+26
 405: if r0 != 0xffffffef goto pc+6
 406: r1 = map[g3_seen]
 408: r2 = r7
 409: r2 += 176
 410: call bpf_map_lookup_elem#1
 411: if r0 != 0x0 goto pc-21
 412: r0 = -1
 413: if r0 s>= 0x0 goto pc+17
 414: r1 = map_value[rstap_conf] + 0
 416: *(u64 *)(r1 +16) = 2
 417: *(u64 *)(r7 +216) = 4
 418: r1 = map[rstap_output]
 420: r2 = r7
 421: r2 += 216
 422: r3 = 8
 423: r4 = 2
 424: call bpf_ringbuf_output#130
 425: if r0 == 0x0 goto pc+4
 426: r1 = map_value[rstap_stats] + 0
 428: r2 = 1
 429: lock *(u64 *)(r1 +0) += r2
 430: goto pc+316
 431: r0 = *(u64 *)(r7 +168)
 432: r0 -= 1
 433: *(u64 *)(r7 +168) = 0
 434: *(u64 *)(r7 +176) = 0
 435: *(u64 *)(r7 +184) = 0
 436: call bpf_get_current_pid_tgid#14
 437: r0 >>= 32
 438: *(u64 *)(r7 +168) = r0
 439: r1 = r7
 440: r1 += 192
 441: r2 = 16
 442: call bpf_get_current_comm#16
 443: r1 = *(u64 *)(r7 +192)
 444: *(u64 *)(r7 +176) = r1
 445: r1 = *(u64 *)(r7 +200)
 446: *(u64 *)(r7 +184) = r1
 447: r1 = map[g3_seen]
 449: r2 = r7
 450: r2 += 168
 451: call bpf_map_lookup_elem#1
 452: if r0 != 0x0 goto pc+2
 453: r0 = 0
 454: goto pc+1
 455: r0 = 1
 456: if r0 == 0x0 goto pc+38
 457: r1 = r7
 458: r1 += 208
 459: r2 = 16
 460: call bpf_get_current_comm#16
 461: *(u64 *)(r7 +224) = 1953066601
 462: r1 = *(u8 *)(r7 +208)
 463: r2 = *(u8 *)(r7 +224)
 464: if r1 != r2 goto pc+19
 465: if r1 == 0x0 goto pc+16
 466: r1 = *(u8 *)(r7 +209)
 467: r2 = *(u8 *)(r7 +225)
 468: if r1 != r2 goto pc+15
 469: if r1 == 0x0 goto pc+12
 470: r1 = *(u8 *)(r7 +210)
 471: r2 = *(u8 *)(r7 +226)
 472: if r1 != r2 goto pc+11
 473: if r1 == 0x0 goto pc+8
 474: r1 = *(u8 *)(r7 +211)
 475: r2 = *(u8 *)(r7 +227)
 476: if r1 != r2 goto pc+7
 477: if r1 == 0x0 goto pc+4
 478: r1 = *(u8 *)(r7 +212)
 479: r2 = *(u8 *)(r7 +228)
 480: if r1 != r2 goto pc+3
 481: if r1 == 0x0 goto pc+0
 482: r0 = 0
 483: goto pc+2
 484: r0 = r1
 485: r0 -= r2
 486: if r0 != 0x0 goto pc+2
 487: r0 = 0
 488: goto pc+1
 489: r0 = 1
 490: if r0 != 0x0 goto pc+2
 491: r0 = 0
 492: goto pc+1
 493: r0 = 1
 494: goto pc+1
 495: r0 = 0
 496: if r0 == 0x0 goto pc+20
 497: *(u64 *)(r7 +168) = 0
 498: *(u64 *)(r7 +176) = 0
 499: *(u64 *)(r7 +184) = 0
 500: call bpf_get_current_pid_tgid#14
 501: r0 >>= 32
 502: *(u64 *)(r7 +168) = r0
 503: r1 = r7
 504: r1 += 192
 505: r2 = 16
 506: call bpf_get_current_comm#16
 507: r1 = *(u64 *)(r7 +192)
 508: *(u64 *)(r7 +176) = r1
 509: r1 = *(u64 *)(r7 +200)
 510: *(u64 *)(r7 +184) = r1
 511: r1 = map[g3_seen]
 513: r2 = r7
 514: r2 += 168
 515: call bpf_map_delete_elem#3
 516: goto pc+0
 517: r0 = 1
 518: r0 = -r0
 519: r1 = map_value[g1_total] + 0
 521: r2 = r0
 522: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 523: r0 += r2
 524: r0 = 1
 525: r1 = r0
 526: r2 = map_value[g1_total] + 0
 528: r0 = *(u64 *)(r2 +0)
 529: *(u64 *)(r7 +168) = r0
 530: r0 = *(u64 *)(r7 +168)
 531: r0 *= r1
 532: r1 = map_value[g1_total] + 0
 534: *(u64 *)(r1 +0) = r0
 535: r0 = *(u64 *)(r7 +8)
 536: *(u64 *)(r7 +168) = r0
 537: r0 = *(u64 *)(r7 +24)
 538: *(u64 *)(r7 +176) = r0
 539: r0 = *(u64 *)(r7 +8)
 540: *(u64 *)(r7 +184) = r0
 541: *(u64 *)(r7 +192) = 0
 542: r1 = *(u64 *)(r7 +184)
 543: *(u64 *)(r7 +192) = r1
 544: *(u64 *)(r7 +200) = 0
 545: r0 = *(u64 *)(r7 +192)
 546: *(u64 *)(r7 +328) = r0
 547: r0 = 10
 548: r1 = r0
 549: r0 = *(u64 *)(r7 +328)
 550: if r0 s< r1 goto pc+2
 551: r0 = 0
 552: goto pc+1
 553: r0 = 1
 554: if r0 == 0x0 goto pc+6
 555: r1 = 0x6c6c616d73 ll
 557: *(u64 *)(r7 +328) = r1
 558: r1 = *(u64 *)(r7 +328)
 559: *(u64 *)(r7 +200) = r1
 560: goto pc+28
 561: r0 = *(u64 *)(r7 +192)
 562: *(u64 *)(r7 +456) = r0
 563: r0 = 1000
 564: r1 = r0
 565: r0 = *(u64 *)(r7 +456)
 566: if r0 s< r1 goto pc+2
 567: r0 = 0
 568: goto pc+1
 569: r0 = 1
 570: if r0 == 0x0 goto pc+6
 571: r1 = 0x6d756964656d ll
 573: *(u64 *)(r7 +464) = r1
 574: r1 = *(u64 *)(r7 +464)
 575: *(u64 *)(r7 +328) = r1
 576: goto pc+5
 577: r1 = 0x656772616c ll
 579: *(u64 *)(r7 +472) = r1
 580: r1 = *(u64 *)(r7 +472)
 581: *(u64 *)(r7 +328) = r1
 582: r1 = r7
 583: r1 += 200
 584: r2 = 128
 585: r3 = r7
 586: r3 += 328
 587: call bpf_probe_read_kernel_str#115
 588: goto pc+0
 589: *(u64 *)(r7 +328) = 5
 590: r1 = *(u64 *)(r7 +168)
 591: *(u64 *)(r7 +336) = r1
 592: r1 = *(u64 *)(r7 +176)
 593: *(u64 *)(r7 +344) = r1
 594: r1 = r7
 595: r1 += 352
 596: r2 = 128
 597: r3 = r7
 598: r3 += 200
 599: call bpf_probe_read_kernel_str#115
 600: r1 = map[rstap_output]
 602: r2 = r7
 603: r2 += 328
 604: r3 = 152
 605: r4 = 1
 606: call bpf_ringbuf_output#130
 607: if r0 == 0x0 goto pc+4
 608: r1 = map_value[rstap_stats] + 0
 610: r2 = 1
 611: lock *(u64 *)(r1 +0) += r2
 612: r0 = 0
 613: call bpf_get_current_uid_gid#15
 614: r0 <<= 32
 615: r0 >>= 32
 616: *(u64 *)(r7 +168) = r0
 617: *(u64 *)(r7 +176) = 32
 618: call bpf_get_current_uid_gid#15
 619: r0 >>= 32
 620: *(u64 *)(r7 +184) = r0
 621: *(u64 *)(r7 +192) = 32
 622: call bpf_get_current_task#35
 623: r3 = r0
 624: r3 += 2448
 625: r1 = r7
 626: r1 += 208
 627: r2 = 8
 628: call bpf_probe_read_kernel#113
 629: r3 = *(u64 *)(r7 +208)
 630: *(u64 *)(r7 +208) = 0
 631: r3 = r3
 632: r3 += 2436
 633: r1 = r7
 634: r1 += 208
 635: r2 = 4
 636: call bpf_probe_read_kernel#113
 637: r0 = *(u32 *)(r7 +208)
 638: *(u64 *)(r7 +200) = r0
 639: *(u64 *)(r7 +224) = 32
 640: call bpf_get_current_task#35
 641: r3 = r0
 642: r3 += 2448
 643: r1 = r7
 644: r1 += 232
 645: r2 = 8
 646: call bpf_probe_read_kernel#113
 647: r3 = *(u64 *)(r7 +232)
 648: r1 = r7
 649: r1 += 232
 650: r2 = 16
 651: r3 += 3008
 652: call bpf_probe_read_kernel_str#115
 653: *(u64 *)(r7 +248) = 32
 654: call bpf_get_current_task#35
 655: r3 = r0
 656: r3 += 2992
 657: r1 = r7
 658: r1 += 264
 659: r2 = 8
 660: call bpf_probe_read_kernel#113
 661: r3 = *(u64 *)(r7 +264)
 662: *(u64 *)(r7 +264) = 0
 663: r3 = r3
 664: r3 += 20
 665: r1 = r7
 666: r1 += 264
 667: r2 = 4
 668: call bpf_probe_read_kernel#113
 669: r0 = *(u32 *)(r7 +264)
 670: *(u64 *)(r7 +256) = r0
 671: *(u64 *)(r7 +280) = 32
 672: call bpf_get_current_pid_tgid#14
 673: r0 <<= 32
 674: r0 >>= 32
 675: *(u64 *)(r7 +288) = r0
 676: *(u64 *)(r7 +296) = 32
 677: call bpf_get_smp_processor_id#8
 678: *(u64 *)(r7 +304) = r0
 679: *(u64 *)(r7 +312) = 6
 680: r1 = *(u64 *)(r7 +168)
 681: *(u64 *)(r7 +320) = r1
 682: r1 = r7
 683: r1 += 328
 684: r2 = 2
 685: r3 = r7
 686: r3 += 176
 687: call bpf_probe_read_kernel_str#115
 688: r1 = *(u64 *)(r7 +184)
 689: *(u64 *)(r7 +336) = r1
 690: r1 = r7
 691: r1 += 344
 692: r2 = 2
 693: r3 = r7
 694: r3 += 192
 695: call bpf_probe_read_kernel_str#115
 696: r1 = *(u64 *)(r7 +200)
 697: *(u64 *)(r7 +352) = r1
 698: r1 = r7
 699: r1 += 360
 700: r2 = 2
 701: r3 = r7
 702: r3 += 224
 703: call bpf_probe_read_kernel_str#115
 704: r1 = r7
 705: r1 += 368
 706: r2 = 16
 707: r3 = r7
 708: r3 += 232
 709: call bpf_probe_read_kernel_str#115
 710: r1 = r7
 711: r1 += 384
 712: r2 = 2
 713: r3 = r7
 714: r3 += 248
 715: call bpf_probe_read_kernel_str#115
 716: r1 = *(u64 *)(r7 +256)
 717: *(u64 *)(r7 +392) = r1
 718: r1 = r7
 719: r1 += 400
 720: r2 = 2
 721: r3 = r7
 722: r3 += 280
 723: call bpf_probe_read_kernel_str#115
 724: r1 = *(u64 *)(r7 +288)
 725: *(u64 *)(r7 +408) = r1
 726: r1 = r7
 727: r1 += 416
 728: r2 = 2
 729: r3 = r7
 730: r3 += 296
 731: call bpf_probe_read_kernel_str#115
 732: r1 = *(u64 *)(r7 +304)
 733: *(u64 *)(r7 +424) = r1
 734: r1 = map[rstap_output]
 736: r2 = r7
 737: r2 += 312
 738: r3 = 120
 739: r4 = 1
 740: call bpf_ringbuf_output#130
 741: if r0 == 0x0 goto pc+4
 742: r1 = map_value[rstap_stats] + 0
 744: r2 = 1
 745: lock *(u64 *)(r1 +0) += r2
 746: r0 = 0
 747: r0 = 0
 748: exit

# dispatcher rstap_sc_e0 on sys_enter
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +8)
   2: r1 = r6
   3: r2 = map[rstap_sc_e0]
   5: call bpf_tail_call#12
   6: r0 = 0
   7: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0002"), message: "MAXACTION exceeded" } args [] size 8
site 2: Error { code: Code("R0002"), message: "MAXACTION exceeded" } args [] size 8
site 3: Error { code: Code("R0001"), message: "division by 0" } args [] size 8
site 4: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 5: Print { kind: PrintKind { to_string: false, newline: false, char: false }, delimiter: Some([44]) } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: Long, offset: 16, width: 8 }, ArgSlot { ty: String, offset: 24, width: 128 }] size 152
site 6: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: String, offset: 16, width: 2 }, ArgSlot { ty: Long, offset: 24, width: 8 }, ArgSlot { ty: String, offset: 32, width: 2 }, ArgSlot { ty: Long, offset: 40, width: 8 }, ArgSlot { ty: String, offset: 48, width: 2 }, ArgSlot { ty: String, offset: 56, width: 16 }, ArgSlot { ty: String, offset: 72, width: 2 }, ArgSlot { ty: Long, offset: 80, width: 8 }, ArgSlot { ty: String, offset: 88, width: 2 }, ArgSlot { ty: Long, offset: 96, width: 8 }, ArgSlot { ty: String, offset: 104, width: 2 }, ArgSlot { ty: Long, offset: 112, width: 8 }] size 120
