import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, SaleRefundTransferView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRefresh } from './use-station-data';

const FIELDS = ['iban', 'name', 'debtorName', 'debtorIban', 'executionDate'] as const;
type Field = (typeof FIELDS)[number];
const LABEL: Record<Field, string> = {
  iban: 'returns.iban.payerIban',
  name: 'returns.iban.payerName',
  debtorName: 'returns.iban.debtorName',
  debtorIban: 'returns.iban.debtorIban',
  executionDate: 'returns.iban.date',
};

/**
 * A Bancontact refund the Refund API would not take: the payer's IBAN and name, the account that pays
 * it, and the SEPA file to hand to the bank (the station checks both IBANs).
 */
export function IbanForm({
  refundId,
  onMade,
}: {
  refundId: number;
  onMade: (file: SaleRefundTransferView) => void;
}) {
  const { t } = useTranslation();
  const { bump } = useRefresh();
  const today = new Date().toISOString().slice(0, 10);
  const [values, setValues] = useState<Record<Field, string>>({
    ...{ iban: '', name: '', debtorName: '', debtorIban: '' },
    executionDate: today,
  });
  const [error, setError] = useState<ContractError | null>(null);
  const make = async () => {
    const result = await call('returns.payByIban', { refundId, ...values });
    if (!result.ok) return setError(result.error);
    // Kept above this form: the refund is no longer waiting, so this form goes once the screen refreshes.
    onMade(result.value);
    bump();
  };
  return (
    <form
      className="iban-form"
      aria-label={t('returns.iban.title')}
      onSubmit={(event) => {
        event.preventDefault();
        void make();
      }}
    >
      <h5>{t('returns.iban.title')}</h5>
      {FIELDS.map((field) => (
        <label key={field} className="field">
          {t(LABEL[field])}
          <input
            type={field === 'executionDate' ? 'date' : 'text'}
            value={values[field]}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
          />
        </label>
      ))}
      <button type="submit" className="button primary">
        {t('returns.iban.make')}
      </button>
      {error && <ErrorAlert error={error} />}
    </form>
  );
}

export function SepaDownload({ file }: { file: SaleRefundTransferView }) {
  const { t } = useTranslation();
  // One object URL per file, let go with the link.
  const href = useMemo(() => URL.createObjectURL(new Blob([file.xml], { type: 'application/xml' })), [file]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <a className="button" href={href} download={file.fileName}>
      {t('returns.iban.download', { file: file.fileName })}
    </a>
  );
}
