import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../shared/domain/money';
import { ROLES, type Role } from '../../../../shared/domain/roles';
import { isLocale } from '../../i18n';

/** The station's limit on a name (personName in the contract). */
export const MAX_NAME_LENGTH = 60;

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function NameField({
  id,
  label,
  value,
  onValue,
}: {
  id: string;
  label: string;
  value: string;
  onValue: (v: string) => void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        autoComplete="off"
        maxLength={MAX_NAME_LENGTH}
        value={value}
        onChange={(e) => onValue(e.target.value)}
      />
    </>
  );
}

export function LocaleField({
  id,
  label,
  value,
  onValue,
}: {
  id: string;
  label: string;
  value: Locale;
  onValue: (v: Locale) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => isLocale(e.target.value) && onValue(e.target.value)}>
        {LOCALES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </select>
    </>
  );
}

export function RoleField({ id, value, onValue }: { id: string; value: Role; onValue: (v: Role) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{t('staff.role')}</label>
      <select id={id} value={value} onChange={(e) => isRole(e.target.value) && onValue(e.target.value)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`staff.roles.${role}`)}
          </option>
        ))}
      </select>
    </>
  );
}
