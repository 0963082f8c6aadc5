import { z } from 'zod';
import { compactIban, isValidIban } from '../domain/iban';
import { MAX_PAYMENT_CENTS } from '../domain/money';
import { TOPUP_AMOUNT_MODES } from '../domain/topup';
import { basketInput } from './basket-input';
import { tenderPart } from './tender-part';
import { out } from './method-spec';
import type { SaleView } from './views';
import type {
  AttentionView,
  LiabilityView,
  RefundExportView,
  RefundView,
  TopupProfileView,
  WristbandView,
} from './wristband-views';

const nothing = z.object({}).strict();
/**
 * What was typed or scanned: an id in any case, with or without hyphens, or the whole scanned payload.
 * The station reads it (and answers INVALID_WRISTBAND_ID), so the schema only bounds its size.
 */
const wristbandRef = z.string().trim().min(1).max(512);
const tillId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,32}$/)
  .default('till-1');
const ppid = z.string().regex(/^[A-Za-z0-9]{1,64}$/);
const iban = z.string().max(50).refine(isValidIban, 'not a valid IBAN').transform(compactIban);

/** The contract methods for the wristband ledger, bar payments, refunds and top-up profiles; merged into `methods`. */
export const wristbandMethods = {
  'wristbands.get': {
    permission: 'sell',
    input: z.object({ wristbandId: wristbandRef }).strict(),
    output: out<WristbandView>(),
  },
  'wristbands.block': {
    permission: 'close',
    input: z.object({ wristbandId: wristbandRef }).strict(),
    output: out<WristbandView>(),
  },
  'wristbands.moveBalance': {
    permission: 'close',
    input: z.object({ fromId: wristbandRef, toId: wristbandRef }).strict(),
    output: out<{ from: WristbandView; to: WristbandView }>(),
  },
  'till.payWithWristband': {
    permission: 'sell',
    input: z
      .object({
        amountCents: z.number().int().min(1).max(MAX_PAYMENT_CENTS),
        idempotencyKey: z.string().min(8).max(64),
        tillId,
        wristbandId: wristbandRef,
        basket: basketInput.optional(),
        ...tenderPart,
      })
      .strict(),
    output: out<SaleView>(),
  },
  'topup.listAttention': { permission: 'close', input: nothing, output: out<AttentionView[]>() },
  'topup.resolveAttention': {
    permission: 'close',
    input: z.object({ bancontactId: z.string().min(1).max(64), wristbandId: wristbandRef }).strict(),
    output: out<AttentionView>(),
  },
  'topup.getLiability': { permission: 'report', input: nothing, output: out<LiabilityView>() },
  'refunds.list': { permission: 'refunds', input: nothing, output: out<RefundView[]>() },
  'refunds.prepare': { permission: 'refunds', input: nothing, output: out<RefundView[]>() },
  'refunds.export': {
    permission: 'refunds',
    input: z
      .object({
        // The organiser's account: the SEPA file's debtor.
        debtorName: z.string().trim().min(1).max(70),
        debtorIban: iban,
        /** The day the bank should pay, YYYY-MM-DD; today by default. */
        executionDate: z.iso.date().optional(),
      })
      .strict(),
    output: out<RefundExportView>(),
  },
  'settings.listTopupProfiles': { permission: 'administer', input: nothing, output: out<TopupProfileView[]>() },
  'settings.addTopupProfile': {
    permission: 'administer',
    input: z
      .object({
        ppid,
        name: z.string().trim().min(1).max(70).optional(),
        amountMode: z.enum(TOPUP_AMOUNT_MODES),
        apiKey: z.string().min(8).max(512),
      })
      .strict(),
    output: out<TopupProfileView[]>(),
  },
  'settings.removeTopupProfile': {
    permission: 'administer',
    input: z.object({ ppid }).strict(),
    output: out<TopupProfileView[]>(),
  },
} as const;
