import type { Context } from 'hono';
import type { SimClock } from './clock';
import type { PaymentService } from './payments';
import type { ProfileRegistry } from './profiles';
import type { CreatePaymentInput } from './validation';
import type { LinkContext } from './views';

/** What route modules need; each module takes this and returns a Hono sub-app. */
export interface RouteDeps {
  payments: PaymentService;
  profiles: ProfileRegistry;
  clock: SimClock;
  payloadHost: string;
  parseCreatePayment(body: unknown): CreatePaymentInput;
}

/**
 * Links point at the origin the caller used, so they work whatever port the simulator was given and
 * whether it was reached as 127.0.0.1 or localhost.
 */
export function linkContext(c: Context, payloadHost: string): LinkContext {
  return { apiBaseUrl: new URL(c.req.url).origin, payloadHost };
}
