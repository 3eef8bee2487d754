/** Reads PNG files back in tests: the header, and the pixels (8-bit RGBA, as resvg writes them). */
import { inflateSync } from 'node:zlib';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width, height, bit depth and colour type from the IHDR chunk; throws when the bytes are not a PNG. */
export function pngHeader(bytes: Uint8Array): { width: number; height: number; bitDepth: number; colorType: number } {
  const b = Buffer.from(bytes);
  if (!PNG_SIGNATURE.every((v, i) => b[i] === v)) throw new Error('not a PNG: bad signature');
  if (b.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: first chunk is not IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bitDepth: b[24]!, colorType: b[25]! };
}

/** The Paeth predictor of the PNG specification. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit RGBA PNG into its pixels (row by row, 4 bytes each). */
export function pngPixels(bytes: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const { width, height, bitDepth, colorType } = pngHeader(bytes);
  if (bitDepth !== 8 || colorType !== 6) throw new Error(`only 8-bit RGBA is decoded here (got depth ${bitDepth}, type ${colorType})`);
  const b = Buffer.from(bytes);
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? up : filter === 3 ? (a + up) >> 1 : paeth(a, up, c);
      rgba[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, rgba };
}

/** How many pixels are clearly not white (ink), within rows `[from, to)`. */
export function inkPixels(image: { width: number; height: number; rgba: Uint8Array }, from = 0, to = image.height): number {
  let ink = 0;
  for (let y = from; y < to; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (image.rgba[i]! + image.rgba[i + 1]! + image.rgba[i + 2]! < 600) ink++;
    }
  }
  return ink;
}
