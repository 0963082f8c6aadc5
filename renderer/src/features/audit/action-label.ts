import type { TFunction } from 'i18next';

/**
 * A readable name for an audit action (`devices.revoke` → "Device revoked"). Dots would nest the
 * catalogue's keys, so they become underscores there; an action with no text yet shows as it is.
 */
export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}
