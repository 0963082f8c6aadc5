import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { refuse } from '../../../shared/contract/station-refusal';
import { syncFolder } from '../files/durable-file';

/*
 * The site key: 32 random bytes in a file of the data folder that only its owner may read (0600). It
 * encrypts the secrets the stations of a site share in the site database (site-secret-store.ts), so
 * that a copy of the database (a backup, a managed service's operator) holds no usable API key.
 * The first station of a site creates it; every other station is given a copy (docs/site-setup.md).
 */

export const SITE_KEY_FILE = 'site.key';
const KEY_BYTES = 32;
const NONCE_BYTES = 12; // GCM's native nonce size
const TAG_BYTES = 16;

/** The site key in `file`; a StartRefusal naming the file when it is missing, readable by others, or not a key. */
export function readSiteKey(file: string): Buffer {
  if (!existsSync(file)) {
    throw refuse({
      file,
      problem: 'missing',
      detail: 'it is missing, and this site already has a key (its secrets were written with it)',
      remedies: ['copy-site-key'],
    });
  }
  assertOwnerOnly(file);
  const key = readFileSync(file);
  if (key.length !== KEY_BYTES) {
    const detail = `it holds ${key.length} bytes, not a ${KEY_BYTES}-byte site key (damaged or not a key)`;
    throw refuse({ file, problem: 'damaged', detail, remedies: ['copy-site-key'] });
  }
  return key;
}

/**
 * A new site key for the site's first station. Created exclusively: a key that already exists is
 * never replaced (that would make every secret of the site unreadable); it is read instead.
 */
export function createSiteKey(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readSiteKey(file);
    throw error;
  }
  const key = randomBytes(KEY_BYTES);
  try {
    writeSync(fd, key);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncFolder(dirname(file));
  return key;
}

/** Any bit for group or others refuses: the key would decrypt every API key of the site. */
function assertOwnerOnly(file: string): void {
  // Windows has no POSIX modes (node reports 0666 for every file); the data folder's ACL protects it.
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  throw refuse({
    file,
    problem: 'too-open',
    detail: `its mode is 0${mode.toString(8)}: other users of this computer could read the site key`,
    remedies: ['owner-only'],
  });
}

/** A value sealed under the site key: base64 nonce, and base64 ciphertext followed by its tag. */
export interface Sealed {
  nonce: string;
  ciphertext: string;
}

/** AES-256-GCM under a key derived from the site key; `name` is the associated data. */
export class SiteCipher {
  private readonly key: Buffer;

  constructor(siteKey: Buffer) {
    // A key of its own for the secrets: the site key file may serve other purposes later without
    // any two of them ever encrypting under the same key.
    this.key = Buffer.from(hkdfSync('sha256', siteKey, Buffer.alloc(0), 'kassa site secrets v1', KEY_BYTES));
  }

  seal(name: string, value: string): Sealed {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce).setAAD(Buffer.from(name, 'utf8'));
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { nonce: nonce.toString('base64'), ciphertext: body.toString('base64') };
  }

  /** The value, or null when it was not sealed under this key for this name (or was changed). */
  open(name: string, sealed: Sealed): string | null {
    const body = Buffer.from(sealed.ciphertext, 'base64');
    const nonce = Buffer.from(sealed.nonce, 'base64');
    if (body.length < TAG_BYTES || nonce.length !== NONCE_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce).setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      const plain = Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    } catch {
      return null; // GCM's tag did not match: another key, another name, or changed bytes
    }
  }
}
