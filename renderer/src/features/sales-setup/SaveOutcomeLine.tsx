import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { SaveOutcome } from './use-setup';

/** What came of a form's last Save: "Saved", or the station's refusal in words. */
export function SaveOutcomeLine({ outcome }: { outcome: SaveOutcome }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.kind === 'error') return <ErrorAlert error={outcome.error} />;
  return (
    <p className="ok" role="status">
      {t('settings.saved')}
    </p>
  );
}
