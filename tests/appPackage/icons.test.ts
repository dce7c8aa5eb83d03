import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/generate-icons';

const appPackageDir = path.resolve(__dirname, '..', '..', 'appPackage');
const read = (file: string) => PNG.sync.read(readFileSync(path.join(appPackageDir, file)));

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4) out.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  return out;
}

test('color icon is 192×192 and opaque', () => {
  const color = read('color.png');
  expect([color.width, color.height]).toEqual([192, 192]);
  expect(pixels(color).every((p) => p.a === 255)).toBe(true);
});

test('outline icon is 32×32, white on transparent', () => {
  const outline = read('outline.png');
  expect([outline.width, outline.height]).toEqual([32, 32]);
  const all = pixels(outline);
  const visible = all.filter((p) => p.a > 0);
  expect(visible.every((p) => p.r === 255 && p.g === 255 && p.b === 255)).toBe(true);
  // Background really is transparent (corners) and the mark is really there.
  for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) expect(all[corner]!.a).toBe(0);
  expect(all.filter((p) => p.a === 255).length).toBeGreaterThan(150);
  expect(all.filter((p) => p.a === 0).length).toBeGreaterThan(300);
});

test('the committed icons are what scripts/generate-icons.ts draws', () => {
  expect(PNG.sync.write(drawColorIcon())).toEqual(readFileSync(path.join(appPackageDir, 'color.png')));
  expect(PNG.sync.write(drawOutlineIcon())).toEqual(readFileSync(path.join(appPackageDir, 'outline.png')));
});
