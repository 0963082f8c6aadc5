import type Database from 'better-sqlite3';
import type { JWK } from 'jose';

/** A callback-signing key. Times are simulator epoch ms. */
export interface StoredKey {
  kid: string;
  /**
   * Private EC P-256 JWK with its self-signed certificate in `x5c`; stored so a restarted simulator keeps
   * signing with (and publishing) the same key and certificate. Never logged.
   */
  privateJwk: JWK;
  createdAt: number;
  /** From this time on the key signs; before it, it is only published. */
  activatesAt: number;
}

export interface KeyStore {
  insert(key: StoredKey): void;
  /** Replaces a key's stored JWK (same key; e.g. with its certificate added). */
  replaceJwk(kid: string, privateJwk: JWK): void;
  /** Oldest first. */
  list(): StoredKey[];
}

interface KeyRow {
  kid: string;
  private_jwk: string;
  created_at: number;
  activates_at: number;
}

export function createKeyStore(db: Database.Database): KeyStore {
  const insert = db.prepare(
    `INSERT INTO signing_keys (kid, private_jwk, created_at, activates_at) VALUES (?, ?, ?, ?)`,
  );
  const replace = db.prepare('UPDATE signing_keys SET private_jwk = ? WHERE kid = ?');
  const all = db.prepare<[], KeyRow>('SELECT * FROM signing_keys ORDER BY created_at, rowid');
  return {
    insert: (key) => void insert.run(key.kid, JSON.stringify(key.privateJwk), key.createdAt, key.activatesAt),
    replaceJwk: (kid, jwk) => void replace.run(JSON.stringify(jwk), kid),
    list: () =>
      all.all().map((r) => ({
        kid: r.kid,
        privateJwk: JSON.parse(r.private_jwk) as JWK,
        createdAt: r.created_at,
        activatesAt: r.activates_at,
      })),
  };
}
