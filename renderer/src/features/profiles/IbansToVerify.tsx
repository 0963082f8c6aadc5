import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProfileRow } from './ProfileRow';
import { useProfiles } from './use-profiles';

/**
 * A manager's part of the shops' profiles, on the closing screen: payout IBANs entered or changed by an
 * administrator, to be checked and marked verified. Nothing shows when none waits, or for a user who may
 * not read the profiles.
 */
export function IbansToVerify() {
  const { t } = useTranslation();
  const profiles = useProfiles();
  const waiting = (profiles.profiles ?? []).filter((p) => p.ibanStatus === 'toVerify');
  if (waiting.length === 0) return null;
  return (
    <section className="reports-section no-print" aria-labelledby="ibans-title">
      <h2 id="ibans-title">{t('profiles.ibansToVerify')}</h2>
      {profiles.error && <ErrorAlert error={profiles.error} />}
      <ul className="setup-list">
        {waiting.map((profile) => (
          <ProfileRow key={profile.id} profile={profile} profiles={profiles} admin={false} />
        ))}
      </ul>
    </section>
  );
}
