import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesSetupView, ShopSetup } from '../../../../shared/contract';
import { formatBelgianVatNumber } from '../../../../shared/domain/vat-number';
import { ShopProfiles } from '../profiles/ShopProfiles';
import { useProfiles } from '../profiles/use-profiles';
import { SaveOutcomeLine } from './SaveOutcomeLine';
import { ShopForm } from './ShopForm';
import { matchesShop } from './setup-form';
import { useSaving, type SaveOutcome, type SetupChange } from './use-setup';

interface Props {
  setup: SalesSetupView;
  save: (change: SetupChange) => Promise<SaveOutcome>;
}

/** Which shop is being edited: one by its id, a new one, or none. */
type Editing = { kind: 'shop'; id: string } | { kind: 'new' } | null;

/** The shops: found by name or place, added, edited; the first is the station's default shop. */
export function ShopsEditor({ setup, save }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const saving = useSaving(save);
  const found = setup.shops.filter((shop) => matchesShop(shop, query));
  const keep = async (shop: ShopSetup) => {
    const shops =
      editing?.kind === 'new'
        ? [...setup.shops, shop]
        : setup.shops.map((s) => (s.id === shop.id ? shop : s));
    if (await saving.send({ shops })) setEditing(null);
  };
  return (
    <div className="setup-form" aria-labelledby="shops-title" role="group">
      <h3 id="shops-title">{t('salesSetup.shopsTitle')}</h3>
      <div className="setup-toolbar">
        <label htmlFor="shop-search" className="visually-hidden">
          {t('salesSetup.searchShops')}
        </label>
        <input
          id="shop-search"
          type="search"
          value={query}
          placeholder={t('salesSetup.searchShops')}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button
          type="button"
          className="button"
          onClick={() => (saving.clear(), setEditing({ kind: 'new' }))}
        >
          {t('salesSetup.addShop')}
        </button>
      </div>
      {editing?.kind === 'new' && (
        <ShopForm
          shop={null}
          shops={setup.shops}
          busy={saving.busy}
          onSave={keep}
          onCancel={() => setEditing(null)}
        />
      )}
      <ul className="setup-list" aria-label={t('salesSetup.shopsTitle')}>
        {found.map((shop) =>
          editing?.kind === 'shop' && editing.id === shop.id ? (
            <li key={shop.id}>
              <ShopForm
                shop={shop}
                shops={setup.shops}
                busy={saving.busy}
                onSave={keep}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <ShopRow
              key={shop.id}
              shop={shop}
              onEdit={() => (saving.clear(), setEditing({ kind: 'shop', id: shop.id }))}
            />
          ),
        )}
      </ul>
      {found.length === 0 && <p className="muted">{t('salesSetup.noShopFound')}</p>}
      <SaveOutcomeLine outcome={saving.outcome} />
    </div>
  );
}

function ShopRow({ shop, onEdit }: { shop: ShopSetup; onEdit: () => void }) {
  const { t } = useTranslation();
  const [showProfiles, setShowProfiles] = useState(false);
  const details = [shop.address, shop.website, shop.vatNumber && formatBelgianVatNumber(shop.vatNumber)];
  return (
    <li className="setup-row shop-row" data-testid={`shop-${shop.id}`}>
      <div>
        <strong>{shop.name}</strong> <span className="muted">({shop.id})</span>
        <div className="muted">{details.filter(Boolean).join(' · ') || t('salesSetup.noDetails')}</div>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          aria-expanded={showProfiles}
          onClick={() => setShowProfiles((shown) => !shown)}
          aria-label={t('profiles.ofShop', { name: shop.name })}
        >
          {t('profiles.title')}
        </button>
        <button
          type="button"
          className="button"
          onClick={onEdit}
          aria-label={t('salesSetup.editShop', { name: shop.name })}
        >
          {t('salesSetup.edit')}
        </button>
      </div>
      {showProfiles && <ProfilesOf shop={shop} />}
    </li>
  );
}

/** Read when opened: the Settings screen is an administrator's, who edits every part of a profile. */
function ProfilesOf({ shop }: { shop: ShopSetup }) {
  const profiles = useProfiles();
  return <ShopProfiles shop={shop} profiles={profiles} admin />;
}
