map rstap_scratch: PercpuArray key 4 value 608 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_counts: Hash key 128 value 8 entries 2048
map g1_total: Array key 4 value 8 entries 1
map g2_last: Array key 4 value 128 entries 1
map g3_seen: Hash key 24 value 8 entries 2048

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x1 goto pc+730
   3: *(u32 *)(r10 -4) = 0
   4: r2 = r10
   5: r2 += -4
   6: r1 = map[rstap_scratch]
   8: call bpf_map_lookup_elem#1
   9: if r0 == 0x0 goto pc+723
  10: r7 = r0
  11: *(u64 *)(r7 +0) = r6
  12: *(u64 *)(r7 +8) = 0
  13: *(u64 *)(r7 +16) = 0
  14: *(u64 *)(r7 +24) = 0
  15: *(u64 *)(r7 +32) = 0
  16: *(u64 *)(r7 +40) = 0
  17: *(u64 *)(r7 +168) = 0
  18: r4 = *(u64 *)(r6 +0)
  19: r3 = r4
  20: r3 += 96
  21: r1 = r7
  22: r1 += 168
  23: r2 = 8
  24: call bpf_probe_read_kernel#113
  25: r0 = *(u64 *)(r7 +168)
  26: *(u64 *)(r7 +8) = r0
  27: r0 = *(u64 *)(r7 +8)
  28: *(u64 *)(r7 +168) = r0
  29: *(u64 *)(r7 +176) = 0
  30: r1 = *(u64 *)(r7 +168)
  31: *(u64 *)(r7 +176) = r1
  32: *(u64 *)(r7 +184) = 0
  33: r0 = *(u64 *)(r7 +176)
  34: *(u64 *)(r7 +312) = r0
  35: r0 = 10
  36: r1 = r0
  37: r0 = *(u64 *)(r7 +312)
  38: if r0 s< r1 goto pc+2
  39: r0 = 0
  40: goto pc+1
  41: r0 = 1
  42: if r0 == 0x0 goto pc+6
  43: r1 = 0x6c6c616d73 ll
  45: *(u64 *)(r7 +312) = r1
  46: r1 = *(u64 *)(r7 +312)
  47: *(u64 *)(r7 +184) = r1
  48: goto pc+28
  49: r0 = *(u64 *)(r7 +176)
  50: *(u64 *)(r7 +440) = r0
  51: r0 = 1000
  52: r1 = r0
  53: r0 = *(u64 *)(r7 +440)
  54: if r0 s< r1 goto pc+2
  55: r0 = 0
  56: goto pc+1
  57: r0 = 1
  58: if r0 == 0x0 goto pc+6
  59: r1 = 0x6d756964656d ll
  61: *(u64 *)(r7 +448) = r1
  62: r1 = *(u64 *)(r7 +448)
  63: *(u64 *)(r7 +312) = r1
  64: goto pc+5
  65: r1 = 0x656772616c ll
  67: *(u64 *)(r7 +456) = r1
  68: r1 = *(u64 *)(r7 +456)
  69: *(u64 *)(r7 +312) = r1
  70: r1 = r7
  71: r1 += 184
  72: r2 = 128
  73: r3 = r7
  74: r3 += 312
  75: call bpf_probe_read_kernel_str#115
  76: goto pc+0
  77: r0 = 1
  78: *(u64 *)(r7 +312) = r0
  79: *(u64 *)(r7 +320) = 0
  80: *(u64 *)(r7 +448) = 0
  81: r1 = r7
  82: r1 += 320
  83: r2 = 128
  84: r3 = r7
  85: r3 += 184
  86: call bpf_probe_read_kernel_str#115
  87: r1 = *(u64 *)(r7 +312)
  88: *(u64 *)(r7 +448) = r1
  89: *(u64 *)(r7 +456) = 0
  90: r0 = *(u64 *)(r7 +448)
  91: *(u64 *)(r7 +464) = r0
  92: *(u64 *)(r7 +472) = 0
  93: *(u64 *)(r7 +480) = 0
  94: *(u64 *)(r7 +488) = 0
  95: *(u64 *)(r7 +496) = 0
  96: *(u64 *)(r7 +504) = 0
  97: *(u64 *)(r7 +512) = 0
  98: *(u64 *)(r7 +520) = 0
  99: *(u64 *)(r7 +528) = 0
 100: *(u64 *)(r7 +536) = 0
 101: *(u64 *)(r7 +544) = 0
 102: *(u64 *)(r7 +552) = 0
 103: *(u64 *)(r7 +560) = 0
 104: *(u64 *)(r7 +568) = 0
 105: *(u64 *)(r7 +576) = 0
 106: *(u64 *)(r7 +584) = 0
 107: *(u64 *)(r7 +592) = 0
 108: r1 = r7
 109: r1 += 472
 110: r2 = 128
 111: r3 = r7
 112: r3 += 320
 113: call bpf_probe_read_kernel_str#115
 114: r1 = map[g0_counts]
 116: r2 = r7
 117: r2 += 472
 118: call bpf_map_lookup_elem#1
 119: if r0 == 0x0 goto pc+5
 120: r1 = *(u64 *)(r7 +464)
 121: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
 122: r0 = *(u64 *)(r7 +464)
 123: r0 += r1
 124: goto pc+33
 125: r1 = map[g0_counts]
 127: r2 = r7
 128: r2 += 472
 129: r3 = r7
 130: r3 += 464
 131: r4 = 1
 132: call bpf_map_update_elem#2
 133: if r0 == 0x0 goto pc+23
 134: if r0 != 0xffffffef goto pc+6
 135: r1 = map[g0_counts]
 137: r2 = r7
 138: r2 += 472
 139: call bpf_map_lookup_elem#1
 140: if r0 != 0x0 goto pc-21
 141: r0 = -1
 142: if r0 s>= 0x0 goto pc+14
 143: *(u64 *)(r7 +600) = 0
 144: r1 = map[rstap_output]
 146: r2 = r7
 147: r2 += 600
 148: r3 = 8
 149: r4 = 0
 150: call bpf_ringbuf_output#130
 151: if r0 == 0x0 goto pc+4
 152: r1 = map_value[rstap_stats] + 0
 154: r2 = 1
 155: lock *(u64 *)(r1 +0) += r2
 156: goto pc+576
 157: r0 = *(u64 *)(r7 +464)
 158: *(u64 *)(r7 +464) = 0
 159: *(u64 *)(r7 +472) = 0
 160: *(u64 *)(r7 +480) = 0
 161: *(u64 *)(r7 +488) = 0
 162: *(u64 *)(r7 +496) = 0
 163: *(u64 *)(r7 +504) = 0
 164: *(u64 *)(r7 +512) = 0
 165: *(u64 *)(r7 +520) = 0
 166: *(u64 *)(r7 +528) = 0
 167: *(u64 *)(r7 +536) = 0
 168: *(u64 *)(r7 +544) = 0
 169: *(u64 *)(r7 +552) = 0
 170: *(u64 *)(r7 +560) = 0
 171: *(u64 *)(r7 +568) = 0
 172: *(u64 *)(r7 +576) = 0
 173: *(u64 *)(r7 +584) = 0
 174: r1 = r7
 175: r1 += 464
 176: r2 = 128
 177: r3 = r7
 178: r3 += 320
 179: call bpf_probe_read_kernel_str#115
 180: r1 = map[g0_counts]
 182: r2 = r7
 183: r2 += 464
 184: call bpf_map_lookup_elem#1
 185: if r0 == 0x0 goto pc+2
 186: r0 = *(u64 *)(r0 +0)
 187: goto pc+1
 188: r0 = 0
 189: *(u64 *)(r7 +456) = r0
 190: goto pc+0
 191: r0 = *(u64 *)(r7 +456)
 192: r0 = *(u64 *)(r7 +8)
 193: r1 = map_value[g1_total] + 0
 195: r2 = r0
 196: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 197: r0 += r2
 198: r0 = 0
 199: *(u64 *)(r7 +16) = r0
 200: r0 = 0
 201: *(u64 *)(r7 +24) = r0
 202: *(u64 *)(r10 -16) = 0
 203: r1 = *(u64 *)(r10 -16)
 204: r1 += 1
 205: *(u64 *)(r10 -16) = r1
 206: if r1 <= 0x3e8 goto pc+14
 207: *(u64 *)(r7 +168) = 1
 208: r1 = map[rstap_output]
 210: r2 = r7
 211: r2 += 168
 212: r3 = 8
 213: r4 = 0
 214: call bpf_ringbuf_output#130
 215: if r0 == 0x0 goto pc+4
 216: r1 = map_value[rstap_stats] + 0
 218: r2 = 1
 219: lock *(u64 *)(r1 +0) += r2
 220: goto pc+512
 221: r0 = *(u64 *)(r7 +16)
 222: *(u64 *)(r7 +176) = r0
 223: r0 = 10
 224: r1 = r0
 225: r0 = *(u64 *)(r7 +176)
 226: if r0 s< r1 goto pc+2
 227: r0 = 0
 228: goto pc+1
 229: r0 = 1
 230: if r0 == 0x0 goto pc+27
 231: r0 = *(u64 *)(r7 +16)
 232: r1 = r0
 233: r0 = *(u64 *)(r7 +24)
 234: *(u64 *)(r7 +168) = r0
 235: r0 = *(u64 *)(r7 +168)
 236: r0 += r1
 237: *(u64 *)(r7 +24) = r0
 238: r0 = 1
 239: r1 = r0
 240: r0 = *(u64 *)(r7 +16)
 241: *(u64 *)(r7 +168) = r0
 242: r0 = *(u64 *)(r7 +168)
 243: r0 += r1
 244: *(u64 *)(r7 +16) = r0
 245: r0 -= 1
 246: r0 = *(u64 *)(r7 +24)
 247: *(u64 *)(r7 +168) = r0
 248: r0 = 20
 249: r1 = r0
 250: r0 = *(u64 *)(r7 +168)
 251: if r0 s> r1 goto pc+2
 252: r0 = 0
 253: goto pc+1
 254: r0 = 1
 255: if r0 == 0x0 goto pc+1
 256: goto pc+1
 257: goto pc-55
 258: r0 = 0
 259: *(u64 *)(r7 +32) = r0
 260: *(u64 *)(r10 -16) = 0
 261: r1 = *(u64 *)(r10 -16)
 262: r1 += 1
 263: *(u64 *)(r10 -16) = r1
 264: if r1 <= 0x3e8 goto pc+14
 265: *(u64 *)(r7 +168) = 2
 266: r1 = map[rstap_output]
 268: r2 = r7
 269: r2 += 168
 270: r3 = 8
 271: r4 = 0
 272: call bpf_ringbuf_output#130
 273: if r0 == 0x0 goto pc+4
 274: r1 = map_value[rstap_stats] + 0
 276: r2 = 1
 277: lock *(u64 *)(r1 +0) += r2
 278: goto pc+454
 279: r0 = *(u64 *)(r7 +32)
 280: *(u64 *)(r7 +176) = r0
 281: r0 = 3
 282: r1 = r0
 283: r0 = *(u64 *)(r7 +176)
 284: if r0 s< r1 goto pc+2
 285: r0 = 0
 286: goto pc+1
 287: r0 = 1
 288: if r0 == 0x0 goto pc+27
 289: r0 = *(u64 *)(r7 +32)
 290: *(u64 *)(r7 +168) = r0
 291: r0 = 1
 292: r1 = r0
 293: r0 = *(u64 *)(r7 +168)
 294: if r0 == r1 goto pc+2
 295: r0 = 0
 296: goto pc+1
 297: r0 = 1
 298: if r0 == 0x0 goto pc+1
 299: goto pc+7
 300: r0 = *(u64 *)(r7 +32)
 301: r1 = r0
 302: r0 = *(u64 *)(r7 +24)
 303: *(u64 *)(r7 +168) = r0
 304: r0 = *(u64 *)(r7 +168)
 305: r0 -= r1
 306: *(u64 *)(r7 +24) = r0
 307: r0 = 1
 308: r1 = r0
 309: r0 = *(u64 *)(r7 +32)
 310: *(u64 *)(r7 +168) = r0
 311: r0 = *(u64 *)(r7 +168)
 312: r0 += r1
 313: *(u64 *)(r7 +32) = r0
 314: r0 -= 1
 315: goto pc-55
 316: r0 = *(u64 *)(r7 +24)
 317: *(u64 *)(r7 +176) = r0
 318: r0 = *(u64 *)(r7 +8)
 319: *(u64 *)(r7 +184) = r0
 320: r0 = *(u64 *)(r7 +8)
 321: r1 = r0
 322: r0 = *(u64 *)(r7 +184)
 323: r0 -= r1
 324: r1 = r0
 325: if r1 != 0x0 goto pc+3
 326: r1 = 3
 327: *(u64 *)(r7 +168) = r1
 328: goto pc+4
 329: r0 = *(u64 *)(r7 +176)
 330: r0 s/= r1
 331: *(u64 *)(r7 +24) = r0
 332: goto pc+25
 333: r1 = *(u64 *)(r7 +168)
 334: if r1 != 0x3 goto pc+11
 335: r1 = 0x6e6f697369766964 ll
 337: *(u64 *)(r7 +176) = r1
 338: r1 = 0x3020796220 ll
 340: *(u64 *)(r7 +184) = r1
 341: r1 = *(u64 *)(r7 +176)
 342: *(u64 *)(r7 +40) = r1
 343: r1 = *(u64 *)(r7 +184)
 344: *(u64 *)(r7 +48) = r1
 345: goto pc+0
 346: r1 = map_value[g2_last] + 0
 348: r2 = 128
 349: r3 = r7
 350: r3 += 40
 351: call bpf_probe_read_kernel_str#115
 352: r1 = r7
 353: r1 += 192
 354: r2 = 128
 355: r3 = map_value[g2_last] + 0
 357: call bpf_probe_read_kernel_str#115
 358: r0 = 1
 359: *(u64 *)(r7 +168) = r0
 360: *(u64 *)(r7 +176) = 0
 361: *(u64 *)(r7 +184) = 0
 362: *(u64 *)(r7 +192) = 0
 363: call bpf_get_current_pid_tgid#14
 364: r0 >>= 32
 365: *(u64 *)(r7 +176) = r0
 366: r1 = r7
 367: r1 += 200
 368: r2 = 16
 369: call bpf_get_current_comm#16
 370: r1 = *(u64 *)(r7 +200)
 371: *(u64 *)(r7 +184) = r1
 372: r1 = *(u64 *)(r7 +208)
 373: *(u64 *)(r7 +192) = r1
 374: r1 = map[g3_seen]
 376: r2 = r7
 377: r2 += 176
 378: call bpf_map_lookup_elem#1
 379: if r0 == 0x0 goto pc+5
 380: r1 = *(u64 *)(r7 +168)
 381: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
 382: r0 = *(u64 *)(r7 +168)
 383: r0 += r1
 384: goto pc+33
 385: r1 = map[g3_seen]
 387: r2 = r7
 388: r2 += 176
 389: r3 = r7
 390: r3 += 168
 391: r4 = 1
 392: call bpf_map_update_elem#2
 393: if r0 == 0x0 goto pc+23
 394: if r0 != 0xffffffef goto pc+6
 395: r1 = map[g3_seen]
 397: r2 = r7
 398: r2 += 176
 399: call bpf_map_lookup_elem#1
 400: if r0 != 0x0 goto pc-21
 401: r0 = -1
 402: if r0 s>= 0x0 goto pc+14
 403: *(u64 *)(r7 +216) = 4
 404: r1 = map[rstap_output]
 406: r2 = r7
 407: r2 += 216
 408: r3 = 8
 409: r4 = 0
 410: call bpf_ringbuf_output#130
 411: if r0 == 0x0 goto pc+4
 412: r1 = map_value[rstap_stats] + 0
 414: r2 = 1
 415: lock *(u64 *)(r1 +0) += r2
 416: goto pc+316
 417: r0 = *(u64 *)(r7 +168)
 418: r0 -= 1
 419: *(u64 *)(r7 +168) = 0
 420: *(u64 *)(r7 +176) = 0
 421: *(u64 *)(r7 +184) = 0
 422: call bpf_get_current_pid_tgid#14
 423: r0 >>= 32
 424: *(u64 *)(r7 +168) = r0
 425: r1 = r7
 426: r1 += 192
 427: r2 = 16
 428: call bpf_get_current_comm#16
 429: r1 = *(u64 *)(r7 +192)
 430: *(u64 *)(r7 +176) = r1
 431: r1 = *(u64 *)(r7 +200)
 432: *(u64 *)(r7 +184) = r1
 433: r1 = map[g3_seen]
 435: r2 = r7
 436: r2 += 168
 437: call bpf_map_lookup_elem#1
 438: if r0 != 0x0 goto pc+2
 439: r0 = 0
 440: goto pc+1
 441: r0 = 1
 442: if r0 == 0x0 goto pc+38
 443: r1 = r7
 444: r1 += 208
 445: r2 = 16
 446: call bpf_get_current_comm#16
 447: *(u64 *)(r7 +224) = 1953066601
 448: r1 = *(u8 *)(r7 +208)
 449: r2 = *(u8 *)(r7 +224)
 450: if r1 != r2 goto pc+19
 451: if r1 == 0x0 goto pc+16
 452: r1 = *(u8 *)(r7 +209)
 453: r2 = *(u8 *)(r7 +225)
 454: if r1 != r2 goto pc+15
 455: if r1 == 0x0 goto pc+12
 456: r1 = *(u8 *)(r7 +210)
 457: r2 = *(u8 *)(r7 +226)
 458: if r1 != r2 goto pc+11
 459: if r1 == 0x0 goto pc+8
 460: r1 = *(u8 *)(r7 +211)
 461: r2 = *(u8 *)(r7 +227)
 462: if r1 != r2 goto pc+7
 463: if r1 == 0x0 goto pc+4
 464: r1 = *(u8 *)(r7 +212)
 465: r2 = *(u8 *)(r7 +228)
 466: if r1 != r2 goto pc+3
 467: if r1 == 0x0 goto pc+0
 468: r0 = 0
 469: goto pc+2
 470: r0 = r1
 471: r0 -= r2
 472: if r0 != 0x0 goto pc+2
 473: r0 = 0
 474: goto pc+1
 475: r0 = 1
 476: if r0 != 0x0 goto pc+2
 477: r0 = 0
 478: goto pc+1
 479: r0 = 1
 480: goto pc+1
 481: r0 = 0
 482: if r0 == 0x0 goto pc+20
 483: *(u64 *)(r7 +168) = 0
 484: *(u64 *)(r7 +176) = 0
 485: *(u64 *)(r7 +184) = 0
 486: call bpf_get_current_pid_tgid#14
 487: r0 >>= 32
 488: *(u64 *)(r7 +168) = r0
 489: r1 = r7
 490: r1 += 192
 491: r2 = 16
 492: call bpf_get_current_comm#16
 493: r1 = *(u64 *)(r7 +192)
 494: *(u64 *)(r7 +176) = r1
 495: r1 = *(u64 *)(r7 +200)
 496: *(u64 *)(r7 +184) = r1
 497: r1 = map[g3_seen]
 499: r2 = r7
 500: r2 += 168
 501: call bpf_map_delete_elem#3
 502: goto pc+0
 503: r0 = 1
 504: r0 = -r0
 505: r1 = map_value[g1_total] + 0
 507: r2 = r0
 508: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 509: r0 += r2
 510: r0 = 1
 511: r1 = r0
 512: r2 = map_value[g1_total] + 0
 514: r0 = *(u64 *)(r2 +0)
 515: *(u64 *)(r7 +168) = r0
 516: r0 = *(u64 *)(r7 +168)
 517: r0 *= r1
 518: r1 = map_value[g1_total] + 0
 520: *(u64 *)(r1 +0) = r0
 521: r0 = *(u64 *)(r7 +8)
 522: *(u64 *)(r7 +168) = r0
 523: r0 = *(u64 *)(r7 +24)
 524: *(u64 *)(r7 +176) = r0
 525: r0 = *(u64 *)(r7 +8)
 526: *(u64 *)(r7 +184) = r0
 527: *(u64 *)(r7 +192) = 0
 528: r1 = *(u64 *)(r7 +184)
 529: *(u64 *)(r7 +192) = r1
 530: *(u64 *)(r7 +200) = 0
 531: r0 = *(u64 *)(r7 +192)
 532: *(u64 *)(r7 +328) = r0
 533: r0 = 10
 534: r1 = r0
 535: r0 = *(u64 *)(r7 +328)
 536: if r0 s< r1 goto pc+2
 537: r0 = 0
 538: goto pc+1
 539: r0 = 1
 540: if r0 == 0x0 goto pc+6
 541: r1 = 0x6c6c616d73 ll
 543: *(u64 *)(r7 +328) = r1
 544: r1 = *(u64 *)(r7 +328)
 545: *(u64 *)(r7 +200) = r1
 546: goto pc+28
 547: r0 = *(u64 *)(r7 +192)
 548: *(u64 *)(r7 +456) = r0
 549: r0 = 1000
 550: r1 = r0
 551: r0 = *(u64 *)(r7 +456)
 552: if r0 s< r1 goto pc+2
 553: r0 = 0
 554: goto pc+1
 555: r0 = 1
 556: if r0 == 0x0 goto pc+6
 557: r1 = 0x6d756964656d ll
 559: *(u64 *)(r7 +464) = r1
 560: r1 = *(u64 *)(r7 +464)
 561: *(u64 *)(r7 +328) = r1
 562: goto pc+5
 563: r1 = 0x656772616c ll
 565: *(u64 *)(r7 +472) = r1
 566: r1 = *(u64 *)(r7 +472)
 567: *(u64 *)(r7 +328) = r1
 568: r1 = r7
 569: r1 += 200
 570: r2 = 128
 571: r3 = r7
 572: r3 += 328
 573: call bpf_probe_read_kernel_str#115
 574: goto pc+0
 575: *(u64 *)(r7 +328) = 5
 576: r1 = *(u64 *)(r7 +168)
 577: *(u64 *)(r7 +336) = r1
 578: r1 = *(u64 *)(r7 +176)
 579: *(u64 *)(r7 +344) = r1
 580: r1 = r7
 581: r1 += 352
 582: r2 = 128
 583: r3 = r7
 584: r3 += 200
 585: call bpf_probe_read_kernel_str#115
 586: r1 = map[rstap_output]
 588: r2 = r7
 589: r2 += 328
 590: r3 = 152
 591: r4 = 0
 592: call bpf_ringbuf_output#130
 593: if r0 == 0x0 goto pc+4
 594: r1 = map_value[rstap_stats] + 0
 596: r2 = 1
 597: lock *(u64 *)(r1 +0) += r2
 598: r0 = 0
 599: call bpf_get_current_uid_gid#15
 600: r0 <<= 32
 601: r0 >>= 32
 602: *(u64 *)(r7 +168) = r0
 603: *(u64 *)(r7 +176) = 32
 604: call bpf_get_current_uid_gid#15
 605: r0 >>= 32
 606: *(u64 *)(r7 +184) = r0
 607: *(u64 *)(r7 +192) = 32
 608: call bpf_get_current_task#35
 609: r3 = r0
 610: r3 += 2448
 611: r1 = r7
 612: r1 += 208
 613: r2 = 8
 614: call bpf_probe_read_kernel#113
 615: r3 = *(u64 *)(r7 +208)
 616: *(u64 *)(r7 +208) = 0
 617: r3 = r3
 618: r3 += 2436
 619: r1 = r7
 620: r1 += 208
 621: r2 = 4
 622: call bpf_probe_read_kernel#113
 623: r0 = *(u32 *)(r7 +208)
 624: *(u64 *)(r7 +200) = r0
 625: *(u64 *)(r7 +224) = 32
 626: call bpf_get_current_task#35
 627: r3 = r0
 628: r3 += 2448
 629: r1 = r7
 630: r1 += 232
 631: r2 = 8
 632: call bpf_probe_read_kernel#113
 633: r3 = *(u64 *)(r7 +232)
 634: r1 = r7
 635: r1 += 232
 636: r2 = 16
 637: r3 += 3008
 638: call bpf_probe_read_kernel_str#115
 639: *(u64 *)(r7 +248) = 32
 640: call bpf_get_current_task#35
 641: r3 = r0
 642: r3 += 2992
 643: r1 = r7
 644: r1 += 264
 645: r2 = 8
 646: call bpf_probe_read_kernel#113
 647: r3 = *(u64 *)(r7 +264)
 648: *(u64 *)(r7 +264) = 0
 649: r3 = r3
 650: r3 += 20
 651: r1 = r7
 652: r1 += 264
 653: r2 = 4
 654: call bpf_probe_read_kernel#113
 655: r0 = *(u32 *)(r7 +264)
 656: *(u64 *)(r7 +256) = r0
 657: *(u64 *)(r7 +280) = 32
 658: call bpf_get_current_pid_tgid#14
 659: r0 <<= 32
 660: r0 >>= 32
 661: *(u64 *)(r7 +288) = r0
 662: *(u64 *)(r7 +296) = 32
 663: call bpf_get_smp_processor_id#8
 664: *(u64 *)(r7 +304) = r0
 665: *(u64 *)(r7 +312) = 6
 666: r1 = *(u64 *)(r7 +168)
 667: *(u64 *)(r7 +320) = r1
 668: r1 = r7
 669: r1 += 328
 670: r2 = 2
 671: r3 = r7
 672: r3 += 176
 673: call bpf_probe_read_kernel_str#115
 674: r1 = *(u64 *)(r7 +184)
 675: *(u64 *)(r7 +336) = r1
 676: r1 = r7
 677: r1 += 344
 678: r2 = 2
 679: r3 = r7
 680: r3 += 192
 681: call bpf_probe_read_kernel_str#115
 682: r1 = *(u64 *)(r7 +200)
 683: *(u64 *)(r7 +352) = r1
 684: r1 = r7
 685: r1 += 360
 686: r2 = 2
 687: r3 = r7
 688: r3 += 224
 689: call bpf_probe_read_kernel_str#115
 690: r1 = r7
 691: r1 += 368
 692: r2 = 16
 693: r3 = r7
 694: r3 += 232
 695: call bpf_probe_read_kernel_str#115
 696: r1 = r7
 697: r1 += 384
 698: r2 = 2
 699: r3 = r7
 700: r3 += 248
 701: call bpf_probe_read_kernel_str#115
 702: r1 = *(u64 *)(r7 +256)
 703: *(u64 *)(r7 +392) = r1
 704: r1 = r7
 705: r1 += 400
 706: r2 = 2
 707: r3 = r7
 708: r3 += 280
 709: call bpf_probe_read_kernel_str#115
 710: r1 = *(u64 *)(r7 +288)
 711: *(u64 *)(r7 +408) = r1
 712: r1 = r7
 713: r1 += 416
 714: r2 = 2
 715: r3 = r7
 716: r3 += 296
 717: call bpf_probe_read_kernel_str#115
 718: r1 = *(u64 *)(r7 +304)
 719: *(u64 *)(r7 +424) = r1
 720: r1 = map[rstap_output]
 722: r2 = r7
 723: r2 += 312
 724: r3 = 120
 725: r4 = 0
 726: call bpf_ringbuf_output#130
 727: if r0 == 0x0 goto pc+4
 728: r1 = map_value[rstap_stats] + 0
 730: r2 = 1
 731: lock *(u64 *)(r1 +0) += r2
 732: r0 = 0
 733: r0 = 0
 734: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0002"), message: "MAXACTION exceeded" } args [] size 8
site 2: Error { code: Code("R0002"), message: "MAXACTION exceeded" } args [] size 8
site 3: Error { code: Code("R0001"), message: "division by 0" } args [] size 8
site 4: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 5: Print { kind: PrintKind { to_string: false, newline: false, char: false }, delimiter: Some([44]) } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: Long, offset: 16, width: 8 }, ArgSlot { ty: String, offset: 24, width: 128 }] size 152
site 6: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: String, offset: 16, width: 2 }, ArgSlot { ty: Long, offset: 24, width: 8 }, ArgSlot { ty: String, offset: 32, width: 2 }, ArgSlot { ty: Long, offset: 40, width: 8 }, ArgSlot { ty: String, offset: 48, width: 2 }, ArgSlot { ty: String, offset: 56, width: 16 }, ArgSlot { ty: String, offset: 72, width: 2 }, ArgSlot { ty: Long, offset: 80, width: 8 }, ArgSlot { ty: String, offset: 88, width: 2 }, ArgSlot { ty: Long, offset: 96, width: 8 }, ArgSlot { ty: String, offset: 104, width: 2 }, ArgSlot { ty: Long, offset: 112, width: 8 }] size 120
