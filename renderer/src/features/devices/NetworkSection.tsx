import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { DeviceNetworkView } from '../../../../shared/contract/device-views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HintedInput } from '../settings/HintedInput';
import { listenerUrl, networkDraft, networkInput, networkProblem, type NetworkDraft } from './network-form';

interface Props {
  network: DeviceNetworkView;
  onSaved: (network: DeviceNetworkView) => void;
}

/** Administrators turn the HTTPS listener for linked devices on or off and choose where it listens. */
export function NetworkSection({ network, onSaved }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<NetworkDraft>(() => networkDraft(network));
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const change = (part: Partial<NetworkDraft>) => {
    setDraft((current) => ({ ...current, ...part }));
    setSaved(false);
  };

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const found = networkProblem(draft);
    setProblem(found && t(`network.${found}`));
    setError(null);
    if (found) return;
    const result = await call('devices.setNetwork', networkInput(draft));
    if (!result.ok) return setError(result.error);
    setSaved(true);
    setDraft(networkDraft(result.value));
    onSaved(result.value);
  }

  return (
    <section className="settings-section" aria-labelledby="network-title">
      <h2 id="network-title">{t('network.title')}</h2>
      <p className="muted">{t('network.explained')}</p>
      <NetworkState network={network} />
      <form className="settings-form" onSubmit={(event) => void save(event)} noValidate>
        <label className="switch-row">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => change({ enabled: e.target.checked })}
          />
          <span>{t('network.enabled')}</span>
        </label>
        <HintedInput
          id="network-address"
          label={t('network.address')}
          hint={t('network.addressHint')}
          list="network-addresses"
          inputMode="decimal"
          value={draft.address}
          onValue={(address) => change({ address })}
        />
        <datalist id="network-addresses">
          {network.candidateAddresses.map((address) => (
            <option key={address} value={address} />
          ))}
        </datalist>
        <HintedInput
          id="network-port"
          label={t('network.port')}
          hint={t('network.portHint')}
          inputMode="numeric"
          value={draft.port}
          onValue={(port) => change({ port })}
        />
        {problem && (
          <p className="alert" role="alert">
            {problem}
          </p>
        )}
        {error && <ErrorAlert error={error} />}
        {saved && (
          <p className="ok" role="status">
            {t('network.saved')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('network.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Where devices connect now and the certificate they will see, or that nothing can connect. */
function NetworkState({ network }: { network: DeviceNetworkView }) {
  const { t } = useTranslation();
  const url = listenerUrl(network);
  if (!network.enabled || !url) return <p className="updates-state updates-polling">{t('network.isOff')}</p>;
  return (
    <dl className="settings-list network-state" data-testid="network-state">
      <dt>{t('network.url')}</dt>
      <dd>{url}</dd>
      {network.fingerprint && (
        <>
          <dt>{t('network.fingerprint')}</dt>
          <dd className="fingerprint">{network.fingerprint}</dd>
        </>
      )}
    </dl>
  );
}
