import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { useDiskFull } from './use-disk-full';

/**
 * On every screen while the disk is full: a payment the customer made may show as waiting until space
 * is freed, and nothing new can be saved, so whoever stands at the till must know why.
 */
export function DiskFullBanner() {
  const { t } = useTranslation();
  const folder = useDiskFull();
  if (!folder) return null;
  return (
    <p role="alert" className="alert disk-full-banner" data-testid="disk-full">
      {errorText(t, { code: 'DISK_FULL', folder })}
    </p>
  );
}
