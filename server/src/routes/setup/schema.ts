import { createRoute } from '@hono/zod-openapi';
import { ApiErrorBody, SetupRequest, SetupResponse, SetupStatusResponse } from '@sakutei/shared';
import { errorResponses, json } from '../openapi';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ApiErrorBody } } });

export const setupStatusRoute = createRoute({
  method: 'get',
  path: '/api/setup',
  tags: ['setup'],
  summary: 'Whether the installation still needs its first administrator (no session needed).',
  responses: { 200: json(SetupStatusResponse, 'Whether setup is needed.') },
});

export const completeSetupRoute = createRoute({
  method: 'post',
  path: '/api/setup',
  tags: ['setup'],
  summary:
    'Create the first administrator with the one-time setup link the server printed (or `pnpm cli setup` made), and sign them in. Works once, while no administrator exists.',
  request: { body: { required: true, content: { 'application/json': { schema: SetupRequest } } } },
  responses: {
    201: json(SetupResponse, 'The first administrator, signed in (session cookie set).'),
    400: errorResponses[400],
    409: error('An administrator exists already, or the e-mail address belongs to an account.'),
    410: error('The setup link expired, was used, or was replaced by a newer one.'),
  },
});
