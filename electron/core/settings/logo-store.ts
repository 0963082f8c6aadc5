import { readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import { LOGO_PATH, MAX_LOGO_IMAGE_BYTES, type LogoView } from '../../../shared/contract/logo-methods';
import type { StationDb } from '../db/open-station-database';
import { siteSettings } from '../db/station-schema';
import { writePrivateFile } from '../files/durable-file';
import { LogoError, readLogo as readPdfImage } from '../topup/pdf/logo-image';

export type LogoMime = LogoView['mime'];
export interface Logo {
  bytes: Buffer;
  mime: LogoMime;
}

/** The logo's row in site_settings (PostgreSQL): every station of the site prints the same one. */
export const LOGO_SETTING = 'logo';
const FILES: Record<LogoMime, string> = { 'image/png': 'logo.png', 'image/jpeg': 'logo.jpg' };

// By data folder, as the sales setup's site places are (reports/sales-setup-store.ts): whoever reads a
// data folder's logo (receipts, PDFs, the HTTP route) gets the site's once the station joined one.
const sites = new Map<string, StationDb>();

/** From now on the logo of `dataDir` is in the site database (`db`), or its file again (null, at stop). */
export function keepLogoOnSite(dataDir: string, db: StationDb | null): void {
  if (db) sites.set(resolve(dataDir), db);
  else sites.delete(resolve(dataDir));
}

interface Stored extends Logo {
  updatedAt: number;
}

/**
 * The merchant's logo: a file in the data folder (`logo.png` or `logo.jpg`) on SQLite, a row of the
 * site's settings on PostgreSQL. Checked once when it is set (type, size, an image PDFs can embed),
 * so receipts and PDFs can trust what they read.
 */
export class LogoStore {
  constructor(
    private readonly dataDir: string,
    private readonly changed: () => void = () => undefined,
  ) {}

  /** The logo for receipts and PDFs, or null when none is set. */
  async readLogo(): Promise<Logo | null> {
    const stored = await this.stored();
    return stored && { bytes: stored.bytes, mime: stored.mime };
  }

  /** The logo as a data URL (what a top-up batch prints), or null. */
  async dataUrl(): Promise<string | null> {
    const logo = await this.readLogo();
    return logo && `data:${logo.mime};base64,${logo.bytes.toString('base64')}`;
  }

  async view(withImage = false): Promise<LogoView | null> {
    const stored = await this.stored();
    if (!stored) return null;
    const image = withImage
      ? { dataUrl: `data:${stored.mime};base64,${stored.bytes.toString('base64')}` }
      : {};
    return { ...viewOf(stored), ...image };
  }

  async set(image: string): Promise<LogoView> {
    const logo = parseLogo(image);
    const stored = { ...logo, updatedAt: Date.now() };
    const site = sites.get(resolve(this.dataDir));
    if (site) await writeSiteLogo(site, stored);
    else {
      writePrivateFile(join(this.dataDir, FILES[logo.mime]), logo.bytes);
      await this.removeFiles(logo.mime);
    }
    this.changed();
    return viewOf(stored);
  }

  async remove(): Promise<null> {
    const site = sites.get(resolve(this.dataDir));
    if (site) await site.write((tx) => tx.delete(siteSettings).where(eq(siteSettings.name, LOGO_SETTING)));
    else await this.removeFiles(null);
    this.changed();
    return null;
  }

  private async stored(): Promise<Stored | null> {
    const site = sites.get(resolve(this.dataDir));
    if (site) return readSiteLogo(site);
    for (const mime of Object.keys(FILES) as LogoMime[]) {
      const file = join(this.dataDir, FILES[mime]);
      const info = await stat(file).catch(() => null);
      if (info) return { mime, bytes: await readFile(file), updatedAt: Math.floor(info.mtimeMs) };
    }
    return null;
  }

  private async removeFiles(keep: LogoMime | null): Promise<void> {
    for (const mime of Object.keys(FILES) as LogoMime[])
      if (mime !== keep) await rm(join(this.dataDir, FILES[mime]), { force: true });
  }
}

/** The logo of the station whose data folder is `dataDir` (receipts and PDFs read it this way). */
export function readLogo(dataDir: string): Promise<Logo | null> {
  return new LogoStore(dataDir).readLogo();
}

const viewOf = (stored: Stored): LogoView => ({
  mime: stored.mime,
  bytes: stored.bytes.length,
  path: LOGO_PATH,
  updatedAt: stored.updatedAt,
});

const refuse = (message: string): ContractFailure =>
  new ContractFailure('INVALID_INPUT', message, { fields: ['image'] });

const DATA_URL = /^data:([a-z/+.-]+);base64,(.*)$/s;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A PNG or JPEG by its own bytes (a data URL's type must agree), at most 256 KB, that PDFs can embed. */
export function parseLogo(image: string): Logo {
  const url = DATA_URL.exec(image.trim());
  const text = (url ? (url[2] ?? '') : image).replace(/\s/g, '');
  if (!BASE64.test(text)) throw refuse('The logo must be a PNG or JPEG image, as a data URL or base64');
  const bytes = Buffer.from(text, 'base64');
  const mime = sniff(bytes);
  if (!mime || (url && url[1] !== mime)) throw refuse('The logo must be a PNG or JPEG image');
  if (bytes.length > MAX_LOGO_IMAGE_BYTES)
    throw refuse(
      `The logo may be at most ${MAX_LOGO_IMAGE_BYTES / 1024} KB (this one is ${Math.ceil(bytes.length / 1024)} KB)`,
    );
  try {
    // Decoding it once now means a damaged image is refused here, not when a receipt or PDF needs it.
    readPdfImage(`data:${mime};base64,${bytes.toString('base64')}`);
  } catch (error) {
    if (error instanceof LogoError) throw refuse(error.message);
    throw error;
  }
  return { bytes, mime };
}

function sniff(bytes: Buffer): LogoMime | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

async function readSiteLogo(db: StationDb): Promise<Stored | null> {
  const [row] = await db.read((q) =>
    q.select().from(siteSettings).where(eq(siteSettings.name, LOGO_SETTING)).limit(1),
  );
  if (!row) return null;
  const value = JSON.parse(row.value) as { mime: LogoMime; base64: string };
  return { mime: value.mime, bytes: Buffer.from(value.base64, 'base64'), updatedAt: row.updatedAt };
}

async function writeSiteLogo(db: StationDb, logo: Stored): Promise<void> {
  const value = JSON.stringify({ mime: logo.mime, base64: logo.bytes.toString('base64') });
  const row = { name: LOGO_SETTING, value, updatedAt: logo.updatedAt };
  await db.write((tx) =>
    tx
      .insert(siteSettings)
      .values(row)
      .onConflictDoUpdate({ target: siteSettings.name, set: { value, updatedAt: row.updatedAt } }),
  );
}
