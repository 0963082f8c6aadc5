import { z } from 'zod';
import { parseDay } from '../domain/business-day';
import { out } from './method-spec';
import type { AuditDownloadView, AuditPageView, AuditVerifyView } from './audit-views';

const date = z.string().refine((text) => parseDay(text) !== null, 'a date written YYYY-MM-DD');
const id = z.string().min(1).max(64);

/** The filters of the list and the export: dates are Brussels days, `to` included. */
const filterShape = {
  from: date.optional(),
  to: date.optional(),
  /** An exact action, or a prefix ending in `.*` (`drawer.*`). */
  action: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(\.\*)?$/, 'an action such as reports.closeDay or drawer.*')
    .optional(),
  outcome: z.enum(['ok', 'refused']).optional(),
  staffId: id.optional(),
  deviceId: id.optional(),
  /** Found in the subject: a wristband id, a Z number, a file id, a person's or device's id. */
  text: z.string().trim().min(1).max(200).optional(),
};

type DateRange = { from?: string; to?: string };
const rangeInOrder = (range: DateRange): boolean => !range.from || !range.to || range.to >= range.from;
const RANGE_ERROR = { message: 'the end date is before the start date', path: ['to'] };

/** Reading, checking and exporting the audit log: administrators only. Merged into `methods`. */
export const auditMethods = {
  /** Newest first. */
  'audit.list': {
    permission: 'administer',
    input: z
      .object({
        ...filterShape,
        beforeSeq: z.number().int().min(1).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict()
      .refine(rangeInOrder, RANGE_ERROR),
    output: out<AuditPageView>(),
  },
  /** The actions found in the log, for the filter's choices. */
  'audit.listActions': { permission: 'administer', input: z.object({}).strict(), output: out<string[]>() },
  /** Recomputes the whole chain: every entry is read (about 20 s per million on a small machine). */
  'audit.verify': { permission: 'administer', input: z.object({}).strict(), output: out<AuditVerifyView>() },
  /** Writes the filtered entries as CSV (oldest first); `separator` defaults to `;` in nl and fr. */
  'audit.export': {
    permission: 'administer',
    input: z
      .object({ ...filterShape, separator: z.enum([';', ',']).optional() })
      .strict()
      .refine(rangeInOrder, RANGE_ERROR),
    output: out<AuditDownloadView>(),
  },
} as const;
