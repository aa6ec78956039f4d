map rstap_scratch: PercpuArray key 4 value 896 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 262144
map rstap_conf: Array key 4 value 24 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map g0_a: Hash key 8 value 8 entries 2048
map g1_names: Hash key 24 value 128 entries 2048
map g2_total: Array key 4 value 8 entries 1
map rstap_rodata: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_write") (RawTracepoint, RawTracepoint { name: "sys_enter" })
   0: r6 = r1
   1: r2 = *(u64 *)(r6 +8)
   2: if r2 != 0x1 goto pc+311
   3: r1 = map_value[rstap_conf] + 0
   5: r1 = *(u64 *)(r1 +16)
   6: if r1 != 0x0 goto pc+307
   7: *(u32 *)(r10 -4) = 0
   8: r2 = r10
   9: r2 += -4
  10: r1 = map[rstap_scratch]
  12: call bpf_map_lookup_elem#1
  13: if r0 == 0x0 goto pc+300
  14: r7 = r0
  15: *(u64 *)(r7 +0) = r6
  16: *(u64 *)(r7 +8) = 0
  17: *(u64 *)(r7 +16) = 0
  18: *(u64 *)(r7 +144) = 0
  19: *(u64 *)(r7 +152) = 0
  20: *(u64 *)(r7 +280) = 0
  21: *(u64 *)(r7 +416) = 0
  22: r4 = *(u64 *)(r6 +0)
  23: r3 = r4
  24: r3 += 96
  25: r1 = r7
  26: r1 += 416
  27: r2 = 8
  28: call bpf_probe_read_kernel#113
  29: r0 = *(u64 *)(r7 +416)
  30: *(u64 *)(r7 +408) = r0
  31: *(u64 *)(r7 +424) = 0
  32: *(u64 *)(r7 +432) = 0
  33: r4 = *(u64 *)(r6 +0)
  34: r3 = r4
  35: r3 += 112
  36: r1 = r7
  37: r1 += 432
  38: r2 = 8
  39: call bpf_probe_read_kernel#113
  40: r0 = *(u64 *)(r7 +432)
  41: *(u64 *)(r7 +424) = r0
  42: r1 = map[g0_a]
  44: r2 = r7
  45: r2 += 424
  46: r3 = r7
  47: r3 += 408
  48: r4 = 0
  49: call bpf_map_update_elem#2
  50: if r0 s>= 0x0 goto pc+17
  51: r1 = map_value[rstap_conf] + 0
  53: *(u64 *)(r1 +16) = 2
  54: *(u64 *)(r7 +440) = 0
  55: r1 = map[rstap_output]
  57: r2 = r7
  58: r2 += 440
  59: r3 = 8
  60: r4 = 2
  61: call bpf_ringbuf_output#130
  62: if r0 == 0x0 goto pc+4
  63: r1 = map_value[rstap_stats] + 0
  65: r2 = 1
  66: lock *(u64 *)(r1 +0) += r2
  67: goto pc+246
  68: r0 = *(u64 *)(r7 +408)
  69: *(u64 *)(r7 +408) = 120
  70: r1 = *(u64 *)(r7 +408)
  71: *(u64 *)(r7 +416) = r1
  72: *(u64 *)(r7 +544) = 0
  73: *(u64 *)(r7 +552) = 0
  74: *(u64 *)(r7 +560) = 0
  75: r1 = r7
  76: r1 += 568
  77: r2 = 16
  78: call bpf_get_current_comm#16
  79: r1 = *(u64 *)(r7 +568)
  80: *(u64 *)(r7 +544) = r1
  81: r1 = *(u64 *)(r7 +576)
  82: *(u64 *)(r7 +552) = r1
  83: *(u64 *)(r7 +584) = 0
  84: r4 = *(u64 *)(r6 +0)
  85: r3 = r4
  86: r3 += 112
  87: r1 = r7
  88: r1 += 584
  89: r2 = 8
  90: call bpf_probe_read_kernel#113
  91: r0 = *(u64 *)(r7 +584)
  92: *(u64 *)(r7 +560) = r0
  93: r1 = map[g1_names]
  95: r2 = r7
  96: r2 += 544
  97: r3 = r7
  98: r3 += 416
  99: r4 = 0
 100: call bpf_map_update_elem#2
 101: if r0 s>= 0x0 goto pc+17
 102: r1 = map_value[rstap_conf] + 0
 104: *(u64 *)(r1 +16) = 2
 105: *(u64 *)(r7 +592) = 1
 106: r1 = map[rstap_output]
 108: r2 = r7
 109: r2 += 592
 110: r3 = 8
 111: r4 = 2
 112: call bpf_ringbuf_output#130
 113: if r0 == 0x0 goto pc+4
 114: r1 = map_value[rstap_stats] + 0
 116: r2 = 1
 117: lock *(u64 *)(r1 +0) += r2
 118: goto pc+195
 119: *(u64 *)(r7 +728) = 0
 120: *(u64 *)(r7 +736) = 0
 121: *(u64 *)(r7 +744) = 0
 122: r1 = r7
 123: r1 += 752
 124: r2 = 16
 125: call bpf_get_current_comm#16
 126: r1 = *(u64 *)(r7 +752)
 127: *(u64 *)(r7 +728) = r1
 128: r1 = *(u64 *)(r7 +760)
 129: *(u64 *)(r7 +736) = r1
 130: *(u64 *)(r7 +768) = 0
 131: r4 = *(u64 *)(r6 +0)
 132: r3 = r4
 133: r3 += 112
 134: r1 = r7
 135: r1 += 768
 136: r2 = 8
 137: call bpf_probe_read_kernel#113
 138: r0 = *(u64 *)(r7 +768)
 139: *(u64 *)(r7 +744) = r0
 140: r1 = map[g1_names]
 142: r2 = r7
 143: r2 += 728
 144: call bpf_map_lookup_elem#1
 145: if r0 == 0x0 goto pc+6
 146: r3 = r0
 147: r1 = r7
 148: r1 += 600
 149: r2 = 128
 150: call bpf_probe_read_kernel_str#115
 151: goto pc+1
 152: *(u64 *)(r7 +600) = 0
 153: *(u64 *)(r7 +408) = 0
 154: r1 = map[g0_a]
 156: r2 = subprog[+160]
 158: r3 = 0
 159: r4 = 0
 160: call bpf_for_each_map_elem#164
 161: r1 = *(u64 *)(r7 +408)
 162: if r1 == 0x0 goto pc+2
 163: if r1 != 0x1 goto pc+1
 164: goto pc+149
 165: *(u64 *)(r7 +408) = 0
 166: r1 = map[g1_names]
 168: r2 = subprog[+206]
 170: r3 = 0
 171: r4 = 0
 172: call bpf_for_each_map_elem#164
 173: r1 = *(u64 *)(r7 +408)
 174: if r1 == 0x0 goto pc+2
 175: if r1 != 0x1 goto pc+1
 176: goto pc+137
 177: *(u64 *)(r7 +552) = 0
 178: r1 = map[g0_a]
 180: r2 = subprog[+258]
 182: r3 = 0
 183: r4 = 0
 184: call bpf_for_each_map_elem#164
 185: r1 = *(u64 *)(r7 +552)
 186: if r1 == 0x0 goto pc+5
 187: if r1 != 0x1 goto pc+1
 188: goto pc+125
 189: r1 = *(u64 *)(r7 +552)
 190: if r1 != 0x2 goto pc+1
 191: goto pc+1
 192: goto pc+74
 193: r1 = *(u64 *)(r7 +408)
 194: if r1 != 0x2 goto pc+11
 195: r1 = 0x6e6f697369766964 ll
 197: *(u64 *)(r7 +552) = r1
 198: r1 = 0x3020796220 ll
 200: *(u64 *)(r7 +560) = r1
 201: r1 = *(u64 *)(r7 +552)
 202: *(u64 *)(r7 +280) = r1
 203: r1 = *(u64 *)(r7 +560)
 204: *(u64 *)(r7 +288) = r1
 205: goto pc+0
 206: r1 = r7
 207: r1 += 568
 208: r2 = 128
 209: r3 = r7
 210: r3 += 280
 211: call bpf_probe_read_kernel_str#115
 212: *(u64 *)(r7 +696) = 0
 213: *(u64 *)(r7 +704) = 0
 214: *(u64 *)(r7 +712) = 0
 215: *(u64 *)(r7 +720) = 7500389
 216: r1 = *(u64 *)(r7 +720)
 217: *(u64 *)(r7 +696) = r1
 218: r0 = 0
 219: *(u64 *)(r7 +712) = r0
 220: r1 = map[g1_names]
 222: r2 = r7
 223: r2 += 696
 224: r3 = r7
 225: r3 += 568
 226: r4 = 0
 227: call bpf_map_update_elem#2
 228: if r0 s>= 0x0 goto pc+17
 229: r1 = map_value[rstap_conf] + 0
 231: *(u64 *)(r1 +16) = 2
 232: *(u64 *)(r7 +728) = 3
 233: r1 = map[rstap_output]
 235: r2 = r7
 236: r2 += 728
 237: r3 = 8
 238: r4 = 2
 239: call bpf_ringbuf_output#130
 240: if r0 == 0x0 goto pc+4
 241: r1 = map_value[rstap_stats] + 0
 243: r2 = 1
 244: lock *(u64 *)(r1 +0) += r2
 245: goto pc+68
 246: *(u64 *)(r7 +864) = 0
 247: *(u64 *)(r7 +872) = 0
 248: *(u64 *)(r7 +880) = 0
 249: *(u64 *)(r7 +888) = 7500389
 250: r1 = *(u64 *)(r7 +888)
 251: *(u64 *)(r7 +864) = r1
 252: r0 = 0
 253: *(u64 *)(r7 +880) = r0
 254: r1 = map[g1_names]
 256: r2 = r7
 257: r2 += 864
 258: call bpf_map_lookup_elem#1
 259: if r0 == 0x0 goto pc+6
 260: r3 = r0
 261: r1 = r7
 262: r1 += 736
 263: r2 = 128
 264: call bpf_probe_read_kernel_str#115
 265: goto pc+1
 266: *(u64 *)(r7 +736) = 0
 267: r0 = 5
 268: *(u64 *)(r7 +408) = r0
 269: *(u64 *)(r7 +416) = 0
 270: *(u64 *)(r7 +424) = 0
 271: *(u64 *)(r7 +432) = 0
 272: r1 = *(u64 *)(r7 +408)
 273: *(u64 *)(r7 +416) = r1
 274: *(u64 *)(r7 +440) = 0
 275: r0 = 0
 276: *(u64 *)(r7 +424) = r0
 277: *(u64 *)(r7 +448) = 0
 278: r0 = 10
 279: *(u64 *)(r7 +456) = r0
 280: *(u64 *)(r7 +464) = 0
 281: r1 = map[g0_a]
 283: r2 = subprog[+188]
 285: r3 = 0
 286: r4 = 0
 287: call bpf_for_each_map_elem#164
 288: r1 = *(u64 *)(r7 +448)
 289: if r1 == 0x0 goto pc+3
 290: if r1 != 0x1 goto pc+1
 291: goto pc+22
 292: goto pc+3
 293: r0 = *(u64 *)(r7 +424)
 294: *(u64 *)(r7 +440) = r0
 295: goto pc+0
 296: r0 = *(u64 *)(r7 +440)
 297: r1 = map_value[g2_total] + 0
 299: r2 = r0
 300: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 301: r0 += r2
 302: *(u64 *)(r7 +408) = 0
 303: r1 = map[g1_names]
 305: r2 = subprog[+220]
 307: r3 = 0
 308: r4 = 0
 309: call bpf_for_each_map_elem#164
 310: r1 = *(u64 *)(r7 +408)
 311: if r1 == 0x0 goto pc+2
 312: if r1 != 0x1 goto pc+1
 313: goto pc+0
 314: r0 = 0
 315: exit
 316: *(u64 *)(r10 -8) = r2
 317: *(u64 *)(r10 -16) = r3
 318: *(u32 *)(r10 -20) = 0
 319: r2 = r10
 320: r2 += -20
 321: r1 = map[rstap_scratch]
 323: call bpf_map_lookup_elem#1
 324: if r0 == 0x0 goto pc+47
 325: r7 = r0
 326: r3 = *(u64 *)(r10 -8)
 327: r1 = *(u64 *)(r3 +0)
 328: *(u64 *)(r7 +8) = r1
 329: r0 = *(u64 *)(r7 +8)
 330: *(u64 *)(r7 +416) = r0
 331: r0 = 3
 332: r1 = r0
 333: r0 = *(u64 *)(r7 +416)
 334: if r0 == r1 goto pc+2
 335: r0 = 0
 336: goto pc+1
 337: r0 = 1
 338: if r0 == 0x0 goto pc+1
 339: goto pc+30
 340: *(u64 *)(r7 +416) = 0
 341: r0 = *(u64 *)(r7 +8)
 342: *(u64 *)(r7 +416) = r0
 343: r1 = map[g0_a]
 345: r2 = r7
 346: r2 += 416
 347: call bpf_map_lookup_elem#1
 348: if r0 == 0x0 goto pc+2
 349: r0 = *(u64 *)(r0 +0)
 350: goto pc+1
 351: r0 = 0
 352: r1 = map_value[g2_total] + 0
 354: r2 = r0
 355: r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)
 356: r0 += r2
 357: r1 = map_value[g2_total] + 0
 359: r0 = *(u64 *)(r1 +0)
 360: *(u64 *)(r7 +416) = r0
 361: r0 = 1000
 362: r1 = r0
 363: r0 = *(u64 *)(r7 +416)
 364: if r0 s> r1 goto pc+2
 365: r0 = 0
 366: goto pc+1
 367: r0 = 1
 368: if r0 == 0x0 goto pc+1
 369: goto pc+2
 370: r0 = 0
 371: exit
 372: r0 = 1
 373: exit
 374: *(u64 *)(r10 -8) = r2
 375: *(u64 *)(r10 -16) = r3
 376: *(u32 *)(r10 -20) = 0
 377: r2 = r10
 378: r2 += -20
 379: r1 = map[rstap_scratch]
 381: call bpf_map_lookup_elem#1
 382: if r0 == 0x0 goto pc+53
 383: r7 = r0
 384: r3 = *(u64 *)(r10 -8)
 385: r3 += 0
 386: r1 = r7
 387: r1 += 16
 388: r2 = 16
 389: call bpf_probe_read_kernel_str#115
 390: r3 = *(u64 *)(r10 -8)
 391: r1 = *(u64 *)(r3 +16)
 392: *(u64 *)(r7 +144) = r1
 393: r3 = *(u64 *)(r10 -16)
 394: r1 = r7
 395: r1 += 152
 396: r2 = 128
 397: call bpf_probe_read_kernel_str#115
 398: *(u64 *)(r7 +416) = 120
 399: r1 = *(u8 *)(r7 +152)
 400: r2 = *(u8 *)(r7 +416)
 401: if r1 != r2 goto pc+7
 402: if r1 == 0x0 goto pc+4
 403: r1 = *(u8 *)(r7 +153)
 404: r2 = *(u8 *)(r7 +417)
 405: if r1 != r2 goto pc+3
 406: if r1 == 0x0 goto pc+0
 407: r0 = 0
 408: goto pc+2
 409: r0 = r1
 410: r0 -= r2
 411: if r0 == 0x0 goto pc+2
 412: r0 = 0
 413: goto pc+1
 414: r0 = 1
 415: if r0 == 0x0 goto pc+14
 416: r0 = *(u64 *)(r7 +144)
 417: *(u64 *)(r7 +424) = r0
 418: r0 = 0
 419: r1 = r0
 420: r0 = *(u64 *)(r7 +424)
 421: if r0 s< r1 goto pc+2
 422: r0 = 0
 423: goto pc+1
 424: r0 = 1
 425: if r0 != 0x0 goto pc+2
 426: r0 = 0
 427: goto pc+1
 428: r0 = 1
 429: goto pc+1
 430: r0 = 0
 431: if r0 == 0x0 goto pc+2
 432: *(u64 *)(r7 +408) = 1
 433: goto pc+2
 434: r0 = 0
 435: exit
 436: r0 = 1
 437: exit
 438: *(u64 *)(r10 -8) = r2
 439: *(u64 *)(r10 -16) = r3
 440: *(u32 *)(r10 -20) = 0
 441: r2 = r10
 442: r2 += -20
 443: r1 = map[rstap_scratch]
 445: call bpf_map_lookup_elem#1
 446: if r0 == 0x0 goto pc+22
 447: r7 = r0
 448: r3 = *(u64 *)(r10 -8)
 449: r1 = *(u64 *)(r3 +0)
 450: *(u64 *)(r7 +8) = r1
 451: r0 = 1
 452: *(u64 *)(r7 +560) = r0
 453: r0 = *(u64 *)(r7 +8)
 454: *(u64 *)(r7 +568) = r0
 455: r0 = *(u64 *)(r7 +8)
 456: r1 = r0
 457: r0 = *(u64 *)(r7 +568)
 458: r0 -= r1
 459: r1 = r0
 460: if r1 != 0x0 goto pc+4
 461: r1 = 2
 462: *(u64 *)(r7 +408) = r1
 463: *(u64 *)(r7 +552) = 2
 464: goto pc+4
 465: r0 = *(u64 *)(r7 +560)
 466: r0 s/= r1
 467: r0 = 0
 468: exit
 469: r0 = 1
 470: exit
 471: *(u64 *)(r10 -8) = r2
 472: *(u64 *)(r10 -16) = r3
 473: *(u32 *)(r10 -20) = 0
 474: r2 = r10
 475: r2 += -20
 476: r1 = map[rstap_scratch]
 478: call bpf_map_lookup_elem#1
 479: if r0 == 0x0 goto pc+43
 480: r7 = r0
 481: r1 = *(u64 *)(r7 +464)
 482: r2 = *(u64 *)(r7 +456)
 483: if r1 s>= r2 goto pc+39
 484: r1 += 1
 485: *(u64 *)(r7 +464) = r1
 486: r3 = *(u64 *)(r10 -8)
 487: r1 = *(u64 *)(r3 +0)
 488: *(u64 *)(r7 +432) = r1
 489: r0 = *(u64 *)(r7 +432)
 490: *(u64 *)(r7 +472) = r0
 491: r0 = *(u64 *)(r7 +416)
 492: r1 = r0
 493: r0 = *(u64 *)(r7 +472)
 494: if r0 s> r1 goto pc+2
 495: r0 = 0
 496: goto pc+1
 497: r0 = 1
 498: if r0 == 0x0 goto pc+4
 499: r0 = *(u64 *)(r7 +424)
 500: *(u64 *)(r7 +440) = r0
 501: *(u64 *)(r7 +448) = 3
 502: goto pc+20
 503: *(u64 *)(r7 +472) = 0
 504: r0 = *(u64 *)(r7 +432)
 505: *(u64 *)(r7 +472) = r0
 506: r1 = map[g0_a]
 508: r2 = r7
 509: r2 += 472
 510: call bpf_map_lookup_elem#1
 511: if r0 == 0x0 goto pc+2
 512: r0 = *(u64 *)(r0 +0)
 513: goto pc+1
 514: r0 = 0
 515: r1 = r0
 516: r0 = *(u64 *)(r7 +424)
 517: *(u64 *)(r7 +480) = r0
 518: r0 = *(u64 *)(r7 +480)
 519: r0 += r1
 520: *(u64 *)(r7 +424) = r0
 521: r0 = 0
 522: exit
 523: r0 = 1
 524: exit
 525: *(u64 *)(r10 -8) = r2
 526: *(u64 *)(r10 -16) = r3
 527: *(u32 *)(r10 -20) = 0
 528: r2 = r10
 529: r2 += -20
 530: r1 = map[rstap_scratch]
 532: call bpf_map_lookup_elem#1
 533: if r0 == 0x0 goto pc+7
 534: r7 = r0
 535: r1 = map[g1_names]
 537: r2 = *(u64 *)(r10 -8)
 538: call bpf_map_delete_elem#3
 539: r0 = 0
 540: exit
 541: r0 = 1
 542: exit
site 0: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 1: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
site 2: Error { code: Code("R0001"), message: "division by 0" } args [] size 8
site 3: Error { code: Code("R0004"), message: "Array overflow, check MAXMAPENTRIES" } args [] size 8
