import { FINDING_TYPES, type Finding } from '../../models/finding.js';
import type { ItemView } from '../decisions.js';
import type { Principal } from '../env.js';
import type { QueueCounts, QueueListRow } from '../storage/queue.js';
import { Highlighted, category } from './highlight.js';
import { CsrfField, Flash, Layout } from './layout.js';

/**
 * Console pages, server-rendered with hono/jsx. All user content (texts, appeal statements,
 * ids, notes) goes in as JSX children or attribute values, which hono/jsx escapes; nothing here
 * uses raw().
 */

const PRIORITY_LABEL: Record<number, string> = { 0: 'urgent', 1: 'high', 2: 'normal' };
const AGE_OPTIONS: [string, string][] = [['', 'any age'], ['1h', 'older than 1 h'], ['24h', 'older than 24 h'], ['3d', 'older than 3 days'], ['7d', 'older than 7 days']];
const CATEGORIES = [...new Set(FINDING_TYPES.map((t) => t.split('.')[0]!))];
export const REASONS = [...FINDING_TYPES, 'no_violation', 'other'] as const;

function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s}s`;
  if (s < 5400) return `${Math.round(s / 60)}m`;
  if (s < 172_800) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86_400)}d`;
}

function clock(iso: string | null): string {
  return iso ? iso.slice(11, 16) + ' UTC' : '';
}

// ---------------------------------------------------------------- login

export function LoginPage(props: { csrf: string; next: string; error?: string | undefined }) {
  return (
    <Layout title="Log in">
      <div class="card">
        <h1>Moderator log-in</h1>
        {props.error ? <Flash kind="error">{props.error}</Flash> : null}
        <form method="post" action="/console/login">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="next" value={props.next} />
          <p>
            <label>
              Moderator key<br />
              <input type="password" name="key" autocomplete="current-password" required autofocus size={40} />
            </label>
          </p>
          <button type="submit" class="primary">Log in</button>
        </form>
        <p class="muted">The session lasts 8 hours. Pages also accept <code>Authorization: Bearer &lt;moderator key&gt;</code>.</p>
      </div>
    </Layout>
  );
}

export function ErrorPage(props: { principal?: Principal | undefined; csrf?: string | null | undefined; status: number; message: string }) {
  return (
    <Layout title="Error" principal={props.principal} csrf={props.csrf}>
      <Flash kind="error">{`${props.status}: ${props.message}`}</Flash>
      <p><a href="/console">Back to the queue</a></p>
    </Layout>
  );
}

// ---------------------------------------------------------------- queue

export interface QueueParams { type?: string | undefined; locale?: string | undefined; sellerId?: string | undefined; olderThan?: string | undefined; state: string }

function queueHref(p: QueueParams, change: Partial<QueueParams> & { cursor?: string }): string {
  const q = new URLSearchParams();
  const merged = { ...p, ...change };
  for (const [k, v] of Object.entries(merged)) if (v && !(k === 'state' && v === 'waiting')) q.set(k, String(v));
  const s = q.toString();
  return s ? `/console?${s}` : '/console';
}

