import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import { STICKER_SIZES, type StickerSize } from '../../../shared/domain/sticker-payload';

/** Error correction M as for every code Kassa prints; no logo is drawn over the code. */
const ERROR_CORRECTION = 'M';
/** At least the four modules of light margin ISO/IEC 18004 asks for; padding only adds to it. */
const QUIET_ZONE = 4;

function matrix(payload: string): { size: number; data: Uint8Array } {
  const code = QRCode.create(payload, { errorCorrectionLevel: ERROR_CORRECTION });
  return { size: code.modules.size, data: code.modules.data };
}

/**
 * A PNG of exactly the generator's size (180, 250, 400, 800 px). Modules are whole pixels (a
 * fractional module width blurs edges a scanner must find); what is left over widens the margin.
 */
export function stickerPng(payload: string, size: StickerSize): Buffer {
  const side = STICKER_SIZES[size];
  const { size: modules, data } = matrix(payload);
  const scale = Math.floor(side / (modules + 2 * QUIET_ZONE));
  if (scale < 1) throw new Error(`a ${String(modules)}-module code does not fit ${String(side)} px`);
  const offset = Math.floor((side - modules * scale) / 2);
  const png = new PNG({ width: side, height: side });
  // RGBA: white and opaque everywhere, then the dark modules' colour channels to 0.
  png.data = Buffer.alloc(side * side * 4, 255);
  for (let row = 0; row < modules; row += 1) {
    for (let column = 0; column < modules; column += 1) {
      if (data[row * modules + column] === 0) continue;
      for (let dy = 0; dy < scale; dy += 1) {
        const start = (offset + row * scale + dy) * side + offset + column * scale;
        for (let pixel = start; pixel < start + scale; pixel += 1) png.data.fill(0, pixel * 4, pixel * 4 + 3);
      }
    }
  }
  return PNG.sync.write(png);
}

/** An SVG drawn at the chosen size; being a vector, it prints sharp at any size. */
export async function stickerSvg(payload: string, size: StickerSize): Promise<string> {
  return QRCode.toString(payload, {
    type: 'svg',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QUIET_ZONE,
    width: STICKER_SIZES[size],
  });
}
