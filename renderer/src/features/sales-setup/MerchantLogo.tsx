import { useTranslation } from 'react-i18next';
import { useLogo } from './use-logo';

/** The merchant's logo where it is set (the customer display), nothing where it is not. */
export function MerchantLogo({ className }: { className: string }) {
  const { t } = useTranslation();
  const { src } = useLogo();
  if (!src) return null;
  return <img className={className} src={src} alt={t('salesSetup.logoAlt')} data-testid="merchant-logo" />;
}
