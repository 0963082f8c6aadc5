import { hostname } from 'node:os';
import { isIP } from 'node:net';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { Environment } from '../../shared/contract';
import { ENVIRONMENT_URLS } from './bancontact/environments';
import type { SynchronousSetting } from './db/open-database';
import { stationMigrationsFolder } from './db/open-station-database';
import { createConsoleLogger, type Logger } from './logging/logger';
import { createFileSecretStore, type SecretStore } from './settings/secret-store';

/** What the shells and the tests hand `createStation`: the same flat options as always. */
export interface StationOptions {
  dataDir: string;
  migrationsFolder: string;
  /**
   * `postgres://…/kassa`: the site's PostgreSQL database (docs/storage-engines.md); the books go in
   * `kassa_training`, `kassa_live`… beside it. Absent: SQLite files in the data folder.
   */
  database?: string | null;
  /**
   * This station's name on its site (`--station-name`): leases, events and the database's list of
   * connections name it. The machine's host name by default.
   */
  stationName?: string;
  /**
   * `HOST:PORT` (`--devices-listen`): on a site, where this station itself listens for linked devices,
   * behind the site address they are given (HAProxy, docs/site-setup.md). Absent: the stored address.
   */
  devicesListen?: string;
  secrets?: SecretStore;
  logger?: Logger;
  now?: () => number;
  /** Training mode talks to this simulator; without it the station runs one embedded. */
  simulatorUrl?: string | null;
  /** Training mode's agreements go to this PPRO simulator; without it the station starts one embedded. */
  pproSimulatorUrl?: string | null;
  /** Replaces the real Bancontact URLs, for tests against a simulator. */
  environmentUrls?: Partial<Record<Environment, string>>;
  /** Public base URL for callbacks; overrides the stored setting. */
  publicUrl?: string | null;
  pollIntervalMs?: number;
  rateLimitPerSecond?: number;
  sweepIntervalMs?: number;
  /** How often each top-up profile is searched for payments no callback brought (2 min by default). */
  topupSweepIntervalMs?: number;
  requestTimeoutMs?: number;
  /** How often an agreement waiting for its consumer is read back from PPRO (2 s by default). */
  agreementPollIntervalMs?: number;
  /** How often the "every N minutes of activity" backup rule is checked (30 s by default). */
  backupCheckMs?: number;
  version?: string;
  /** Tests and the bench only: NORMAL, to measure what the default FULL costs (docs/durability.md). */
  synchronous?: SynchronousSetting;
}

/** Every interval and limit of the station, with its default filled in once, here. */
export interface StationTimings {
  /** How often a payment on the customer's screen is polled. */
  pollMs: number;
  /** How often Bancontact is searched for payments no callback or poll finished. */
  sweepMs: number;
  /** How often top-up profiles are searched; null: the mode decides (quicker in training without callbacks). */
  topupSweepMs: number | null;
  requestTimeoutMs: number;
  backupCheckMs: number;
  /** How often an agreement waiting for its consumer is read back from PPRO. */
  agreementPollMs: number;
  /** Requests per second to Bancontact, per profile. */
  rateLimitPerSecond: number;
}

/** The station's configuration, validated at the door; every layer below reads this, never the raw options. */
export interface StationConfig {
  dataDir: string;
  migrationsFolder: string;
  /** The station database's migrations (staff, devices, sessions, audit log), beside the mode ones. */
  stationMigrationsFolder: string;
  /** The site's PostgreSQL address, or null for SQLite files. Holds credentials: never logged. */
  database: string | null;
  stationName: string;
  /** Where this station listens for linked devices behind the site address; null: at the stored address. */
  devicesListen: ListenAddress | null;
  /** Without trailing slashes; null: training runs an embedded simulator. */
  simulatorUrl: string | null;
  /** Without trailing slashes; null: training starts an embedded PPRO simulator on first use. */
  pproSimulatorUrl: string | null;
  environmentUrls: Record<Environment, string>;
  /** Overrides the stored public URL (the `--public-url` flag); null: the stored one. */
  publicUrl: string | null;
  timings: StationTimings;
  version: string;
  synchronous: SynchronousSetting | undefined;
  logger: Logger;
  now: () => number;
  secrets: SecretStore;
}

const absolutePath = z.string().refine(isAbsolute, 'must be an absolute path');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
/*
 * A PostgreSQL address. The messages never quote the value: it may carry a password.
 */
