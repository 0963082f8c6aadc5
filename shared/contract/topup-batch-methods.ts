import { z } from 'zod';
import { LOCALES } from '../domain/money';
import { SEPA_TEXT } from '../domain/sepa-charset';
import { MAX_TOPUP_CODE_CENTS, TOPUP_AMOUNT_MODES } from '../domain/topup';
import { MAX_TEMPLATE_TEXT } from '../domain/topup-payload';
import { DEFAULT_MAX_INPUT_BYTES, out } from './method-spec';
import {
  PRINT_LAYOUTS,
  type BatchView,
  type CodeExport,
  type PrintJobView,
  type TopupProfileChoice,
} from './topup-batch-views';

export const MAX_BATCH_COUNT = 100_000;
/** The logo's bytes, at most 300 KB; as base64 that is 4/3 as many characters. */
export const MAX_LOGO_BYTES = 300 * 1024;
const MAX_LOGO_URL = 'data:image/jpeg;base64,'.length + Math.ceil(MAX_LOGO_BYTES / 3) * 4;

const nothing = z.object({}).strict();
const id = z.string().min(1).max(64);
const grid = z
  .object({
    rows: z.number().int().min(1).max(20),
    columns: z.number().int().min(1).max(10),
    marginMm: z.number().min(0).max(40),
  })
  .strict();
const layout = z.enum(PRINT_LAYOUTS);
const locale = z.enum(LOCALES).optional();

const createBatch = z
  .object({
    /** Default: the only profile of this mode whose amount mode is `amountMode`. */
    profileId: z
      .string()
      .regex(/^[A-Za-z0-9]{1,64}$/)
      .optional(),
    count: z.number().int().min(1).max(MAX_BATCH_COUNT),
    amountMode: z.enum(TOPUP_AMOUNT_MODES),
    amountCents: z.number().int().min(1).max(MAX_TOPUP_CODE_CENTS).optional(),
    /** D in every code: SEPA characters only. */
    description: z.string().min(1).max(MAX_TEMPLATE_TEXT).regex(SEPA_TEXT),
    eventName: z.string().trim().min(1).max(60),
    logoDataUrl: z
      .string()
      .max(MAX_LOGO_URL)
      .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/)
      .optional(),
    layout,
    grid: grid.optional(),
    /** Print on payconiq.com instead of pay.bancontact.net; only when the organiser asks for it. */
    legacyHost: z.boolean().default(false),
    locale,
  })
  .strict()
  .superRefine((input, ctx) => {
    const needsAmount = input.amountMode !== 'open';
    if (needsAmount !== (input.amountCents !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountCents'],
        message: needsAmount ? `A ${input.amountMode} code needs an amount` : 'Open codes carry no amount',
      });
    }
  });

/** The contract methods for printing wristband code batches; merged into `methods`. */
export const topupBatchMethods = {
  'topup.listProfiles': { permission: 'close', input: nothing, output: out<TopupProfileChoice[]>() },
  'topup.createBatch': {
    permission: 'close',
    input: createBatch,
    output: out<{ batch: BatchView; job: PrintJobView }>(),
    // The logo as a data URL, plus the default's room for the other fields.
    maxInputBytes: MAX_LOGO_URL + DEFAULT_MAX_INPUT_BYTES,
  },
  'topup.reissueBatch': {
    permission: 'close',
    input: z.object({ batchId: id, layout, grid: grid.optional(), locale }).strict(),
    output: out<{ batch: BatchView; job: PrintJobView }>(),
  },
  'topup.listBatches': { permission: 'close', input: nothing, output: out<BatchView[]>() },
  'topup.exportCode': {
    permission: 'close',
    input: z
      .object({
        wristbandId: z.string().trim().min(1).max(512),
        format: z.enum(['png', 'svg']),
        size: z.enum(['S', 'M', 'L', 'XL']),
      })
      .strict(),
    output: out<CodeExport>(),
  },
  'jobs.get': { permission: 'close', input: z.object({ jobId: id }).strict(), output: out<PrintJobView>() },
  'jobs.cancel': {
    permission: 'close',
    input: z.object({ jobId: id }).strict(),
    output: out<PrintJobView>(),
  },
} as const;
