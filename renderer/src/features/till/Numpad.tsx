import { useTranslation } from 'react-i18next';
import type { AmountKey } from './amount-entry';

const KEYS: readonly AmountKey[] = ['7', '8', '9', '4', '5', '6', '1', '2', '3', ',', '0', 'backspace'];

/** Big keys for a touch screen; they never submit, Pay does. */
interface Props {
  onKey: (key: AmountKey) => void;
  disabled?: boolean;
  /** Smaller keys (still ≥ 44 px) where the numpad shares the column with a payment panel. */
  compact?: boolean;
}

export function Numpad({ onKey, disabled, compact }: Props) {
  const { t } = useTranslation();
  return (
    <div className={compact ? 'numpad numpad-compact' : 'numpad'} role="group" aria-label={t('till.numpad')}>
      {KEYS.map((key) =>
        key === 'backspace' ? (
          <button
            key={key}
            type="button"
            className="numpad-key numpad-backspace"
            aria-label={t('till.backspace')}
            title={t('till.backspace')}
            disabled={disabled}
            onClick={() => onKey(key)}
          >
            ⌫
          </button>
        ) : (
          <button
            key={key}
            type="button"
            className="numpad-key"
            disabled={disabled}
            onClick={() => onKey(key)}
          >
            {key}
          </button>
        ),
      )}
      <button
        type="button"
        className="numpad-key numpad-clear"
        aria-label={t('till.clear')}
        title={t('till.clear')}
        disabled={disabled}
        onClick={() => onKey('clear')}
      >
        C
      </button>
    </div>
  );
}
