import { useTranslation } from 'react-i18next';
import { isValidPin, passwordProblems } from '../../../../shared/domain/roles';
import { PasswordRules } from './PasswordRules';

interface Props {
  id: string;
  label: string;
  usesPin: boolean;
  value: string;
  onValue: (value: string) => void;
}

/** A PIN (digits only, the rule under it) or a password (each part of the rule ticked off live). */
export function SecretField({ id, label, usesPin, value, onValue }: Props) {
  const { t } = useTranslation();
  const hintId = `${id}-rule`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        inputMode={usesPin ? 'numeric' : undefined}
        maxLength={usesPin ? 6 : 200}
        aria-describedby={hintId}
        value={value}
        onChange={(event) => onValue(usesPin ? event.target.value.replace(/\D/g, '') : event.target.value)}
      />
      {usesPin ? (
        <p className="muted field-hint" id={hintId}>
          {t('pinRule')}
        </p>
      ) : (
        <PasswordRules id={hintId} password={value} />
      )}
    </>
  );
}

/** Whether the station's rule for this kind of secret is met, to enable the button. */
export function secretMeetsRule(usesPinNow: boolean, value: string): boolean {
  return usesPinNow ? isValidPin(value) : passwordProblems(value).length === 0;
}
