import type { Child } from 'hono/jsx';
import type { Principal } from '../env.js';

/** The console's page frame: one external stylesheet and script, no inline code (see the CSP in routes.tsx). */

export const ASSET_VERSION = '1';

export function Layout(props: { title: string; principal?: Principal | undefined; csrf?: string | null | undefined; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{props.title} · Moderation console</title>
        <link rel="stylesheet" href={`/console/assets/console.css?v=${ASSET_VERSION}`} />
        <script src={`/console/assets/console.js?v=${ASSET_VERSION}`} defer></script>
      </head>
      <body>
        <header class="top">
          <a href="/console"><strong>Moderation console</strong></a>
          {props.principal ? (
            <span>
              {props.principal.name} <span class="badge">{props.principal.role}</span>{' '}
              <form method="post" action="/console/logout">
                <CsrfField token={props.csrf} />
                <button type="submit">Log out</button>
              </form>
            </span>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** Every form post carries the session's CSRF token (empty when the page was opened with a Bearer key). */
export function CsrfField(props: { token: string | null | undefined }) {
  return <input type="hidden" name="_csrf" value={props.token ?? ''} />;
}

export function Flash(props: { kind?: 'info' | 'error'; children?: Child }) {
  return <div class={props.kind === 'error' ? 'flash error' : 'flash'} role={props.kind === 'error' ? 'alert' : 'status'}>{props.children}</div>;
}
