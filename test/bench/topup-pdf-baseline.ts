import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { buildTopupPayload } from '../../shared/domain/topup-payload';
import { generateWristbandId } from '../../shared/domain/wristband-id';
import { tempDir } from '../support/temp';

const MM = 72 / 25.4;

/** Each dark module as a unit square: what an SVG of the code would say. */
function svgPath(modules: { size: number; data: Uint8Array }): string {
  let path = '';
  for (let row = 0; row < modules.size; row += 1)
    for (let column = 0; column < modules.size; column += 1)
      if (modules.data[row * modules.size + column]) path += `M${column} ${row}h1v1h-1z`;
  return path;
}

/**
 * The straightforward way, for comparison: qrcode with its defaults (it picks segments and mask per
 * code), pdf-lib's drawSvgPath per code, 24 codes per A4 page, the whole document saved at the end.
 */
export async function renderWithPdfLib(count: number): Promise<{ seconds: number; fileMb: number }> {
  const folder = tempDir('kassa-bench-pdflib-');
  const started = performance.now();
  const pdf = await PDFDocument.create();
  let page = pdf.addPage([210 * MM, 297 * MM]);
  for (let index = 0; index < count; index += 1) {
    if (index > 0 && index % 24 === 0) page = pdf.addPage([210 * MM, 297 * MM]);
    const reference = generateWristbandId(randomBytes);
    const payload = buildTopupPayload({
      ppid: 'ca55a0000000000000000005',
      amountMode: 'fixed',
      amountCents: 2000,
      description: 'Festival top-up',
      reference,
    });
    const code = QRCode.create(payload, { errorCorrectionLevel: 'M' });
    const cell = index % 24;
    const scale = (30 * MM) / code.modules.size;
    page.drawSvgPath(svgPath(code.modules), {
      x: 20 * MM + (cell % 4) * 47.5 * MM,
      y: 287 * MM - Math.floor(cell / 4) * 46 * MM,
      scale,
    });
  }
  const bytes = await pdf.save();
  writeFileSync(join(folder.dir, 'baseline.pdf'), bytes);
  const seconds = (performance.now() - started) / 1000;
  folder.remove();
  return { seconds, fileMb: bytes.length / 1024 / 1024 };
}
