import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/** An organiser's logo ready to be written as a PDF image XObject (and its soft mask for PNG transparency). */
export interface PdfImage {
  width: number;
  height: number;
  /** The dictionary entries besides Type, Subtype, Length and SMask. */
  dictionary: string;
  data: Buffer;
  alpha: Buffer | null;
}

export class LogoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogoError';
  }
}

const MAX_PIXELS = 4_000_000;
const DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/** The image type and bytes of a PNG or JPEG data URL; checks that the bytes are what the URL says. */
export function logoBytes(dataUrl: string): { type: 'png' | 'jpeg'; bytes: Buffer } {
  const match = DATA_URL.exec(dataUrl);
  if (!match?.[1] || !match[2]) throw new LogoError('The logo must be a PNG or JPEG data URL');
  const type = match[1] as 'png' | 'jpeg';
  const bytes = Buffer.from(match[2], 'base64');
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if ((type === 'png' && !png) || (type === 'jpeg' && !jpeg))
    throw new LogoError(`The logo is not a ${type.toUpperCase()} file`);
  return { type, bytes };
}

/** Start-of-frame markers that carry a JPEG's size (all SOFn but DHT, JPG and DAC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const JPEG_SPACES: Record<number, string> = { 1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK' };

/** JPEGs go into the PDF as they are (DCTDecode); only their size and colour space are read. */
function jpegImage(bytes: Buffer): PdfImage {
  let at = 2;
  let adobe = false;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new LogoError('The JPEG logo is damaged');
    const marker = bytes[at + 1] ?? 0;
    const length = bytes.readUInt16BE(at + 2);
    if (marker === 0xee) adobe = true;
    if (SOF.has(marker)) {
      const height = bytes.readUInt16BE(at + 5);
      const width = bytes.readUInt16BE(at + 7);
      const space = JPEG_SPACES[bytes[at + 9] ?? 0];
      if (!space || width === 0 || height === 0) throw new LogoError('The JPEG logo has an unusual format');
      // Adobe's CMYK JPEGs store inverted values; readers expect the Decode array to undo it.
      const decode = space === 'DeviceCMYK' && adobe ? ' /Decode [1 0 1 0 1 0 1 0]' : '';
      const dictionary = `/Width ${width} /Height ${height} /ColorSpace /${space} /BitsPerComponent 8 /Filter /DCTDecode${decode}`;
      return { width, height, dictionary, data: bytes, alpha: null };
    }
    at += 2 + length;
  }
  throw new LogoError('The JPEG logo has no image size');
}

/** PNGs are decoded (any bit depth, palette or interlace) and written as RGB plus an alpha soft mask. */
function pngImage(bytes: Buffer): PdfImage {
  // The size is in the header: a tiny file of one colour can still claim to be huge once decoded.
  if (bytes.length < 24 || bytes.readUInt32BE(16) * bytes.readUInt32BE(20) > MAX_PIXELS)
    throw new LogoError('The PNG logo may have at most 4 million pixels (e.g. 2000 × 2000)');
  let decoded;
  try {
    decoded = PNG.sync.read(bytes);
  } catch {
    throw new LogoError('The PNG logo is damaged');
  }
  const { width, height, data } = decoded;
  const rgb = Buffer.allocUnsafe(width * height * 3);
  const alpha = Buffer.allocUnsafe(width * height);
  let opaque = true;
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    rgb[pixel * 3] = data[pixel * 4] ?? 0;
    rgb[pixel * 3 + 1] = data[pixel * 4 + 1] ?? 0;
    rgb[pixel * 3 + 2] = data[pixel * 4 + 2] ?? 0;
    alpha[pixel] = data[pixel * 4 + 3] ?? 255;
    if (alpha[pixel] !== 255) opaque = false;
  }
  const dictionary = `/Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`;
  return { width, height, dictionary, data: deflateSync(rgb), alpha: opaque ? null : deflateSync(alpha) };
}

export function readLogo(dataUrl: string): PdfImage {
  const { type, bytes } = logoBytes(dataUrl);
  return type === 'jpeg' ? jpegImage(bytes) : pngImage(bytes);
}
