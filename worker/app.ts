import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { timing } from 'hono/timing';
import type { AppEnv } from './env.js';
import { ApiError, errorBody, onError } from './errors.js';
import { health } from './health.js';
import { openApiDocument } from './openapi.js';
import { precheck } from './routes/precheck.js';
import { sellers } from './routes/sellers.js';
import { submissions } from './routes/submissions.js';
import { appeals } from './routes/appeals.js';
import { audit, decisionRoutes, queue } from './routes/moderation.js';
import { consoleApp } from './console/routes.js';
import { widgetRoutes } from './widget/routes.js';

/** The Hono app: every route of the contract. Data flows route → model → pipeline → policy → storage. */
export function createApp() {
  const app = new Hono<AppEnv>();
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false }));
  // Server-Timing only when profiling (SERVER_TIMING=1). Hono's own `enabled` option still times
  // and formats every request, so the middleware is skipped altogether otherwise.
  const serverTiming = timing({ totalDescription: 'total' });
  app.use('*', (c, next) => (c.env.SERVER_TIMING === '1' ? serverTiming(c, next) : next()));
  app.onError(onError);
  app.notFound((c) => c.json(errorBody('not_found', 'No such route.'), 404));

  app.get('/', (c) => c.json({ service: 'marketplace-moderation', docs: '/openapi.json', demo: '/demo', console: '/console' }));
  app.get('/health', health);
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/v1/precheck', precheck);
  app.route('/', widgetRoutes); // /widget.js, /widget/<hash>.js, /widget.json, /demo
  // Moderator and appeal routes under /v1/submissions/{id}/… come before the storefront router,
  // whose '*' middleware would otherwise demand a storefront key for them.
  app.route('/v1/submissions', decisionRoutes);
  app.route('/v1/submissions', appeals);
  app.route('/v1/submissions', submissions);
  app.route('/v1/queue', queue);
  app.route('/v1/audit', audit);
  app.route('/console', consoleApp);
  app.route('/v1/sellers', sellers);
  app.all('/v1/*', () => {
    throw new ApiError(404, 'not_found', 'No such route.');
  });
  return app;
}
