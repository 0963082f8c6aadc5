import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { writePrivateFile } from '../files/durable-file';

/** The station's TLS key and certificate (PEM), in the data folder beside the databases. */
export const STATION_KEY_FILE = 'station-tls-key.pem';
export const STATION_CERT_FILE = 'station-tls-cert.pem';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Two years: long enough that a festival's tablets are not asked to trust a new one mid-season. */
const VALIDITY_MS = 730 * DAY_MS;
/** Renewed this long before it ends, so a device never meets an expired certificate at the counter. */
const RENEW_BEFORE_MS = 30 * DAY_MS;
/** A tablet whose clock is a little behind the station's must not see a certificate "from the future". */
const BACKDATE_MS = DAY_MS;

/** The certificate the HTTPS listener for linked devices serves. */
export interface StationCertificate {
  /** PEM private key (EC P-256): only for the listener, never shown or sent. */
  key: string;
  /** PEM certificate. */
  cert: string;
  /** The names it is valid for: IP addresses and host names (subjectAltName). */
  names: string[];
  /** A site's shared certificate (ensureSiteCertificate), not this station's own. */
  site: boolean;
  /** When it stops being valid (ms since the epoch). */
  validTo: number;
  /** SHA-256 of its DER, `AB:CD:…`: what a person compares on the device's pairing page and the station. */
  fingerprint(): string;
}

export interface StationCertificateOptions {
  /** The data folder. */
  folder: string;
  /** The addresses the listener serves, e.g. the configured LAN address; 127.0.0.1 and the host name are added. */
  addresses: readonly string[];
  now?: () => number;
  /** The machine's host name (tests pass one). */
  hostName?: string;
}

/**
 * The station's certificate, made once and kept in the data folder: reused on every start while it
 * covers the same names and is not about to expire, remade otherwise (a new LAN address, nearly two
 * years old, or a key and certificate that do not belong together after a crash between the two writes).
 */
export async function ensureStationCertificate(
  options: StationCertificateOptions,
): Promise<StationCertificate> {
  const now = options.now ?? Date.now;
  const names = certificateNames(options.addresses, options.hostName ?? hostname());
  const existing = readStored(options.folder);
  const fresh = existing !== null && existing.validTo - now() > RENEW_BEFORE_MS;
  if (fresh && sameNames(existing.names, names)) return existing;
  // A site's shared certificate is never replaced by one of this station's own (see below).
  if (fresh && existing.site && covers(existing, options.addresses)) return existing;
  return createAndStore(options.folder, names, now(), STATION_NAME);
}

/**
 * The one certificate every station of a site serves, for the site address devices connect to
 * (HAProxy's, docs/site-setup.md), so a device trusts the site once whichever station answers it. Kept
 * in the same two files: the first station makes it, the others are given copies. Reused whenever it
 * covers the site address and is not about to expire, whatever other names it carries, so a station
 * never replaces the site's copy with one for its own listen address or host name.
 */
export async function ensureSiteCertificate(options: {
  folder: string;
  siteAddress: string;
  now?: () => number;
}): Promise<StationCertificate> {
  const now = options.now ?? Date.now;
  const existing = readStored(options.folder);
  if (existing?.site && covers(existing, [options.siteAddress]) && existing.validTo - now() > RENEW_BEFORE_MS)
    return existing;
  const name = isIP(options.siteAddress)
    ? canonicalIp(options.siteAddress)
    : options.siteAddress.toLowerCase();
  return createAndStore(options.folder, [name], now(), SITE_NAME);
}

/** The stored certificate, or null when there is none or it cannot be used as is. */
export function readStored(folder: string): StationCertificate | null {
  const keyFile = join(folder, STATION_KEY_FILE);
  const certFile = join(folder, STATION_CERT_FILE);
  if (!existsSync(keyFile) || !existsSync(certFile)) return null;
  try {
    const key = readFileSync(keyFile, 'utf8');
    const cert = readFileSync(certFile, 'utf8');
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null;
    return describe(key, cert);
  } catch {
    // Damaged or half-written: a new one is made and the devices are shown its new fingerprint.
    return null;
  }
}

/** The address set, in a stable order: the given addresses, loopback, `localhost` and the host name. */
export function certificateNames(addresses: readonly string[], host: string): string[] {
  const names = new Set<string>();
  for (const address of addresses) if (isIP(address)) names.add(canonicalIp(address));
  names.add('127.0.0.1');
  names.add('localhost');
  if (isDnsName(host)) names.add(host.toLowerCase());
  return [...names];
}

/** The subject's common name says whose a certificate is: one station's, or a site's shared one. */
const STATION_NAME = 'Kassa station';
const SITE_NAME = 'Kassa site';

function covers(certificate: StationCertificate, addresses: readonly string[]): boolean {
  return addresses.every((address) =>
    certificate.names.includes(isIP(address) ? canonicalIp(address) : address.toLowerCase()),
  );
}

async function createAndStore(
  folder: string,
  names: string[],
  now: number,
  commonName: string,
): Promise<StationCertificate> {
  const made = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - BACKDATE_MS),
    notAfterDate: new Date(now + VALIDITY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name })),
      },
    ],
  });
  // Key first: a crash before the certificate is written leaves a pair that does not match, which
  // `readStored` refuses, so the next start makes a new pair rather than serving a stranger's key.
  writePrivateFile(join(folder, STATION_KEY_FILE), made.private);
  writePrivateFile(join(folder, STATION_CERT_FILE), made.cert);
  return describe(made.private, made.cert);
}

function describe(key: string, cert: string): StationCertificate {
  const x509 = new X509Certificate(cert);
  const fingerprint = x509.fingerprint256;
  return {
    key,
    cert,
    names: subjectAltNames(x509),
    site: x509.subject.split('\n').includes(`CN=${SITE_NAME}`),
    validTo: Date.parse(x509.validTo),
    fingerprint: () => fingerprint,
  };
}

/** `DNS:localhost, IP Address:127.0.0.1` → `['localhost', '127.0.0.1']`. */
function subjectAltNames(x509: X509Certificate): string[] {
  return (x509.subjectAltName ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean)
    .map((name) => (isIP(name) ? canonicalIp(name) : name));
}

/** OpenSSL prints `FE80:0:0:0:0:0:0:1` for `fe80::1`: one spelling per address, or every start would renew. */
function canonicalIp(address: string): string {
  return isIP(address) === 6 ? new URL(`http://[${address}]/`).hostname.slice(1, -1) : address;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** Only host names a certificate can carry (a Windows name with a space or underscore is left out). */
function isDnsName(name: string): boolean {
  return (
    name.length <= 253 &&
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(
      name,
    )
  );
}
