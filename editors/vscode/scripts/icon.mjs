// Draws images/icon.png (128×128, the Marketplace's icon size): a blue rounded square with a white "K" and a green
// check mark. Run it again after changing it: node scripts/icon.mjs. Needs only node (zlib for the PNG).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const samples = 4; // per axis, for anti-aliasing
const blue = [0x2f, 0x6f, 0xeb];
const white = [0xff, 0xff, 0xff];
const green = [0x2e, 0xc2, 0x7e];

const distanceToSegment = (px, py, [ax, ay], [bx, by]) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};
const insideRoundedSquare = (x, y, margin, radius) => {
  const lo = margin + radius, hi = size - margin - radius;
  const cx = Math.max(lo, Math.min(hi, x)), cy = Math.max(lo, Math.min(hi, y));
  return Math.hypot(x - cx, y - cy) <= radius;
};
const strokes = (segments, width) => (x, y) => segments.some(([a, b]) => distanceToSegment(x, y, a, b) <= width / 2);
const letterK = strokes([[[34, 28], [34, 100]], [[36, 70], [78, 28]], [[50, 56], [74, 100]]], 15);
const check = strokes([[[84, 92], [94, 102]], [[94, 102], [112, 80]]], 9);
const checkHalo = strokes([[[84, 92], [94, 102]], [[94, 102], [112, 80]]], 17);

// Painter's order: background, K, the check's blue halo, the check.
const layers = [
  [(x, y) => insideRoundedSquare(x, y, 4, 22), blue],
  [letterK, white],
  [(x, y) => insideRoundedSquare(x, y, 4, 22) && checkHalo(x, y), blue],
  [check, green],
];

const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < size; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const px = x + (sx + 0.5) / samples, py = y + (sy + 0.5) / samples;
        let colour;
        for (const [hit, c] of layers) if (hit(px, py)) colour = c;
        if (colour) { r += colour[0]; g += colour[1]; b += colour[2]; a += 1; }
      }
    }
    const o = y * (size * 4 + 1) + 1 + x * 4;
    const n = samples * samples;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((255 * a) / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${size}×${size}, ${png.length} bytes`);
