import type { StationStatus } from '../../../../shared/contract';
import { call } from '../../api/client';

/**
 * The SHA-256 fingerprint of the certificate the station says it serves to linked devices. A web page
 * cannot read the TLS certificate it was served, so the pairing page can only show the station's
 * answer, for a person to compare with the station's screen and the browser's certificate details.
 * It is read from the public `station.getStatus` (`tlsFingerprint`); null when the station does not say.
 */
export async function loadServedFingerprint(): Promise<string | null> {
  const status = await call('station.getStatus', {});
  if (!status.ok) return null;
  const answer: StationStatus & { tlsFingerprint?: string | null } = status.value;
  return answer.tlsFingerprint ?? null;
}
