import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Decodes every QR code in a PNG with zbarimg, the way a scanner would read the screen or the paper. */
export function decodeQrPng(png: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-qr-'));
  try {
    const file = join(dir, 'code.png');
    writeFileSync(file, png);
    const output = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', file], {
      encoding: 'utf8',
    });
    return output.split('\n').filter((line) => line.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
