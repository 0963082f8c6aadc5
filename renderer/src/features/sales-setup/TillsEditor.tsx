import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesSetupView, TillSetup } from '../../../../shared/contract';
import { SaveOutcomeLine } from './SaveOutcomeLine';
import { ratesInForce, tillsToSend, type TillDraft } from './setup-form';
import { useSaving, type SaveOutcome, type SetupChange } from './use-setup';

interface Props {
  setup: SalesSetupView;
  save: (change: SetupChange) => Promise<SaveOutcome>;
}

const draftOf = (till: TillSetup): TillDraft => ({
  tillId: till.tillId,
  shopId: till.shopId ?? '',
  vatRate: till.vatRate === undefined ? '' : String(till.vatRate),
  stickerPosId: till.stickerPosId ?? '',
  ...(till.cashierId ? { cashierId: till.cashierId } : {}),
});

/** Per till: its shop, its VAT rate and its own sticker's POS id, where it differs from the station's. */
export function TillsEditor({ setup, save }: Props) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<TillDraft[]>(() => setup.tills.map(draftOf));
  const [badRow, setBadRow] = useState<number | null>(null);
  const saving = useSaving(save);
  // Rates in force on the day the form opened; the station checks the day of the change.
  const [openedAt] = useState(() => Date.now());
  const rates = ratesInForce(setup, openedAt);
  const change = (at: number, patch: Partial<TillDraft>) =>
    setRows(rows.map((row, i) => (i === at ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const tills = tillsToSend(rows);
    setBadRow(Array.isArray(tills) ? null : tills.row);
    if (Array.isArray(tills)) void saving.send({ tills });
  };
  const cells = { shops: setup.shops, rates };
  return (
    <form className="settings-form setup-form" onSubmit={submit} noValidate aria-labelledby="tills-title">
      <h3 id="tills-title">{t('salesSetup.tillsTitle')}</h3>
      <p className="field-hint muted">{t('salesSetup.tillsHint')}</p>
      {rows.map((row, at) => (
        <TillRow
          key={at}
          at={at}
          row={row}
          invalid={badRow === at}
          {...cells}
          onChange={(patch) => change(at, patch)}
          onRemove={() => setRows(rows.filter((_, i) => i !== at))}
        />
      ))}
      {badRow !== null && (
        <p className="field-problem" role="alert">
          {t('salesSetup.problems.till', { n: badRow + 1 })}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => setRows([...rows, { tillId: '', shopId: '', vatRate: '', stickerPosId: '' }])}
        >
          {t('salesSetup.addTill')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving.busy}>
          {t('settings.save')}
        </button>
      </div>
      <SaveOutcomeLine outcome={saving.outcome} />
    </form>
  );
}

interface RowProps {
  at: number;
  row: TillDraft;
  invalid: boolean;
  shops: SalesSetupView['shops'];
  rates: number[];
  onChange: (patch: Partial<TillDraft>) => void;
  onRemove: () => void;
}

function TillRow({ at, row, invalid, shops, rates, onChange, onRemove }: RowProps) {
  const { t } = useTranslation();
  const n = at + 1;
  return (
    <fieldset className="setup-till" aria-invalid={invalid || undefined}>
      <legend>{row.tillId || t('salesSetup.newTill')}</legend>
      <input
        aria-label={t('salesSetup.tillIdOf', { n })}
        value={row.tillId}
        spellCheck={false}
        placeholder={t('salesSetup.tillId')}
        onChange={(e) => onChange({ tillId: e.target.value })}
      />
      <select
        aria-label={t('salesSetup.tillShopOf', { n })}
        value={row.shopId}
        onChange={(e) => onChange({ shopId: e.target.value })}
      >
        <option value="">{t('salesSetup.stationDefault')}</option>
        {shops.map((shop) => (
          <option key={shop.id} value={shop.id}>
            {shop.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('salesSetup.tillVatOf', { n })}
        value={row.vatRate}
        onChange={(e) => onChange({ vatRate: e.target.value })}
      >
        <option value="">{t('salesSetup.stationDefault')}</option>
        {rates.map((rate) => (
          <option key={rate} value={rate}>{`${rate} %`}</option>
        ))}
      </select>
      <input
        aria-label={t('salesSetup.tillStickerOf', { n })}
        value={row.stickerPosId}
        spellCheck={false}
        placeholder={t('salesSetup.stickerPosId')}
        onChange={(e) => onChange({ stickerPosId: e.target.value })}
      />
      <button
        type="button"
        className="button"
        onClick={onRemove}
        aria-label={t('salesSetup.removeTill', { n })}
      >
        ×
      </button>
    </fieldset>
  );
}
