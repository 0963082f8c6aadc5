import { useTranslation } from 'react-i18next';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const MAX_PIN_DIGITS = 6;

interface Props {
  pin: string;
  onPin: (pin: string) => void;
  disabled?: boolean;
}

/**
 * Big keys for a thumb (the till's Numpad has a decimal comma a PIN never needs). The keys type into
 * the PIN field beside them, which a keyboard can type into as well.
 */
export function PinPad({ pin, onPin, disabled }: Props) {
  const { t } = useTranslation();
  const press = (digit: string) => {
    if (pin.length < MAX_PIN_DIGITS) onPin(pin + digit);
  };
  return (
    <div className="pin-pad" role="group" aria-label={t('signIn.pinPad')}>
      {DIGITS.map((digit) => (
        <button
          key={digit}
          type="button"
          className="numpad-key"
          disabled={disabled}
          onClick={() => press(digit)}
        >
          {digit}
        </button>
      ))}
      <button
        type="button"
        className="numpad-key numpad-backspace"
        aria-label={t('till.backspace')}
        title={t('till.backspace')}
        disabled={disabled}
        onClick={() => onPin(pin.slice(0, -1))}
      >
        ⌫
      </button>
      <button type="button" className="numpad-key" disabled={disabled} onClick={() => press('0')}>
        0
      </button>
      <button
        type="button"
        className="numpad-key numpad-clear"
        aria-label={t('till.clear')}
        title={t('till.clear')}
        disabled={disabled}
        onClick={() => onPin('')}
      >
        C
      </button>
    </div>
  );
}
