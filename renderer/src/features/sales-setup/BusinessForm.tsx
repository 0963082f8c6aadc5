import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesSetupView } from '../../../../shared/contract';
import { IdentityFields } from './IdentityFields';
import { SaveOutcomeLine } from './SaveOutcomeLine';
import { identityProblems, type IdentityProblems } from './setup-form';
import type { SaveOutcome, SetupChange } from './use-setup';
import { useSaving } from './use-setup';

interface Props {
  setup: SalesSetupView;
  save: (change: SetupChange) => Promise<SaveOutcome>;
}

/** The business identity printed on receipts, X and Z. */
export function BusinessForm({ setup, save }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(setup.business);
  const [problems, setProblems] = useState<IdentityProblems>({});
  const saving = useSaving(save);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = identityProblems(draft, false);
    setProblems(found);
    if (Object.keys(found).length === 0) void saving.send({ business: draft });
  };
  return (
    <form className="settings-form setup-form" onSubmit={submit} noValidate aria-labelledby="business-title">
      <h3 id="business-title">{t('salesSetup.businessTitle')}</h3>
      <p className="field-hint muted">{t('salesSetup.businessHint')}</p>
      <IdentityFields idPrefix="business" value={draft} onChange={setDraft} problems={problems} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving.busy}>
          {t('settings.save')}
        </button>
      </div>
      <SaveOutcomeLine outcome={saving.outcome} />
    </form>
  );
}
