import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { MAX_LOGO_IMAGE_BYTES } from '../../../../shared/contract/logo-methods';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLogo } from './use-logo';

type Problem =
  { kind: 'type' } | { kind: 'size'; kb: number } | { kind: 'error'; error: ContractError } | null;

const TYPES = ['image/png', 'image/jpeg'];

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

/** The logo on receipts, the customer display and every PDF: shown, replaced, removed. */
export function LogoSection() {
  const { t } = useTranslation();
  const { logo, src, reload } = useLogo();
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<{ ok: true } | { ok: false; error: ContractError }>) => {
    setBusy(true);
    const result = await work();
    setBusy(false);
    setProblem(result.ok ? null : { kind: 'error', error: result.error });
    reload();
  };
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    // Said here in the user's words; the station checks the bytes again.
    if (!TYPES.includes(file.type)) return setProblem({ kind: 'type' });
    if (file.size > MAX_LOGO_IMAGE_BYTES)
      return setProblem({ kind: 'size', kb: Math.ceil(file.size / 1024) });
    void run(async () => call('settings.setLogo', { image: await readDataUrl(file) }));
  };
  return (
    <div className="setup-form" role="group" aria-labelledby="logo-title">
      <h3 id="logo-title">{t('salesSetup.logoTitle')}</h3>
      <p className="field-hint muted">{t('salesSetup.logoHint')}</p>
      {src ? (
        <img className="setup-logo" src={src} alt={t('salesSetup.logoAlt')} data-testid="logo-preview" />
      ) : (
        <p className="muted">{t('salesSetup.noLogo')}</p>
      )}
      <div className="form-actions">
        <label className="button button-primary" htmlFor="logo-file">
          {t(logo ? 'salesSetup.replaceLogo' : 'salesSetup.chooseLogo')}
        </label>
        <input
          id="logo-file"
          className="visually-hidden"
          type="file"
          accept="image/png,image/jpeg"
          disabled={busy}
          onChange={choose}
        />
        <button
          type="button"
          className="button"
          disabled={busy || !logo}
          onClick={() => void run(() => call('settings.removeLogo', {}))}
        >
          {t('salesSetup.removeLogo')}
        </button>
      </div>
      {problem?.kind === 'error' && <ErrorAlert error={problem.error} />}
      {problem && problem.kind !== 'error' && (
        <p className="alert" role="alert">
          {t(`salesSetup.problems.logo-${problem.kind}`, { kb: problem.kind === 'size' ? problem.kb : 0 })}
        </p>
      )}
    </div>
  );
}
