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
  /** A refund export's file by its served name (`refunds-<id>.xml|csv`); null for anything else. */
  download(fileName: string): Promise<InlineDownload | null>;
  /** A report export (CSV or PDF) by the file name `reports.export*` answered with; null for anything else. */
  reportFile(fileName: string): FileDownload | null;
  /** The PDF of a finished print job, by its job id; null for anything else. */
  printFile(jobId: string): string | null;
}
