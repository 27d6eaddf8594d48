import { setRoleMark, updateSettings, type HierarchyScheme } from '@sakutei/shared/measures';
import { useId } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import type { PlanViewProps } from '../plan/planView';
import { useMeasureTable } from '../plan/useMeasureTable';
import { PrintButton } from './PrintButton';
import { RoleActors } from './RoleActors';
import { RoleMatrixTable } from './RoleMatrixTable';
import { roleGroups } from './roleMatrix';
import './views.css';

function LevelChooser({ doc, scheme, level }: { doc: Y.Doc; scheme: HierarchyScheme; level: number }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="views-field views-no-print">
      <label htmlFor={id}>{t('views.roles.level')}</label>
      <select
        id={id}
        className="views-input"
        value={level}
        data-testid="role-matrix-level"
        onChange={(event) => updateSettings(doc, { roleMatrixLevel: Number(event.target.value) })}
      >
        {scheme.levels.map((def, index) => (
          <option key={index} value={index}>
            {def.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** 役割分担: who takes the main role (◎) and who cooperates (○) in each measure, as in Koriyama's 相関表. */
export function RoleMatrixView({ session, editable }: PlanViewProps) {
  const { t } = useI18n();
  const { table, derived } = useMeasureTable(session.ydoc);
  const headingId = useId();
  const { scheme } = table.settings;
  // A scheme can lose levels after the setting was chosen; list the deepest that exists.
  const level = Math.min(table.settings.roleMatrixLevel, scheme.levels.length - 1);
  const levelName = scheme.levels[level]?.name ?? '';
  const groups = roleGroups(derived, level);
  const doc = session.ydoc;

  return (
    <section className="views-sheet views-printable" data-testid="role-matrix" aria-labelledby={headingId}>
      <div className="views-toolbar">
        {editable ? (
          <LevelChooser doc={doc} scheme={scheme} level={level} />
        ) : (
          <p className="views-toolbar__note">{t('views.roles.levelShown', { level: levelName })}</p>
        )}
        <PrintButton />
      </div>
      <h2 id={headingId} className="views-title">
        {t('views.roles.title')}
      </h2>
      {groups.length === 0 ? (
        <p className="empty-state">{t('views.roles.noRows', { level: levelName })}</p>
      ) : table.actors.length === 0 ? (
        <p className="empty-state">{t('views.roles.noColumns')}</p>
      ) : (
        <>
          <RoleMatrixTable
            groups={groups}
            actors={table.actors}
            cells={table.roleCells}
            levelName={levelName}
            labelledBy={headingId}
            onSet={editable ? (nodeId, actorId, mark) => setRoleMark(doc, nodeId, actorId, mark) : null}
          />
          <p className="role-matrix__legend" data-testid="role-matrix-legend">
            {t('views.roles.legend')}
          </p>
        </>
      )}
      {editable && <RoleActors doc={doc} actors={table.actors} />}
    </section>
  );
}
