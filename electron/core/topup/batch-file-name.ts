import sanitize from 'sanitize-filename';

/** Long enough for an event's name, a description and a wristband id; short enough for any file system. */
const MAX_NAME = 120;

/**
 * What a batch's PDF is saved as: its event, its description and its first wristband id (two batches of
 * one event differ by it), e.g. `Fête de la Musique - Top-up 20 EUR - 7K2Q-9XQ4-M32F.pdf`. Accents stay;
 * sanitize-filename takes out what a file system or a path would read differently (`/ \ : * ? " < > |`,
 * control characters, reserved names like CON, trailing dots).
 */
export function batchFileName(batch: { eventName: string; description: string; firstId: string }): string {
  const base = [batch.eventName, batch.description, batch.firstId]
    .map((part) => part.normalize('NFC').replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' - ');
  // A character taken out leaves a space, so "Fête / Musique" reads "Fête Musique", not "Fête-Musique".
  const safe = sanitize(base, { replacement: ' ' }).replace(/ {2,}/g, ' ').slice(0, MAX_NAME).trim();
  return `${safe === '' ? 'wristband codes' : safe}.pdf`;
}
