import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../local/system.js';
import { StatementOfReasonsSchema } from '../../models/moderation.js';
import { KEYS, startSystem } from './helpers.js';
import { api, db, moderatorKeys, seed } from './queue-helpers.js';

/**
 * Appeals (internal complaints): open for 6 months after a decision, reviewed by a moderator
 * other than the one who decided (enforced in claim and in decide), and their outcome is itself
 * an audited decision with its own statement of reasons.
 */

const MODS = moderatorKeys(3);
let sys: LocalSystem;
const store = () => api(sys, KEYS.storefront);
const senior = () => api(sys, KEYS.senior);
const A = () => api(sys, MODS.keys[0]!);
const B = () => api(sys, MODS.keys[1]!);

beforeAll(async () => { sys = await startSystem({ vars: { SCAN_RETRY_DELAY_S: '0', MODERATOR_KEYS: MODS.vars } }); });
afterAll(async () => { await sys?.stop(); });

async function json(r: Response): Promise<any> {
  return JSON.parse(await r.text());
}

/** Seeds a queued item and has moderator A decide it. */
async function decidedBy(who: ReturnType<typeof api>, action: 'hide' | 'publish' | 'redact', reason: string): Promise<{ id: string; decisionId: string }> {
  const [id] = await seed(sys, [{}]);
  const c = await json(await who.post('/v1/queue/claim', { ids: [id] }));
  expect(c.items.length).toBe(1);
  const d = await json(await who.post(`/v1/submissions/${id}/decision`, { action, reason }));
  expect(d.decisionId).toMatch(/^dec_/);
  return { id: id!, decisionId: d.decisionId };
}

