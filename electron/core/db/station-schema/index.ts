import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/*
 * The station's own database (`station.sqlite` in the data folder), whatever the mode: the people who
 * work at it, the devices linked to it and the audit log. Staff and devices stay the same when the
 * station goes from training to live (a shop does not re-link its tablets); sales stay per mode.
 */

/** A person: cashiers sign in with a PIN, everyone else with a password. Deleted people stay (audit, reports). */
export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    locale: text('locale', { enum: ['nl', 'fr', 'en'] }).notNull(),
    role: text('role', { enum: ['administrator', 'manager', 'financial', 'cashier'] }).notNull(),
    status: text('status', { enum: ['pending', 'active', 'blocked', 'deleted'] }).notNull(),
    /** `scrypt$N$r$p$salt$hash` (base64url): never the PIN or password itself. */
    secretHash: text('secret_hash').notNull(),
    /** The built-in training administrator of a fresh install; never exists once a real one does. */
    training: integer('training', { mode: 'boolean' }).notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** How many times this person was locked since the last good sign-in: the next delay grows with it. */
    lockCount: integer('lock_count').notNull().default(0),
    lockedUntil: integer('locked_until'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    lastSignInAt: integer('last_sign_in_at'),
  },
  (t) => [index('staff_name').on(t.name)],
);

/** A device linked to the station: the station's own window, a till, a bar or a customer display. */
export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  rights: text('rights', { enum: ['manager', 'employee'] }).notNull(),
  kind: text('kind', { enum: ['station', 'till', 'bar', 'display'] }).notNull(),
  /** The till this device sells at (or whose customer display it is); null for the station's own window. */
  tillId: text('till_id'),
  /** SHA-256 of the device's credential (a 256-bit random token, so a fast hash is enough). */
  credentialHash: text('credential_hash').notNull(),
  createdAt: integer('created_at').notNull(),
  createdBy: text('created_by'),
  lastSeenAt: integer('last_seen_at'),
  lastAddress: text('last_address'),
  revokedAt: integer('revoked_at'),
  /** Why access ended: revoked at the station, unlinked on the device, or unused for 30 days. */
  revokedReason: text('revoked_reason', { enum: ['revoked', 'unlinked', 'expired'] }),
});

/** A one-time pairing code shown as a QR code; only its hash is kept. */
export const pairingCodes = sqliteTable('pairing_codes', {
  codeHash: text('code_hash').primaryKey(),
  deviceName: text('device_name').notNull(),
  rights: text('rights', { enum: ['manager', 'employee'] }).notNull(),
  kind: text('kind', { enum: ['till', 'bar', 'display'] }).notNull(),
  tillId: text('till_id'),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  deviceId: text('device_id'),
});

/** A session on a device: a person signed in, or a customer display's view-only session. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the session token the device holds in its cookie. */
    tokenHash: text('token_hash').notNull(),
    deviceId: text('device_id').notNull(),
    /** Null for a customer display's view-only session. */
    staffId: text('staff_id'),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
    endedAt: integer('ended_at'),
    endedReason: text('ended_reason', { enum: ['signed-out', 'idle', 'switched', 'revoked', 'blocked'] }),
  },
  (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_device').on(t.deviceId)],
);

/** Station-wide values that are not settings a person edits in a file: the idle lock, the site's name. */
export const stationMeta = sqliteTable('station_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Append-only: triggers refuse UPDATE and DELETE, and each entry's hash covers the previous entry's
 * hash, so `npm run audit -- verify` finds any entry changed outside Kassa.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: integer('at').notNull(),
    /** training, live or preprod: the mode the station ran in. */
    mode: text('mode'),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['ok', 'refused'] }).notNull(),
    staffId: text('staff_id'),
    staffName: text('staff_name'),
    deviceId: text('device_id'),
    deviceName: text('device_name'),
    /** What the action was about: a person, a device, a Z number, a wristband, a refund file. */
    subject: text('subject'),
    /** JSON with the details (never a secret). */
    detail: text('detail').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_at').on(t.at), index('audit_action').on(t.action, t.at)],
);

/** Refusals after the first one in a minute, per caller and action: counted here, written to the log once. */
export const auditRefusalTallies = sqliteTable(
  'audit_refusal_tallies',
  {
    minute: integer('minute').notNull(),
    callerKey: text('caller_key').notNull(),
    action: text('action').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.minute, t.callerKey, t.action] })],
);

/*
 * Coordination between the stations of one site on PostgreSQL (electron/core/site). On SQLite there is
 * one station and these tables stay empty: every lease is simply held, the rate limit is in-process.
 */

/** Work that must happen once per site (following a profile's payments, a sweep, a job): who holds it. */
export const siteLeases = sqliteTable('site_leases', {
  /** `poll:<profileId>`, `sweep:<profileId>`, `job:<name>`. */
  name: text('name').primaryKey(),
  /** The station process holding it; a restarted station is a new holder. */
  holder: text('holder').notNull(),
  /** Goes up by one each time the lease changes hands: the fence a holder's work checks. */
  generation: integer('generation').notNull(),
  /** Milliseconds by the database server's clock; the holder renews it, anyone takes it once passed. */
  expiresAt: integer('expires_at').notNull(),
});

/**
 * Bancontact's requests per second and profile, shared by every station: one row per place. A place
 * is free again one second after the request that held it ended, as in bancontact/rate-limiter.ts.
 */
export const siteRateSlots = sqliteTable(
  'site_rate_slots',
  {
    profileId: text('profile_id').notNull(),
    slot: integer('slot').notNull(),
    /** Milliseconds by the database server's clock: when the request ended, or the latest it may end. */
    endedAt: integer('ended_at').notNull(),
    holder: text('holder'),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.slot] })],
);

/*
 * What the stations of one site share besides staff and devices (electron/core/settings/site-*.ts).
 * On SQLite the one station keeps them here as well, so the code is the same on both engines.
 */

/**
 * Secrets (Bancontact API keys), AES-256-GCM under the site key: a 0600 file each station of the site
 * is given, never in the database. The name is the cipher's associated data: a value copied to another
 * name does not decrypt.
 */
export const siteSecrets = sqliteTable('site_secrets', {
  name: text('name').primaryKey(),
  /** 12 random bytes, base64: a fresh one for every value written. */
  nonce: text('nonce').notNull(),
  /** The encrypted value followed by its 16-byte GCM tag, base64. */
  ciphertext: text('ciphertext').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** The site's shared settings (mode, environment, ppid, locale, top-up profiles): one row a field, JSON. */
export const siteSettings = sqliteTable('site_settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
export * from './register';
export * from './inbox';
