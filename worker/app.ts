import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env.js';
import { ApiError, errorBody, onError } from './errors.js';
import { openApiDocument } from './openapi.js';
import { precheck } from './routes/precheck.js';
import { sellers } from './routes/sellers.js';
import { submissions } from './routes/submissions.js';

/** The Hono app: every route of the contract. Data flows route → model → pipeline → policy → storage. */
export function createApp() {
  const app = new Hono<AppEnv>();
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false }));
  app.onError(onError);
  app.notFound((c) => c.json(errorBody('not_found', 'No such route.'), 404));

  app.get('/', (c) => c.json({ service: 'marketplace-moderation', docs: '/openapi.json', demo: '/demo', console: '/console' }));
  app.get('/health', (c) => c.json({ ok: true }));
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/v1/precheck', precheck);
  app.route('/v1/submissions', submissions);
  app.route('/v1/sellers', sellers);
  app.all('/v1/*', () => {
    throw new ApiError(404, 'not_found', 'No such route.');
  });
  return app;
}
