map rstap_scratch: PercpuArray key 4 value 896 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_a: Hash key 8 value 8 entries 2048
map g1_names: Hash key 24 value 128 entries 2048
map g2_total: Array key 4 value 8 entries 1
map rstap_rodata: Array key 4 value 8 entries 1
map rstap_sc_e0: ProgArray key 4 value 4 entries 512

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, TailCall { map: 8, key: 1 })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+307
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+300
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 0
  15: *(u64 *)(r7 +16) = 0
  16: *(u64 *)(r7 +144) = 0
  17: *(u64 *)(r7 +152) = 0
  18: *(u64 *)(r7 +280) = 0
  19: *(u64 *)(r7 +416) = 0
  20: r4 = *(u64 *)(r6 +0)
  21: r3 = r4
  22: r3 += 96
  23: r1 = r7
  24: r1 += 416
  25: r2 = 8
  26: call bpf_probe_read_kernel#113
  27: r0 = *(u64 *)(r7 +416)
  28: *(u64 *)(r7 +408) = r0
  29: *(u64 *)(r7 +424) = 0
  30: *(u64 *)(r7 +432) = 0
  31: r4 = *(u64 *)(r6 +0)
  32: r3 = r4
  33: r3 += 112
  34: r1 = r7
  35: r1 += 432
  36: r2 = 8
  37: call bpf_probe_read_kernel#113
  38: r0 = *(u64 *)(r7 +432)
  39: *(u64 *)(r7 +424) = r0
  40: r1 = map[g0_a]
  42: r2 = r7
  43: r2 += 424
  44: r3 = r7
  45: r3 += 408
  46: r4 = 0
  47: call bpf_map_update_elem#2
  48: if r0 s>= 0x0 goto pc+17
  49: r1 = map_value[rstap_conf] + 0
  51: *(u64 *)(r1 +16) = 2
  52: *(u64 *)(r7 +440) = 0
  53: r1 = map[rstap_output]
  55: r2 = r7
  56: r2 += 440
  57: r3 = 8
  58: r4 = 2
  59: call bpf_ringbuf_output#130
  60: if r0 == 0x0 goto pc+4
  61: r1 = map_value[rstap_stats] + 0
  63: r2 = 1
  64: lock *(u64 *)(r1 +0) += r2
  65: goto pc+246
  66: r0 = *(u64 *)(r7 +408)
  67: *(u64 *)(r7 +408) = 120
  68: r1 = *(u64 *)(r7 +408)
  69: *(u64 *)(r7 +416) = r1
  70: *(u64 *)(r7 +544) = 0
  71: *(u64 *)(r7 +552) = 0
  72: *(u64 *)(r7 +560) = 0
  73: r1 = r7
  74: r1 += 568
  75: r2 = 16
  76: call bpf_get_current_comm#16
  77: r1 = *(u64 *)(r7 +568)
  78: *(u64 *)(r7 +544) = r1
  79: r1 = *(u64 *)(r7 +576)
  80: *(u64 *)(r7 +552) = r1
  81: *(u64 *)(r7 +584) = 0
  82: r4 = *(u64 *)(r6 +0)
  83: r3 = r4
  84: r3 += 112
  85: r1 = r7
  86: r1 += 584
  87: r2 = 8
  88: call bpf_probe_read_kernel#113
  89: r0 = *(u64 *)(r7 +584)
  90: *(u64 *)(r7 +560) = r0
  91: r1 = map[g1_names]
  93: r2 = r7
  94: r2 += 544
  95: r3 = r7
  96: r3 += 416
  97: r4 = 0
  98: call bpf_map_update_elem#2
  99: if r0 s>= 0x0 goto pc+17
 100: r1 = map_value[rstap_conf] + 0
 102: *(u64 *)(r1 +16) = 2
 103: *(u64 *)(r7 +592) = 1
 104: r1 = map[rstap_output]
 106: r2 = r7
 107: r2 += 592
 108: r3 = 8
 109: r4 = 2
 110: call bpf_ringbuf_output#130
 111: if r0 == 0x0 goto pc+4
 112: r1 = map_value[rstap_stats] + 0
 114: r2 = 1
 115: lock *(u64 *)(r1 +0) += r2
 116: goto pc+195
 117: *(u64 *)(r7 +728) = 0
 118: *(u64 *)(r7 +736) = 0
 119: *(u64 *)(r7 +744) = 0
 120: r1 = r7
 121: r1 += 752
 122: r2 = 16
 123: call bpf_get_current_comm#16
 124: r1 = *(u64 *)(r7 +752)
 125: *(u64 *)(r7 +728) = r1
 126: r1 = *(u64 *)(r7 +760)
 127: *(u64 *)(r7 +736) = r1
 128: *(u64 *)(r7 +768) = 0
 129: r4 = *(u64 *)(r6 +0)
 130: r3 = r4
 131: r3 += 112
 132: r1 = r7
 133: r1 += 768
 134: r2 = 8
 135: call bpf_probe_read_kernel#113
 136: r0 = *(u64 *)(r7 +768)
 137: *(u64 *)(r7 +744) = r0
 138: r1 = map[g1_names]
 140: r2 = r7
 141: r2 += 728
 142: call bpf_map_lookup_elem#1
 143: if r0 == 0x0 goto pc+6
 144: r3 = r0
 145: r1 = r7
 146: r1 += 600
 147: r2 = 128
 148: call bpf_probe_read_kernel_str#115
 149: goto pc+1
 150: *(u64 *)(r7 +600) = 0
 151: *(u64 *)(r7 +408) = 0
 152: r1 = map[g0_a]
 154: r2 = subprog[+160]
 156: r3 = 0
 157: r4 = 0
 158: call bpf_for_each_map_elem#164
 159: r1 = *(u64 *)(r7 +408)
 160: if r1 == 0x0 goto pc+2
 161: if r1 != 0x1 goto pc+1
 162: goto pc+149
 163: *(u64 *)(r7 +408) = 0
 164: r1 = map[g1_names]
 166: r2 = subprog[+206]
 168: r3 = 0
 169: r4 = 0
 170: call bpf_for_each_map_elem#164
 171: r1 = *(u64 *)(r7 +408)
 172: if r1 == 0x0 goto pc+2
 173: if r1 != 0x1 goto pc+1
 174: goto pc+137
 175: *(u64 *)(r7 +552) = 0
 176: r1 = map[g0_a]
 178: r2 = subprog[+258]
 180: r3 = 0
 181: r4 = 0
 182: call bpf_for_each_map_elem#164
 183: r1 = *(u64 *)(r7 +552)
 184: if r1 == 0x0 goto pc+5
 185: if r1 != 0x1 goto pc+1
 186: goto pc+125
 187: r1 = *(u64 *)(r7 +552)
 188: if r1 != 0x2 goto pc+1
 189: goto pc+1
 190: goto pc+74
 191: r1 = *(u64 *)(r7 +408)
 192: if r1 != 0x2 goto pc+11
 193: r1 = 0x6e6f697369766964 ll
 195: *(u64 *)(r7 +552) = r1
 196: r1 = 0x3020796220 ll
 198: *(u64 *)(r7 +560) = r1
 199: r1 = *(u64 *)(r7 +552)
 200: *(u64 *)(r7 +280) = r1
 201: r1 = *(u64 *)(r7 +560)
 202: *(u64 *)(r7 +288) = r1
 203: goto pc+0
 204: r1 = r7
 205: r1 += 568
 206: r2 = 128
 207: r3 = r7
 208: r3 += 280
 209: call bpf_probe_read_kernel_str#115
 210: *(u64 *)(r7 +696) = 0
 211: *(u64 *)(r7 +704) = 0
 212: *(u64 *)(r7 +712) = 0
 213: *(u64 *)(r7 +720) = 7500389
 214: r1 = *(u64 *)(r7 +720)
 215: *(u64 *)(r7 +696) = r1
 216: r0 = 0
 217: *(u64 *)(r7 +712) = r0
 218: r1 = map[g1_names]
 220: r2 = r7
 221: r2 += 696
 222: r3 = r7
 223: r3 += 568
 224: r4 = 0
 225: call bpf_map_update_elem#2
 226: if r0 s>= 0x0 goto pc+17
 227: r1 = map_value[rstap_conf] + 0
 229: *(u64 *)(r1 +16) = 2
 230: *(u64 *)(r7 +728) = 3
 231: r1 = map[rstap_output]
 233: r2 = r7
 234: r2 += 728
 235: r3 = 8
 236: r4 = 2
 237: call bpf_ringbuf_output#130
 238: if r0 == 0x0 goto pc+4
 239: r1 = map_value[rstap_stats] + 0
 241: r2 = 1
 242: lock *(u64 *)(r1 +0) += r2
 243: goto pc+68
 244: *(u64 *)(r7 +864) = 0
 245: *(u64 *)(r7 +872) = 0
 246: *(u64 *)(r7 +880) = 0
 247: *(u64 *)(r7 +888) = 7500389
 248: r1 = *(u64 *)(r7 +888)
 249: *(u64 *)(r7 +864) = r1
 250: r0 = 0
 251: *(u64 *)(r7 +880) = r0
 252: r1 = map[g1_names]
 254: r2 = r7
 255: r2 += 864
 256: call bpf_map_lookup_elem#1
 257: if r0 == 0x0 goto pc+6
 258: r3 = r0
 259: r1 = r7
 260: r1 += 736
 261: r2 = 128
 262: call bpf_probe_read_kernel_str#115
 263: goto pc+1
 264: *(u64 *)(r7 +736) = 0
 265: r0 = 5
 266: *(u64 *)(r7 +408) = r0
 267: *(u64 *)(r7 +416) = 0
 268: *(u64 *)(r7 +424) = 0
 269: *(u64 *)(r7 +432) = 0
 270: r1 = *(u64 *)(r7 +408)
 271: *(u64 *)(r7 +416) = r1
 272: *(u64 *)(r7 +440) = 0
 273: r0 = 0
 274: *(u64 *)(r7 +424) = r0
 275: *(u64 *)(r7 +448) = 0
 276: r0 = 10
 277: *(u64 *)(r7 +456) = r0
 278: *(u64 *)(r7 +464) = 0
 279: r1 = map[g0_a]
 281: r2 = subprog[+188]
 283: r3 = 0
 284: r4 = 0
 285: call bpf_for_each_map_elem#164
 286: r1 = *(u64 *)(r7 +448)
 287: if r1 == 0x0 goto pc+3
 288: if r1 != 0x1 goto pc+1
 289: goto pc+22
 290: goto pc+3
 291: r0 = *(u64 *)(r7 +424)
 292: *(u64 *)(r7 +440) = r0
 293: goto pc+0
 294: r0 = *(u64 *)(r7 +440)
 295: r1 = map_value[g2_total] + 0
 297: r2 = r0
 298: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 299: r0 += r2
 300: *(u64 *)(r7 +408) = 0
 301: r1 = map[g1_names]
 303: r2 = subprog[+220]
 305: r3 = 0
 306: r4 = 0
 307: call bpf_for_each_map_elem#164
 308: r1 = *(u64 *)(r7 +408)
 309: if r1 == 0x0 goto pc+2
 310: if r1 != 0x1 goto pc+1
 311: goto pc+0
 312: r0 = 0
 313: exit
 314: *(u64 *)(r10 -8) = r2
 315: *(u64 *)(r10 -16) = r3
 316: *(u32 *)(r10 -20) = 0
 317: r2 = r10
 318: r2 += -20
 319: r1 = map[rstap_scratch]
 321: call bpf_map_lookup_elem#1
 322: if r0 == 0x0 goto pc+47
 323: r7 = r0
 324: r3 = *(u64 *)(r10 -8)
 325: r1 = *(u64 *)(r3 +0)
 326: *(u64 *)(r7 +8) = r1
 327: r0 = *(u64 *)(r7 +8)
 328: *(u64 *)(r7 +416) = r0
 329: r0 = 3
 330: r1 = r0
 331: r0 = *(u64 *)(r7 +416)
 332: if r0 == r1 goto pc+2
 333: r0 = 0
 334: goto pc+1
 335: r0 = 1
 336: if r0 == 0x0 goto pc+1
 337: goto pc+30
 338: *(u64 *)(r7 +416) = 0
 339: r0 = *(u64 *)(r7 +8)
 340: *(u64 *)(r7 +416) = r0
 341: r1 = map[g0_a]
 343: r2 = r7
 344: r2 += 416
 345: call bpf_map_lookup_elem#1
 346: if r0 == 0x0 goto pc+2
 347: r0 = *(u64 *)(r0 +0)
 348: goto pc+1
 349: r0 = 0
 350: r1 = map_value[g2_total] + 0
 352: r2 = r0
 353: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 354: r0 += r2
 355: r1 = map_value[g2_total] + 0
 357: r0 = *(u64 *)(r1 +0)
 358: *(u64 *)(r7 +416) = r0
 359: r0 = 1000
 360: r1 = r0
 361: r0 = *(u64 *)(r7 +416)
 362: if r0 s> r1 goto pc+2
 363: r0 = 0
 364: goto pc+1
 365: r0 = 1
 366: if r0 == 0x0 goto pc+1
 367: goto pc+2
 368: r0 = 0
 369: exit
 370: r0 = 1
 371: exit
 372: *(u64 *)(r10 -8) = r2
 373: *(u64 *)(r10 -16) = r3
 374: *(u32 *)(r10 -20) = 0
 375: r2 = r10
 376: r2 += -20
 377: r1 = map[rstap_scratch]
 379: call bpf_map_lookup_elem#1
 380: if r0 == 0x0 goto pc+53
 381: r7 = r0
 382: r3 = *(u64 *)(r10 -8)
 383: r3 += 0
 384: r1 = r7
 385: r1 += 16
 386: r2 = 16
 387: call bpf_probe_read_kernel_str#115
 388: r3 = *(u64 *)(r10 -8)
 389: r1 = *(u64 *)(r3 +16)
 390: *(u64 *)(r7 +144) = r1
 391: r3 = *(u64 *)(r10 -16)
 392: r1 = r7
 393: r1 += 152
 394: r2 = 128
 395: call bpf_probe_read_kernel_str#115
 396: *(u64 *)(r7 +416) = 120
 397: r1 = *(u8 *)(r7 +152)
 398: r2 = *(u8 *)(r7 +416)
 399: if r1 != r2 goto pc+7
 400: if r1 == 0x0 goto pc+4
 401: r1 = *(u8 *)(r7 +153)
 402: r2 = *(u8 *)(r7 +417)
 403: if r1 != r2 goto pc+3
 404: if r1 == 0x0 goto pc+0
 405: r0 = 0
 406: goto pc+2
 407: r0 = r1
 408: r0 -= r2
 409: if r0 == 0x0 goto pc+2
 410: r0 = 0
 411: goto pc+1
 412: r0 = 1
 413: if r0 == 0x0 goto pc+14
 414: r0 = *(u64 *)(r7 +144)
 415: *(u64 *)(r7 +424) = r0
 416: r0 = 0
 417: r1 = r0
 418: r0 = *(u64 *)(r7 +424)
 419: if r0 s< r1 goto pc+2
 420: r0 = 0
 421: goto pc+1
 422: r0 = 1
 423: if r0 != 0x0 goto pc+2
 424: r0 = 0
 425: goto pc+1
 426: r0 = 1
 427: goto pc+1
 428: r0 = 0
 429: if r0 == 0x0 goto pc+2
 430: *(u64 *)(r7 +408) = 1
 431: goto pc+2
 432: r0 = 0
 433: exit
 434: r0 = 1
 435: exit
 436: *(u64 *)(r10 -8) = r2
 437: *(u64 *)(r10 -16) = r3
 438: *(u32 *)(r10 -20) = 0
 439: r2 = r10
 440: r2 += -20
 441: r1 = map[rstap_scratch]
 443: call bpf_map_lookup_elem#1
 444: if r0 == 0x0 goto pc+22
 445: r7 = r0
 446: r3 = *(u64 *)(r10 -8)
 447: r1 = *(u64 *)(r3 +0)
 448: *(u64 *)(r7 +8) = r1
 449: r0 = 1
 450: *(u64 *)(r7 +560) = r0
 451: r0 = *(u64 *)(r7 +8)
 452: *(u64 *)(r7 +568) = r0
 453: r0 = *(u64 *)(r7 +8)
 454: r1 = r0
 455: r0 = *(u64 *)(r7 +568)
 456: r0 -= r1
 457: r1 = r0
 458: if r1 != 0x0 goto pc+4
 459: r1 = 2
 460: *(u64 *)(r7 +408) = r1
 461: *(u64 *)(r7 +552) = 2
 462: goto pc+4
 463: r0 = *(u64 *)(r7 +560)
 464: r0 s/= r1
 465: r0 = 0
 466: exit
 467: r0 = 1
 468: exit
 469: *(u64 *)(r10 -8) = r2
 470: *(u64 *)(r10 -16) = r3
 471: *(u32 *)(r10 -20) = 0
 472: r2 = r10
 473: r2 += -20
 474: r1 = map[rstap_scratch]
 476: call bpf_map_lookup_elem#1
 477: if r0 == 0x0 goto pc+43
 478: r7 = r0
 479: r1 = *(u64 *)(r7 +464)
 480: r2 = *(u64 *)(r7 +456)
 481: if r1 s>= r2 goto pc+39
 482: r1 += 1
 483: *(u64 *)(r7 +464) = r1
 484: r3 = *(u64 *)(r10 -8)
 485: r1 = *(u64 *)(r3 +0)
 486: *(u64 *)(r7 +432) = r1
 487: r0 = *(u64 *)(r7 +432)
 488: *(u64 *)(r7 +472) = r0
 489: r0 = *(u64 *)(r7 +416)
 490: r1 = r0
 491: r0 = *(u64 *)(r7 +472)
 492: if r0 s> r1 goto pc+2
 493: r0 = 0
 494: goto pc+1
 495: r0 = 1
 496: if r0 == 0x0 goto pc+4
 497: r0 = *(u64 *)(r7 +424)
 498: *(u64 *)(r7 +440) = r0
 499: *(u64 *)(r7 +448) = 3
 500: goto pc+20
 501: *(u64 *)(r7 +472) = 0
 502: r0 = *(u64 *)(r7 +432)
 503: *(u64 *)(r7 +472) = r0
 504: r1 = map[g0_a]
 506: r2 = r7
 507: r2 += 472
 508: call bpf_map_lookup_elem#1
 509: if r0 == 0x0 goto pc+2
 510: r0 = *(u64 *)(r0 +0)
 511: goto pc+1
 512: r0 = 0
 513: r1 = r0
 514: r0 = *(u64 *)(r7 +424)
 515: *(u64 *)(r7 +480) = r0
 516: r0 = *(u64 *)(r7 +480)
 517: r0 += r1
 518: *(u64 *)(r7 +424) = r0
 519: r0 = 0
 520: exit
 521: r0 = 1
 522: exit
 523: *(u64 *)(r10 -8) = r2
 524: *(u64 *)(r10 -16) = r3
 525: *(u32 *)(r10 -20) = 0
 526: r2 = r10
 527: r2 += -20
 528: r1 = map[rstap_scratch]
 530: call bpf_map_lookup_elem#1
 531: if r0 == 0x0 goto pc+7
 532: r7 = r0
 533: r1 = map[g1_names]
 535: r2 = *(u64 *)(r10 -8)
 536: call bpf_map_delete_elem#3
 537: r0 = 0
 538: exit
 539: r0 = 1
 540: exit

# dispatcher rstap_sc_e0 on sys_enter
   0: r6 = r1
   1: r3 = *(u64 *)(r6 +8)
   2: r1 = r6
   3: r2 = map[rstap_sc_e0]
   5: call bpf_tail_call#12
   6: r0 = 0
   7: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 2: Error { code: Code("R0001"), message: "division by 0" } args [] size 8
site 3: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
