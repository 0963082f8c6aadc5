import type { Handlers } from '../api/dispatcher';
import type { LogoStore } from './logo-store';

export type LogoHandlers = Pick<Handlers, 'settings.getLogo' | 'settings.setLogo' | 'settings.removeLogo'>;

/** The merchant's logo: one image for receipts, the customer display and every PDF. */
export function createLogoHandlers(logo: LogoStore): LogoHandlers {
  return {
    'settings.getLogo': ({ withImage }) => logo.view(withImage),
    'settings.setLogo': ({ image }) => logo.set(image),
    'settings.removeLogo': () => logo.remove(),
  };
}
