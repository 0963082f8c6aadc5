import { useTranslation } from 'react-i18next';

/**
 * Before a Z: a drawer of the day has no count yet. Counting first is what the manager nearly always
 * wants (a Z with an open drawer is refused, and a day closed uncounted shows no cash difference), so
 * this asks before the final question rather than after the station said no.
 */
export function CloseWarning({
  tills,
  onCount,
  onCloseAnyway,
}: {
  tills: string[];
  onCount: () => void;
  onCloseAnyway: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="confirm close-warning" role="group" aria-labelledby="close-warning">
      <p id="close-warning" role="alert">
        <strong>{t('reports.close.notCounted', { tills: tills.join(', ') })}</strong>
      </p>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onCount}>
          {t('reports.close.goCount')}
        </button>
        <button type="button" className="button" onClick={onCloseAnyway}>
          {t('reports.close.closeAnyway')}
        </button>
      </div>
    </div>
  );
}