const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), {
    error: 'must be a postgres:// or postgresql:// address',
  })
  .refine((value) => /^\/[a-z][a-z0-9_]{0,40}$/.test(new URL(value).pathname), {
    error: 'must name a database of lower-case letters, digits and _ (e.g. postgres://host/kassa)',
  });
/** An address and port this station listens on. */
export interface ListenAddress {
  host: string;
  port: number;
}

/** `192.168.1.21:8443` or `[fd00::21]:8443` → its host and port; null when it is neither. */
export function parseListenAddress(value: string): ListenAddress | null {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([0-9.]+)):(\d{1,5})$/.exec(value);
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (!host || isIP(host) === 0 || (match?.[1] !== undefined) !== (isIP(host) === 6)) return null;
  return Number.isInteger(port) && port >= 1 && port <= 65_535 ? { host, port } : null;
}

const listenAddress = z.string().refine((value) => parseListenAddress(value) !== null, {
  error: 'must be an IP address and port this station listens on, e.g. 192.168.1.21:8443 or [fd00::21]:8443',
});
const interval = (fallback: number) => z.number().int().positive().default(fallback);

const dataFields = z.object({
  dataDir: absolutePath,
  migrationsFolder: absolutePath,
  database: postgresUrl.nullish(),
  stationName: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1 to 40 letters, digits, dots, dashes or _')
    .optional(),
  devicesListen: listenAddress.optional(),
  simulatorUrl: httpUrl.nullish(),
  pproSimulatorUrl: httpUrl.nullish(),
  environmentUrls: z
    .object({ production: httpUrl.optional(), preprod: httpUrl.optional() })
    .strict()
    .default({}),
  publicUrl: httpUrl.nullish(),
  pollIntervalMs: interval(800),
  sweepIntervalMs: interval(180_000),
  topupSweepIntervalMs: z.number().int().positive().optional(),
  requestTimeoutMs: interval(10_000),
  backupCheckMs: interval(30_000),
  agreementPollIntervalMs: interval(2_000),
  rateLimitPerSecond: z.number().int().min(1).max(1_000).default(5),
  version: z.string().min(1).default('0.0.0'),
  synchronous: z.enum(['FULL', 'NORMAL']).optional(),
});

/** A configuration the station cannot run with: said at start, naming every field at fault. */
export class StationConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The station's configuration is invalid: ${problems.join('; ')}`);
    this.name = 'StationConfigError';
  }
}

/** Validates the options once and fills in every default; throws a StationConfigError on a bad one. */
export function parseStationConfig(options: StationOptions): StationConfig {
  const { secrets, logger, now, ...data } = options;
  const parsed = dataFields.safeParse(withoutUndefined(data));
  if (!parsed.success)
    throw new StationConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(options)'} ${i.message}`),
    );
  const fields = parsed.data;
  return {
    dataDir: fields.dataDir,
    migrationsFolder: fields.migrationsFolder,
    stationMigrationsFolder: stationMigrationsFolder(fields.migrationsFolder),
    database: fields.database ?? null,
    stationName: fields.stationName ?? defaultStationName(),
    devicesListen: fields.devicesListen ? parseListenAddress(fields.devicesListen) : null,
    simulatorUrl: fields.simulatorUrl ? fields.simulatorUrl.replace(/\/+$/, '') : null,
    pproSimulatorUrl: fields.pproSimulatorUrl ? fields.pproSimulatorUrl.replace(/\/+$/, '') : null,
    environmentUrls: { ...ENVIRONMENT_URLS, ...fields.environmentUrls },
    publicUrl: fields.publicUrl ?? null,
    timings: {
      pollMs: fields.pollIntervalMs,
      sweepMs: fields.sweepIntervalMs,
      topupSweepMs: fields.topupSweepIntervalMs ?? null,
      requestTimeoutMs: fields.requestTimeoutMs,
      backupCheckMs: fields.backupCheckMs,
      agreementPollMs: fields.agreementPollIntervalMs,
      rateLimitPerSecond: fields.rateLimitPerSecond,
    },
    version: fields.version,
    synchronous: fields.synchronous,
    logger: logger ?? createConsoleLogger(),
    now: now ?? Date.now,
    secrets: secrets ?? createFileSecretStore(fields.dataDir),
  };
}

/** The machine's host name, cut to what a station name may hold. */
function defaultStationName(): string {
  const name = hostname()
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 40);
  return name || 'station';
}

/** An option given as `undefined` (a CLI flag not passed) takes its default, as an absent one does. */
function withoutUndefined(data: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}
