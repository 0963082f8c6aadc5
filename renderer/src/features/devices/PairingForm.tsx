import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { PairingView } from '../../../../shared/contract/device-views';
import { DEVICE_RIGHTS } from '../../../../shared/domain/roles';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceGroup } from './ChoiceGroup';
import { draftProblem, EMPTY_DRAFT, PAIRED_KINDS, pairingInput, type PairingDraft } from './pairing-form';

interface Props {
  /** Tills already known (linked devices and the station's own), offered while typing. */
  knownTills: string[];
  onCreated: (pairing: PairingView) => void;
}

/** Name, rights, what the device is and its till; answers a one-time code to show. */
export function PairingForm({ knownTills, onCreated }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PairingDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (part: Partial<PairingDraft>) => setDraft((current) => ({ ...current, ...part }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = draftProblem(draft);
    setProblem(found && t(`devices.${found}`));
    setError(null);
    if (found || busy) return;
    setBusy(true);
    const result = await call('devices.createPairing', pairingInput(draft));
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error);
  }

  return (
    <form className="settings-form pairing-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor="device-name">{t('devices.name')}</label>
      <p className="muted field-hint" id="device-name-hint">
        {t('devices.nameHint')}
      </p>
      <input
        id="device-name"
        autoComplete="off"
        maxLength={60}
        aria-describedby="device-name-hint"
        value={draft.name}
        onChange={(e) => change({ name: e.target.value })}
      />
      <ChoiceGroup
        name="device-rights"
        legend={t('devices.rights')}
        options={DEVICE_RIGHTS}
        value={draft.rights}
        onChange={(rights) => change({ rights })}
        label={(rights) => t(`devices.rightsOptions.${rights}`)}
        hint={(rights) => t(`devices.rightsHint.${rights}`)}
      />
      <ChoiceGroup
        name="device-kind"
        legend={t('devices.kind')}
        options={PAIRED_KINDS}
        value={draft.kind}
        onChange={(kind) => change({ kind })}
        label={(kind) => t(`devices.kinds.${kind}`)}
      />
      {/* A till or bar gets a till of its own; only a display joins an existing one. */}
      <TillField
        value={draft.tillId}
        knownTills={draft.kind === 'display' ? knownTills : []}
        onValue={(tillId) => change({ tillId })}
      />
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('devices.createPairing')}
        </button>
      </div>
    </form>
  );
}

function TillField(props: { value: string; knownTills: string[]; onValue: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor="device-till">{t('devices.till')}</label>
      <p className="muted field-hint" id="device-till-hint">
        {t('devices.tillHint')}
      </p>
      <input
        id="device-till"
        autoComplete="off"
        list="known-tills"
        maxLength={32}
        aria-describedby="device-till-hint"
        value={props.value}
        onChange={(e) => props.onValue(e.target.value)}
      />
      <datalist id="known-tills">
        {props.knownTills.map((till) => (
          <option key={till} value={till} />
        ))}
      </datalist>
    </>
  );
}
