import type { MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { SettingsService } from './settings-service';

type SettingsMethodName = Extract<
  MethodName,
  | 'settings.get'
  | 'settings.setLocale'
  | 'settings.testConnection'
  | 'settings.goLive'
  | 'settings.useTraining'
  | 'settings.setPublicUrl'
  | 'settings.setStickerPosId'
>;

/** The station's settings: language, going live and back, the public URL and the sticker POS id. */
export function createSettingsHandlers(settings: SettingsService): Pick<Handlers, SettingsMethodName> {
  return {
    'settings.get': () => settings.view(),
    'settings.setLocale': ({ locale }) => settings.setLocale(locale),
    'settings.testConnection': (input) => settings.testConnection(input),
    'settings.goLive': (input) => settings.goLive(input),
    'settings.useTraining': () => settings.useTraining(),
    'settings.setPublicUrl': ({ publicUrl }) => settings.setPublicUrl(publicUrl),
    'settings.setStickerPosId': ({ stickerPosId }) => settings.setStickerPosId(stickerPosId),
  };
}
