import { useTranslation } from 'react-i18next';

/**
 * Belgian scope, said plainly (issue 13, point 7): Kassa is no certified registered cash register,
 * and who must use one. The facts are in ../shared/reference/pos-landscape.md §4.1.
 */
export function GksNotice() {
  const { t } = useTranslation();
  return (
    <section className="settings-section gks-notice" aria-labelledby="gks-title" data-testid="gks-notice">
      <h2 id="gks-title">{t('salesSetup.gks.title')}</h2>
      <p>{t('salesSetup.gks.notCertified')}</p>
      <p>{t('salesSetup.gks.whoNeedsOne')}</p>
      <p className="muted">{t('salesSetup.gks.belowThreshold')}</p>
    </section>
  );
}
