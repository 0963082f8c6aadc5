import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { queryBooks, testSiteFor } from './postgres-site';

const run = promisify(execFile);

/** The area of a page to look at, in points from the bottom left (PDF's own units). */
export interface PageArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * `zbarimg --raw -q` on an image: what a scanner reads, one payload per line. Its D-Bus chatter is
 * dropped. Only QR codes are looked for: with every symbology on, zbarimg now and then reads a few
 * modules of a QR code as a short one-dimensional barcode ("403613") that nothing printed.
 */
async function zbar(image: string): Promise<string[]> {
  try {
    const args = ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', image];
    const { stdout } = await run('zbarimg', args, { maxBuffer: 1 << 24 });
    return stdout.split('\n').filter((line) => line.length > 0);
  } catch (error) {
    // zbarimg exits 4 when it found nothing.
    if ((error as { code?: number }).code === 4) return [];
    throw error;
  }
}

/**
 * Renders one page (or one area of it) with `pdftoppm -r 150`, as a print preview would, and decodes
 * every QR code in the image with zbarimg.
 */
export async function pageCodes(
  file: string,
  page: number,
  area?: { box: PageArea; pageHeight: number },
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-page-'));
  try {
    const out = join(dir, 'page');
    const crop = area ? cropArgs(area.box, area.pageHeight) : [];
    await run('pdftoppm', [
      '-r',
      '150',
      '-f',
      String(page),
      '-l',
      String(page),
      ...crop,
      '-png',
      '-singlefile',
      file,
      out,
    ]);
    return await zbar(`${out}.png`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cropArgs(box: PageArea, pageHeight: number): string[] {
  const px = (points: number): string => String(Math.round((points * 150) / 72));
  return [
    '-x',
    px(box.x),
    '-y',
    px(pageHeight - box.y - box.height),
    '-W',
    px(box.width),
    '-H',
    px(box.height),
  ];
}

/** The text of one page (or all), as pdftotext extracts it. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, '-layout', file, '-'], { encoding: 'utf8' });
}

/** Page count and page size in millimetres, as pdfinfo reports them. */
export function pdfInfo(file: string): { pages: number; widthMm: number; heightMm: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  const mm = (points: string | undefined): number => (Number(points) * 25.4) / 72;
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0),
    widthMm: mm(size?.[1]),
    heightMm: mm(size?.[2]),
  };
}

/** A batch's wristband ids in printing order, read from the station's training books (file or PostgreSQL). */
export function batchIds(dataDir: string, batchId: string): string[] {
  const site = testSiteFor(dataDir);
  const query = 'SELECT id FROM wristbands WHERE batch_id = ? ORDER BY position';
  if (site) return queryBooks<{ id: string }>(site, 'training', query, [batchId]).map((row) => row.id);
  const db = new Database(join(dataDir, 'training.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).pluck().all(batchId) as string[];
  } finally {
    db.close();
  }
}

/** Runs `work` over `items` with at most `limit` at a time (the machine has two cores). */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
