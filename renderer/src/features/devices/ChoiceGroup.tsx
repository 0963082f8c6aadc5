import type { ReactNode } from 'react';

interface Props<T extends string> {
  name: string;
  legend: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => string;
  /** A line under an option's label that says what choosing it means. */
  hint?: (option: T) => ReactNode;
}

/** A row of big radio tiles: one tap each, readable from a metre away, a real radio group underneath. */
export function ChoiceGroup<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  label,
  hint,
}: Props<T>) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <div className="choice-tiles">
        {options.map((option) => (
          <label key={option} className="choice-tile">
            <input
              type="radio"
              name={name}
              value={option}
              checked={option === value}
              onChange={() => onChange(option)}
            />
            <span className="choice-label">{label(option)}</span>
            {hint && <span className="choice-hint">{hint(option)}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
