import type { DerivedKpi, KpiFields } from '@sakutei/shared/measures';
import type { CellComments } from './useCellComments';
import type { KpiSuggesting } from './FigureSuggestion';
import type { CellPresenceMap } from './useCellPresence';

/** What every section of one KPI card works with. */
export type KpiCardScope = {
  entry: DerivedKpi;
  /** Whether the definition may be changed (editors); actuals have their own rule. */
  canEdit: boolean;
  /** Prefix for the ids that tie labels to inputs. */
  idPrefix: string;
  presence: CellPresenceMap;
  comments: CellComments;
  /** Writes fields of the KPI as one undo step. */
  update: (fields: Partial<KpiFields>) => void;
  /** Proposals (提案) for the KPI's figures; absent where none are shown. */
  suggesting?: KpiSuggesting | undefined;
};
