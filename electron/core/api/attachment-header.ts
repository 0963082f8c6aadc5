import { create as contentDisposition } from 'content-disposition';

/**
 * The download header for `fileName`: `filename*=UTF-8''…` keeps the accents for every current browser,
 * and the plain `filename=` fallback holds the same name with its accents taken off (é → e), not `?`.
 */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_');
  return contentDisposition(fileName, { fallback: ascii });
}
