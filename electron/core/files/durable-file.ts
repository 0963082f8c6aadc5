import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes through a temporary file, readable by the owner only (0600), and makes it durable: the
 * contents are synced before the rename and the folder after it, so a crash or a power cut leaves
 * either the old file or the new one, never half of one and never an older one reported as written.
 */
export function writePrivateFile(file: string, contents: string | Buffer): void {
  const temporary = `${file}.tmp`;
  try {
    writeSynced(temporary, typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents);
  } catch (error) {
    // A full disk must not leave a half-written temporary file behind; the old file is untouched.
    rmSync(temporary, { force: true });
    throw error;
  }
  renameSync(temporary, file);
  syncFolder(dirname(file));
}

function writeSynced(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A rename is only durable once the folder holding it is synced. */
export function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Syncs a file written by someone else (SQLite's VACUUM INTO, a copy) before it is renamed into place. */
export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
