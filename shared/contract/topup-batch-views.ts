import type { TopupAmountMode } from '../domain/topup';

/** What printing wristband codes looks like to a caller: profiles to print for, batches and print jobs. */

/**
 * A top-up profile to print codes for, without anything about its key. (`TopupProfileView` in
 * wristband-views.ts is the manager's settings view of a live profile, with the key's last four.)
 */
export interface TopupProfileChoice {
  ppid: string;
  name: string;
  amountMode: TopupAmountMode;
}

export const PRINT_LAYOUTS = ['a4', 'strip', 'card', 'label'] as const;
export type PrintLayout = (typeof PRINT_LAYOUTS)[number];

/** The A4 sheet's grid: rows × columns of codes inside a margin, cut marks in the margin. */
export interface SheetGrid {
  rows: number;
  columns: number;
  marginMm: number;
}

export interface BatchView {
  id: string;
  profileId: string;
  count: number;
  amountMode: TopupAmountMode;
  amountCents: number | null;
  description: string;
  eventName: string;
  /** pay.bancontact.net, or payconiq.com for a batch printed on the legacy host. */
  payloadHost: string;
  /** On a re-issue: the batch whose wristband ids it reprints. */
  reissueOf: string | null;
  createdAt: string;
  firstWristbandId: string;
  lastWristbandId: string;
}

export type PrintJobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface PrintJobView {
  jobId: string;
  batchId: string;
  state: PrintJobState;
  /** Codes rendered so far, of `total`. */
  done: number;
  total: number;
  codesPerSecond: number;
  /** Null until a rate is known, and once the job is over. */
  secondsLeft: number | null;
  /** `/downloads/<jobId>.pdf` on the station's HTTP shell, once the job is done. */
  downloadPath: string | null;
  /** What the PDF is saved as: the batch's event, description and first wristband id, safe as a file name. */
  fileName: string;
  error: string | null;
}

export const CODE_EXPORT_SIZES = { S: 180, M: 250, L: 400, XL: 800 } as const;
export type CodeExportSize = keyof typeof CODE_EXPORT_SIZES;

/** One wristband's code as a file, base64-encoded so that it crosses IPC and HTTP alike. */
export interface CodeExport {
  fileName: string;
  mime: 'image/png' | 'image/svg+xml';
  base64: string;
}
