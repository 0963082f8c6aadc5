import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { wallClockNow } from './clock';
import { SimError } from './errors';
import { applyRequestFaults } from './faults/request-faults';
import { signDetached } from './jws/detached-signer';
import type { SimProfile } from './profiles';
import type { RefundInput } from './refunds';
import type { RouteDeps } from './route-deps';
import { MAX_AMOUNT_CENTS } from './validation';
import { refundView } from './views';

const validation = (message: string) => new SimError(400, 'VALIDATION_ERROR', message);

const refundBody = z.object({
  amount: z.number().int().min(1).max(MAX_AMOUNT_CENTS),
  currency: z.literal('EUR'),
  description: z.string().max(140).optional(),
});

/**
 * The Refund API authenticates by the JWS `Signature` alone (no API key): the signature's `sub` names the
 * profile and must verify against its merchantJwks; the profile's Refund API must be enabled. Then the
 * profile's request faults apply.
 */
async function signedProfile(deps: RouteDeps, c: Context, body: string): Promise<SimProfile> {
  const check = await deps.verifyMerchant(c.req.header('signature'), body, c.req.path);
  if (!check.ok) throw new SimError(check.status, check.code, check.message);
  deps.refundAccess.assertEnabled(check.profile);
  await applyRequestFaults(deps.faults, deps.hangs, check.profile.ppid, c.req.raw.signal);
  return check.profile;
}

function parseRefund(text: string): RefundInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw validation('The body must be a JSON object');
  }
  const result = refundBody.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw validation(`Field '${issue?.path.join('.') || 'body'}' is invalid: ${issue?.message ?? 'invalid'}`);
  }
  const { description, ...rest } = result.data;
  return description === undefined ? rest : { ...rest, description };
}

function idempotencyKey(c: Context): string {
  const key = c.req.header('idempotency-key');
  if (key === undefined || key === '') throw validation('The Idempotency-Key header is required');
  if (key.length > 64) throw validation('The Idempotency-Key header must be at most 64 characters');
  return key;
}

/** Bancontact signs refund answers in `SignatureBank` with its callback key, `sub` = the profile. */
async function signedJson(deps: RouteDeps, c: Context, value: unknown, status: 200 | 201, ppid: string) {
  const body = JSON.stringify(value);
  const claims = { path: c.req.path, sub: ppid, issuedAt: wallClockNow(deps.clock) };
  const signature = await signDetached(body, deps.keys.active(), claims);
  return c.body(body, status, { 'content-type': 'application/json', SignatureBank: signature.value });
}

/** Refund API 3.0.3, mounted at `/v3/payments` ahead of the Bearer-authenticated payment routes. */
export function refundRoutes(deps: RouteDeps): Hono {
  const routes = new Hono();

  routes.post('/:id/refunds', async (c) => {
    const text = await c.req.text();
    const profile = await signedProfile(deps, c, text);
    const key = idempotencyKey(c);
    const refund = deps.refunds.create(profile, c.req.param('id'), key, parseRefund(text));
    return signedJson(deps, c, refundView(refund), 201, profile.ppid);
  });

  routes.get('/:id/refunds/:refundId', async (c) => {
    const profile = await signedProfile(deps, c, '');
    const refund = deps.refunds.get(profile, c.req.param('id'), c.req.param('refundId'));
    return signedJson(deps, c, refundView(refund), 200, profile.ppid);
  });

  return routes;
}
