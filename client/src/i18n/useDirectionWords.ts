import type { DirectionWords } from '@sakutei/shared/measures';
import { useI18n } from './index';

/** The words a target is printed with (以上 / 以下 / 維持 / 現状維持), in the reader's language. */
export function useDirectionWords(): DirectionWords {
  const { t } = useI18n();
  return {
    higher: t('views.kpiList.orMore'),
    lower: t('views.kpiList.orLess'),
    keep: t('views.kpiList.keep'),
    keepLevel: t('views.kpiList.keepLevel'),
  };
}
