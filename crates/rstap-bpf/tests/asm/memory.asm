map rstap_scratch: PercpuArray key 4 value 2056 entries 1
map rstap_output: Ringbuf key 0 value 0 entries 4194304
map rstap_conf: Array key 4 value 32 entries 1
map rstap_stats: Array key 4 value 16 entries 1
map rstap_rodata: Array key 4 value 8 entries 1

# kernel.trace("syscalls:sys_enter_openat") (Tracepoint, Tracepoint { system: "syscalls", name: "sys_enter_openat" })
   0: r6 = r1
   1: r1 = map_value[rstap_conf] + 0
   3: r1 = *(u64 *)(r1 +16)
   4: if r1 != 0x0 goto pc+680
   5: *(u32 *)(r10 -4) = 0
   6: r2 = r10
   7: r2 += -4
   8: r1 = map[rstap_scratch]
  10: call bpf_map_lookup_elem#1
  11: if r0 == 0x0 goto pc+673
  12: r7 = r0
  13: *(u64 *)(r7 +0) = r6
  14: *(u64 *)(r7 +8) = 0
  15: *(u64 *)(r7 +136) = 0
  16: *(u64 *)(r7 +264) = 0
  17: *(u64 *)(r7 +392) = 0
  18: *(u64 *)(r7 +400) = 0
  19: r0 = *(u64 *)(r6 +24)
  20: *(u64 *)(r7 +528) = r0
  21: r1 = r7
  22: r1 += 544
  23: r2 = 128
  24: r3 = *(u64 *)(r7 +528)
  25: call bpf_probe_read_user_str#114
  26: if r0 s>= 0x0 goto pc+19
  27: r1 = map_value[rstap_conf] + 0
  29: *(u64 *)(r1 +16) = 2
  30: *(u64 *)(r7 +672) = 0
  31: r1 = *(u64 *)(r7 +528)
  32: *(u64 *)(r7 +680) = r1
  33: r1 = map[rstap_output]
  35: r2 = r7
  36: r2 += 672
  37: r3 = 16
  38: r4 = 2
  39: call bpf_ringbuf_output#130
  40: if r0 == 0x0 goto pc+4
  41: r1 = map_value[rstap_stats] + 0
  43: r2 = 1
  44: lock *(u64 *)(r1 +0) += r2
  45: goto pc+639
  46: r1 = r7
  47: r1 += 8
  48: r2 = 128
  49: r3 = r7
  50: r3 += 544
  51: call bpf_probe_read_kernel_str#115
  52: r0 = *(u64 *)(r6 +24)
  53: *(u64 *)(r7 +528) = r0
  54: r0 = 4
  55: if r0 s>= 0x0 goto pc+1
  56: r0 = 0
  57: if r0 <= 0x7f goto pc+1
  58: r0 = 127
  59: r0 += 1
  60: *(u64 *)(r7 +536) = r0
  61: r1 = r7
  62: r1 += 544
  63: r2 = *(u64 *)(r7 +536)
  64: if r2 <= 0x80 goto pc+1
  65: r2 = 128
  66: if r2 s> 0x0 goto pc+1
  67: r2 = 1
  68: r3 = *(u64 *)(r7 +528)
  69: call bpf_probe_read_user_str#114
  70: if r0 s>= 0x0 goto pc+19
  71: r1 = map_value[rstap_conf] + 0
  73: *(u64 *)(r1 +16) = 2
  74: *(u64 *)(r7 +672) = 1
  75: r1 = *(u64 *)(r7 +528)
  76: *(u64 *)(r7 +680) = r1
  77: r1 = map[rstap_output]
  79: r2 = r7
  80: r2 += 672
  81: r3 = 16
  82: r4 = 2
  83: call bpf_ringbuf_output#130
  84: if r0 == 0x0 goto pc+4
  85: r1 = map_value[rstap_stats] + 0
  87: r2 = 1
  88: lock *(u64 *)(r1 +0) += r2
  89: goto pc+595
  90: r1 = r7
  91: r1 += 136
  92: r2 = 128
  93: r3 = r7
  94: r3 += 544
  95: call bpf_probe_read_kernel_str#115
  96: r0 = 0
  97: *(u64 *)(r7 +528) = r0
  98: r1 = r7
  99: r1 += 544
 100: r2 = 128
 101: r3 = *(u64 *)(r7 +528)
 102: call bpf_probe_read_kernel_str#115
 103: if r0 s>= 0x0 goto pc+5
 104: r1 = 0x3e6461623c ll
 106: *(u64 *)(r7 +672) = r1
 107: r1 = *(u64 *)(r7 +672)
 108: *(u64 *)(r7 +544) = r1
 109: r1 = r7
 110: r1 += 264
 111: r2 = 128
 112: r3 = r7
 113: r3 += 544
 114: call bpf_probe_read_kernel_str#115
 115: call bpf_get_current_task#35
 116: *(u64 *)(r7 +672) = r0
 117: *(u64 *)(r7 +680) = 0
 118: r1 = r7
 119: r1 += 680
 120: r2 = 8
 121: r3 = *(u64 *)(r7 +672)
 122: call bpf_probe_read_kernel#113
 123: if r0 s>= 0x0 goto pc+5
 124: r1 = 2
 125: *(u64 *)(r7 +528) = r1
 126: r1 = *(u64 *)(r7 +672)
 127: *(u64 *)(r7 +536) = r1
 128: goto pc+24
 129: r0 = *(u64 *)(r7 +680)
 130: *(u64 *)(r7 +688) = r0
 131: r0 = *(u64 *)(r6 +24)
 132: *(u64 *)(r7 +696) = r0
 133: *(u64 *)(r7 +704) = 0
 134: r1 = r7
 135: r1 += 704
 136: r2 = 4
 137: r3 = *(u64 *)(r7 +696)
 138: call bpf_probe_read_user#112
 139: if r0 s>= 0x0 goto pc+5
 140: r1 = 3
 141: *(u64 *)(r7 +528) = r1
 142: r1 = *(u64 *)(r7 +696)
 143: *(u64 *)(r7 +536) = r1
 144: goto pc+8
 145: r0 = *(u64 *)(r7 +704)
 146: r0 <<= 32
 147: r0 s>>= 32
 148: r1 = r0
 149: r0 = *(u64 *)(r7 +688)
 150: r0 += r1
 151: *(u64 *)(r7 +392) = r0
 152: goto pc+496
 153: r1 = *(u64 *)(r7 +528)
 154: if r1 != 0x2 goto pc+236
 155: *(u64 *)(r7 +688) = 0
 156: r1 = *(u64 *)(r7 +536)
 157: r2 = 15
 158: r3 = r1
 159: r3 &= 15
 160: if r3 >= 0xa goto pc+2
 161: r3 += 48
 162: goto pc+1
 163: r3 += 87
 164: *(u8 *)(r7 +687) = r3
 165: r1 >>= 4
 166: if r1 == 0x0 goto pc+1
 167: r2 = 14
 168: r3 = r1
 169: r3 &= 15
 170: if r3 >= 0xa goto pc+2
 171: r3 += 48
 172: goto pc+1
 173: r3 += 87
 174: *(u8 *)(r7 +686) = r3
 175: r1 >>= 4
 176: if r1 == 0x0 goto pc+1
 177: r2 = 13
 178: r3 = r1
 179: r3 &= 15
 180: if r3 >= 0xa goto pc+2
 181: r3 += 48
 182: goto pc+1
 183: r3 += 87
 184: *(u8 *)(r7 +685) = r3
 185: r1 >>= 4
 186: if r1 == 0x0 goto pc+1
 187: r2 = 12
 188: r3 = r1
 189: r3 &= 15
 190: if r3 >= 0xa goto pc+2
 191: r3 += 48
 192: goto pc+1
 193: r3 += 87
 194: *(u8 *)(r7 +684) = r3
 195: r1 >>= 4
 196: if r1 == 0x0 goto pc+1
 197: r2 = 11
 198: r3 = r1
 199: r3 &= 15
 200: if r3 >= 0xa goto pc+2
 201: r3 += 48
 202: goto pc+1
 203: r3 += 87
 204: *(u8 *)(r7 +683) = r3
 205: r1 >>= 4
 206: if r1 == 0x0 goto pc+1
 207: r2 = 10
 208: r3 = r1
 209: r3 &= 15
 210: if r3 >= 0xa goto pc+2
 211: r3 += 48
 212: goto pc+1
 213: r3 += 87
 214: *(u8 *)(r7 +682) = r3
 215: r1 >>= 4
 216: if r1 == 0x0 goto pc+1
 217: r2 = 9
 218: r3 = r1
 219: r3 &= 15
 220: if r3 >= 0xa goto pc+2
 221: r3 += 48
 222: goto pc+1
 223: r3 += 87
 224: *(u8 *)(r7 +681) = r3
 225: r1 >>= 4
 226: if r1 == 0x0 goto pc+1
 227: r2 = 8
 228: r3 = r1
 229: r3 &= 15
 230: if r3 >= 0xa goto pc+2
 231: r3 += 48
 232: goto pc+1
 233: r3 += 87
 234: *(u8 *)(r7 +680) = r3
 235: r1 >>= 4
 236: if r1 == 0x0 goto pc+1
 237: r2 = 7
 238: r3 = r1
 239: r3 &= 15
 240: if r3 >= 0xa goto pc+2
 241: r3 += 48
 242: goto pc+1
 243: r3 += 87
 244: *(u8 *)(r7 +679) = r3
 245: r1 >>= 4
 246: if r1 == 0x0 goto pc+1
 247: r2 = 6
 248: r3 = r1
 249: r3 &= 15
 250: if r3 >= 0xa goto pc+2
 251: r3 += 48
 252: goto pc+1
 253: r3 += 87
 254: *(u8 *)(r7 +678) = r3
 255: r1 >>= 4
 256: if r1 == 0x0 goto pc+1
 257: r2 = 5
 258: r3 = r1
 259: r3 &= 15
 260: if r3 >= 0xa goto pc+2
 261: r3 += 48
 262: goto pc+1
 263: r3 += 87
 264: *(u8 *)(r7 +677) = r3
 265: r1 >>= 4
 266: if r1 == 0x0 goto pc+1
 267: r2 = 4
 268: r3 = r1
 269: r3 &= 15
 270: if r3 >= 0xa goto pc+2
 271: r3 += 48
 272: goto pc+1
 273: r3 += 87
 274: *(u8 *)(r7 +676) = r3
 275: r1 >>= 4
 276: if r1 == 0x0 goto pc+1
 277: r2 = 3
 278: r3 = r1
 279: r3 &= 15
 280: if r3 >= 0xa goto pc+2
 281: r3 += 48
 282: goto pc+1
 283: r3 += 87
 284: *(u8 *)(r7 +675) = r3
 285: r1 >>= 4
 286: if r1 == 0x0 goto pc+1
 287: r2 = 2
 288: r3 = r1
 289: r3 &= 15
 290: if r3 >= 0xa goto pc+2
 291: r3 += 48
 292: goto pc+1
 293: r3 += 87
 294: *(u8 *)(r7 +674) = r3
 295: r1 >>= 4
 296: if r1 == 0x0 goto pc+1
 297: r2 = 1
 298: r3 = r1
 299: r3 &= 15
 300: if r3 >= 0xa goto pc+2
 301: r3 += 48
 302: goto pc+1
 303: r3 += 87
 304: *(u8 *)(r7 +673) = r3
 305: r1 >>= 4
 306: if r1 == 0x0 goto pc+1
 307: r2 = 0
 308: r3 = r1
 309: r3 &= 15
 310: if r3 >= 0xa goto pc+2
 311: r3 += 48
 312: goto pc+1
 313: r3 += 87
 314: *(u8 *)(r7 +672) = r3
 315: r1 >>= 4
 316: if r2 <= 0xf goto pc+1
 317: r2 = 15
 318: *(u64 *)(r7 +696) = r2
 319: r1 = r7
 320: r1 += 704
 321: r2 = 17
 322: r3 = r7
 323: r3 += 672
 324: r4 = *(u64 *)(r7 +696)
 325: if r4 <= 0xf goto pc+1
 326: r4 = 15
 327: r3 += r4
 328: call bpf_probe_read_kernel_str#115
 329: r1 = 0x6c206c656e72656b ll
 331: *(u64 *)(r7 +728) = r1
 332: r1 = 0x79706f6320676e6f ll
 334: *(u64 *)(r7 +736) = r1
 335: r1 = 0x6120746c75616620 ll
 337: *(u64 *)(r7 +744) = r1
 338: *(u64 *)(r7 +752) = 2016419956
 339: r1 = r7
 340: r1 += 760
 341: r2 = 128
 342: r3 = r7
 343: r3 += 728
 344: call bpf_probe_read_kernel_str#115
 345: if r0 s> 0x0 goto pc+1
 346: r0 = 1
 347: r0 -= 1
 348: if r0 <= 0x7f goto pc+1
 349: r0 = 127
 350: r1 = r7
 351: r1 += 760
 352: r1 += r0
 353: r2 = 128
 354: r3 = r7
 355: r3 += 704
 356: call bpf_probe_read_kernel_str#115
 357: *(u8 *)(r7 +887) = 0
 358: r1 = 0x7265206e616d5b20 ll
 360: *(u64 *)(r7 +1016) = r1
 361: r1 = 0x7561663a3a726f72 ll
 363: *(u64 *)(r7 +1024) = r1
 364: *(u64 *)(r7 +1032) = 6124652
 365: r1 = r7
 366: r1 += 1040
 367: r2 = 128
 368: r3 = r7
 369: r3 += 760
 370: call bpf_probe_read_kernel_str#115
 371: if r0 s> 0x0 goto pc+1
 372: r0 = 1
 373: r0 -= 1
 374: if r0 <= 0x7f goto pc+1
 375: r0 = 127
 376: r1 = r7
 377: r1 += 1040
 378: r1 += r0
 379: r2 = 128
 380: r3 = r7
 381: r3 += 1016
 382: call bpf_probe_read_kernel_str#115
 383: *(u8 *)(r7 +1167) = 0
 384: r1 = r7
 385: r1 += 400
 386: r2 = 128
 387: r3 = r7
 388: r3 += 1040
 389: call bpf_probe_read_kernel_str#115
 390: goto pc+238
 391: r1 = *(u64 *)(r7 +528)
 392: if r1 != 0x3 goto pc+236
 393: *(u64 *)(r7 +1312) = 0
 394: r1 = *(u64 *)(r7 +536)
 395: r2 = 15
 396: r3 = r1
 397: r3 &= 15
 398: if r3 >= 0xa goto pc+2
 399: r3 += 48
 400: goto pc+1
 401: r3 += 87
 402: *(u8 *)(r7 +1311) = r3
 403: r1 >>= 4
 404: if r1 == 0x0 goto pc+1
 405: r2 = 14
 406: r3 = r1
 407: r3 &= 15
 408: if r3 >= 0xa goto pc+2
 409: r3 += 48
 410: goto pc+1
 411: r3 += 87
 412: *(u8 *)(r7 +1310) = r3
 413: r1 >>= 4
 414: if r1 == 0x0 goto pc+1
 415: r2 = 13
 416: r3 = r1
 417: r3 &= 15
 418: if r3 >= 0xa goto pc+2
 419: r3 += 48
 420: goto pc+1
 421: r3 += 87
 422: *(u8 *)(r7 +1309) = r3
 423: r1 >>= 4
 424: if r1 == 0x0 goto pc+1
 425: r2 = 12
 426: r3 = r1
 427: r3 &= 15
 428: if r3 >= 0xa goto pc+2
 429: r3 += 48
 430: goto pc+1
 431: r3 += 87
 432: *(u8 *)(r7 +1308) = r3
 433: r1 >>= 4
 434: if r1 == 0x0 goto pc+1
 435: r2 = 11
 436: r3 = r1
 437: r3 &= 15
 438: if r3 >= 0xa goto pc+2
 439: r3 += 48
 440: goto pc+1
 441: r3 += 87
 442: *(u8 *)(r7 +1307) = r3
 443: r1 >>= 4
 444: if r1 == 0x0 goto pc+1
 445: r2 = 10
 446: r3 = r1
 447: r3 &= 15
 448: if r3 >= 0xa goto pc+2
 449: r3 += 48
 450: goto pc+1
 451: r3 += 87
 452: *(u8 *)(r7 +1306) = r3
 453: r1 >>= 4
 454: if r1 == 0x0 goto pc+1
 455: r2 = 9
 456: r3 = r1
 457: r3 &= 15
 458: if r3 >= 0xa goto pc+2
 459: r3 += 48
 460: goto pc+1
 461: r3 += 87
 462: *(u8 *)(r7 +1305) = r3
 463: r1 >>= 4
 464: if r1 == 0x0 goto pc+1
 465: r2 = 8
 466: r3 = r1
 467: r3 &= 15
 468: if r3 >= 0xa goto pc+2
 469: r3 += 48
 470: goto pc+1
 471: r3 += 87
 472: *(u8 *)(r7 +1304) = r3
 473: r1 >>= 4
 474: if r1 == 0x0 goto pc+1
 475: r2 = 7
 476: r3 = r1
 477: r3 &= 15
 478: if r3 >= 0xa goto pc+2
 479: r3 += 48
 480: goto pc+1
 481: r3 += 87
 482: *(u8 *)(r7 +1303) = r3
 483: r1 >>= 4
 484: if r1 == 0x0 goto pc+1
 485: r2 = 6
 486: r3 = r1
 487: r3 &= 15
 488: if r3 >= 0xa goto pc+2
 489: r3 += 48
 490: goto pc+1
 491: r3 += 87
 492: *(u8 *)(r7 +1302) = r3
 493: r1 >>= 4
 494: if r1 == 0x0 goto pc+1
 495: r2 = 5
 496: r3 = r1
 497: r3 &= 15
 498: if r3 >= 0xa goto pc+2
 499: r3 += 48
 500: goto pc+1
 501: r3 += 87
 502: *(u8 *)(r7 +1301) = r3
 503: r1 >>= 4
 504: if r1 == 0x0 goto pc+1
 505: r2 = 4
 506: r3 = r1
 507: r3 &= 15
 508: if r3 >= 0xa goto pc+2
 509: r3 += 48
 510: goto pc+1
 511: r3 += 87
 512: *(u8 *)(r7 +1300) = r3
 513: r1 >>= 4
 514: if r1 == 0x0 goto pc+1
 515: r2 = 3
 516: r3 = r1
 517: r3 &= 15
 518: if r3 >= 0xa goto pc+2
 519: r3 += 48
 520: goto pc+1
 521: r3 += 87
 522: *(u8 *)(r7 +1299) = r3
 523: r1 >>= 4
 524: if r1 == 0x0 goto pc+1
 525: r2 = 2
 526: r3 = r1
 527: r3 &= 15
 528: if r3 >= 0xa goto pc+2
 529: r3 += 48
 530: goto pc+1
 531: r3 += 87
 532: *(u8 *)(r7 +1298) = r3
 533: r1 >>= 4
 534: if r1 == 0x0 goto pc+1
 535: r2 = 1
 536: r3 = r1
 537: r3 &= 15
 538: if r3 >= 0xa goto pc+2
 539: r3 += 48
 540: goto pc+1
 541: r3 += 87
 542: *(u8 *)(r7 +1297) = r3
 543: r1 >>= 4
 544: if r1 == 0x0 goto pc+1
 545: r2 = 0
 546: r3 = r1
 547: r3 &= 15
 548: if r3 >= 0xa goto pc+2
 549: r3 += 48
 550: goto pc+1
 551: r3 += 87
 552: *(u8 *)(r7 +1296) = r3
 553: r1 >>= 4
 554: if r2 <= 0xf goto pc+1
 555: r2 = 15
 556: *(u64 *)(r7 +1320) = r2
 557: r1 = r7
 558: r1 += 1328
 559: r2 = 17
 560: r3 = r7
 561: r3 += 1296
 562: r4 = *(u64 *)(r7 +1320)
 563: if r4 <= 0xf goto pc+1
 564: r4 = 15
 565: r3 += r4
 566: call bpf_probe_read_kernel_str#115
 567: r1 = 0x746e692072657375 ll
 569: *(u64 *)(r7 +1352) = r1
 570: r1 = 0x61662079706f6320 ll
 572: *(u64 *)(r7 +1360) = r1
 573: r1 = 0x3020746120746c75 ll
 575: *(u64 *)(r7 +1368) = r1
 576: *(u64 *)(r7 +1376) = 120
 577: r1 = r7
 578: r1 += 1384
 579: r2 = 128
 580: r3 = r7
 581: r3 += 1352
 582: call bpf_probe_read_kernel_str#115
 583: if r0 s> 0x0 goto pc+1
 584: r0 = 1
 585: r0 -= 1
 586: if r0 <= 0x7f goto pc+1
 587: r0 = 127
 588: r1 = r7
 589: r1 += 1384
 590: r1 += r0
 591: r2 = 128
 592: r3 = r7
 593: r3 += 1328
 594: call bpf_probe_read_kernel_str#115
 595: *(u8 *)(r7 +1511) = 0
 596: r1 = 0x7265206e616d5b20 ll
 598: *(u64 *)(r7 +1640) = r1
 599: r1 = 0x7561663a3a726f72 ll
 601: *(u64 *)(r7 +1648) = r1
 602: *(u64 *)(r7 +1656) = 6124652
 603: r1 = r7
 604: r1 += 1664
 605: r2 = 128
 606: r3 = r7
 607: r3 += 1384
 608: call bpf_probe_read_kernel_str#115
 609: if r0 s> 0x0 goto pc+1
 610: r0 = 1
 611: r0 -= 1
 612: if r0 <= 0x7f goto pc+1
 613: r0 = 127
 614: r1 = r7
 615: r1 += 1664
 616: r1 += r0
 617: r2 = 128
 618: r3 = r7
 619: r3 += 1640
 620: call bpf_probe_read_kernel_str#115
 621: *(u8 *)(r7 +1791) = 0
 622: r1 = r7
 623: r1 += 400
 624: r2 = 128
 625: r3 = r7
 626: r3 += 1664
 627: call bpf_probe_read_kernel_str#115
 628: goto pc+0
 629: *(u64 *)(r7 +1920) = 4
 630: r1 = r7
 631: r1 += 1928
 632: r2 = 128
 633: r3 = r7
 634: r3 += 400
 635: call bpf_probe_read_kernel_str#115
 636: r1 = map[rstap_output]
 638: r2 = r7
 639: r2 += 1920
 640: r3 = 136
 641: r4 = 1
 642: call bpf_ringbuf_output#130
 643: if r0 == 0x0 goto pc+4
 644: r1 = map_value[rstap_stats] + 0
 646: r2 = 1
 647: lock *(u64 *)(r1 +0) += r2
 648: r0 = 0
 649: r0 = *(u64 *)(r7 +392)
 650: *(u64 *)(r7 +528) = r0
 651: *(u64 *)(r7 +536) = 5
 652: r1 = r7
 653: r1 += 544
 654: r2 = 128
 655: r3 = r7
 656: r3 += 8
 657: call bpf_probe_read_kernel_str#115
 658: r1 = r7
 659: r1 += 672
 660: r2 = 128
 661: r3 = r7
 662: r3 += 136
 663: call bpf_probe_read_kernel_str#115
 664: r1 = r7
 665: r1 += 800
 666: r2 = 128
 667: r3 = r7
 668: r3 += 264
 669: call bpf_probe_read_kernel_str#115
 670: r1 = *(u64 *)(r7 +528)
 671: *(u64 *)(r7 +928) = r1
 672: r1 = map[rstap_output]
 674: r2 = r7
 675: r2 += 536
 676: r3 = 400
 677: r4 = 1
 678: call bpf_ringbuf_output#130
 679: if r0 == 0x0 goto pc+4
 680: r1 = map_value[rstap_stats] + 0
 682: r2 = 1
 683: lock *(u64 *)(r1 +0) += r2
 684: r0 = 0
 685: r0 = 0
 686: exit
site 0: Fault { code: Code("R0011"), prefix: "user string copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 1: Fault { code: Code("R0011"), prefix: "user string copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 2: Fault { code: Code("R0011"), prefix: "kernel long copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 3: Fault { code: Code("R0011"), prefix: "user int copy fault at ", suffix: " [man error::fault]" } args [ArgSlot { ty: Long, offset: 8, width: 8 }] size 16
site 4: Print { kind: PrintKind { to_string: false, newline: true, char: false }, delimiter: None } args [ArgSlot { ty: String, offset: 8, width: 128 }] size 136
site 5: Printf { format: [37, 115, 32, 37, 115, 32, 37, 115, 32, 37, 100, 10] } args [ArgSlot { ty: String, offset: 8, width: 128 }, ArgSlot { ty: String, offset: 136, width: 128 }, ArgSlot { ty: String, offset: 264, width: 128 }, ArgSlot { ty: Long, offset: 392, width: 8 }] size 400
