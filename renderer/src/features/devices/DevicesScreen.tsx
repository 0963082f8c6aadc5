import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairingView } from '../../../../shared/contract/device-views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../staff/session-context';
import { DeviceList } from './DeviceList';
import { NetworkSection } from './NetworkSection';
import { PairingForm } from './PairingForm';
import { PairingTicket } from './PairingTicket';
import { knownTills, useDevices, useNetwork } from './use-devices';

/**
 * Linked devices (administrators and managers): link a till, bar or customer display with a one-time
 * code, see every device and revoke one; administrators also switch the local network on or off.
 */
export function DevicesScreen() {
  const { t } = useTranslation();
  const devices = useDevices();
  const net = useNetwork();
  const thisDeviceId = useSession()?.view?.device?.id ?? null;
  const list = devices.loaded.kind === 'ready' ? devices.loaded.value : [];
  return (
    <main className="devices">
      <h1>{t('devices.title')}</h1>
      <p className="muted">{t('devices.explained')}</p>
      <section className="devices-section" aria-labelledby="pair-title">
        <h2 id="pair-title">{t('devices.pairTitle')}</h2>
        {net.network && !net.network.enabled && (
          <p className="updates-state updates-polling" data-testid="network-off">
            {t('network.offForPairing')}
          </p>
        )}
        <PairingPanel knownTills={knownTills(list)} onClosed={devices.reload} />
      </section>
      <section className="devices-section" aria-labelledby="devices-list-title">
        <div className="section-head">
          <h2 id="devices-list-title">{t('devices.listTitle')}</h2>
          <button type="button" className="button button-small" onClick={devices.reload}>
            {t('devices.refresh')}
          </button>
        </div>
        {devices.loaded.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {devices.loaded.kind === 'error' && <ErrorAlert error={devices.loaded.error} />}
        {devices.loaded.kind === 'ready' && (
          <DeviceList devices={list} thisDeviceId={thisDeviceId} onChanged={devices.reload} />
        )}
      </section>
      {net.error && <ErrorAlert error={net.error} />}
      {net.network && (
        <div className="devices-section">
          <NetworkSection network={net.network} onSaved={net.setNetwork} />
        </div>
      )}
    </main>
  );
}

/** The form, or once a code is made, the code to open on the device until the person is done. */
function PairingPanel({ knownTills: tills, onClosed }: { knownTills: string[]; onClosed: () => void }) {
  const [pairing, setPairing] = useState<PairingView | null>(null);
  if (!pairing) return <PairingForm knownTills={tills} onCreated={setPairing} />;
  return (
    <PairingTicket
      pairing={pairing}
      onClose={() => {
        setPairing(null);
        // The device has most likely linked meanwhile: show it.
        onClosed();
      }}
    />
  );
}
