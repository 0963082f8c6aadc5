import QRCode from 'qrcode';
import type { ByteBuilder } from './byte-builder';

/** Error correction M: the floor; a logo is never drawn over the code, so M is enough. */
export const QR_ERROR_CORRECTION = 'M';
/** Modules of light margin around each code, the minimum ISO/IEC 18004 asks for. */
export const QUIET_ZONE = 4;

export interface QrModules {
  size: number;
  /** 1 for a dark module, row by row from the top. */
  data: Uint8Array;
}

/**
 * The module matrix of one payload, with qrcode (a well-kept library). Two settings keep it fast:
 * one byte-mode segment (qrcode's own segment optimisation costs ~600 µs per code, measured) and a
 * mask chosen once per batch (any mask yields a valid code; choosing per code costs 3× more).
 * Together ~40 µs per code here.
 */
export function qrModules(payload: string, maskPattern?: number): QrModules & { maskPattern: number } {
  const code = QRCode.create([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    ...(maskPattern === undefined ? {} : { maskPattern: maskPattern as QRCode.QRCodeMaskPattern }),
  });
  return { size: code.modules.size, data: code.modules.data, maskPattern: code.maskPattern ?? 0 };
}

const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');

/**
 * Writes a code's dark modules as one rectangle per horizontal run, in module units (the caller's
 * `cm` scales them): ~500 rectangles per code instead of ~1 000 modules.
 *
 * Each run is filled on its own. Measured with poppler (pdftoppm) and zbarimg on full A4 sheets: one
 * path of all rectangles is anti-aliased as a whole and leaves grey module edges on which the decoder
 * lost ~5 % of the codes; a fill per rectangle is snapped to device pixels and lost none of 2 000.
 *
 * The operators are copied from tables made once per symbol size: this loop runs 50 million times
 * for 100 000 codes, and number formatting was its largest cost.
 */
export class QrRunWriter {
  private readonly columns: Uint8Array[];
  private readonly rows: Uint8Array[];
  private readonly widths: Uint8Array[];

  constructor(private readonly size: number) {
    this.columns = Array.from({ length: size }, (_, c) => ascii(`${c} `));
    this.rows = Array.from({ length: size }, (_, r) => ascii(`${size - 1 - r} `));
    this.widths = Array.from({ length: size + 1 }, (_, w) => ascii(`${w} 1 re f\n`));
  }

  write(out: ByteBuilder, modules: QrModules): void {
    const { size, data } = modules;
    if (size !== this.size) throw new Error(`QR size ${size} is not this writer's ${this.size}`);
    // At most one run per two modules, and each run's operator is under 20 bytes.
    const buffer = out.writable(size * size * 10);
    let at = out.length;
    const copy = (bytes: Uint8Array): void => {
      for (let i = 0; i < bytes.length; i += 1) buffer[at++] = bytes[i] ?? 0;
    };
    for (let row = 0; row < size; row += 1) {
      const start = row * size;
      const rowBytes = this.rows[row] ?? ascii('0 ');
      for (let column = 0; column < size; column += 1) {
        if (data[start + column] === 0) continue;
        let end = column + 1;
        while (end < size && data[start + end] !== 0) end += 1;
        copy(this.columns[column] ?? rowBytes);
        copy(rowBytes);
        copy(this.widths[end - column] ?? rowBytes);
        column = end;
      }
    }
    out.length = at;
  }
}

/** 1/150 inch in points: the pixel of a 150 dpi rendering, and a whole number of 300 and 600 dpi dots. */
export const PIXEL_GRID = 72 / 150;

/**
 * Where a code's modules go: the module size rounded down to whole grid steps and the corner put on
 * the grid, so that 150/300/600 dpi rasterisers (and printers) draw every module equally wide. Codes
 * whose modules would be under two steps keep their exact size: rounding would shrink them too much.
 */
export function moduleGrid(
  box: { x: number; y: number; width: number },
  size: number,
): { module: number; x: number; y: number } {
  const exact = box.width / (size + 2 * QUIET_ZONE);
  const steps = Math.floor(exact / PIXEL_GRID);
  if (steps < 2) return { module: exact, x: box.x + QUIET_ZONE * exact, y: box.y + QUIET_ZONE * exact };
  const module = steps * PIXEL_GRID;
  const snap = (value: number): number => Math.round(value / PIXEL_GRID) * PIXEL_GRID;
  // Centred in the box, so the quiet zone only grows.
  const margin = (box.width - size * module) / 2;
  return { module, x: snap(box.x + margin), y: snap(box.y + margin) };
}
