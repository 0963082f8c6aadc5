import { z } from 'zod';

/**
 * PPRO's answers as seed 004 and docs/ppro-simulator.md define them. They cross a trust boundary: the
 * fields Kassa relies on are checked, the rest is let through.
 */
const money = z.looseObject({ value: z.number().int(), currency: z.string().length(3) });

export const AGREEMENT_STATUSES = ['AUTHENTICATION_PENDING', 'ACTIVE', 'FAILED', 'REVOKED'] as const;
export const CHARGE_STATUSES = ['AUTHENTICATION_PENDING', 'CAPTURED', 'FAILED', 'REFUNDED'] as const;
export const REFUND_STATUSES = ['REFUND_PENDING', 'SUCCEEDED'] as const;

const authenticationMethod = z.looseObject({
  type: z.string(),
  details: z.record(z.string(), z.string()),
});

const historyEntry = z.looseObject({
  id: z.string(),
  status: z.string(),
  createdAt: z.string(),
  revokedBy: z.string().optional(),
});

export const agreementSchema = z.looseObject({
  id: z.string().min(1).max(100),
  status: z.enum(AGREEMENT_STATUSES),
  paymentMethod: z.string(),
  instrumentId: z.string(),
  amount: money.optional(),
  amountType: z.string().optional(),
  description: z.string().optional(),
  merchantPaymentAgreementReference: z.string().optional(),
  consumer: z.looseObject({ name: z.string(), country: z.string() }),
  authenticationMethods: z.array(authenticationMethod),
  history: z.array(historyEntry),
  initialPaymentChargeId: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const refundSchema = z.looseObject({
  id: z.string().min(1).max(100),
  amount: z.number().int().positive(),
  status: z.enum(REFUND_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const chargeSchema = z.looseObject({
  id: z.string().min(1).max(100),
  agreementId: z.string().min(1),
  status: z.enum(CHARGE_STATUSES),
  amount: z.number().int().positive(),
  currency: z.string().length(3),
  instrumentId: z.string(),
  merchantPaymentChargeReference: z.string().optional(),
  refunds: z.array(refundSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const chargeListSchema = z.looseObject({ paymentCharges: z.array(chargeSchema) });

export type PproAgreement = z.infer<typeof agreementSchema>;
export type PproCharge = z.infer<typeof chargeSchema>;
export type PproRefund = z.infer<typeof refundSchema>;
export type PproAgreementStatus = PproAgreement['status'];
export type PproChargeStatus = PproCharge['status'];

export interface PproMoney {
  /** Whole cents. */
  value: number;
  currency: 'EUR';
}

/** Seed 004's agreement request: the fields Kassa sends (PPRO keeps others as sent). */
export interface CreateAgreementRequest {
  paymentMethod: 'BANCONTACT';
  consumer: { name: string; country: string; email?: string } & Record<string, unknown>;
  initialPaymentCharge: {
    amount: PproMoney;
    paymentDescriptor?: string;
    merchantPaymentChargeReference?: string;
  } & Record<string, unknown>;
  amount?: PproMoney;
  amountType?: 'EXACT' | 'MAXIMUM';
  authenticationSettings?: { type: string; settings?: Record<string, unknown> }[];
  webhooksUrl?: string;
  startDate?: string;
  description?: string;
  merchantPaymentAgreementReference?: string;
}

export interface CreateChargeRequest {
  amount: PproMoney;
  merchantPaymentChargeReference?: string;
  paymentDescriptor?: string;
}
