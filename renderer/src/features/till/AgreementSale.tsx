import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementTillView, ContractError } from '../../../../shared/contract';
import { formatMoney, type Locale } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStation } from '../../components/station-context';
import { useLocale } from '../../i18n';

export interface AgreementArticle {
  id: string;
  name: string;
  priceCents: number;
}

/** How often the till reads a pending agreement again (the station follows PPRO meanwhile). */
const FOLLOW_MS = 1_000;
const LANGUAGES: readonly Locale[] = ['nl', 'fr', 'en'];

/**
 * Sells an article with a recurring plan, alone: the customer's name, e-mail and language, and the
 * cashier's tick that the customer approved the merchant's terms. The customer display then shows
 * the QR; the till waits like a payment, with cancel (and, in training, the customer's two answers).
 */
export function AgreementSale(props: { article: AgreementArticle; tillId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [agreement, setAgreement] = useState<AgreementTillView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const pending = agreement?.status === 'pending';
  useFollow(agreement, props.tillId, setAgreement);
  const act = async (
    method: 'agreements.cancelAtTill' | 'training.authoriseAgreement' | 'training.refuseAgreement',
  ) => {
    if (!agreement) return;
    const result = await call(method, { agreementId: agreement.id });
    if (result.ok) setAgreement(result.value);
    else setError(result.error);
  };
  return (
    <div className="agreement-backdrop">
      <section
        className="agreement-sale"
        aria-modal="true"
        role="dialog"
        aria-labelledby="agreement-sale-title"
      >
        <h2 id="agreement-sale-title">{t('tillAgreement.title', { name: props.article.name })}</h2>
        {agreement ? (
          <AgreementState agreement={agreement} />
        ) : (
          <AgreementForm {...props} onStarted={setAgreement} onError={setError} />
        )}
        {error && <AgreementError error={error} />}
        <div className="agreement-actions">
          {pending && <TrainingAnswers onAct={(method) => void act(method)} />}
          {pending ? (
            <button
              type="button"
              className="button button-danger"
              onClick={() => void act('agreements.cancelAtTill')}
            >
              {t('tillAgreement.cancel')}
            </button>
          ) : (
            <button type="button" className="button" onClick={props.onClose}>
              {t('tillAgreement.close')}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}

function AgreementForm(props: {
  article: AgreementArticle;
  tillId: string;
  onStarted: (view: AgreementTillView) => void;
  onError: (error: ContractError | null) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<Locale>(useLocale());
  const [terms, setTerms] = useState(false);
  const [busy, setBusy] = useState(false);
  // One key per form: a double tap or a retry finds the same agreement at the station.
  const key = useRef(`agr-${crypto.randomUUID()}`);
  const start = async () => {
    setBusy(true);
    props.onError(null);
    const consumer = { name: name.trim(), email: email.trim(), locale: language };
    const input = { tillId: props.tillId, idempotencyKey: key.current, articleId: props.article.id };
    const result = await call('agreements.startAtTill', { ...input, consumer, termsAccepted: true });
    setBusy(false);
    if (result.ok) props.onStarted(result.value);
    else props.onError(result.error);
  };
  const ready = name.trim() !== '' && email.includes('@') && terms && !busy;
  return (
    <form
      className="agreement-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void start();
      }}
    >
      <label>
        {t('tillAgreement.name')}
        <input
          id="agreement-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          maxLength={100}
        />
      </label>
      <label>
        {t('tillAgreement.email')}
        <input
          id="agreement-email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          maxLength={254}
        />
      </label>
      <label>
        {t('tillAgreement.language')}
        <select
          id="agreement-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value as Locale)}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`tillAgreement.languages.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="agreement-terms">
        <input type="checkbox" checked={terms} onChange={(e) => setTerms(e.target.checked)} />
        {t('tillAgreement.terms', { version: t('tillAgreement.termsDefault') })}
      </label>
      <button type="submit" className="button button-primary" disabled={!ready}>
        {t('tillAgreement.start')}
      </button>
    </form>
  );
}

function AgreementState({ agreement }: { agreement: AgreementTillView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text =
    agreement.status === 'pending'
      ? t('tillAgreement.waiting')
      : agreement.status === 'active'
        ? agreement.nextChargeAt
          ? t('tillAgreement.active', {
              date: new Date(agreement.nextChargeAt).toLocaleDateString(`${locale}-BE`),
            })
          : t('tillAgreement.activeNoNext')
        : t(`tillAgreement.${agreement.status === 'failed' ? 'failed' : 'revoked'}`);
  return (
    <p
      className={`agreement-state agreement-${agreement.status}`}
      role="status"
      data-status={agreement.status}
    >
      {text}
    </p>
  );
}

function AgreementError({ error }: { error: ContractError }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <ErrorAlert error={error} />
      {error.code === 'PPRO_ABOVE_MAXIMUM' && error.maxCents !== undefined && (
        <p className="alert">{t('tillAgreement.maximum', { amount: formatMoney(error.maxCents, locale) })}</p>
      )}
    </>
  );
}

function TrainingAnswers({
  onAct,
}: {
  onAct: (method: 'training.authoriseAgreement' | 'training.refuseAgreement') => void;
}) {
  const { t } = useTranslation();
  const { mode } = useStation();
  if (mode !== 'training') return null;
  return (
    <>
      <button
        type="button"
        className="button button-training"
        onClick={() => onAct('training.authoriseAgreement')}
      >
        {t('tillAgreement.authorise')}
      </button>
      <button
        type="button"
        className="button button-training"
        onClick={() => onAct('training.refuseAgreement')}
      >
        {t('tillAgreement.refuse')}
      </button>
    </>
  );
}

/** While pending, the till reads the agreement again until the customer answered. */
function useFollow(
  agreement: AgreementTillView | null,
  tillId: string,
  set: (view: AgreementTillView) => void,
) {
  const id = agreement?.status === 'pending' ? agreement.id : null;
  useEffect(() => {
    if (!id) return;
    const timer = setInterval(() => {
      void call('agreements.getForTill', { tillId, agreementId: id }).then((result) => {
        if (result.ok && result.value) set(result.value);
      });
    }, FOLLOW_MS);
    return () => clearInterval(timer);
  }, [id, tillId, set]);
}
