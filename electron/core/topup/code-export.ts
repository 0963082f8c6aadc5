import QRCode from 'qrcode';
import { CODE_EXPORT_SIZES, type CodeExport, type CodeExportSize } from '../../../shared/contract';
import { QR_ERROR_CORRECTION, QUIET_ZONE } from './pdf/qr-modules';

/**
 * One wristband's code as an image file, at the sizes Bancontact's generator offers (S 180, M 250,
 * L 400, XL 800 px). A single image is no bulk job: qrcode's own PNG and SVG writers are fast enough.
 */
export async function exportCode(
  wristbandId: string,
  payload: string,
  format: 'png' | 'svg',
  size: CodeExportSize,
): Promise<CodeExport> {
  const width = CODE_EXPORT_SIZES[size];
  const options = { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QUIET_ZONE, width } as const;
  const fileName = `${wristbandId}-${size}.${format}`;
  if (format === 'svg') {
    const svg = await QRCode.toString(payload, { ...options, type: 'svg' });
    return { fileName, mime: 'image/svg+xml', base64: Buffer.from(svg, 'utf8').toString('base64') };
  }
  const png = await QRCode.toBuffer(payload, { ...options, type: 'png' });
  return { fileName, mime: 'image/png', base64: png.toString('base64') };
}
