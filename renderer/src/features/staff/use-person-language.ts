import { useCallback, useEffect } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type { Locale } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { useStation } from '../../components/station-context';
import type { SessionState } from './session-context';
import type { SessionView } from './staff-api';

/**
 * The person signed in here, whose own language the screens follow; null for nobody, a customer
 * display (its own language rules), and the built-in training administrator, who stands for the
 * station itself (its language buttons set the station's language).
 */
export function languagePerson(view: SessionView | null, signedOut: boolean): SessionView['staff'] {
  const person = signedOut ? null : (view?.staff ?? null);
  return person && !person.training && !view?.display ? person : null;
}

/** Shows the signed-in person's language while they are signed in; the station's otherwise. */
export function usePersonLanguage(locale: Locale | null): void {
  const { followPerson } = useStation();
  useEffect(() => followPerson(locale), [followPerson, locale]);
}

/** Switches at once and keeps the choice as the person's own (session.setMyLocale). */
export function useOwnLocaleChange(session: SessionState | null) {
  const { followPerson } = useStation();
  return useCallback(
    async (locale: Locale): Promise<ContractError | null> => {
      followPerson(locale);
      const result = await call('session.setMyLocale', { locale });
      if (!result.ok) return result.error;
      session?.apply(result.value);
      return null;
    },
    [followPerson, session],
  );
}
