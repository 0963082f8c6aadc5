import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopupProfileChoice } from '../../../../shared/contract';
import { TOPUP_AMOUNT_MODES } from '../../../../shared/domain/topup';
import type { BatchDraft, Layout } from './batch-form';

const LAYOUTS: readonly Layout[] = ['a4', 'strip', 'card', 'label'];
/** A logo is printed small beside each code; a bigger file would only bloat every page. */
const MAX_LOGO_BYTES = 300 * 1024;

export function LayoutFields({
  draft,
  set,
}: {
  draft: BatchDraft;
  set: (patch: Partial<BatchDraft>) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="layout-fields">
      <legend>{t('topup.batch.layout')}</legend>
      {LAYOUTS.map((layout) => (
        <label key={layout} className="radio">
          <input
            type="radio"
            name="layout"
            value={layout}
            checked={draft.layout === layout}
            onChange={() => set({ layout })}
          />
          {t(`topup.layouts.${layout}`)}
        </label>
      ))}
      {draft.layout === 'a4' && (
        <div className="grid-fields">
          <label htmlFor="grid-rows">{t('topup.batch.rows')}</label>
          <input
            id="grid-rows"
            inputMode="numeric"
            value={draft.rows}
            onChange={(e) => set({ rows: e.target.value })}
          />
          <label htmlFor="grid-columns">{t('topup.batch.columns')}</label>
          <input
            id="grid-columns"
            inputMode="numeric"
            value={draft.columns}
            onChange={(e) => set({ columns: e.target.value })}
          />
          <label htmlFor="grid-margin">{t('topup.batch.margin')}</label>
          <input
            id="grid-margin"
            inputMode="numeric"
            value={draft.marginMm}
            onChange={(e) => set({ marginMm: e.target.value })}
          />
        </div>
      )}
    </fieldset>
  );
}

/** Reads a PNG or JPEG into a data URL for the contract; anything else or too big is refused here. */
export function LogoField({ onLogo }: { onLogo: (dataUrl: string | null) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState(false);
  const pick = (file: File | undefined) => {
    setProblem(false);
    if (!file) return onLogo(null);
    if (!/^image\/(png|jpeg)$/.test(file.type) || file.size > MAX_LOGO_BYTES) {
      setProblem(true);
      return onLogo(null);
    }
    const reader = new FileReader();
    reader.onload = () => onLogo(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(file);
  };
  return (
    <>
      <label htmlFor="batch-logo">{t('topup.batch.logo')}</label>
      <input
        id="batch-logo"
        type="file"
        accept="image/png,image/jpeg"
        onChange={(e) => pick(e.target.files?.[0])}
      />
      {problem && (
        <p className="alert" role="alert">
          {t('topup.problems.logo')}
        </p>
      )}
    </>
  );
}

interface AmountProps {
  draft: BatchDraft;
  set: (patch: Partial<BatchDraft>) => void;
  profiles: TopupProfileChoice[];
}

/** Which profile, how many codes, and the amount rule Bancontact support set up for that profile. */
export function AmountFields({ draft, set, profiles }: AmountProps) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor="batch-profile">{t('topup.batch.profile')}</label>
      <select id="batch-profile" value={draft.profileId} onChange={(e) => set({ profileId: e.target.value })}>
        <option value="">{t('topup.batch.profileAuto')}</option>
        {profiles.map((p) => (
          <option key={p.ppid} value={p.ppid}>
            {p.name} — {t(`topup.modes.${p.amountMode}`)}
          </option>
        ))}
      </select>
      <label htmlFor="batch-count">{t('topup.batch.count')}</label>
      <input
        id="batch-count"
        inputMode="numeric"
        value={draft.count}
        onChange={(e) => set({ count: e.target.value })}
      />
      <label htmlFor="batch-mode">{t('topup.batch.mode')}</label>
      <select
        id="batch-mode"
        value={draft.amountMode}
        onChange={(e) => set({ amountMode: e.target.value as BatchDraft['amountMode'] })}
      >
        {TOPUP_AMOUNT_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {t(`topup.modes.${mode}`)}
          </option>
        ))}
      </select>
      {draft.amountMode !== 'open' && (
        <>
          <label htmlFor="batch-amount">{t('topup.batch.amount')}</label>
          <input
            id="batch-amount"
            inputMode="decimal"
            placeholder="20,00"
            value={draft.amount}
            onChange={(e) => set({ amount: e.target.value })}
          />
        </>
      )}
    </>
  );
}
