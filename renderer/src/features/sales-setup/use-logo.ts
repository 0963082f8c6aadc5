import { useCallback, useEffect, useState } from 'react';
import type { LogoView } from '../../../../shared/contract/logo-methods';
import { call } from '../../api/client';
import { downloadHref } from '../../api/downloads';
import { useStationEvents } from '../../api/use-station-events';

/**
 * The merchant's logo as an image source, or null when none is set; read again when the settings
 * change. A browser loads it from the station (`?v=` fetches a new one); the desktop window, loaded
 * from file://, gets the image in the answer, as its content policy lets no image in from elsewhere.
 */
export function useLogo(): { logo: LogoView | null; src: string | null; reload: () => void } {
  const [logo, setLogo] = useState<LogoView | null>(null);
  const load = useCallback(() => {
    const withImage = window.location.protocol === 'file:';
    void call('settings.getLogo', { withImage }).then((result) => {
      if (result.ok) setLogo(result.value);
    });
  }, []);
  useEffect(load, [load]);
  useStationEvents((event) => {
    if (event.name === 'settings.changed') load();
  }, load);
  const src = logo ? (logo.dataUrl ?? downloadHref(`${logo.path}?v=${logo.updatedAt}`)) : null;
  return { logo, src, reload: load };
}
