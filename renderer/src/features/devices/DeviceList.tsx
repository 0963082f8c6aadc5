import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { DeviceView } from '../../../../shared/contract/device-views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';

interface Props {
  devices: DeviceView[];
  /** The device this screen runs on, marked in the list (it unlinks itself from its own menu). */
  thisDeviceId: string | null;
  onChanged: () => void;
}

/** Every device ever linked: name, rights, kind, till, last seen, address, and whether it still has access. */
export function DeviceList({ devices, thisDeviceId, onChanged }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<DeviceView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  async function revoke(device: DeviceView) {
    setAsking(null);
    const result = await call('devices.revoke', { deviceId: device.id });
    setError(result.ok ? null : result.error);
    setDone(result.ok ? t('devices.revokedDone', { name: device.name }) : null);
    onChanged();
  }

  if (devices.length === 0) return <p data-testid="no-devices">{t('devices.none')}</p>;
  return (
    <>
      {asking && (
        <RevokeQuestion device={asking} onYes={() => void revoke(asking)} onNo={() => setAsking(null)} />
      )}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      <div className="table-scroll">
        <table className="device-table" aria-labelledby="devices-list-title">
          <DeviceHead />
          <tbody>
            {devices.map((device) => (
              <DeviceRow
                key={device.id}
                device={device}
                isThis={device.id === thisDeviceId}
                onRevoke={() => setAsking(device)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DeviceHead() {
  const { t } = useTranslation();
  const columns = ['name', 'rights', 'kind', 'till', 'lastSeen', 'address', 'state'] as const;
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {t(`devices.column.${column}`)}
          </th>
        ))}
        <td />
      </tr>
    </thead>
  );
}

function DeviceRow({
  device,
  isThis,
  onRevoke,
}: {
  device: DeviceView;
  isThis: boolean;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const active = device.status === 'active';
  // The station's own window is not linked by a code and cannot be revoked from a list.
  const revocable = active && device.kind !== 'station';
  return (
    <tr data-device={device.id} data-status={device.status} className={active ? undefined : 'device-ended'}>
      <th scope="row">
        {device.name}
        {isThis && <span className="device-this"> ({t('devices.thisDevice')})</span>}
      </th>
      <td>{t(`devices.rightsOptions.${device.rights}`)}</td>
      <td>{t(`devices.kinds.${device.kind}`)}</td>
      <td className="device-till">{device.tillId ?? '—'}</td>
      <td>
        {device.lastSeenAt ? (
          <time dateTime={device.lastSeenAt}>{formatMoment(device.lastSeenAt, locale)}</time>
        ) : (
          t('devices.never')
        )}
      </td>
      <td className="device-address">{device.lastAddress ?? '—'}</td>
      <td>{active ? t('devices.linked') : <Ended device={device} />}</td>
      <td>
        {revocable && (
          <button
            type="button"
            className="button button-small button-danger"
            aria-label={t('devices.revokeNamed', { name: device.name })}
            onClick={onRevoke}
          >
            {t('devices.revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}

function Ended({ device }: { device: DeviceView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (device.status === 'active') return null;
  return (
    <>
      {t(`devices.ended.${device.status}`)}
      {device.endedAt && (
        <>
          <br />
          <time className="muted" dateTime={device.endedAt}>
            {formatMoment(device.endedAt, locale)}
          </time>
        </>
      )}
    </>
  );
}

/** Asked on the screen, not in a browser dialog: a tablet's touch and a screen reader both reach it. */
function RevokeQuestion({
  device,
  onYes,
  onNo,
}: {
  device: DeviceView;
  onYes: () => void;
  onNo: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby="revoke-question">
      <p id="revoke-question">{t('devices.revokeConfirm', { name: device.name })}</p>
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={onYes}>
          {t('devices.revokeYes')}
        </button>
        <button type="button" className="button" onClick={onNo} autoFocus>
          {t('devices.keep')}
        </button>
      </div>
    </div>
  );
}
