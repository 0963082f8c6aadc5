import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './logging/logger';

/**
 * Kassa's files hold sales, API keys' stores and payers' IBANs (refund files): only the user running
 * it may read them. With this umask every file the process (and its worker threads, which share it)
 * creates is 0600 and every folder 0700, whichever code path writes it.
 */
export const PRIVATE_UMASK = 0o077;

/** Called first by every entry point (the CLIs and the desktop app), before anything is written. */
export function keepNewFilesPrivate(): void {
  process.umask(PRIVATE_UMASK);
}

/**
 * Creates the data folder 0700, and takes the group's and others' bits off whatever is inside: an
 * older Kassa wrote its files 0644. Symbolic links are never followed (one could point anywhere).
 * What it could not tighten is said in the log; it never refuses to start over it.
 */
export function makeDataFolderPrivate(dataDir: string, logger: Logger): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const failed: string[] = [];
  tighten(dataDir, failed);
  if (failed.length > 0)
    logger.warn(`could not make ${failed.length} entries of the data folder private, such as ${failed[0]}`);
}

function tighten(path: string, failed: string[]): void {
  try {
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) return;
    const mode = stats.mode & 0o7777;
    if (mode & PRIVATE_UMASK) chmodSync(path, mode & ~PRIVATE_UMASK);
    if (stats.isDirectory()) for (const name of readdirSync(path)) tighten(join(path, name), failed);
  } catch {
    // Gone meanwhile, or owned by someone else: said once in the log, never fatal.
    failed.push(path);
  }
}
