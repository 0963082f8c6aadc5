import { createHash } from 'node:crypto';
import { ContractFailure, type Environment } from '../../../shared/contract';
import { isWellFormedApiKey } from '../../../shared/domain/api-key';
import { createBancontactClient } from '../bancontact/client';
import { toContractFailure } from '../bancontact/contract-errors';
import { BancontactError } from '../bancontact/errors';

/** An id no payment has: GET answers 404 to a key that works and 401/403 to one that does not. */
const PROBE_PAYMENT_ID = '000000000000000000000000';

/** How long a passed *Test connection* allows going live with the same credentials. */
export const CONNECTION_TEST_VALID_MS = 10 * 60_000;

export interface Credentials {
  environment: Environment;
  ppid: string;
  apiKey: string;
}

/** MALFORMED_API_KEY before any request: a key that is no valid header value never reaches `fetch`. */
export function assertWellFormedApiKey(apiKey: string): void {
  if (!isWellFormedApiKey(apiKey)) {
    throw new ContractFailure(
      'MALFORMED_API_KEY',
      'The API key holds a character no API key has (a special dash, a space or a line break)',
    );
  }
}

/**
 * The credentials that passed a connection test, and when. Kept in memory only (a restart asks for a
 * new test, which is cheap), and the key only as a SHA-256 digest, so no second copy of it exists
 * outside the secret store.
 */
export class PassedConnectionTests {
  private readonly passedAt = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  remember(credentials: Credentials): void {
    const at = this.now();
    for (const [key, passed] of this.passedAt) {
      if (!this.isRecent(passed, at)) this.passedAt.delete(key);
    }
    this.passedAt.set(fingerprint(credentials), at);
  }

  forget(credentials: Credentials): void {
    this.passedAt.delete(fingerprint(credentials));
  }

  /** CONNECTION_NOT_TESTED unless exactly these credentials passed within the last 10 minutes. */
  assertPassed(credentials: Credentials): void {
    const passed = this.passedAt.get(fingerprint(credentials));
    if (passed === undefined || !this.isRecent(passed, this.now())) {
      throw new ContractFailure(
        'CONNECTION_NOT_TESTED',
        'Test the connection with exactly these credentials first (a passed test counts for 10 minutes)',
      );
    }
  }

  private isRecent(passed: number, at: number): boolean {
    return at >= passed && at - passed <= CONNECTION_TEST_VALID_MS;
  }
}

function fingerprint({ environment, ppid, apiKey }: Credentials): string {
  const keyDigest = createHash('sha256').update(apiKey, 'utf8').digest('hex');
  return `${environment}\n${ppid}\n${keyDigest}`;
}

export interface ConnectionTesterDeps {
  environmentUrl: (environment: Environment) => string;
  timeoutMs?: number;
  now: () => number;
}

/**
 * The one home of the going-live rule, for the station's first profile (settings.*) and every shop's
 * profiles (profiles.*) alike: credentials go live only after they passed a connection test within the
 * last 10 minutes, and the latest word counts.
 */
export class ConnectionTester {
  private readonly passed: PassedConnectionTests;

  constructor(private readonly deps: ConnectionTesterDeps) {
    this.passed = new PassedConnectionTests(deps.now);
  }

  async test(credentials: Credentials): Promise<void> {
    assertWellFormedApiKey(credentials.apiKey);
    const client = createBancontactClient({
      baseUrl: this.deps.environmentUrl(credentials.environment),
      apiKey: credentials.apiKey,
      timeoutMs: this.deps.timeoutMs ?? 10_000,
    });
    try {
      await client.getPayment(PROBE_PAYMENT_ID);
    } catch (error) {
      if (!(error instanceof BancontactError && error.status === 404)) {
        // A pass followed by a failure no longer allows going live.
        this.passed.forget(credentials);
        throw toContractFailure(error);
      }
    }
    this.passed.remember(credentials);
  }

  /** CONNECTION_NOT_TESTED unless exactly these credentials passed within the last 10 minutes. */
  assertPassed(credentials: Credentials): void {
    assertWellFormedApiKey(credentials.apiKey);
    this.passed.assertPassed(credentials);
  }
}
