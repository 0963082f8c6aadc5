import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProfileForm } from './ProfileForm';
import { ProfileRow } from './ProfileRow';
import type { Profiles } from './use-profiles';

interface Props {
  shop: { id: string; name: string };
  profiles: Profiles;
  /** An administrator adds and edits; a manager only marks IBANs verified. */
  admin: boolean;
}

/** One shop's payment profiles (display, sticker, top-up), each with its PPID, key, IBAN and live state. */
export function ShopProfiles({ shop, profiles, admin }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const mine = (profiles.profiles ?? []).filter((p) => p.shopId === shop.id);
  return (
    <div className="shop-profiles" role="group" aria-label={t('profiles.ofShop', { name: shop.name })}>
      {profiles.error && <ErrorAlert error={profiles.error} />}
      {mine.length === 0 && <p className="muted">{t('profiles.none')}</p>}
      <ul className="setup-list">
        {mine.map((profile) => (
          <ProfileRow key={profile.id} profile={profile} profiles={profiles} admin={admin} />
        ))}
      </ul>
      {admin && !adding && (
        <button type="button" className="button" onClick={() => (profiles.clearError(), setAdding(true))}>
          {t('profiles.add')}
        </button>
      )}
      {admin && adding && (
        <ProfileForm
          profile={null}
          idPrefix={`new-profile-${shop.id}`}
          busy={profiles.busy}
          onSave={(draft) =>
            void profiles
              .change('profiles.add', { shopId: shop.id, ...draft })
              .then((ok) => ok && setAdding(false))
          }
          onCancel={() => setAdding(false)}
        />
      )}
    </div>
  );
}
