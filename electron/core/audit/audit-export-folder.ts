import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const AUDIT_DOWNLOAD_PREFIX = '/downloads/audit/';
export const AUDIT_CSV_TYPE = 'text/csv; charset=utf-8';

export interface AuditFile {
  fileName: string;
  path: string;
  contentType: string;
  bytes: number;
}

// Only names this folder hands out, so no path can be smuggled through a download URL.
const NAME = /^audit-[0-9A-Za-z-]{1,40}-[0-9a-f]{16}\.csv$/;
/** Exports are for downloading now; the log itself is the archive. */
const KEEP_MS = 24 * 3_600_000;

/**
 * Audit CSVs in `<data folder>/exports`, beside the report exports (whose names it never touches).
 * The random part of a name is 64 bits: a name is not guessable, but the download route still checks
 * that the caller may administer.
 */
export class AuditExportFolder {
  constructor(readonly dir: string) {}

  newFile(label: string, now = Date.now()): { fileName: string; path: string } {
    mkdirSync(this.dir, { recursive: true });
    this.prune(now);
    const fileName = `audit-${label}-${randomBytes(8).toString('hex')}.csv`;
    return { fileName, path: join(this.dir, fileName) };
  }

  find(fileName: string): AuditFile | null {
    if (!NAME.test(fileName)) return null;
    const path = join(this.dir, fileName);
    try {
      return { fileName, path, contentType: AUDIT_CSV_TYPE, bytes: statSync(path).size };
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
