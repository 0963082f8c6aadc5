import { ContractFailure } from '../../../shared/contract/errors';
import { isValidPin, passwordProblems, usesPin, type Role } from '../../../shared/domain/roles';

/**
 * Refuses a secret that does not fit the role: cashiers a 4–6 digit PIN (INVALID_PIN), everyone else
 * the portal's password rule (WEAK_PASSWORD; the UI runs `passwordProblems` itself to say what is
 * missing in the user's language). The secret itself is never echoed.
 */
export function assertSecretFits(role: Role, secret: string): void {
  if (usesPin(role)) {
    if (!isValidPin(secret)) throw new ContractFailure('INVALID_PIN', 'A PIN is 4 to 6 digits');
    return;
  }
  const problems = passwordProblems(secret);
  if (problems.length > 0)
    throw new ContractFailure(
      'WEAK_PASSWORD',
      `A password needs at least 10 characters, a capital, a digit and a special character (missing: ${problems.join(', ')})`,
    );
}
