import type { Credentials } from './credentials';
import type { Caller, Dispatch } from './dispatcher';
import type { EventBus } from './event-bus';

/** How a callback was taken: the HTTP status Bancontact sees (it retries a 503), and a short body. */
export interface CallbackReply {
  status: 200 | 400 | 401 | 404 | 503;
  body: { ok: boolean; reason?: string };
}

/** A file answered whole from memory (a refund export's SEPA XML or CSV). */
export interface InlineDownload {
  fileName: string;
  contentType: string;
  body: string;
}

/** A file streamed from disk (a report export), with its size for Content-Length. */
export interface FileDownload {
  fileName: string;
  path: string;
  contentType: string;
  bytes: number;
}

/**
 * What the shells need of the station, and nothing more. The station (station.ts) satisfies it; the
 * HTTP shell and its download routes depend on this port, never on the composition root, so that
 * `api/` sits below the root instead of on both sides of it.
 */
export interface StationPort {
  dispatch: Dispatch;
  events: EventBus;
  /** Who is calling, from the call's own credentials; `onChanged` tells open streams to look again. */
  access: {
    callerFor(credentials: Credentials): Promise<Caller>;
    onChanged(listener: () => void): () => void;
  };
  /** Where linked devices reach the station (its LAN address and port), or null while that is off. */
  deviceAddress(): { address: string; port: number } | null;
  /** An audit log export (CSV) by the file name `audit.export` answered with; null for anything else. */
  auditFile(fileName: string): FileDownload | null;
  /** A Bancontact callback for the profile `ppid`, as received: raw body and `Signature` header. */
  receiveCallback(ppid: string, rawBody: string, signature: string | undefined): Promise<CallbackReply>;
  /** The merchant's public JWKS for a profile's Refund API signatures; null when it has no key yet. */
  merchantJwks?(ppid: string): { keys: object[] } | null;
  /** A PPRO webhook as received (a hint: the agreement is read back from PPRO). */
  receivePproWebhook?(rawBody: string): void;
  /** A refund export's file by its served name (`refunds-<id>.xml|csv`); null for anything else. */
  download(fileName: string): Promise<InlineDownload | null>;
  /** A report export (CSV or PDF) by the file name `reports.export*` answered with; null for anything else. */
  reportFile(fileName: string): FileDownload | null;
  /** The PDF of a finished print job, by its job id; null for anything else. */
  printFile(jobId: string): { path: string; fileName: string } | null;
  /** A finished sale's receipt as a PDF; throws NOT_FOUND (no such receipt) or STATION_REFUSED (no mode). */
  receiptPdf(saleId: string): Promise<{ bytes: Uint8Array; fileName: string }>;
  /** The merchant's logo (settings/logo-store.ts), or null when none is set. */
  logo?(): Promise<{ bytes: Buffer; mime: 'image/png' | 'image/jpeg' } | null>;
  /** Whether it can take a payment now: the device listener's `GET /health` (station-health.ts). */
  health?(): Promise<StationHealth>;
}

/** What `GET /health` says: nothing but whether this station can take a payment now (anyone may ask). */
export interface StationHealth {
  ok: boolean;
  /** `running`; `not-running` (a refused start, a mode being swapped, stopping); `database-unreachable`. */
  state: 'running' | 'not-running' | 'database-unreachable';
}
