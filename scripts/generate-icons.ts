/**
 * Draws the app icons: two people side by side, the taller one (mentor) and the shorter one
 * (mentee), joined by a shared speech bubble — a conversation between two people of different
 * seniority. Drawn as signed-distance shapes with 4×4 supersampling so edges are smooth at 32 px.
 *
 * Run: `npx tsx scripts/generate-icons.ts` (writes appPackage/color.png and appPackage/outline.png).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Shape = (x: number, y: number) => boolean;
type Rgb = readonly [number, number, number];

export const ACCENT_COLOR = '#2F5D8A';
const ACCENT: Rgb = [0x2f, 0x5d, 0x8a];
const MENTOR: Rgb = [0xff, 0xff, 0xff];
const MENTEE: Rgb = [0xff, 0xd1, 0x66];
const BUBBLE: Rgb = [0x8f, 0xd3, 0xc4];

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** Shoulders: the top half of an ellipse cut off at the base line. */
const shoulders = (cx: number, baseY: number, rx: number, ry: number): Shape => (x, y) =>
  y <= baseY && ((x - cx) / rx) ** 2 + ((y - baseY) / ry) ** 2 <= 1;

const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number): Shape => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);

/** The mark in a unit square (0..1); `gap` separates the two figures so they read as two people at 32 px. */
function mark(gap: number) {
  const mentor = union(circle(0.36, 0.4, 0.12), shoulders(0.36, 0.86, 0.22, 0.3));
  const mentee = union(circle(0.68, 0.52, 0.095), shoulders(0.68, 0.86, 0.17, 0.23));
  const menteeHalo = union(circle(0.68, 0.52, 0.095 + gap), shoulders(0.68, 0.86, 0.17 + gap, 0.23 + gap));
  const bubble = union(roundedRect(0.52, 0.1, 0.86, 0.32, 0.07), (x, y) => y >= 0.3 && y <= 0.39 && x >= 0.58 && x <= 0.58 + (0.39 - y) * 0.9);
  const bubbleHalo = roundedRect(0.52 - gap, 0.1 - gap, 0.86 + gap, 0.32 + gap, 0.07 + gap);
  return { mentor: minus(mentor, union(menteeHalo, bubbleHalo)), mentee, bubble };
}

function render(size: number, paint: (x: number, y: number) => { rgb: Rgb; alpha: number } | undefined): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const hit = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!hit) continue;
          r += hit.rgb[0] * hit.alpha; g += hit.rgb[1] * hit.alpha; b += hit.rgb[2] * hit.alpha; a += hit.alpha;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      png.data[i] = a === 0 ? 0 : Math.round(r / a);
      png.data[i + 1] = a === 0 ? 0 : Math.round(g / a);
      png.data[i + 2] = a === 0 ? 0 : Math.round(b / a);
      png.data[i + 3] = Math.round((a / n) * 255);
    }
  }
  return png;
}

/** 192×192, full-bleed accent background; the symbol sits inside the central safe area as Teams asks. */
export function drawColorIcon(): PNG {
  const { mentor, mentee, bubble } = mark(0.03);
  const inset = 0.16;
  const toMark = (v: number) => (v - inset) / (1 - 2 * inset);
  return render(192, (x, y) => {
    const mx = toMark(x), my = toMark(y);
    if (bubble(mx, my)) return { rgb: BUBBLE, alpha: 1 };
    if (mentee(mx, my)) return { rgb: MENTEE, alpha: 1 };
    if (mentor(mx, my)) return { rgb: MENTOR, alpha: 1 };
    return { rgb: ACCENT, alpha: 1 };
  });
}

/** 32×32, white on transparent: Teams tints it, so colour must not carry meaning. */
export function drawOutlineIcon(): PNG {
  const { mentor, mentee, bubble } = mark(0.06);
  const shape = union(mentor, mentee, bubble);
  return render(32, (x, y) => (shape(x, y) ? { rgb: [255, 255, 255], alpha: 1 } : undefined));
}

export function writeIcons(appPackageDir: string): void {
  writeFileSync(path.join(appPackageDir, 'color.png'), PNG.sync.write(drawColorIcon()));
  writeFileSync(path.join(appPackageDir, 'outline.png'), PNG.sync.write(drawOutlineIcon()));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  writeIcons(path.resolve(__dirname, '..', 'appPackage'));
  console.log('Wrote appPackage/color.png and appPackage/outline.png');
}
