import { SUGGESTION_DECIDERS, type Role, type SuggestionDeciders } from '@sakutei/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useI18n } from '../../i18n';
import { getSuggestionSettings, setSuggestionSettings } from '../../lib/suggestionsApi';
import './suggestions.css';

const settingsKey = (workspaceId: string) => ['suggestion-settings', workspaceId] as const;

/** Staff and the chair choose who decides the council's suggestions (the server holds the same rule). */
export const mayChooseDeciders = (role: Role | null | undefined): boolean => role === 'staff' || role === 'chair';

/**
 * 提案の採否を決める人: the members who edit (the default), or the chair alone with a vice
 * chair the chair delegates on a review. Saved as soon as it is chosen.
 */
export function DecidersSetting({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const titleId = useId();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: settingsKey(workspaceId), queryFn: ({ signal }) => getSuggestionSettings(workspaceId, signal) });
  const save = useMutation({
    mutationFn: (suggestionDeciders: SuggestionDeciders) => setSuggestionSettings(workspaceId, { suggestionDeciders }),
    onSuccess: (stored) => queryClient.setQueryData(settingsKey(workspaceId), stored),
  });
  const current = save.isPending ? save.variables : settings.data?.suggestionDeciders;

  return (
    <section className="page suggestion-deciders" data-testid="suggestion-deciders" aria-labelledby={titleId}>
      <fieldset className="suggestion-deciders__choices" disabled={!settings.isSuccess || save.isPending}>
        <legend id={titleId} className="suggestion-deciders__title">
          {t('suggestions.settings.title')}
        </legend>
        {SUGGESTION_DECIDERS.map((choice) => (
          <label key={choice} className="suggestion-deciders__choice">
            <input
              type="radio"
              name={`${titleId}-deciders`}
              value={choice}
              data-testid={`suggestion-deciders-${choice}`}
              checked={current === choice}
              onChange={() => save.mutate(choice)}
            />
            {t(choice === 'editors' ? 'suggestions.settings.editors' : 'suggestions.settings.chair')}
          </label>
        ))}
      </fieldset>
      <p role="status" className="suggestion-deciders__status">
        {save.isSuccess ? t('suggestions.settings.saved') : ''}
      </p>
      {(save.isError || settings.isError) && <p role="alert">{t('suggestions.settings.failed')}</p>}
    </section>
  );
}
