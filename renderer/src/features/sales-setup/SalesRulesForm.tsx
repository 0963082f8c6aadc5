import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesSetupView } from '../../../../shared/contract';
import { useLocale } from '../../i18n';
import { SaveOutcomeLine } from './SaveOutcomeLine';
import { centsText, confirmAboveCents, ratesInForce } from './setup-form';
import { useSaving, type SaveOutcome, type SetupChange } from './use-setup';

interface Props {
  setup: SalesSetupView;
  save: (change: SetupChange) => Promise<SaveOutcome>;
}

/** Cash rounding, the default VAT rate, the discount limit and the amount that asks to confirm. */
export function SalesRulesForm({ setup, save }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [rounding, setRounding] = useState(String(setup.cashRounding));
  const [vatRate, setVatRate] = useState(String(setup.defaultVatRate));
  const [limit, setLimit] = useState(String(setup.discountLimitPercent));
  const [confirm, setConfirm] = useState(centsText(setup.confirmAboveCents, locale));
  const [problem, setProblem] = useState<'limit' | 'confirm' | null>(null);
  const saving = useSaving(save);
  // Rates in force on the day the form opened; the station checks the day of the change.
  const [openedAt] = useState(() => Date.now());
  const rates = ratesInForce(setup, openedAt);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const percent = Number(limit.replace(',', '.'));
    const cents = confirmAboveCents(confirm);
    const found =
      limit.trim() === '' || !(percent >= 0 && percent <= 100) ? 'limit' : cents === null ? 'confirm' : null;
    setProblem(found);
    if (found || cents === null) return;
    const cashRounding = rounding === '1' ? 1 : 5;
    void saving.send({
      cashRounding,
      defaultVatRate: Number(vatRate),
      discountLimitPercent: percent,
      confirmAboveCents: cents,
    });
  };
  return (
    <form className="settings-form setup-form" onSubmit={submit} noValidate aria-labelledby="rules-title">
      <h3 id="rules-title">{t('salesSetup.rulesTitle')}</h3>
      <label htmlFor="cash-rounding">{t('salesSetup.cashRounding')}</label>
      <select id="cash-rounding" value={rounding} onChange={(e) => setRounding(e.target.value)}>
        <option value="5">{t('salesSetup.rounding5')}</option>
        <option value="1">{t('salesSetup.rounding1')}</option>
      </select>
      <label htmlFor="default-vat">{t('salesSetup.defaultVatRate')}</label>
      <select id="default-vat" value={vatRate} onChange={(e) => setVatRate(e.target.value)}>
        {rates.map((rate) => (
          <option key={rate} value={rate}>{`${rate} %`}</option>
        ))}
      </select>
      <label htmlFor="discount-limit">{t('salesSetup.discountLimit')}</label>
      <input
        id="discount-limit"
        inputMode="decimal"
        value={limit}
        aria-invalid={problem === 'limit' || undefined}
        onChange={(e) => setLimit(e.target.value)}
      />
      <p className={problem === 'limit' ? 'field-problem' : 'field-hint muted'}>
        {t('salesSetup.discountLimitHint')}
      </p>
      <label htmlFor="confirm-above">{t('salesSetup.confirmAbove')}</label>
      <input
        id="confirm-above"
        inputMode="decimal"
        value={confirm}
        aria-invalid={problem === 'confirm' || undefined}
        onChange={(e) => setConfirm(e.target.value)}
      />
      <p className={problem === 'confirm' ? 'field-problem' : 'field-hint muted'}>
        {t('salesSetup.confirmAboveHint')}
      </p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving.busy}>
          {t('settings.save')}
        </button>
      </div>
      <SaveOutcomeLine outcome={saving.outcome} />
    </form>
  );
}
