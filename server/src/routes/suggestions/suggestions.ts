import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../env';
import { suggestionDecisionService } from '../../services/suggestionDecide';
import { suggestionSettingsService } from '../../services/suggestionSettings';
import { requireUser } from '../guards';
import { decideSuggestionsRoute, getSuggestionSettingsRoute, setSuggestionSettingsRoute, suggestionHistoryRoute } from './schema';

/**
 * Deciding suggestions (見え消し) and the council's choice of who decides. Who may is asked in
 * the services, as revisions and comments do: it depends on loaded state (the council's
 * setting, a delegation on an open review), not on the role alone.
 */
export function suggestionRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const decisions = suggestionDecisionService(deps);
  const settings = suggestionSettingsService(deps);

  return app
    .openapi(decideSuggestionsRoute, async (c) => {
      return c.json(await decisions.decide(requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200);
    })
    .openapi(suggestionHistoryRoute, async (c) => {
      return c.json(await decisions.history(requireUser(c), c.req.valid('param').id, c.req.valid('query').cursor), 200);
    })
    .openapi(getSuggestionSettingsRoute, async (c) => {
      return c.json(await settings.get(requireUser(c), c.req.valid('param').id), 200);
    })
    .openapi(setSuggestionSettingsRoute, async (c) => {
      return c.json(await settings.set(requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200);
    });
}
