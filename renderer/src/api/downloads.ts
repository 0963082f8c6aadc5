import { call } from './client';

let shellUrl: string | null = null;

/**
 * A download served by the station. In a browser the page's own origin is the station; the desktop
 * window is loaded from file://, where a path would point at the disk, so it links to the HTTP shell.
 */
export function downloadHref(path: string, where: Pick<Location, 'protocol'> = window.location): string {
  if (where.protocol !== 'file:' || !shellUrl) return path;
  return new URL(path, shellUrl).href;
}

/** Asks the station once where its HTTP shell listens; only the desktop window needs it. */
export async function learnShellUrl(where: Pick<Location, 'protocol'> = window.location): Promise<void> {
  if (where.protocol !== 'file:') return;
  const status = await call('station.getStatus', {});
  if (status.ok) shellUrl = status.value.httpUrl;
}

/** Tests set what the station would have answered. */
export function setShellUrlForTests(url: string | null): void {
  shellUrl = url;
}
