/**
 * `20261203T101500123Z`: a moment in UTC to the millisecond, for file names (backups, files set aside):
 * sorts by time and is safe on any file system.
 */
export function fileStamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace('.', '');
}