export function QueuePage(props: {
  principal: Principal; csrf: string | null; params: QueueParams; rows: QueueListRow[]; counts: QueueCounts; nextCursor: string | null;
  held: { id: string; lease_until: number }[]; now: number; flash: string[]; error?: string | undefined; lastDecided?: string | undefined;
}) {
  const { params, counts } = props;
  const types = Object.entries(counts.byType).sort((a, b) => b[1] - a[1]);
  return (
    <Layout title="Queue" principal={props.principal} csrf={props.csrf}>
      {props.error ? <Flash kind="error">{props.error}</Flash> : null}
      {props.flash.map((f) => <Flash>{f}</Flash>)}
      <UndoLast id={props.lastDecided} csrf={props.csrf} />
      <div class="card">
        <h1>Queue: {counts.waiting} waiting, {counts.claimed} claimed{counts.escalated ? `, ${counts.escalated} escalated` : ''}{counts.appeals ? `, ${counts.appeals} appeals` : ''}</h1>
        <ul class="counts" aria-label="Waiting items per finding type">
          <li><a href={queueHref(params, { type: undefined })} class={params.type ? '' : 'on'}>all {counts.waiting}</a></li>
          {types.map(([t, n]) => (
            <li><a href={queueHref(params, { type: t })} class={params.type === t ? 'on' : ''} data-type={t}>{t} {n}</a></li>
          ))}
        </ul>
      </div>

      <div class="card">
        <form method="post" action="/console/claim" id="claim-next" class="bulk">
          <CsrfField token={props.csrf} />
          {params.type ? <input type="hidden" name="type" value={params.type} /> : null}
          {params.locale ? <input type="hidden" name="locale" value={params.locale} /> : null}
          {params.sellerId ? <input type="hidden" name="sellerId" value={params.sellerId} /> : null}
          {params.olderThan ? <input type="hidden" name="olderThan" value={params.olderThan} /> : null}
          <label>Claim the next <select name="limit">{[1, 5, 10, 20].map((n) => <option value={String(n)} selected={n === 5}>{n}</option>)}</select> items</label>
          <button type="submit" class="primary">Claim <kbd>c</kbd></button>
          {props.held.length ? (
            <span>
              You hold {props.held.length}: <a href={`/console/items/${encodeURIComponent(props.held[0]!.id)}`} id="next-item">open the next one <kbd>j</kbd></a>
            </span>
          ) : <span class="muted">You hold no items.</span>}
        </form>
        <form method="get" action="/console" class="filters">
          <label>Type
            <select name="type">
              <option value="">any</option>
              {CATEGORIES.map((c) => <option value={c} selected={params.type === c}>{c} (all)</option>)}
              {FINDING_TYPES.map((t) => <option value={t} selected={params.type === t}>{t}</option>)}
            </select>
          </label>
          <label>Language <input type="text" name="locale" value={params.locale ?? ''} size={4} placeholder="ru" /></label>
          <label>Seller <input type="text" name="sellerId" value={params.sellerId ?? ''} size={12} /></label>
          <label>Age
            <select name="olderThan">{AGE_OPTIONS.map(([v, l]) => <option value={v} selected={(params.olderThan ?? '') === v}>{l}</option>)}</select>
          </label>
          <label>Show
            <select name="state">{['waiting', 'mine', 'claimed', 'all'].map((s) => <option value={s} selected={params.state === s}>{s}</option>)}</select>
          </label>
          <button type="submit">Filter</button>
        </form>
      </div>

      <form method="post" action="/console/bulk" class="card">
        <CsrfField token={props.csrf} />
        <div class="bulk">
          <strong>With selected:</strong>
          <button type="submit" formaction="/console/claim">Claim</button>
          <button type="submit" formaction="/console/release">Release</button>
          <select name="action" aria-label="Bulk decision">
            <option value="publish">publish</option>
            <option value="hide">hide</option>
            <option value="escalate">escalate</option>
          </select>
          <select name="reason" aria-label="Reason">
            {REASONS.map((r) => <option value={r}>{r}</option>)}
          </select>
          <input type="text" name="note" placeholder="note (needed for other)" />
          <button type="submit" formaction="/console/bulk" class="danger">Decide selected</button>
        </div>
        <table>
          <thead>
            <tr>
              <th><input type="checkbox" id="select-all" aria-label="Select all" /></th>
              <th>Priority</th><th>Types</th><th>Text</th><th class="hide-narrow">Lang</th><th class="hide-narrow">Seller</th><th>Age</th><th>State</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.length === 0 ? <tr><td colspan={8} class="muted">Nothing here.</td></tr> : null}
            {props.rows.map((r) => {
              const claimed = r.queue_state === 'claimed' && (r.lease_until ?? 0) >= props.now;
              return (
                <tr data-id={r.id}>
                  <td><input type="checkbox" name="ids" value={r.id} aria-label={`Select ${r.id}`} /></td>
                  <td><span class={`badge p${r.priority}`}>{PRIORITY_LABEL[r.priority] ?? String(r.priority)}</span></td>
                  <td>
                    {r.escalated ? <span class="badge esc">escalated</span> : null}
                    {r.appeal_id ? <span class="badge appeal">appeal</span> : null}
                    {r.queue_types.split(' ').filter(Boolean).map((t) => <span class="badge">{t}</span>)}
                  </td>
                  <td class="excerpt"><a href={`/console/items/${encodeURIComponent(r.id)}`}>{r.excerpt || '(no text)'}{r.text_length > r.excerpt.length ? '…' : ''}</a></td>
                  <td class="hide-narrow">{r.lang}</td>
                  <td class="hide-narrow">{r.seller_id}</td>
                  <td>{age(props.now - r.created_at)}</td>
                  <td>{claimed ? (r.claimed_by === props.principal.name ? 'held by you' : `claimed by ${r.claimed_by ?? '?'}`) : 'waiting'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {props.nextCursor ? <p><a href={queueHref(params, { cursor: props.nextCursor })}>Next page →</a></p> : null}
      </form>
      <Shortcuts page="queue" />
    </Layout>
  );
}

// ---------------------------------------------------------------- item

function Evidence(props: { f: Finding; text: string }) {
  const e = props.f.evidence;
  if (!e) return null;
  return (
    <div class="evidence">
      {e.subtype ? <div>subtype: {e.subtype}</div> : null}
      {e.detail ? <div>detail: {e.detail}</div> : null}
      {e.signals?.length ? <div>signals: {e.signals.join(', ')}</div> : null}
      {e.linkedAccounts?.length ? <div>linked accounts: {e.linkedAccounts.join(', ')}</div> : null}
      {(e.spans ?? []).map((s) => <div>{s.role}: “{props.text.slice(Math.max(0, s.start), Math.max(0, s.end))}” ({s.start}–{s.end})</div>)}
    </div>
  );
}

export function defaultReasons(view: ItemView): Record<'publish' | 'redact' | 'hide' | 'escalate', string> {
  const primary = view.reasons[0] ?? view.findings.find((f) => f.type !== 'seller_tie.disclosed')?.type;
  const redactType = view.findings.find((f) => f.action === 'redact' && f.span)?.type;
  return { publish: 'no_violation', redact: redactType ?? primary ?? 'other', hide: primary ?? 'other', escalate: primary ?? 'other' };
}

const ACTION_LABEL = { publish: 'publish', redact: 'publish redacted', hide: 'hide', escalate: 'escalate to a senior' } as const;
const ACTION_KEY = { publish: 'p', redact: 'r', hide: 'h', escalate: 'e' } as const;

export function ItemPage(props: {
  principal: Principal; csrf: string | null; view: ItemView; nextHeld: string | undefined; flash: string[]; error?: string | undefined;
  senior: boolean; now: number; lastDecided?: string | undefined;
}) {
  const v = props.view;
  const q = v.queue;
  const me = props.principal.name;
  const excluded = v.appeal !== null && q.excludedModerator === me;
  const claimable = (q.state === 'open' || (q.state === 'claimed' && q.leaseExpired && !q.heldByMe)) && !excluded && (!q.escalated || props.senior);
  const canDecide = q.heldByMe && !excluded;
  const defaults = defaultReasons(v);
  const redactable = v.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.action === 'redact' && f.span);
  const undoable = v.decisions.find((d) => d.undoUntil && d.moderator === me);
  return (
    <Layout title={`Item ${v.id}`} principal={props.principal} csrf={props.csrf}>
      {props.error ? <Flash kind="error">{props.error}</Flash> : null}
      {props.flash.map((f) => <Flash>{f}</Flash>)}
      {undoable ? null : <UndoLast id={props.lastDecided !== v.id ? props.lastDecided : undefined} csrf={props.csrf} />}
      <div class="card">
        <h1>
          {v.kind} <span class="muted">{v.id}</span>{' '}
          <span class={`badge p${v.priority}`}>{PRIORITY_LABEL[v.priority] ?? String(v.priority)}</span>
          {q.escalated ? <span class="badge esc">escalated</span> : null}
          {v.appeal ? <span class="badge appeal">appeal</span> : null}
        </h1>
        <p>
          Status <strong>{v.status}</strong> · language {v.lang}{v.locale ? ` (declared ${v.locale})` : ''} · seller {v.sellerId}
          {v.productId ? ` · product ${v.productId}` : ''}{v.rating !== null ? ` · rating ${v.rating}/5` : ''} · submitted {v.createdAt.slice(0, 16).replace('T', ' ')} UTC
        </p>
        <p id="hold-state">
          {q.heldByMe
            ? `You hold this item until ${clock(q.leaseUntil)}${q.leaseExpired ? ' (lease expired: decide now or claim again)' : ''}.`
            : q.state === 'claimed' && !q.leaseExpired
              ? `Claimed by ${q.claimedBy ?? '?'} until ${clock(q.leaseUntil)}.`
              : q.state === 'done' || q.state === 'none' ? 'Not in the queue.' : 'Waiting in the queue.'}
          {excluded ? ' You took the appealed decision, so another moderator must review this appeal.' : ''}
        </p>
        {claimable ? (
          <form method="post" action="/console/claim">
            <CsrfField token={props.csrf} />
            <input type="hidden" name="ids" value={v.id} />
            <button type="submit" class="primary" id="claim-this">Claim this item</button>
          </form>
        ) : null}
        {props.nextHeld ? <p><a href={`/console/items/${encodeURIComponent(props.nextHeld)}`} id="next-item">Next held item <kbd>j</kbd></a></p> : null}
      </div>

      {v.appeal ? (
        <div class="card">
          <h2>Appeal by the author</h2>
          <p class="muted">Opened {v.appeal.createdAt.slice(0, 16).replace('T', ' ')} UTC against the decision now in force ({v.status}).</p>
          <blockquote class="text" id="appeal-statement">{v.appeal.statement}</blockquote>
        </div>
      ) : null}

      <div class="grid">
        <section>
          <h2>Original</h2>
          <Highlighted text={v.text} findings={v.findings} />
        </section>
        <section>
          <h2>Redacted preview</h2>
          <pre class="text" id="redacted-preview">{v.redactedPreview}</pre>
        </section>
      </div>

      <div class="card">
        <h2>Findings ({v.findings.length})</h2>
        {v.findings.length === 0 ? <p class="muted">No findings.</p> : null}
        <ol class="findings">
          {v.findings.map((f, i) => (
            <li data-type={f.type}>
              <a href={`#f-${i + 1}`}><span class={`badge c-${category(f.type)}`}>{f.type}</span></a>{' '}
              {f.span ? `“${v.text.slice(f.span.start, f.span.end)}” (${f.span.start}–${f.span.end}) ` : ''}
              {f.mediaId ? `in media ${f.mediaId} ` : ''}
              <span class="muted">{f.detector}, confidence {f.confidence}, asks for {f.action}</span>
              <Evidence f={f} text={v.text} />
            </li>
          ))}
        </ol>
      </div>

      {v.media.length ? (
        <div class="card">
          <h2>Media ({v.media.length}) <span class="muted">— blurred; reveal with the button or <kbd>v</kbd></span></h2>
          <div class="media-list">
            {v.media.map((m, i) => (
              <figure class="media">
                {m.originalUrl && m.contentType.startsWith('image/') ? (
                  <>
                    <input type="checkbox" class="reveal" id={`reveal-${i}`} />
                    <label for={`reveal-${i}`} class="btn">Reveal / blur</label>
                    <img src={m.originalUrl} alt={`media ${m.id}, blurred until revealed`} loading="lazy" referrerpolicy="no-referrer" />
                  </>
                ) : <p class="muted">{m.contentType} (not shown)</p>}
                <figcaption>
                  {m.id} · {m.status}
                  {m.findings.map((f) => <span class="badge">{f.type}{f.box ? ` @${f.box.x},${f.box.y} ${f.box.width}×${f.box.height}` : ''}</span>)}
                </figcaption>
              </figure>
            ))}
          </div>
        </div>
      ) : null}

      {canDecide ? (
        <form method="post" action={`/console/items/${encodeURIComponent(v.id)}/decision`} id="decide" class="card">
          <h2>Decide</h2>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="version" value={String(v.version)} />
          <fieldset class="actions">
            <legend>Action</legend>
            {(['publish', 'redact', 'hide', 'escalate'] as const).map((a) => (
              <label>
                <input type="radio" name="action" value={a} data-reason={defaults[a]} data-label={ACTION_LABEL[a]} disabled={a === 'escalate' && q.escalated} />
                <span>{ACTION_LABEL[a]} <kbd>{ACTION_KEY[a]}</kbd></span>
              </label>
            ))}
          </fieldset>
          <p>
            <label>Reason{' '}
              <select name="reason">
                <option value="">(default for the action)</option>
                {REASONS.map((r) => <option value={r}>{r}</option>)}
              </select>
            </label>
          </p>
          {redactable.length ? (
            <fieldset>
              <legend>Automated redactions (uncheck none to keep them all)</legend>
              {redactable.map(({ f, i }) => (
                <label>
                  <input type="checkbox" name="keep" value={`${f.span!.start}-${f.span!.end}`} /> leave #{i + 1} ({f.type}) in the text{' '}
                </label>
              ))}
            </fieldset>
          ) : null}
          <p>
            <label>Extra redactions (offsets like <code>12-20</code> or <code>12-20:personal_data.phone</code>; select text and press <kbd>x</kbd>)<br />
              <input type="text" name="redactions" id="redactions" size={40} />
            </label>
          </p>
          <p><label>Note (required for reason “other”; moderators only)<textarea name="note" maxlength={2000}></textarea></label></p>
          <p id="pending-action" aria-live="polite"></p>
          <button type="submit" class="primary" id="confirm">Confirm <kbd>Enter</kbd></button>
        </form>
      ) : null}

      {undoable ? (
        <form method="post" action={`/console/items/${encodeURIComponent(v.id)}/undo`} id="undo" class="card">
          <CsrfField token={props.csrf} />
          You decided <strong>{undoable.action}</strong> ({undoable.reason}). <button type="submit">Undo <kbd>u</kbd></button>{' '}
          <span class="muted">until {clock(undoable.undoUntil)}</span>
        </form>
      ) : null}

      <div class="grid">
        <div class="card">
          <h2>Author</h2>
          <p>Account {v.authorAccount} · earlier items: {Object.entries(v.context.author.totals).map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}</p>
          {v.context.linkedAccounts.length ? <p>Linked accounts (seller-tie evidence): {v.context.linkedAccounts.join(', ')}</p> : null}
          {v.context.author.earlier.length ? (
            <table>
              <thead><tr><th>When</th><th>Item</th><th>Status</th><th>Reasons</th><th>Decided by</th></tr></thead>
              <tbody>
                {v.context.author.earlier.map((h) => (
                  <tr>
                    <td>{h.createdAt.slice(0, 10)}</td>
                    <td><a href={`/console/items/${encodeURIComponent(h.id)}`}>{h.kind}</a>{h.sellerId !== v.sellerId ? <span class="muted"> (seller {h.sellerId})</span> : null}</td>
                    <td>{h.status}</td>
                    <td>{h.reasons.join(', ')}</td>
                    <td>{h.decidedBy ?? 'automated'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
        <div class="card">
          <h2>Seller {v.sellerId}</h2>
          <p>
            In the queue now: {v.context.seller.waiting} waiting, {v.context.seller.claimed} claimed. Last 30 days: {v.context.seller.last30d} items,{' '}
            {v.context.seller.queued30d} sent to moderators, {v.context.seller.hidden30d} hidden.
          </p>
          <p><a href={`/console?sellerId=${encodeURIComponent(v.sellerId)}`}>This seller's queue</a></p>
        </div>
      </div>

      {v.decisions.length ? (
        <div class="card">
          <h2>Decisions on this item</h2>
          <table>
            <thead><tr><th>When</th><th>Moderator</th><th>Action</th><th>Reason</th><th>Note</th><th></th></tr></thead>
            <tbody>
              {v.decisions.map((d) => (
                <tr>
                  <td>{d.decidedAt.slice(0, 16).replace('T', ' ')}</td><td>{d.moderator}</td><td>{d.action}</td><td>{d.reason}</td><td>{d.note ?? ''}</td>
                  <td>{d.undoneAt ? 'undone' : d.appealId ? 'on appeal' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Shortcuts page="item" />
    </Layout>
  );
}

/** After a decision the console moves on; this keeps the undo one keystroke away. */
function UndoLast(props: { id: string | undefined; csrf: string | null }) {
  if (!props.id) return null;
  return (
    <form method="post" action={`/console/items/${encodeURIComponent(props.id)}/undo`} id="undo" class="flash">
      <CsrfField token={props.csrf} />
      Decision on <a href={`/console/items/${encodeURIComponent(props.id)}`}>{props.id}</a> saved. <button type="submit">Undo <kbd>u</kbd></button>
    </form>
  );
}

function Shortcuts(props: { page: 'queue' | 'item' }) {
  return (
    <details class="card shortcuts" id="shortcuts">
      <summary>Keyboard shortcuts <kbd>?</kbd></summary>
      <dl>
        {props.page === 'item' ? (
          <>
            <dt><kbd>p</kbd> then <kbd>Enter</kbd></dt><dd>publish (reason: no violation)</dd>
            <dt><kbd>r</kbd> then <kbd>Enter</kbd></dt><dd>publish with the highlighted personal data removed</dd>
            <dt><kbd>h</kbd> then <kbd>Enter</kbd></dt><dd>hide (reason: the main finding)</dd>
            <dt><kbd>e</kbd> then <kbd>Enter</kbd></dt><dd>escalate to a senior moderator</dd>
            <dt><kbd>Esc</kbd></dt><dd>cancel the chosen action</dd>
            <dt><kbd>x</kbd></dt><dd>redact the text selected in the original</dd>
            <dt><kbd>v</kbd></dt><dd>reveal or blur the photos</dd>
            <dt><kbd>u</kbd></dt><dd>undo your last decision (5 minutes)</dd>
            <dt><kbd>j</kbd></dt><dd>next held item</dd>
          </>
        ) : (
          <>
            <dt><kbd>c</kbd></dt><dd>claim the next items</dd>
            <dt><kbd>j</kbd></dt><dd>open the next item you hold</dd>
          </>
        )}
        <dt><kbd>?</kbd></dt><dd>show or hide this list</dd>
      </dl>
    </details>
  );
}
