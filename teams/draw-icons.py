#!/usr/bin/env python3
"""Draws FaqBot's two Teams icons (color.png 192x192, outline.png 32x32) with the standard library only.

A speech bubble with a question mark: the patient asks, the clinic's articles answer. Run from anywhere:
    python3 teams/draw-icons.py
The output is deterministic, so re-running it reproduces the committed PNGs byte for byte.
"""
import math
import os
import struct
import zlib

TEAL = (14, 110, 116)  # #0E6E74, also the manifest's accentColor; white on it has a 6:1 contrast ratio
WHITE = (255, 255, 255)
SAMPLES = 4  # 4x4 supersampling per pixel for smooth edges


def rounded_rect(px, py, x0, y0, x1, y1, r):
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    qx = abs(px - cx) - ((x1 - x0) / 2 - r)
    qy = abs(py - cy) - ((y1 - y0) / 2 - r)
    outside = math.hypot(max(qx, 0), max(qy, 0))
    return outside + min(max(qx, qy), 0) - r


def polygon(px, py, pts):
    """Signed distance to a simple polygon (negative inside)."""
    d = float("inf")
    sign = 1
    n = len(pts)
    for i in range(n):
        (ax, ay), (bx, by) = pts[i], pts[i - 1]
        ex, ey = bx - ax, by - ay
        wx, wy = px - ax, py - ay
        t = max(0.0, min(1.0, (wx * ex + wy * ey) / (ex * ex + ey * ey)))
        d = min(d, math.hypot(wx - ex * t, wy - ey * t))
        c1, c2, c3 = py >= ay, py < by, ex * wy > ey * wx
        if (c1 and c2 and c3) or (not c1 and not c2 and not c3):
            sign = -sign
    return sign * d


def capsule(px, py, ax, ay, bx, by, r):
    ex, ey = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * ex + (py - ay) * ey) / (ex * ex + ey * ey)))
    return math.hypot(px - ax - ex * t, py - ay - ey * t) - r


def question_mark(px, py, cx, cy, radius, width, stem_end, dot_y, dot_r):
    """The hook is an arc from 9 o'clock over the top to about 5 o'clock, then a short stem; then the dot."""
    half = width / 2
    angle = math.degrees(math.atan2(-(py - cy), px - cx))
    end = math.radians(-70)
    ex, ey = cx + radius * math.cos(end), cy - radius * math.sin(end)
    arc = abs(math.hypot(px - cx, py - cy) - radius) - half if -70 <= angle <= 180 else float("inf")
    cap = math.hypot(px - (cx - radius), py - cy) - half
    bend = capsule(px, py, ex, ey, cx, ey + (stem_end - ey) * 0.45, half)
    stem = capsule(px, py, cx, ey + (stem_end - ey) * 0.45, cx, stem_end, half)
    dot = math.hypot(px - cx, py - dot_y) - dot_r
    return min(arc, cap, bend, stem, dot)


def color_pixel(x, y):
    bubble = min(rounded_rect(x, y, 48, 50, 144, 122, 20), polygon(x, y, [(66, 116), (58, 146), (92, 120)]))
    mark = question_mark(x, y, 96, 78, 13, 8.5, 98, 108, 5)
    if mark <= 0:
        return TEAL + (255,)
    if bubble <= 0:
        return WHITE + (255,)
    return TEAL + (255,)


def outline_pixel(x, y):
    # Teams wants white on full transparency; the bubble is a 2 px stroke so it reads at 32 px.
    bubble = min(rounded_rect(x, y, 3, 3, 29, 24, 5.5), polygon(x, y, [(8, 22), (6, 30), (14, 23)]))
    mark = question_mark(x, y, 16, 11.6, 3.3, 2.2, 16.4, 19.4, 1.3)
    if -2 <= bubble <= 0 or mark <= 0:
        return WHITE + (255,)
    return (255, 255, 255, 0)


def render(size, pixel):
    rows = []
    for j in range(size):
        row = bytearray([0])  # PNG filter type None
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(SAMPLES):
                for si in range(SAMPLES):
                    rgba = pixel(i + (si + 0.5) / SAMPLES, j + (sj + 0.5) / SAMPLES)
                    acc[3] += rgba[3]
                    for k in range(3):
                        acc[k] += rgba[k] * rgba[3]
            alpha = acc[3] / (SAMPLES * SAMPLES)
            rgb = [round(acc[k] / acc[3]) if acc[3] else 255 for k in range(3)]
            row += bytes(rgb + [round(alpha)])
        rows.append(bytes(row))
    return b"".join(rows)


def write_png(path, size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    write_png(os.path.join(here, "color.png"), 192, render(192, color_pixel))
    write_png(os.path.join(here, "outline.png"), 32, render(32, outline_pixel))
