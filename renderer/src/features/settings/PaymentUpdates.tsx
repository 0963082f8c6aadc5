import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { publicUrlProblem } from './settings-form';
import { SettingField } from './SettingField';
import { useSettingField } from './use-setting-field';

/** How Bancontact's status changes reach this station: callbacks through the public URL, or polling alone. */
export function PaymentUpdates({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation();
  const field = useSettingField({
    settings,
    pick: (view) => view.publicUrl,
    problemOf: publicUrlProblem,
    send: (publicUrl) => call('settings.setPublicUrl', { publicUrl }),
  });
  const callbackUrl = settings.callbackUrl ?? null;
  return (
    <section className="settings-section" aria-labelledby="payment-updates-title">
      <h2 id="payment-updates-title">{t('settings.paymentUpdatesTitle')}</h2>
      {callbackUrl ? (
        <div className="updates-state" data-testid="updates-callbacks">
          <p>{t('settings.callbacksOn')}</p>
          <code className="callback-url" data-testid="callback-url">
            {callbackUrl}
          </code>
        </div>
      ) : (
        <p className="updates-state updates-polling" data-testid="updates-polling">
          {t('settings.pollingOnly')}
        </p>
      )}
      <SettingField
        id="public-url"
        type="url"
        label={t('settings.publicUrl')}
        hint={t('settings.publicUrlHint')}
        placeholder="https://kassa.example.be"
        removable={(settings.publicUrl ?? null) !== null}
        field={field}
      />
    </section>
  );
}
