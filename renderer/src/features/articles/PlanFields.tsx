import { useTranslation } from 'react-i18next';
import { PLAN_PERIODS, type PlanPeriod } from '../../../../shared/domain/recurring-plans';
import { ChoiceGroup } from '../devices/ChoiceGroup';
import { planProblems, type PlanDraft } from './plan-draft';

const SOLD_AS = ['once', 'plan', 'auto_topup'] as const;

interface Props {
  plan: PlanDraft;
  set: (change: Partial<PlanDraft>) => void;
}

/**
 * "Sold as": once, a plan (the price every week, month, quarter or year; a number of charges or until
 * the customer stops) or an automatic top-up of a wristband (when below the threshold, add the top-up).
 */
export function PlanFields({ plan, set }: Props) {
  const { t } = useTranslation();
  return (
    <div className="article-plan">
      <ChoiceGroup
        name="soldAs"
        legend={t('articles.soldAs.legend')}
        options={SOLD_AS}
        value={plan.soldAs}
        onChange={(soldAs) => set({ soldAs })}
        label={(option) => t(`articles.soldAs.${option}`)}
        hint={(option) => t(`articles.soldAs.hint.${option}`)}
      />
      {plan.soldAs === 'plan' && <PeriodFields plan={plan} set={set} />}
      {plan.soldAs === 'auto_topup' && <TopupFields plan={plan} set={set} />}
    </div>
  );
}

function PeriodFields({ plan, set }: Props) {
  const { t } = useTranslation();
  const problem = planProblems(plan).charges;
  return (
    <div className="plan-fields">
      <label>
        {t('articles.plan.period')}
        <select
          name="period"
          value={plan.period}
          onChange={(e) => set({ period: e.target.value as PlanPeriod })}
        >
          {PLAN_PERIODS.map((period) => (
            <option key={period} value={period}>
              {t(`articles.plan.every.${period}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          name="untilStopped"
          checked={plan.untilStopped}
          onChange={(e) => set({ untilStopped: e.target.checked })}
        />
        {t('articles.plan.untilStopped')}
      </label>
      {!plan.untilStopped && (
        <label>
          {t('articles.plan.charges')}
          <input
            name="charges"
            inputMode="numeric"
            value={plan.charges}
            aria-invalid={problem !== undefined}
            onChange={(e) => set({ charges: e.target.value })}
          />
        </label>
      )}
      {problem && !plan.untilStopped && <p className="field-problem">{t(`articles.plan.${problem}`)}</p>}
    </div>
  );
}

function TopupFields({ plan, set }: Props) {
  const { t } = useTranslation();
  const problems = planProblems(plan);
  return (
    <div className="plan-fields">
      <label>
        {t('articles.plan.threshold')}
        <input
          name="threshold"
          inputMode="decimal"
          value={plan.threshold}
          aria-invalid={problems.threshold !== undefined}
          onChange={(e) => set({ threshold: e.target.value })}
        />
      </label>
      <label>
        {t('articles.plan.topup')}
        <input
          name="topup"
          inputMode="decimal"
          value={plan.topup}
          aria-invalid={problems.topup !== undefined}
          onChange={(e) => set({ topup: e.target.value })}
        />
      </label>
      {problems.threshold && (
        <p className="field-problem">{`${t('articles.plan.threshold')}: ${t('articles.plan.amount')}`}</p>
      )}
      {problems.topup && (
        <p className="field-problem">{`${t('articles.plan.topup')}: ${t(`articles.plan.${problems.topup}`)}`}</p>
      )}
      <p className="field-hint">{t('articles.plan.topupHint')}</p>
    </div>
  );
}
