map rstap_scratch: PercpuArray key 4 value 608 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 16 entries 1
map rstap_stats: Array key 4 value 8 entries 1
map g0_counts: Hash key 128 value 8 entries 2048
map g1_total: Array key 4 value 8 entries 1
map g2_last: Array key 4 value 128 entries 1
map g3_seen: Hash key 24 value 8 entries 2048

# kernel.trace("syscalls:sys_enter_write") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_write" })
   0: r6 = r1
   1: *(u32 *)(r10 -4) = 0
   2: r2 = r10
   3: r2 += -4
   4: r1 = map[rstap_scratch]
   6: call bpf_map_lookup_elem#1
   7: if r0 == 0x0 goto pc+715
   8: r7 = r0
   9: *(u64 *)(r7 +0) = r6
  10: *(u64 *)(r7 +8) = 0
  11: *(u64 *)(r7 +16) = 0
  12: *(u64 *)(r7 +24) = 0
  13: *(u64 *)(r7 +32) = 0
  14: *(u64 *)(r7 +40) = 0
  15: r0 = *(u64 *)(r6 +32)
  16: *(u64 *)(r7 +8) = r0
  17: r0 = *(u64 *)(r7 +8)
  18: *(u64 *)(r7 +168) = r0
  19: *(u64 *)(r7 +176) = 0
  20: r1 = *(u64 *)(r7 +168)
  21: *(u64 *)(r7 +176) = r1
  22: *(u64 *)(r7 +184) = 0
  23: r0 = *(u64 *)(r7 +176)
  24: *(u64 *)(r7 +312) = r0
  25: r0 = 10
  26: r1 = r0
  27: r0 = *(u64 *)(r7 +312)
  28: if r0 s< r1 goto pc+2
  29: r0 = 0
  30: goto pc+1
  31: r0 = 1
  32: if r0 == 0x0 goto pc+6
  33: r1 = 0x6c6c616d73 ll
  35: *(u64 *)(r7 +312) = r1
  36: r1 = *(u64 *)(r7 +312)
  37: *(u64 *)(r7 +184) = r1
  38: goto pc+28
  39: r0 = *(u64 *)(r7 +176)
  40: *(u64 *)(r7 +440) = r0
  41: r0 = 1000
  42: r1 = r0
  43: r0 = *(u64 *)(r7 +440)
  44: if r0 s< r1 goto pc+2
  45: r0 = 0
  46: goto pc+1
  47: r0 = 1
  48: if r0 == 0x0 goto pc+6
  49: r1 = 0x6d756964656d ll
  51: *(u64 *)(r7 +448) = r1
  52: r1 = *(u64 *)(r7 +448)
  53: *(u64 *)(r7 +312) = r1
  54: goto pc+5
  55: r1 = 0x656772616c ll
  57: *(u64 *)(r7 +456) = r1
  58: r1 = *(u64 *)(r7 +456)
  59: *(u64 *)(r7 +312) = r1
  60: r1 = r7
  61: r1 += 184
  62: r2 = 128
  63: r3 = r7
  64: r3 += 312
  65: call bpf_probe_read_kernel_str#115
  66: goto pc+0
  67: r0 = 1
  68: *(u64 *)(r7 +312) = r0
  69: *(u64 *)(r7 +320) = 0
  70: *(u64 *)(r7 +448) = 0
  71: r1 = r7
  72: r1 += 320
  73: r2 = 128
  74: r3 = r7
  75: r3 += 184
  76: call bpf_probe_read_kernel_str#115
  77: r1 = *(u64 *)(r7 +312)
  78: *(u64 *)(r7 +448) = r1
  79: *(u64 *)(r7 +456) = 0
  80: r0 = *(u64 *)(r7 +448)
  81: *(u64 *)(r7 +464) = r0
  82: *(u64 *)(r7 +472) = 0
  83: *(u64 *)(r7 +480) = 0
  84: *(u64 *)(r7 +488) = 0
  85: *(u64 *)(r7 +496) = 0
  86: *(u64 *)(r7 +504) = 0
  87: *(u64 *)(r7 +512) = 0
  88: *(u64 *)(r7 +520) = 0
  89: *(u64 *)(r7 +528) = 0
  90: *(u64 *)(r7 +536) = 0
  91: *(u64 *)(r7 +544) = 0
  92: *(u64 *)(r7 +552) = 0
  93: *(u64 *)(r7 +560) = 0
  94: *(u64 *)(r7 +568) = 0
  95: *(u64 *)(r7 +576) = 0
  96: *(u64 *)(r7 +584) = 0
  97: *(u64 *)(r7 +592) = 0
  98: r1 = r7
  99: r1 += 472
 100: r2 = 128
 101: r3 = r7
 102: r3 += 320
 103: call bpf_probe_read_kernel_str#115
 104: r1 = map[g0_counts]
 106: r2 = r7
 107: r2 += 472
 108: call bpf_map_lookup_elem#1
 109: if r0 == 0x0 goto pc+5
 110: r1 = *(u64 *)(r7 +464)
 111: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
 112: r0 = *(u64 *)(r7 +464)
 113: r0 += r1
 114: goto pc+33
 115: r1 = map[g0_counts]
 117: r2 = r7
 118: r2 += 472
 119: r3 = r7
 120: r3 += 464
 121: r4 = 1
 122: call bpf_map_update_elem#2
 123: if r0 == 0x0 goto pc+23
 124: if r0 != 0xffffffef goto pc+6
 125: r1 = map[g0_counts]
 127: r2 = r7
 128: r2 += 472
 129: call bpf_map_lookup_elem#1
 130: if r0 != 0x0 goto pc-21
 131: r0 = -1
 132: if r0 s>= 0x0 goto pc+14
 133: *(u64 *)(r7 +600) = 0
 134: r1 = map[rstap_output]
 136: r2 = r7
 137: r2 += 600
 138: r3 = 8
 139: r4 = 0
 140: call bpf_ringbuf_output#130
 141: if r0 == 0x0 goto pc+4
 142: r1 = map_value[rstap_stats] + 0
 144: r2 = 1
 145: lock *(u64 *)(r1 +0) += r2
 146: goto pc+576
 147: r0 = *(u64 *)(r7 +464)
 148: *(u64 *)(r7 +464) = 0
 149: *(u64 *)(r7 +472) = 0
 150: *(u64 *)(r7 +480) = 0
 151: *(u64 *)(r7 +488) = 0
 152: *(u64 *)(r7 +496) = 0
 153: *(u64 *)(r7 +504) = 0
 154: *(u64 *)(r7 +512) = 0
 155: *(u64 *)(r7 +520) = 0
 156: *(u64 *)(r7 +528) = 0
 157: *(u64 *)(r7 +536) = 0
 158: *(u64 *)(r7 +544) = 0
 159: *(u64 *)(r7 +552) = 0
 160: *(u64 *)(r7 +560) = 0
 161: *(u64 *)(r7 +568) = 0
 162: *(u64 *)(r7 +576) = 0
 163: *(u64 *)(r7 +584) = 0
 164: r1 = r7
 165: r1 += 464
 166: r2 = 128
 167: r3 = r7
 168: r3 += 320
 169: call bpf_probe_read_kernel_str#115
 170: r1 = map[g0_counts]
 172: r2 = r7
 173: r2 += 464
 174: call bpf_map_lookup_elem#1
 175: if r0 == 0x0 goto pc+2
 176: r0 = *(u64 *)(r0 +0)
 177: goto pc+1
 178: r0 = 0
 179: *(u64 *)(r7 +456) = r0
 180: goto pc+0
 181: r0 = *(u64 *)(r7 +456)
 182: r0 = *(u64 *)(r7 +8)
 183: r1 = map_value[g1_total] + 0
 185: r2 = r0
 186: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 187: r0 += r2
 188: r0 = 0
 189: *(u64 *)(r7 +16) = r0
 190: r0 = 0
 191: *(u64 *)(r7 +24) = r0
 192: *(u64 *)(r10 -16) = 0
 193: r1 = *(u64 *)(r10 -16)
 194: r1 += 1
 195: *(u64 *)(r10 -16) = r1
 196: if r1 <= 0x3e8 goto pc+14
 197: *(u64 *)(r7 +168) = 1
 198: r1 = map[rstap_output]
 200: r2 = r7
 201: r2 += 168
 202: r3 = 8
 203: r4 = 0
 204: call bpf_ringbuf_output#130
 205: if r0 == 0x0 goto pc+4
 206: r1 = map_value[rstap_stats] + 0
 208: r2 = 1
 209: lock *(u64 *)(r1 +0) += r2
 210: goto pc+512
 211: r0 = *(u64 *)(r7 +16)
 212: *(u64 *)(r7 +176) = r0
 213: r0 = 10
 214: r1 = r0
 215: r0 = *(u64 *)(r7 +176)
 216: if r0 s< r1 goto pc+2
 217: r0 = 0
 218: goto pc+1
 219: r0 = 1
 220: if r0 == 0x0 goto pc+27
 221: r0 = *(u64 *)(r7 +16)
 222: r1 = r0
 223: r0 = *(u64 *)(r7 +24)
 224: *(u64 *)(r7 +168) = r0
 225: r0 = *(u64 *)(r7 +168)
 226: r0 += r1
 227: *(u64 *)(r7 +24) = r0
 228: r0 = 1
 229: r1 = r0
 230: r0 = *(u64 *)(r7 +16)
 231: *(u64 *)(r7 +168) = r0
 232: r0 = *(u64 *)(r7 +168)
 233: r0 += r1
 234: *(u64 *)(r7 +16) = r0
 235: r0 -= 1
 236: r0 = *(u64 *)(r7 +24)
 237: *(u64 *)(r7 +168) = r0
 238: r0 = 20
 239: r1 = r0
 240: r0 = *(u64 *)(r7 +168)
 241: if r0 s> r1 goto pc+2
 242: r0 = 0
 243: goto pc+1
 244: r0 = 1
 245: if r0 == 0x0 goto pc+1
 246: goto pc+1
 247: goto pc-55
 248: r0 = 0
 249: *(u64 *)(r7 +32) = r0
 250: *(u64 *)(r10 -16) = 0
 251: r1 = *(u64 *)(r10 -16)
 252: r1 += 1
 253: *(u64 *)(r10 -16) = r1
 254: if r1 <= 0x3e8 goto pc+14
 255: *(u64 *)(r7 +168) = 2
 256: r1 = map[rstap_output]
 258: r2 = r7
 259: r2 += 168
 260: r3 = 8
 261: r4 = 0
 262: call bpf_ringbuf_output#130
 263: if r0 == 0x0 goto pc+4
 264: r1 = map_value[rstap_stats] + 0
 266: r2 = 1
 267: lock *(u64 *)(r1 +0) += r2
 268: goto pc+454
 269: r0 = *(u64 *)(r7 +32)
 270: *(u64 *)(r7 +176) = r0
 271: r0 = 3
 272: r1 = r0
 273: r0 = *(u64 *)(r7 +176)
 274: if r0 s< r1 goto pc+2
 275: r0 = 0
 276: goto pc+1
 277: r0 = 1
 278: if r0 == 0x0 goto pc+27
 279: r0 = *(u64 *)(r7 +32)
 280: *(u64 *)(r7 +168) = r0
 281: r0 = 1
 282: r1 = r0
 283: r0 = *(u64 *)(r7 +168)
 284: if r0 == r1 goto pc+2
 285: r0 = 0
 286: goto pc+1
 287: r0 = 1
 288: if r0 == 0x0 goto pc+1
 289: goto pc+7
 290: r0 = *(u64 *)(r7 +32)
 291: r1 = r0
 292: r0 = *(u64 *)(r7 +24)
 293: *(u64 *)(r7 +168) = r0
 294: r0 = *(u64 *)(r7 +168)
 295: r0 -= r1
 296: *(u64 *)(r7 +24) = r0
 297: r0 = 1
 298: r1 = r0
 299: r0 = *(u64 *)(r7 +32)
 300: *(u64 *)(r7 +168) = r0
 301: r0 = *(u64 *)(r7 +168)
 302: r0 += r1
 303: *(u64 *)(r7 +32) = r0
 304: r0 -= 1
 305: goto pc-55
 306: r0 = *(u64 *)(r7 +24)
 307: *(u64 *)(r7 +176) = r0
 308: r0 = *(u64 *)(r7 +8)
 309: *(u64 *)(r7 +184) = r0
 310: r0 = *(u64 *)(r7 +8)
 311: r1 = r0
 312: r0 = *(u64 *)(r7 +184)
 313: r0 -= r1
 314: r1 = r0
 315: if r1 != 0x0 goto pc+3
 316: r1 = 3
 317: *(u64 *)(r7 +168) = r1
 318: goto pc+4
 319: r0 = *(u64 *)(r7 +176)
 320: r0 s/= r1
 321: *(u64 *)(r7 +24) = r0
 322: goto pc+25
 323: r1 = *(u64 *)(r7 +168)
 324: if r1 != 0x3 goto pc+11
 325: r1 = 0x6e6f697369766964 ll
 327: *(u64 *)(r7 +176) = r1
 328: r1 = 0x3020796220 ll
 330: *(u64 *)(r7 +184) = r1
 331: r1 = *(u64 *)(r7 +176)
 332: *(u64 *)(r7 +40) = r1
 333: r1 = *(u64 *)(r7 +184)
 334: *(u64 *)(r7 +48) = r1
 335: goto pc+0
 336: r1 = map_value[g2_last] + 0
 338: r2 = 128
 339: r3 = r7
 340: r3 += 40
 341: call bpf_probe_read_kernel_str#115
 342: r1 = r7
 343: r1 += 192
 344: r2 = 128
 345: r3 = map_value[g2_last] + 0
 347: call bpf_probe_read_kernel_str#115
 348: r0 = 1
 349: *(u64 *)(r7 +168) = r0
 350: *(u64 *)(r7 +176) = 0
 351: *(u64 *)(r7 +184) = 0
 352: *(u64 *)(r7 +192) = 0
 353: call bpf_get_current_pid_tgid#14
 354: r0 >>= 32
 355: *(u64 *)(r7 +176) = r0
 356: r1 = r7
 357: r1 += 200
 358: r2 = 16
 359: call bpf_get_current_comm#16
 360: r1 = *(u64 *)(r7 +200)
 361: *(u64 *)(r7 +184) = r1
 362: r1 = *(u64 *)(r7 +208)
 363: *(u64 *)(r7 +192) = r1
 364: r1 = map[g3_seen]
 366: r2 = r7
 367: r2 += 176
 368: call bpf_map_lookup_elem#1
 369: if r0 == 0x0 goto pc+5
 370: r1 = *(u64 *)(r7 +168)
 371: r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
 372: r0 = *(u64 *)(r7 +168)
 373: r0 += r1
 374: goto pc+33
 375: r1 = map[g3_seen]
 377: r2 = r7
 378: r2 += 176
 379: r3 = r7
 380: r3 += 168
 381: r4 = 1
 382: call bpf_map_update_elem#2
 383: if r0 == 0x0 goto pc+23
 384: if r0 != 0xffffffef goto pc+6
 385: r1 = map[g3_seen]
 387: r2 = r7
 388: r2 += 176
 389: call bpf_map_lookup_elem#1
 390: if r0 != 0x0 goto pc-21
 391: r0 = -1
 392: if r0 s>= 0x0 goto pc+14
 393: *(u64 *)(r7 +216) = 4
 394: r1 = map[rstap_output]
 396: r2 = r7
 397: r2 += 216
 398: r3 = 8
 399: r4 = 0
 400: call bpf_ringbuf_output#130
 401: if r0 == 0x0 goto pc+4
 402: r1 = map_value[rstap_stats] + 0
 404: r2 = 1
 405: lock *(u64 *)(r1 +0) += r2
 406: goto pc+316
 407: r0 = *(u64 *)(r7 +168)
 408: r0 -= 1
 409: *(u64 *)(r7 +168) = 0
 410: *(u64 *)(r7 +176) = 0
 411: *(u64 *)(r7 +184) = 0
 412: call bpf_get_current_pid_tgid#14
 413: r0 >>= 32
 414: *(u64 *)(r7 +168) = r0
 415: r1 = r7
 416: r1 += 192
 417: r2 = 16
 418: call bpf_get_current_comm#16
 419: r1 = *(u64 *)(r7 +192)
 420: *(u64 *)(r7 +176) = r1
 421: r1 = *(u64 *)(r7 +200)
 422: *(u64 *)(r7 +184) = r1
 423: r1 = map[g3_seen]
 425: r2 = r7
 426: r2 += 168
 427: call bpf_map_lookup_elem#1
 428: if r0 != 0x0 goto pc+2
 429: r0 = 0
 430: goto pc+1
 431: r0 = 1
 432: if r0 == 0x0 goto pc+38
 433: r1 = r7
 434: r1 += 208
 435: r2 = 16
 436: call bpf_get_current_comm#16
 437: *(u64 *)(r7 +224) = 1953066601
 438: r1 = *(u8 *)(r7 +208)
 439: r2 = *(u8 *)(r7 +224)
 440: if r1 != r2 goto pc+19
 441: if r1 == 0x0 goto pc+16
 442: r1 = *(u8 *)(r7 +209)
 443: r2 = *(u8 *)(r7 +225)
 444: if r1 != r2 goto pc+15
 445: if r1 == 0x0 goto pc+12
 446: r1 = *(u8 *)(r7 +210)
 447: r2 = *(u8 *)(r7 +226)
 448: if r1 != r2 goto pc+11
 449: if r1 == 0x0 goto pc+8
 450: r1 = *(u8 *)(r7 +211)
 451: r2 = *(u8 *)(r7 +227)
 452: if r1 != r2 goto pc+7
 453: if r1 == 0x0 goto pc+4
 454: r1 = *(u8 *)(r7 +212)
 455: r2 = *(u8 *)(r7 +228)
 456: if r1 != r2 goto pc+3
 457: if r1 == 0x0 goto pc+0
 458: r0 = 0
 459: goto pc+2
 460: r0 = r1
 461: r0 -= r2
 462: if r0 != 0x0 goto pc+2
 463: r0 = 0
 464: goto pc+1
 465: r0 = 1
 466: if r0 != 0x0 goto pc+2
 467: r0 = 0
 468: goto pc+1
 469: r0 = 1
 470: goto pc+1
 471: r0 = 0
 472: if r0 == 0x0 goto pc+20
 473: *(u64 *)(r7 +168) = 0
 474: *(u64 *)(r7 +176) = 0
 475: *(u64 *)(r7 +184) = 0
 476: call bpf_get_current_pid_tgid#14
 477: r0 >>= 32
 478: *(u64 *)(r7 +168) = r0
 479: r1 = r7
 480: r1 += 192
 481: r2 = 16
 482: call bpf_get_current_comm#16
 483: r1 = *(u64 *)(r7 +192)
 484: *(u64 *)(r7 +176) = r1
 485: r1 = *(u64 *)(r7 +200)
 486: *(u64 *)(r7 +184) = r1
 487: r1 = map[g3_seen]
 489: r2 = r7
 490: r2 += 168
 491: call bpf_map_delete_elem#3
 492: goto pc+0
 493: r0 = 1
 494: r0 = -r0
 495: r1 = map_value[g1_total] + 0
 497: r2 = r0
 498: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 499: r0 += r2
 500: r0 = 1
 501: r1 = r0
 502: r2 = map_value[g1_total] + 0
 504: r0 = *(u64 *)(r2 +0)
 505: *(u64 *)(r7 +168) = r0
 506: r0 = *(u64 *)(r7 +168)
 507: r0 *= r1
 508: r1 = map_value[g1_total] + 0
 510: *(u64 *)(r1 +0) = r0
 511: r0 = *(u64 *)(r7 +8)
 512: *(u64 *)(r7 +168) = r0
 513: r0 = *(u64 *)(r7 +24)
 514: *(u64 *)(r7 +176) = r0
 515: r0 = *(u64 *)(r7 +8)
 516: *(u64 *)(r7 +184) = r0
 517: *(u64 *)(r7 +192) = 0
 518: r1 = *(u64 *)(r7 +184)
 519: *(u64 *)(r7 +192) = r1
 520: *(u64 *)(r7 +200) = 0
 521: r0 = *(u64 *)(r7 +192)
 522: *(u64 *)(r7 +328) = r0
 523: r0 = 10
 524: r1 = r0
 525: r0 = *(u64 *)(r7 +328)
 526: if r0 s< r1 goto pc+2
 527: r0 = 0
 528: goto pc+1
 529: r0 = 1
 530: if r0 == 0x0 goto pc+6
 531: r1 = 0x6c6c616d73 ll
 533: *(u64 *)(r7 +328) = r1
 534: r1 = *(u64 *)(r7 +328)
 535: *(u64 *)(r7 +200) = r1
 536: goto pc+28
 537: r0 = *(u64 *)(r7 +192)
 538: *(u64 *)(r7 +456) = r0
 539: r0 = 1000
 540: r1 = r0
 541: r0 = *(u64 *)(r7 +456)
 542: if r0 s< r1 goto pc+2
 543: r0 = 0
 544: goto pc+1
 545: r0 = 1
 546: if r0 == 0x0 goto pc+6
 547: r1 = 0x6d756964656d ll
 549: *(u64 *)(r7 +464) = r1
 550: r1 = *(u64 *)(r7 +464)
 551: *(u64 *)(r7 +328) = r1
 552: goto pc+5
 553: r1 = 0x656772616c ll
 555: *(u64 *)(r7 +472) = r1
 556: r1 = *(u64 *)(r7 +472)
 557: *(u64 *)(r7 +328) = r1
 558: r1 = r7
 559: r1 += 200
 560: r2 = 128
 561: r3 = r7
 562: r3 += 328
 563: call bpf_probe_read_kernel_str#115
 564: goto pc+0
 565: *(u64 *)(r7 +328) = 5
 566: r1 = *(u64 *)(r7 +168)
 567: *(u64 *)(r7 +336) = r1
 568: r1 = *(u64 *)(r7 +176)
 569: *(u64 *)(r7 +344) = r1
 570: r1 = r7
 571: r1 += 352
 572: r2 = 128
 573: r3 = r7
 574: r3 += 200
 575: call bpf_probe_read_kernel_str#115
 576: r1 = map[rstap_output]
 578: r2 = r7
 579: r2 += 328
 580: r3 = 152
 581: r4 = 0
 582: call bpf_ringbuf_output#130
 583: if r0 == 0x0 goto pc+4
 584: r1 = map_value[rstap_stats] + 0
 586: r2 = 1
 587: lock *(u64 *)(r1 +0) += r2
 588: r0 = 0
 589: call bpf_get_current_uid_gid#15
 590: r0 <<= 32
 591: r0 >>= 32
 592: *(u64 *)(r7 +168) = r0
 593: *(u64 *)(r7 +176) = 32
 594: call bpf_get_current_uid_gid#15
 595: r0 >>= 32
 596: *(u64 *)(r7 +184) = r0
 597: *(u64 *)(r7 +192) = 32
 598: call bpf_get_current_task#35
 599: r3 = r0
 600: r3 += 2448
 601: r1 = r7
 602: r1 += 208
 603: r2 = 8
 604: call bpf_probe_read_kernel#113
 605: r3 = *(u64 *)(r7 +208)
 606: *(u64 *)(r7 +208) = 0
 607: r3 = r3
 608: r3 += 2436
 609: r1 = r7
 610: r1 += 208
 611: r2 = 4
 612: call bpf_probe_read_kernel#113
 613: r0 = *(u32 *)(r7 +208)
 614: *(u64 *)(r7 +200) = r0
 615: *(u64 *)(r7 +224) = 32
 616: call bpf_get_current_task#35
 617: r3 = r0
 618: r3 += 2448
 619: r1 = r7
 620: r1 += 232
 621: r2 = 8
 622: call bpf_probe_read_kernel#113
 623: r3 = *(u64 *)(r7 +232)
 624: r1 = r7
 625: r1 += 232
 626: r2 = 16
 627: r3 += 3008
 628: call bpf_probe_read_kernel_str#115
 629: *(u64 *)(r7 +248) = 32
 630: call bpf_get_current_task#35
 631: r3 = r0
 632: r3 += 2992
 633: r1 = r7
 634: r1 += 264
 635: r2 = 8
 636: call bpf_probe_read_kernel#113
 637: r3 = *(u64 *)(r7 +264)
 638: *(u64 *)(r7 +264) = 0
 639: r3 = r3
 640: r3 += 20
 641: r1 = r7
 642: r1 += 264
 643: r2 = 4
 644: call bpf_probe_read_kernel#113
 645: r0 = *(u32 *)(r7 +264)
 646: *(u64 *)(r7 +256) = r0
 647: *(u64 *)(r7 +280) = 32
 648: call bpf_get_current_pid_tgid#14
 649: r0 <<= 32
 650: r0 >>= 32
 651: *(u64 *)(r7 +288) = r0
 652: *(u64 *)(r7 +296) = 32
 653: call bpf_get_smp_processor_id#8
 654: *(u64 *)(r7 +304) = r0
 655: *(u64 *)(r7 +312) = 6
 656: r1 = *(u64 *)(r7 +168)
 657: *(u64 *)(r7 +320) = r1
 658: r1 = r7
 659: r1 += 328
 660: r2 = 2
 661: r3 = r7
 662: r3 += 176
 663: call bpf_probe_read_kernel_str#115
 664: r1 = *(u64 *)(r7 +184)
 665: *(u64 *)(r7 +336) = r1
 666: r1 = r7
 667: r1 += 344
 668: r2 = 2
 669: r3 = r7
 670: r3 += 192
 671: call bpf_probe_read_kernel_str#115
 672: r1 = *(u64 *)(r7 +200)
 673: *(u64 *)(r7 +352) = r1
 674: r1 = r7
 675: r1 += 360
 676: r2 = 2
 677: r3 = r7
 678: r3 += 224
 679: call bpf_probe_read_kernel_str#115
 680: r1 = r7
 681: r1 += 368
 682: r2 = 16
 683: r3 = r7
 684: r3 += 232
 685: call bpf_probe_read_kernel_str#115
 686: r1 = r7
 687: r1 += 384
 688: r2 = 2
 689: r3 = r7
 690: r3 += 248
 691: call bpf_probe_read_kernel_str#115
 692: r1 = *(u64 *)(r7 +256)
 693: *(u64 *)(r7 +392) = r1
 694: r1 = r7
 695: r1 += 400
 696: r2 = 2
 697: r3 = r7
 698: r3 += 280
 699: call bpf_probe_read_kernel_str#115
 700: r1 = *(u64 *)(r7 +288)
 701: *(u64 *)(r7 +408) = r1
 702: r1 = r7
 703: r1 += 416
 704: r2 = 2
 705: r3 = r7
 706: r3 += 296
 707: call bpf_probe_read_kernel_str#115
 708: r1 = *(u64 *)(r7 +304)
 709: *(u64 *)(r7 +424) = r1
 710: r1 = map[rstap_output]
 712: r2 = r7
 713: r2 += 312
 714: r3 = 120
 715: r4 = 0
 716: call bpf_ringbuf_output#130
 717: if r0 == 0x0 goto pc+4
 718: r1 = map_value[rstap_stats] + 0
 720: r2 = 1
 721: lock *(u64 *)(r1 +0) += r2
 722: r0 = 0
 723: r0 = 0
 724: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0002"), message: "MAXACTION exceeded" } args [] size 8
site 2: Error { code: Code("R0002"), message: "MAXACTION exceeded" } args [] size 8
site 3: Error { code: Code("R0001"), message: "division by 0" } args [] size 8
site 4: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 5: Print { kind: PrintKind { to_string: false, newline: false, char: false }, delimiter: Some([44]) } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: Long, offset: 16, width: 8 }, ArgSlot { ty: String, offset: 24, width: 128 }] size 152
site 6: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: Long, offset: 8, width: 8 }, ArgSlot { ty: String, offset: 16, width: 2 }, ArgSlot { ty: Long, offset: 24, width: 8 }, ArgSlot { ty: String, offset: 32, width: 2 }, ArgSlot { ty: Long, offset: 40, width: 8 }, ArgSlot { ty: String, offset: 48, width: 2 }, ArgSlot { ty: String, offset: 56, width: 16 }, ArgSlot { ty: String, offset: 72, width: 2 }, ArgSlot { ty: Long, offset: 80, width: 8 }, ArgSlot { ty: String, offset: 88, width: 2 }, ArgSlot { ty: Long, offset: 96, width: 8 }, ArgSlot { ty: String, offset: 104, width: 2 }, ArgSlot { ty: Long, offset: 112, width: 8 }] size 120
