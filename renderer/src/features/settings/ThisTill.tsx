import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { stickerPosIdProblem } from './settings-form';
import { SettingField } from './SettingField';
import { useSettingField } from './use-setting-field';

/** Settings of this till alone: whether it takes payments with a printed sticker. */
export function ThisTill({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation();
  const field = useSettingField({
    settings,
    pick: (view) => view.stickerPosId,
    problemOf: stickerPosIdProblem,
    send: (stickerPosId) => call('settings.setStickerPosId', { stickerPosId }),
  });
  return (
    <section className="settings-section" aria-labelledby="this-till-title">
      <h2 id="this-till-title">{t('settings.thisTillTitle')}</h2>
      <SettingField
        id="sticker-pos-id"
        label={t('settings.stickerPosId')}
        hint={t('settings.stickerHint')}
        removable={(settings.stickerPosId ?? null) !== null}
        field={field}
      />
    </section>
  );
}
