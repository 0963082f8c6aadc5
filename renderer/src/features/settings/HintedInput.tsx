import type { InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  id: string;
  label: string;
  /** One line under the label saying what the field is for; read out with the field. */
  hint: string;
  value: string;
  onValue: (value: string) => void;
  invalid?: boolean;
}

/** A settings field's label, its one-line hint and the input, wired together for screen readers. */
export function HintedInput({ id, label, hint, value, onValue, invalid, ...input }: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <p className="muted field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={id}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        aria-invalid={invalid ? true : undefined}
        {...input}
        value={value}
        onChange={(e) => onValue(e.target.value)}
      />
    </>
  );
}
