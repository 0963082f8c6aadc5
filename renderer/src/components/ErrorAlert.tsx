import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract';
import type { AmountProblem } from '../../../shared/domain/money';
import { amountProblemText, errorText } from '../i18n/error-text';

/** Something the user must read: a contract error or an amount problem, always translated. */
export type Notice = { kind: 'error'; error: ContractError } | { kind: 'amount'; problem: AmountProblem };

export function ErrorAlert({ error }: { error: ContractError }) {
  const { t } = useTranslation();
  return (
    <p className="alert" role="alert">
      {errorText(t, error)}
    </p>
  );
}

export function NoticeAlert({ notice }: { notice: Notice | null }) {
  const { t } = useTranslation();
  if (!notice) return null;
  if (notice.kind === 'error') return <ErrorAlert error={notice.error} />;
  return (
    <p className="alert" role="alert">
      {amountProblemText(t, notice.problem)}
    </p>
  );
}
