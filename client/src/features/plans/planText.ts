import { formatPeriod, type PlanDetails, type PlanStage } from '@sakutei/shared';
import type { Locale, Translate } from '../../i18n';

/** The period as the plans write it (令和4年度〜令和7年度), or null when the plan has none. */
export function periodText(plan: Pick<PlanDetails, 'periodFrom' | 'periodTo'>, locale: Locale): string | null {
  if (plan.periodFrom === null || plan.periodTo === null) return null;
  if (locale === 'en') return plan.periodFrom === plan.periodTo ? `FY${plan.periodFrom}` : `FY${plan.periodFrom}–FY${plan.periodTo}`;
  return formatPeriod({ from: plan.periodFrom, to: plan.periodTo });
}

/** 第2版 素案（審議中）: the latest revision's stage and where its review stands. */
export function stageText(stage: PlanStage | null, t: Translate): string {
  if (!stage) return t('plans.stage.none');
  return t('plans.stage.text', { number: stage.number, stage: stage.stage, review: t(`plans.review.${stage.reviewStatus}`) });
}
