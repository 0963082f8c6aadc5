import { useTranslation } from 'react-i18next';
import { passwordProblems } from '../../../../shared/domain/roles';

const RULES = ['length', 'capital', 'digit', 'special'] as const;

/** The portal's password rule, each part ticked off as the person types. */
export function PasswordRules({ id, password }: { id: string; password: string }) {
  const { t } = useTranslation();
  const problems = passwordProblems(password);
  return (
    <div className="password-rules" id={id}>
      <p className="password-rules-title">{t('passwordRule.title')}</p>
      <ul>
        {RULES.map((rule) => {
          const met = !problems.includes(rule);
          return (
            <li key={rule} className={met ? 'rule-met' : 'rule-missing'} data-rule={rule}>
              <span aria-hidden="true">{met ? '✓' : '•'}</span> {t(`passwordRule.${rule}`)}{' '}
              <span className="visually-hidden">
                ({t(met ? 'passwordRule.met' : 'passwordRule.missing')})
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
