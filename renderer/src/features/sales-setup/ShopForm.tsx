import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSetup } from '../../../../shared/contract';
import { IdentityFields } from './IdentityFields';
import { EMPTY_IDENTITY, identityProblems, shopIdProblem, type IdentityProblems } from './setup-form';

interface Props {
  /** The shop being edited, or null for a new one (whose id is typed once and kept on every sale). */
  shop: ShopSetup | null;
  shops: readonly ShopSetup[];
  busy: boolean;
  onSave: (shop: ShopSetup) => void;
  onCancel: () => void;
}

/** One shop's id (new shops only), name, address, website and VAT number. */
export function ShopForm({ shop, shops, busy, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [id, setId] = useState(shop?.id ?? '');
  const [identity, setIdentity] = useState(shop ?? EMPTY_IDENTITY);
  const [problems, setProblems] = useState<IdentityProblems>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = identityProblems(identity, true);
    const idProblem = shop ? null : shopIdProblem(id.trim(), shops);
    const all = idProblem ? { ...found, id: idProblem } : found;
    setProblems(all);
    if (Object.keys(all).length === 0) onSave({ ...identity, id: shop?.id ?? id.trim() });
  };
  return (
    <form className="settings-form setup-card" onSubmit={submit} noValidate data-testid="shop-form">
      {!shop && (
        <div className="setup-field">
          <label htmlFor="shop-id">{t('salesSetup.shopId')}</label>
          <input
            id="shop-id"
            value={id}
            spellCheck={false}
            aria-invalid={problems.id ? true : undefined}
            onChange={(event) => setId(event.target.value)}
          />
          <p
            className={problems.id ? 'field-problem' : 'field-hint muted'}
            role={problems.id ? 'alert' : undefined}
          >
            {t('salesSetup.shopIdHint')}
          </p>
        </div>
      )}
      <IdentityFields idPrefix="shop" value={identity} onChange={setIdentity} problems={problems} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('settings.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('salesSetup.cancel')}
        </button>
      </div>
    </form>
  );
}
