map rstap_scratch: PercpuArray key 4 value 608 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 24 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_counts: Hash key 128 value 8 entries 2048
map g1_total: Array key 4 value 8 entries 1
map g2_last: Array key 4 value 128 entries 1
map g3_seen: Hash key 24 value 8 entries 2048
map rstap_rodata: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x1 goto pc+746
   3: r1 = map_value[rstap_conf] + 0
   5: r1 = *(u64 *)(r1 +16)
   6: if r1 != 0x0 goto pc+742
   7: *(u32 *)(r10 -4) = 0
   8: r2 = r10
   9: r2 += -4
  10: r1 = map[rstap_scratch]
  12: call bpf_map_lookup_elem#1
  13: if r0 == 0x0 goto pc+735
  14: r7 = r0
  15: *(u64 *)(r7 +0) = r6
  16: *(u64 *)(r7 +8) = 0
  17: *(u64 *)(r7 +16) = 0
  18: *(u64 *)(r7 +24) = 0
  19: *(u64 *)(r7 +32) = 0
  20: *(u64 *)(r7 +40) = 0
  21: *(u64 *)(r7 +168) = 0
  22: r4 = *(u64 *)(r6 +0)
  23: r3 = r4
  24: r3 += 96
  25: r1 = r7
  26: r1 += 168
  27: r2 = 8
  28: call bpf_probe_read_kernel#113
  29: r0 = *(u64 *)(r7 +168)
  30: *(u64 *)(r7 +8) = r0
  31: r0 = *(u64 *)(r7 +8)
  32: *(u64 *)(r7 +168) = r0
  33: *(u64 *)(r7 +176) = 0
  34: r1 = *(u64 *)(r7 +168)
  35: *(u64 *)(r7 +176) = r1
  36: *(u64 *)(r7 +184) = 0
  37: r0 = *(u64 *)(r7 +176)
  38: *(u64 *)(r7 +312) = r0
  39: r0 = 10
  40: r1 = r0
  41: r0 = *(u64 *)(r7 +312)
  42: if r0 s< r1 goto pc+2
  43: r0 = 0
  44: goto pc+1
  45: r0 = 1
  46: if r0 == 0x0 goto pc+6
  47: r1 = 0x6c6c616d73 ll
  49: *(u64 *)(r7 +312) = r1
  50: r1 = *(u64 *)(r7 +312)
  51: *(u64 *)(r7 +184) = r1
  52: goto pc+28
  53: r0 = *(u64 *)(r7 +176)
  54: *(u64 *)(r7 +440) = r0
  55: r0 = 1000
  56: r1 = r0
  57: r0 = *(u64 *)(r7 +440)
  58: if r0 s< r1 goto pc+2
  59: r0 = 0
  60: goto pc+1
  61: r0 = 1
  62: if r0 == 0x0 goto pc+6
  63: r1 = 0x6d756964656d ll
  65: *(u64 *)(r7 +448) = r1
  66: r1 = *(u64 *)(r7 +448)
  67: *(u64 *)(r7 +312) = r1
  68: goto pc+5
  69: r1 = 0x656772616c ll
  71: *(u64 *)(r7 +456) = r1
  72: r1 = *(u64 *)(r7 +456)
  73: *(u64 *)(r7 +312) = r1
  74: r1 = r7
  75: r1 += 184
  76: r2 = 128
  77: r3 = r7
  78: r3 += 312
  79: call bpf_probe_read_kernel_str#115
  80: goto pc+0
  81: r0 = 1
  82: *(u64 *)(r7 +312) = r0
  83: *(u64 *)(r7 +320) = 0
  84: *(u64 *)(r7 +448) = 0
  85: r1 = r7
  86: r1 += 320
  87: r2 = 128
  88: r3 = r7
  89: r3 += 184
  90: call bpf_probe_read_kernel_str#115
  91: r1 = *(u64 *)(r7 +312)
  92: *(u64 *)(r7 +448) = r1
  93: *(u64 *)(r7 +456) = 0
  94: r0 = *(u64 *)(r7 +448)
  95: *(u64 *)(r7 +464) = r0
  96: *(u64 *)(r7 +472) = 0
  97: *(u64 *)(r7 +480) = 0
  98: *(u64 *)(r7 +488) = 0
  99: *(u64 *)(r7 +496) = 0
 100: *(u64 *)(r7 +504) = 0
 101: *(u64 *)(r7 +512) = 0
 102: *(u64 *)(r7 +520) = 0
 103: *(u64 *)(r7 +528) = 0
 104: *(u64 *)(r7 +536) = 0
 105: *(u64 *)(r7 +544) = 0
 106: *(u64 *)(r7 +552) = 0
 107: *(u64 *)(r7 +560) = 0
 108: *(u64 *)(r7 +568) = 0
 109: *(u64 *)(r7 +576) = 0
 110: *(u64 *)(r7 +584) = 0
 111: *(u64 *)(r7 +592) = 0
 112: r1 = r7
 113: r1 += 472
 114: r2 = 128
 115: r3 = r7
 116: r3 += 320
 117: call bpf_probe_read_kernel_str#115
 118: r1 = map[g0_counts]
 120: r2 = r7
 121: r2 += 472
 122: call bpf_map_lookup_elem#1
 123: if r0 == 0x0 goto pc+5
 124: r1 = *(u64 *)(r7 +464)
 125: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
 126: r0 = *(u64 *)(r7 +464)
 127: r0 += r1
 128: goto pc+36
 129: r1 = map[g0_counts]
 131: r2 = r7
 132: r2 += 472
 133: r3 = r7
 134: r3 += 464
 135: r4 = 1
 136: call bpf_map_update_elem#2
 137: if r0 == 0x0 goto pc+26
 138: if r0 != 0xffffffef goto pc+6
 139: r1 = map[g0_counts]
 141: r2 = r7
 142: r2 += 472
 143: call bpf_map_lookup_elem#1
 144: if r0 != 0x0 goto pc-21
 145: r0 = -1
 146: if r0 s>= 0x0 goto pc+17
 147: r1 = map_value[rstap_conf] + 0
 149: *(u64 *)(r1 +16) = 2
 150: *(u64 *)(r7 +600) = 0
 151: r1 = map[rstap_output]
 153: r2 = r7
 154: r2 += 600
 155: r3 = 8
 156: r4 = 2
 157: call bpf_ringbuf_output#130
 158: if r0 == 0x0 goto pc+4
 159: r1 = map_value[rstap_stats] + 0
 161: r2 = 1
 162: lock *(u64 *)(r1 +0) += r2
 163: goto pc+585
 164: r0 = *(u64 *)(r7 +464)
 165: *(u64 *)(r7 +464) = 0
 166: *(u64 *)(r7 +472) = 0
 167: *(u64 *)(r7 +480) = 0
 168: *(u64 *)(r7 +488) = 0
 169: *(u64 *)(r7 +496) = 0
 170: *(u64 *)(r7 +504) = 0
 171: *(u64 *)(r7 +512) = 0
 172: *(u64 *)(r7 +520) = 0
 173: *(u64 *)(r7 +528) = 0
 174: *(u64 *)(r7 +536) = 0
 175: *(u64 *)(r7 +544) = 0
 176: *(u64 *)(r7 +552) = 0
 177: *(u64 *)(r7 +560) = 0
 178: *(u64 *)(r7 +568) = 0
 179: *(u64 *)(r7 +576) = 0
 180: *(u64 *)(r7 +584) = 0
 181: r1 = r7
 182: r1 += 464
 183: r2 = 128
 184: r3 = r7
 185: r3 += 320
 186: call bpf_probe_read_kernel_str#115
 187: r1 = map[g0_counts]
 189: r2 = r7
 190: r2 += 464
 191: call bpf_map_lookup_elem#1
 192: if r0 == 0x0 goto pc+2
 193: r0 = *(u64 *)(r0 +0)
 194: goto pc+1
 195: r0 = 0
 196: *(u64 *)(r7 +456) = r0
 197: goto pc+0
 198: r0 = *(u64 *)(r7 +456)
 199: r0 = *(u64 *)(r7 +8)
 200: r1 = map_value[g1_total] + 0
 202: r2 = r0
 203: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 204: r0 += r2
 205: r0 = 0
 206: *(u64 *)(r7 +16) = r0
 207: r0 = 0
 208: *(u64 *)(r7 +24) = r0
 209: *(u64 *)(r10 -16) = 0
 210: r1 = *(u64 *)(r10 -16)
 211: r1 += 1
 212: *(u64 *)(r10 -16) = r1
 213: if r1 <= 0x3e8 goto pc+17
 214: r1 = map_value[rstap_conf] + 0
 216: *(u64 *)(r1 +16) = 2
 217: *(u64 *)(r7 +168) = 1
 218: r1 = map[rstap_output]
 220: r2 = r7
 221: r2 += 168
 222: r3 = 8
 223: r4 = 2
 224: call bpf_ringbuf_output#130
 225: if r0 == 0x0 goto pc+4
 226: r1 = map_value[rstap_stats] + 0
 228: r2 = 1
 229: lock *(u64 *)(r1 +0) += r2
 230: goto pc+518
 231: r0 = *(u64 *)(r7 +16)
 232: *(u64 *)(r7 +176) = r0
 233: r0 = 10
 234: r1 = r0
 235: r0 = *(u64 *)(r7 +176)
 236: if r0 s< r1 goto pc+2
 237: r0 = 0
 238: goto pc+1
 239: r0 = 1
 240: if r0 == 0x0 goto pc+27
 241: r0 = *(u64 *)(r7 +16)
 242: r1 = r0
 243: r0 = *(u64 *)(r7 +24)
 244: *(u64 *)(r7 +168) = r0
 245: r0 = *(u64 *)(r7 +168)
 246: r0 += r1
 247: *(u64 *)(r7 +24) = r0
 248: r0 = 1
 249: r1 = r0
 250: r0 = *(u64 *)(r7 +16)
 251: *(u64 *)(r7 +168) = r0
 252: r0 = *(u64 *)(r7 +168)
 253: r0 += r1
 254: *(u64 *)(r7 +16) = r0
 255: r0 -= 1
 256: r0 = *(u64 *)(r7 +24)
 257: *(u64 *)(r7 +168) = r0
 258: r0 = 20
 259: r1 = r0
 260: r0 = *(u64 *)(r7 +168)
 261: if r0 s> r1 goto pc+2
 262: r0 = 0
 263: goto pc+1
 264: r0 = 1
 265: if r0 == 0x0 goto pc+1
 266: goto pc+1
 267: goto pc-58
 268: r0 = 0
 269: *(u64 *)(r7 +32) = r0
 270: *(u64 *)(r10 -16) = 0
 271: r1 = *(u64 *)(r10 -16)
 272: r1 += 1
 273: *(u64 *)(r10 -16) = r1
 274: if r1 <= 0x3e8 goto pc+17
 275: r1 = map_value[rstap_conf] + 0
 277: *(u64 *)(r1 +16) = 2
 278: *(u64 *)(r7 +168) = 2
 279: r1 = map[rstap_output]
 281: r2 = r7
 282: r2 += 168
 283: r3 = 8
 284: r4 = 2
 285: call bpf_ringbuf_output#130
 286: if r0 == 0x0 goto pc+4
 287: r1 = map_value[rstap_stats] + 0
 289: r2 = 1
 290: lock *(u64 *)(r1 +0) += r2
 291: goto pc+457
 292: r0 = *(u64 *)(r7 +32)
 293: *(u64 *)(r7 +176) = r0
 294: r0 = 3
 295: r1 = r0
 296: r0 = *(u64 *)(r7 +176)
 297: if r0 s< r1 goto pc+2
 298: r0 = 0
 299: goto pc+1
 300: r0 = 1
 301: if r0 == 0x0 goto pc+27
 302: r0 = *(u64 *)(r7 +32)
 303: *(u64 *)(r7 +168) = r0
 304: r0 = 1
 305: r1 = r0
 306: r0 = *(u64 *)(r7 +168)
 307: if r0 == r1 goto pc+2
 308: r0 = 0
 309: goto pc+1
 310: r0 = 1
 311: if r0 == 0x0 goto pc+1
 312: goto pc+7
 313: r0 = *(u64 *)(r7 +32)
 314: r1 = r0
 315: r0 = *(u64 *)(r7 +24)
 316: *(u64 *)(r7 +168) = r0
 317: r0 = *(u64 *)(r7 +168)
 318: r0 -= r1
 319: *(u64 *)(r7 +24) = r0
 320: r0 = 1
 321: r1 = r0
 322: r0 = *(u64 *)(r7 +32)
 323: *(u64 *)(r7 +168) = r0
 324: r0 = *(u64 *)(r7 +168)
 325: r0 += r1
 326: *(u64 *)(r7 +32) = r0
 327: r0 -= 1
 328: goto pc-58
 329: r0 = *(u64 *)(r7 +24)
 330: *(u64 *)(r7 +312) = r0
 331: r0 = *(u64 *)(r7 +8)
 332: *(u64 *)(r7 +320) = r0
 333: r0 = *(u64 *)(r7 +8)
 334: r1 = r0
 335: r0 = *(u64 *)(r7 +320)
 336: r0 -= r1
 337: r1 = r0
 338: if r1 != 0x0 goto pc+3
 339: r1 = 3
 340: *(u64 *)(r7 +168) = r1
 341: goto pc+4
 342: r0 = *(u64 *)(r7 +312)
 343: r0 s/= r1
 344: *(u64 *)(r7 +24) = r0
 345: goto pc+25
 346: r1 = *(u64 *)(r7 +168)
 347: if r1 != 0x3 goto pc+11
 348: r1 = 0x6e6f697369766964 ll
 350: *(u64 *)(r7 +312) = r1
 351: r1 = 0x3020796220 ll
 353: *(u64 *)(r7 +320) = r1
 354: r1 = *(u64 *)(r7 +312)
 355: *(u64 *)(r7 +40) = r1
 356: r1 = *(u64 *)(r7 +320)
 357: *(u64 *)(r7 +48) = r1
 358: goto pc+0
 359: r1 = map_value[g2_last] + 0
 361: r2 = 128
 362: r3 = r7
 363: r3 += 40
 364: call bpf_probe_read_kernel_str#115
 365: r1 = r7
 366: r1 += 328
 367: r2 = 128
 368: r3 = map_value[g2_last] + 0
 370: call bpf_probe_read_kernel_str#115
 371: r0 = 1
 372: *(u64 *)(r7 +168) = r0
 373: *(u64 *)(r7 +176) = 0
 374: *(u64 *)(r7 +184) = 0
 375: *(u64 *)(r7 +192) = 0
 376: call bpf_get_current_pid_tgid#14
 377: r0 >>= 32
 378: *(u64 *)(r7 +176) = r0
 379: r1 = r7
 380: r1 += 200
 381: r2 = 16
 382: call bpf_get_current_comm#16
 383: r1 = *(u64 *)(r7 +200)
 384: *(u64 *)(r7 +184) = r1
 385: r1 = *(u64 *)(r7 +208)
 386: *(u64 *)(r7 +192) = r1
 387: r1 = map[g3_seen]
 389: r2 = r7
 390: r2 += 176
 391: call bpf_map_lookup_elem#1
 392: if r0 == 0x0 goto pc+5
 393: r1 = *(u64 *)(r7 +168)
 394: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
 395: r0 = *(u64 *)(r7 +168)
 396: r0 += r1
 397: goto pc+36
 398: r1 = map[g3_seen]
 400: r2 = r7
 401: r2 += 176
 402: r3 = r7
 403: r3 += 168
 404: r4 = 1
 405: call bpf_map_update_elem#2
 406: if r0 == 0x0 goto pc+26
 407: if r0 != 0xffffffef goto pc+6
 408: r1 = map[g3_seen]
 410: r2 = r7
 411: r2 += 176
 412: call bpf_map_lookup_elem#1
 413: if r0 != 0x0 goto pc-21
 414: r0 = -1
 415: if r0 s>= 0x0 goto pc+17
 416: r1 = map_value[rstap_conf] + 0
 418: *(u64 *)(r1 +16) = 2
 419: *(u64 *)(r7 +216) = 4
 420: r1 = map[rstap_output]
 422: r2 = r7
 423: r2 += 216
 424: r3 = 8
 425: r4 = 2
 426: call bpf_ringbuf_output#130
 427: if r0 == 0x0 goto pc+4
 428: r1 = map_value[rstap_stats] + 0
 430: r2 = 1
 431: lock *(u64 *)(r1 +0) += r2
 432: goto pc+316
 433: r0 = *(u64 *)(r7 +168)
 434: r0 -= 1
 435: *(u64 *)(r7 +168) = 0
 436: *(u64 *)(r7 +176) = 0
 437: *(u64 *)(r7 +184) = 0
 438: call bpf_get_current_pid_tgid#14
 439: r0 >>= 32
 440: *(u64 *)(r7 +168) = r0
 441: r1 = r7
 442: r1 += 192
 443: r2 = 16
 444: call bpf_get_current_comm#16
 445: r1 = *(u64 *)(r7 +192)
 446: *(u64 *)(r7 +176) = r1
 447: r1 = *(u64 *)(r7 +200)
 448: *(u64 *)(r7 +184) = r1
 449: r1 = map[g3_seen]
 451: r2 = r7
 452: r2 += 168
 453: call bpf_map_lookup_elem#1
 454: if r0 != 0x0 goto pc+2
 455: r0 = 0
 456: goto pc+1
 457: r0 = 1
 458: if r0 == 0x0 goto pc+38
 459: r1 = r7
 460: r1 += 208
 461: r2 = 16
 462: call bpf_get_current_comm#16
 463: *(u64 *)(r7 +224) = 1953066601
 464: r1 = *(u8 *)(r7 +208)
 465: r2 = *(u8 *)(r7 +224)
 466: if r1 != r2 goto pc+19
 467: if r1 == 0x0 goto pc+16
 468: r1 = *(u8 *)(r7 +209)
 469: r2 = *(u8 *)(r7 +225)
 470: if r1 != r2 goto pc+15
 471: if r1 == 0x0 goto pc+12
 472: r1 = *(u8 *)(r7 +210)
 473: r2 = *(u8 *)(r7 +226)
 474: if r1 != r2 goto pc+11
 475: if r1 == 0x0 goto pc+8
 476: r1 = *(u8 *)(r7 +211)
 477: r2 = *(u8 *)(r7 +227)
 478: if r1 != r2 goto pc+7
 479: if r1 == 0x0 goto pc+4
 480: r1 = *(u8 *)(r7 +212)
 481: r2 = *(u8 *)(r7 +228)
 482: if r1 != r2 goto pc+3
 483: if r1 == 0x0 goto pc+0
 484: r0 = 0
 485: goto pc+2
 486: r0 = r1
 487: r0 -= r2
 488: if r0 != 0x0 goto pc+2
 489: r0 = 0
 490: goto pc+1
 491: r0 = 1
 492: if r0 != 0x0 goto pc+2
 493: r0 = 0
 494: goto pc+1
 495: r0 = 1
 496: goto pc+1
 497: r0 = 0
 498: if r0 == 0x0 goto pc+20
 499: *(u64 *)(r7 +168) = 0
 500: *(u64 *)(r7 +176) = 0
 501: *(u64 *)(r7 +184) = 0
 502: call bpf_get_current_pid_tgid#14
 503: r0 >>= 32
 504: *(u64 *)(r7 +168) = r0
 505: r1 = r7
 506: r1 += 192
 507: r2 = 16
 508: call bpf_get_current_comm#16
 509: r1 = *(u64 *)(r7 +192)
 510: *(u64 *)(r7 +176) = r1
 511: r1 = *(u64 *)(r7 +200)
 512: *(u64 *)(r7 +184) = r1
 513: r1 = map[g3_seen]
 515: r2 = r7
 516: r2 += 168
 517: call bpf_map_delete_elem#3
 518: goto pc+0
 519: r0 = 1
 520: r0 = -r0
 521: r1 = map_value[g1_total] + 0
 523: r2 = r0
 524: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 525: r0 += r2
 526: r0 = 1
 527: r1 = r0
 528: r2 = map_value[g1_total] + 0
 530: r0 = *(u64 *)(r2 +0)
 531: *(u64 *)(r7 +168) = r0
 532: r0 = *(u64 *)(r7 +168)
 533: r0 *= r1
 534: r1 = map_value[g1_total] + 0
 536: *(u64 *)(r1 +0) = r0
 537: r0 = *(u64 *)(r7 +8)
 538: *(u64 *)(r7 +168) = r0
 539: r0 = *(u64 *)(r7 +24)
 540: *(u64 *)(r7 +176) = r0
 541: r0 = *(u64 *)(r7 +8)
 542: *(u64 *)(r7 +184) = r0
 543: *(u64 *)(r7 +192) = 0
 544: r1 = *(u64 *)(r7 +184)
 545: *(u64 *)(r7 +192) = r1
 546: *(u64 *)(r7 +200) = 0
 547: r0 = *(u64 *)(r7 +192)
 548: *(u64 *)(r7 +328) = r0
 549: r0 = 10
 550: r1 = r0
 551: r0 = *(u64 *)(r7 +328)
 552: if r0 s< r1 goto pc+2
 553: r0 = 0
 554: goto pc+1
 555: r0 = 1
 556: if r0 == 0x0 goto pc+6
 557: r1 = 0x6c6c616d73 ll
 559: *(u64 *)(r7 +328) = r1
 560: r1 = *(u64 *)(r7 +328)
 561: *(u64 *)(r7 +200) = r1
 562: goto pc+28
 563: r0 = *(u64 *)(r7 +192)
 564: *(u64 *)(r7 +456) = r0
 565: r0 = 1000
 566: r1 = r0
 567: r0 = *(u64 *)(r7 +456)
 568: if r0 s< r1 goto pc+2
 569: r0 = 0
 570: goto pc+1
 571: r0 = 1
 572: if r0 == 0x0 goto pc+6
 573: r1 = 0x6d756964656d ll
 575: *(u64 *)(r7 +464) = r1
 576: r1 = *(u64 *)(r7 +464)
 577: *(u64 *)(r7 +328) = r1
 578: goto pc+5
 579: r1 = 0x656772616c ll
 581: *(u64 *)(r7 +472) = r1
 582: r1 = *(u64 *)(r7 +472)
 583: *(u64 *)(r7 +328) = r1
 584: r1 = r7
 585: r1 += 200
 586: r2 = 128
 587: r3 = r7
 588: r3 += 328
 589: call bpf_probe_read_kernel_str#115
 590: goto pc+0
 591: *(u64 *)(r7 +328) = 5
 592: r1 = *(u64 *)(r7 +168)
 593: *(u64 *)(r7 +336) = r1
 594: r1 = *(u64 *)(r7 +176)
 595: *(u64 *)(r7 +344) = r1
 596: r1 = r7
 597: r1 += 352
 598: r2 = 128
 599: r3 = r7
 600: r3 += 200
 601: call bpf_probe_read_kernel_str#115
 602: r1 = map[rstap_output]
 604: r2 = r7
 605: r2 += 328
 606: r3 = 152
 607: r4 = 1
 608: call bpf_ringbuf_output#130
 609: if r0 == 0x0 goto pc+4
 610: r1 = map_value[rstap_stats] + 0
 612: r2 = 1
 613: lock *(u64 *)(r1 +0) += r2
 614: r0 = 0
 615: call bpf_get_current_uid_gid#15
 616: r0 <<= 32
 617: r0 >>= 32
 618: *(u64 *)(r7 +168) = r0
 619: *(u64 *)(r7 +176) = 32
 620: call bpf_get_current_uid_gid#15
 621: r0 >>= 32
 622: *(u64 *)(r7 +184) = r0
 623: *(u64 *)(r7 +192) = 32
 624: call bpf_get_current_task#35
 625: r3 = r0
 626: r3 += 2448
 627: r1 = r7
 628: r1 += 208
 629: r2 = 8
 630: call bpf_probe_read_kernel#113
 631: r3 = *(u64 *)(r7 +208)
 632: *(u64 *)(r7 +208) = 0
 633: r3 = r3
 634: r3 += 2436
 635: r1 = r7
 636: r1 += 208
 637: r2 = 4
 638: call bpf_probe_read_kernel#113
 639: r0 = *(u32 *)(r7 +208)
 640: *(u64 *)(r7 +200) = r0
 641: *(u64 *)(r7 +224) = 32
 642: call bpf_get_current_task#35
 643: r3 = r0
 644: r3 += 2448
 645: r1 = r7
 646: r1 += 232
 647: r2 = 8
 648: call bpf_probe_read_kernel#113
 649: r3 = *(u64 *)(r7 +232)
 650: r1 = r7
 651: r1 += 232
 652: r2 = 16
 653: r3 += 3008
 654: call bpf_probe_read_kernel_str#115
 655: *(u64 *)(r7 +248) = 32
 656: call bpf_get_current_task#35
 657: r3 = r0
 658: r3 += 2992
 659: r1 = r7
 660: r1 += 264
 661: r2 = 8
 662: call bpf_probe_read_kernel#113
 663: r3 = *(u64 *)(r7 +264)
 664: *(u64 *)(r7 +264) = 0
 665: r3 = r3
 666: r3 += 20
 667: r1 = r7
 668: r1 += 264
 669: r2 = 4
 670: call bpf_probe_read_kernel#113
 671: r0 = *(u32 *)(r7 +264)
 672: *(u64 *)(r7 +256) = r0
 673: *(u64 *)(r7 +280) = 32
 674: call bpf_get_current_pid_tgid#14
 675: r0 <<= 32
 676: r0 >>= 32
 677: *(u64 *)(r7 +288) = r0
 678: *(u64 *)(r7 +296) = 32
 679: call bpf_get_smp_processor_id#8
 680: *(u64 *)(r7 +304) = r0
 681: *(u64 *)(r7 +312) = 6
 682: r1 = *(u64 *)(r7 +168)
 683: *(u64 *)(r7 +320) = r1
 684: r1 = r7
 685: r1 += 328
 686: r2 = 2
 687: r3 = r7
 688: r3 += 176
 689: call bpf_probe_read_kernel_str#115
 690: r1 = *(u64 *)(r7 +184)
 691: *(u64 *)(r7 +336) = r1
 692: r1 = r7
 693: r1 += 344
 694: r2 = 2
 695: r3 = r7
 696: r3 += 192
 697: call bpf_probe_read_kernel_str#115
 698: r1 = *(u64 *)(r7 +200)
 699: *(u64 *)(r7 +352) = r1
 700: r1 = r7
 701: r1 += 360
 702: r2 = 2
 703: r3 = r7
 704: r3 += 224
 705: call bpf_probe_read_kernel_str#115
 706: r1 = r7
 707: r1 += 368
 708: r2 = 16
 709: r3 = r7
 710: r3 += 232
 711: call bpf_probe_read_kernel_str#115
 712: r1 = r7
 713: r1 += 384
 714: r2 = 2
 715: r3 = r7
 716: r3 += 248
 717: call bpf_probe_read_kernel_str#115
 718: r1 = *(u64 *)(r7 +256)
 719: *(u64 *)(r7 +392) = r1
 720: r1 = r7
 721: r1 += 400
 722: r2 = 2
 723: r3 = r7
 724: r3 += 280
 725: call bpf_probe_read_kernel_str#115
 726: r1 = *(u64 *)(r7 +288)
 727: *(u64 *)(r7 +408) = r1
 728: r1 = r7
 729: r1 += 416
 730: r2 = 2
 731: r3 = r7
 732: r3 += 296
 733: call bpf_probe_read_kernel_str#115
 734: r1 = *(u64 *)(r7 +304)
 735: *(u64 *)(r7 +424) = r1
 736: r1 = map[rstap_output]
 738: r2 = r7
 739: r2 += 312
 740: r3 = 120
 741: r4 = 1
 742: call bpf_ringbuf_output#130
 743: if r0 == 0x0 goto pc+4
 744: r1 = map_value[rstap_stats] + 0
 746: r2 = 1
 747: lock *(u64 *)(r1 +0) += r2
 748: r0 = 0
 749: r0 = 0
 750: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0002"), message: "MAXACTION exceeded" } args [] size 8
site 2: Error { code: Code("R0002"), message: "MAXACTION exceeded" } args [] size 8
site 3: Error { code: Code("R0001"), message: "division by 0" } args [] size 8
site 4: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 5: Print { kind: PrintKind { to_string: false, newline: false, char: false }, delimiter: Some([44]) } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: Long, offset: 16, width: 8 }, ArgSlot { ty: String, offset: 24, width: 128 }] size 152
site 6: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: String, offset: 16, width: 2 }, ArgSlot { ty: Long, offset: 24, width: 8 }, ArgSlot { ty: String, offset: 32, width: 2 }, ArgSlot { ty: Long, offset: 40, width: 8 }, ArgSlot { ty: String, offset: 48, width: 2 }, ArgSlot { ty: String, offset: 56, width: 16 }, ArgSlot { ty: String, offset: 72, width: 2 }, ArgSlot { ty: Long, offset: 80, width: 8 }, ArgSlot { ty: String, offset: 88, width: 2 }, ArgSlot { ty: Long, offset: 96, width: 8 }, ArgSlot { ty: String, offset: 104, width: 2 }, ArgSlot { ty: Long, offset: 112, width: 8 }] size 120
