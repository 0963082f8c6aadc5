import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Environment, PaymentProfileView } from '../../../../shared/contract';
import { ProfileForm } from './ProfileForm';
import type { Profiles } from './use-profiles';

type Open = 'edit' | 'key' | null;

/** One profile: what it is and where it stands, and what an administrator (or a manager) can do with it. */
export function ProfileRow({
  profile,
  profiles,
  admin,
}: {
  profile: PaymentProfileView;
  profiles: Profiles;
  admin: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const profileId = profile.id;
  const save = async (method: 'profiles.update' | 'profiles.setApiKey', input: object) => {
    if (await profiles.change(method, { profileId, ...input })) setOpen(null);
  };
  return (
    <li className="setup-row profile-row" data-testid={`profile-${profile.ppid}`}>
      <div>
        <strong>{profile.name}</strong> <span className="muted">({t(`profiles.kinds.${profile.kind}`)})</span>
        <div className="muted">{`${t('profiles.ppid')}: ${profile.ppid}`}</div>
        {profile.amountMode && (
          <div className="muted" data-testid="profile-amount-mode">
            {`${t('topup.batch.mode')}: ${t(`topup.modes.${profile.amountMode}`)}`}
          </div>
        )}
        <ProfileState profile={profile} />
      </div>
      <div className="form-actions">
        {profile.ibanStatus === 'toVerify' && (
          <button
            type="button"
            className="button"
            disabled={profiles.busy}
            onClick={() =>
              void profiles.change('profiles.verifyIban', { profileId, payoutIban: profile.iban })
            }
          >
            {t('profiles.markVerified')}
          </button>
        )}
        {admin && (
          <>
            <button type="button" className="button" onClick={() => setOpen(open === 'edit' ? null : 'edit')}>
              {t('salesSetup.edit')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(open === 'key' ? null : 'key')}>
              {t('profiles.setKey')}
            </button>
          </>
        )}
      </div>
      {open === 'edit' && (
        <ProfileForm
          profile={profile}
          idPrefix={`profile-${profileId}`}
          busy={profiles.busy}
          onSave={(draft) => void save('profiles.update', { name: draft.name, payoutIban: draft.payoutIban })}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'key' && (
        <KeyForm
          id={profileId}
          busy={profiles.busy}
          onSave={(apiKey) => void save('profiles.setApiKey', { apiKey })}
        />
      )}
      {admin && profile.hasApiKey && <GoingLive profile={profile} profiles={profiles} />}
    </li>
  );
}

function ProfileState({ profile }: { profile: PaymentProfileView }) {
  const { t } = useTranslation();
  const iban =
    profile.iban === ''
      ? t('profiles.noIban')
      : `${profile.iban} · ${t(`profiles.ibanStatus.${profile.ibanStatus}`)}`;
  const live = profile.live
    ? t('profiles.liveOn', { environment: t(`profiles.environments.${profile.environment}`) })
    : t('profiles.notLive');
  const key = profile.hasApiKey ? t('profiles.keyStored') : t('profiles.noKey');
  return (
    <div className="muted" data-testid="profile-state">
      {[iban, live, key].join(' · ')}
    </div>
  );
}

/** The key is typed, sent, and never shown again: the station keeps it in its secret store. */
function KeyForm({ id, busy, onSave }: { id: string; busy: boolean; onSave: (apiKey: string) => void }) {
  const { t } = useTranslation();
  const [apiKey, setApiKey] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (apiKey.trim().length >= 8) onSave(apiKey.trim());
  };
  return (
    <form className="settings-form setup-card" onSubmit={submit} noValidate>
      <div className="setup-field">
        <label htmlFor={`profile-${id}-key`}>{t('profiles.apiKey')}</label>
        <input
          id={`profile-${id}-key`}
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || apiKey.trim().length < 8}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}

/** Test connection, then go live: the station takes a profile live only after a passed test (10 minutes). */
function GoingLive({ profile, profiles }: { profile: PaymentProfileView; profiles: Profiles }) {
  const { t } = useTranslation();
  const [environment, setEnvironment] = useState<Environment>(profile.environment ?? 'production');
  const [passed, setPassed] = useState<Environment | null>(null);
  const profileId = profile.id;
  const test = async () => setPassed((await profiles.test({ profileId, environment })) ? environment : null);
  const selectId = `profile-${profileId}-environment`;
  return (
    <div className="setup-toolbar">
      <label htmlFor={selectId}>{t('profiles.environment')}</label>
      <select
        id={selectId}
        value={environment}
        onChange={(event) => (setEnvironment(event.target.value as Environment), setPassed(null))}
      >
        <option value="production">{t('profiles.environments.production')}</option>
        <option value="preprod">{t('profiles.environments.preprod')}</option>
      </select>
      <button type="button" className="button" disabled={profiles.busy} onClick={() => void test()}>
        {t('profiles.test')}
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={profiles.busy || passed !== environment}
        onClick={() => void profiles.change('profiles.goLive', { profileId, environment })}
      >
        {t('profiles.goLive')}
      </button>
      {passed === environment && <span role="status">{t('profiles.testPassed')}</span>}
    </div>
  );
}
