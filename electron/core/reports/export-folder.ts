import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ReportFile {
  fileName: string;
  path: string;
  contentType: string;
  bytes: number;
}

// Only names this folder hands out; no path can be smuggled through a download URL.
const NAME = /^(transactions|x|z|articles)-[0-9A-Za-z-]{1,40}-[0-9a-f]{12}\.(csv|pdf)$/;
const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;
/** Exports are for downloading now, not an archive (a Z can always be printed again). */
const KEEP_MS = 24 * 3_600_000;

/** `<data folder>/exports`: the CSV and PDF files the HTTP shell serves under /downloads/reports/. */
export class ExportFolder {
  constructor(readonly dir: string) {}

  newFile(
    prefix: 'transactions' | 'x' | 'z' | 'articles',
    label: string,
    ext: 'csv' | 'pdf',
  ): { fileName: string; path: string } {
    mkdirSync(this.dir, { recursive: true });
    this.prune(Date.now());
    const fileName = `${prefix}-${label}-${randomBytes(6).toString('hex')}.${ext}`;
    return { fileName, path: join(this.dir, fileName) };
  }

  find(fileName: string): ReportFile | null {
    const match = NAME.exec(fileName);
    if (!match) return null;
    const path = join(this.dir, fileName);
    try {
      const ext = match[2] === 'pdf' ? 'pdf' : 'csv';
      return { fileName, path, contentType: CONTENT_TYPES[ext], bytes: statSync(path).size };
    } catch {
      return null;
    }
  }

  private prune(now: number): void {
    for (const name of readdirSync(this.dir)) {
      if (!NAME.test(name)) continue;
      const path = join(this.dir, name);
      if (now - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
    }
  }
}
