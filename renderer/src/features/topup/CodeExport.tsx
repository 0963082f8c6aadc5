import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

const SIZES = ['S', 'M', 'L', 'XL'] as const;
type Size = (typeof SIZES)[number];

/** One wristband's code as PNG or SVG at Bancontact's generator sizes (180, 250, 400, 800 px). */
export function CodeExport({ wristbandId }: { wristbandId: string }) {
  const { t } = useTranslation();
  const [size, setSize] = useState<Size>('M');
  const [error, setError] = useState<ContractError | null>(null);
  const save = async (format: 'png' | 'svg') => {
    const result = await call('topup.exportCode', { wristbandId, format, size });
    if (!result.ok) return setError(result.error);
    setError(null);
    const link = document.createElement('a');
    link.href = `data:${result.value.mime};base64,${result.value.base64}`;
    link.download = result.value.fileName;
    link.click();
  };
  return (
    <div className="inline-form code-export">
      <label htmlFor="code-size">{t('topup.code.size')}</label>
      <select id="code-size" value={size} onChange={(e) => setSize(e.target.value as Size)}>
        {SIZES.map((s) => (
          <option key={s} value={s}>
            {t(`topup.code.sizes.${s}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button" onClick={() => void save('png')}>
        {t('topup.code.png')}
      </button>
      <button type="button" className="button" onClick={() => void save('svg')}>
        {t('topup.code.svg')}
      </button>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