describe('appeals', () => {
  it('go to a moderator other than the one who decided; the outcome is an audited decision', async () => {
    const { id } = await decidedBy(A(), 'hide', 'extortion.threat');
    const r = await store().post(`/v1/submissions/${id}/appeals`, { statement: 'I never threatened anyone, I asked for my refund.' });
    expect(r.status).toBe(201);
    const appeal = await json(r);
    expect(appeal).toMatchObject({ status: 'open', submissionId: id });

    // Still hidden while the appeal waits; it is back in the queue, marked as an appeal.
    expect((await json(await sys.fetch(`/v1/submissions/${id}`, { headers: { authorization: `Bearer ${KEYS.storefront}` } }))).status).toBe('hidden');
    const list = await json(await B().get('/v1/queue?appeal=true'));
    expect(list.items.map((i: any) => i.id)).toEqual([id]);
    expect(list.items[0].appealId).toBe(appeal.id);
    expect(list.counts.appeals).toBe(1);

    // A cannot claim it, neither as "next" nor by id.
    expect((await json(await A().post('/v1/queue/claim', { limit: 10 }))).items.map((i: any) => i.id)).not.toContain(id);
    expect((await json(await A().post('/v1/queue/claim', { ids: [id] }))).items).toEqual([]);
    // B can, and sees the appeal in the item view.
    expect((await json(await B().post('/v1/queue/claim', { ids: [id] }))).items.map((i: any) => i.id)).toEqual([id]);
    const view = await json(await B().get(`/v1/queue/${id}`));
    expect(view.appeal).toMatchObject({ id: appeal.id, statement: 'I never threatened anyone, I asked for my refund.', excludedModerator: 'mod-0' });

    const out = await json(await B().post(`/v1/submissions/${id}/decision`, { action: 'publish', reason: 'no_violation', note: 'a refund request, not a threat' }));
    expect(out).toMatchObject({ status: 'published', appeal: { id: appeal.id, status: 'reversed' } });

    const appeals = await json(await store().get(`/v1/submissions/${id}/appeals`));
    expect(appeals.items).toMatchObject([{ id: appeal.id, status: 'reversed' }]);
    const audit = await json(await senior().get(`/v1/audit?submissionId=${id}`));
    expect(audit.items.map((a: any) => `${a.event}:${a.actor}`)).toEqual(['decision:mod-0', 'appeal_opened:storefront', 'appeal_decision:mod-1']);
    expect(audit.items[2].after.appeal).toEqual({ id: appeal.id, status: 'reversed' });

    // The outcome of an appeal is final inside the platform.
    const again = await store().post(`/v1/submissions/${id}/appeals`, { statement: 'again' });
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe('appeal_already_decided');
  });

  it('the decider cannot decide the appeal even when holding it', async () => {
    const { id } = await decidedBy(A(), 'hide', 'extortion.threat');
    await store().post(`/v1/submissions/${id}/appeals`, { statement: 'please look again' });
    await (await db(sys)).prepare("UPDATE submissions SET queue_state = 'claimed', claimed_by = 'mod-0', lease_until = ? WHERE id = ?").bind(Date.now() + 60_000, id).run();
    const r = await A().post(`/v1/submissions/${id}/decision`, { action: 'hide', reason: 'extortion.threat' });
    expect(r.status).toBe(409);
    expect((await json(r)).error.code).toBe('appeal_conflict');
    await (await db(sys)).prepare("UPDATE submissions SET queue_state = 'open', claimed_by = NULL WHERE id = ?").bind(id).run();
    // An upheld appeal: a senior (not the decider) hides again; the statement says it is final.
    expect((await json(await senior().post('/v1/queue/claim', { ids: [id] }))).items.length).toBe(1);
    const out = await json(await senior().post(`/v1/submissions/${id}/decision`, { action: 'hide', reason: 'extortion.threat' }));
    expect(out.appeal.status).toBe('upheld');
    const st = StatementOfReasonsSchema.parse(await json(await sys.fetch(`/v1/submissions/${id}/statement`, { headers: { authorization: `Bearer ${KEYS.storefront}` } })));
    expect(st.outcome_of_appeal).toBe(true);
    expect(st.redress.internal_complaint.available).toBe(false);
    expect(st.decision_facts).toMatch(/appealed/);
  });

  it('are refused while undecided, while one is open, twice, and after 6 months', async () => {
    const [queued] = await seed(sys, [{}]);
    const r1 = await store().post(`/v1/submissions/${queued}/appeals`, { statement: 'why?' });
    expect(r1.status).toBe(409);
    expect((await json(r1)).error.code).toBe('not_decided');

    const { id } = await decidedBy(A(), 'hide', 'extortion.threat');
    expect((await store().post(`/v1/submissions/${id}/appeals`, { statement: 'one' })).status).toBe(201);
    const r2 = await store().post(`/v1/submissions/${id}/appeals`, { statement: 'two' });
    expect((await json(r2)).error.code).toBe('appeal_open');

    const old = await decidedBy(A(), 'hide', 'extortion.threat');
    const sevenMonths = 7 * 31 * 86_400_000;
    await (await db(sys)).prepare('UPDATE submissions SET decided_at = decided_at - ? WHERE id = ?').bind(sevenMonths, old.id).run();
    const r3 = await store().post(`/v1/submissions/${old.id}/appeals`, { statement: 'late' });
    expect(r3.status).toBe(409);
    expect((await json(r3)).error.code).toBe('appeal_window_closed');

    expect((await store().post(`/v1/submissions/${id}/appeals`, { statement: '' })).status).toBe(400);
    expect((await store().post(`/v1/submissions/${id}/appeals`, { statement: 'x'.repeat(5001) })).status).toBe(400);
    expect((await store().post('/v1/submissions/sub_none/appeals', { statement: 'x' })).status).toBe(404);
    expect((await A().post(`/v1/submissions/${id}/appeals`, { statement: 'x' })).status).toBe(403);
  });

  it('against an automated decision: any moderator may review it', async () => {
    const [id] = await seed(sys, [{ status: 'hidden', findings: [['off_platform.phishing', 'Call +7 916 123-45-67']] }]);
    const st = StatementOfReasonsSchema.parse(await json(await sys.fetch(`/v1/submissions/${id}/statement`, { headers: { authorization: `Bearer ${KEYS.storefront}` } })));
    expect(st).toMatchObject({ automated_decision: 'AUTOMATED_DECISION_FULLY', category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', category_specification: ['KEYWORD_PHISHING'] });
    expect((await store().post(`/v1/submissions/${id}/appeals`, { statement: 'it is my own shop link' })).status).toBe(201);
    const c = await json(await A().post('/v1/queue/claim', { ids: [id] }));
    expect(c.items.map((i: any) => i.id)).toEqual([id]);
    const out = await json(await A().post(`/v1/submissions/${id}/decision`, { action: 'hide', reason: 'off_platform.phishing' }));
    expect(out.appeal.status).toBe('upheld');
  });

  it('undoing an appeal decision reopens the appeal', async () => {
    const { id } = await decidedBy(A(), 'hide', 'extortion.threat');
    const appeal = await json(await store().post(`/v1/submissions/${id}/appeals`, { statement: 'please' }));
    await B().post('/v1/queue/claim', { ids: [id] });
    await B().post(`/v1/submissions/${id}/decision`, { action: 'publish', reason: 'no_violation' });
    expect((await B().post(`/v1/submissions/${id}/decision/undo`)).status).toBe(200);
    const appeals = await json(await store().get(`/v1/submissions/${id}/appeals`));
    expect(appeals.items).toMatchObject([{ id: appeal.id, status: 'open', decidedAt: null }]);
    const row = await (await db(sys)).prepare('SELECT status, appeal_id, excluded_moderator, claimed_by FROM submissions WHERE id = ?').bind(id).first<any>();
    expect(row).toEqual({ status: 'hidden', appeal_id: appeal.id, excluded_moderator: 'mod-0', claimed_by: 'mod-1' });
    // the statement in force is A's original decision again
    const st = await json(await sys.fetch(`/v1/submissions/${id}/statement`, { headers: { authorization: `Bearer ${KEYS.storefront}` } }));
    expect(st.outcome_of_appeal).toBe(false);
    expect(st.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_REMOVED']);
  });
});
