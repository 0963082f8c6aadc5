import { z } from 'zod';
import { BANCONTACT_STATUSES } from '../../../shared/domain/payment-status';
import { fieldInvalid } from './errors';
import { parseRequest } from './request-body';
import type { PaymentQuery } from './store';

const DAY_MS = 24 * 3_600_000;

const searchBody = z.object({
  from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  paymentStatuses: z.array(z.enum(BANCONTACT_STATUSES, 'must be merchant-payment-status values')).optional(),
  reference: z.string().max(35, 'must be at most 35 characters').optional(),
});

function queryInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 0 && value <= max)) throw fieldInvalid(name, `must be a whole number from 0 to ${max}`);
  return value;
}

export interface SearchPage {
  query: PaymentQuery;
  number: number;
  size: number;
}

/**
 * `POST /v3/payments/search?page&size`: page from 0, size 0…100 (default 10); the body is optional and
 * filters on createdAt between `from` (default: a day before now) and `to` (default: now), statuses and
 * an exact reference.
 */
export function parseSearch(
  profileId: string,
  params: { page?: string; size?: string },
  body: unknown,
  now: number,
): SearchPage {
  const number = queryInt('page', params.page, 0, Number.MAX_SAFE_INTEGER);
  const size = queryInt('size', params.size, 10, 100);
  const filter = parseRequest(searchBody, body);
  const from = filter.from === undefined ? now - DAY_MS : Date.parse(filter.from);
  const to = filter.to === undefined ? now : Date.parse(filter.to);
  if (from > to) throw fieldInvalid('from', 'must not be after to');
  const query: PaymentQuery = { profileId, from, to, limit: size, offset: number * size };
  if (filter.paymentStatuses !== undefined) query.statuses = filter.paymentStatuses;
  if (filter.reference !== undefined) query.reference = filter.reference;
  return { query, number, size };
}
