import { useTranslation } from 'react-i18next';
import type { BusinessIdentity } from '../../../../shared/contract';
import type { IdentityProblems } from './setup-form';

interface Props {
  /** Prefix of the inputs' ids, unique on the page (`business`, `shop`). */
  idPrefix: string;
  value: BusinessIdentity;
  onChange: (next: BusinessIdentity) => void;
  /** Shown only after a Save was tried, so a half-typed number is not called wrong. */
  problems: IdentityProblems;
}

const FIELDS = ['name', 'address', 'website', 'vatNumber'] as const;

/** Name, address, website and VAT number: what a receipt prints about who sells. */
export function IdentityFields({ idPrefix, value, onChange, problems }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {FIELDS.map((field) => {
        const id = `${idPrefix}-${field}`;
        const problem = problems[field];
        return (
          <div key={field} className="setup-field">
            <label htmlFor={id}>{t(`salesSetup.identity.${field}`)}</label>
            <input
              id={id}
              value={value[field]}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              inputMode={field === 'website' ? 'url' : 'text'}
              placeholder={t(`salesSetup.identity.${field}Placeholder`)}
              onChange={(event) => onChange({ ...value, [field]: event.target.value })}
            />
            {problem && (
              <p id={`${id}-problem`} className="field-problem" role="alert">
                {t(`salesSetup.problems.${problem}`)}
              </p>
            )}
          </div>
        );
      })}
    </>
  );
}
