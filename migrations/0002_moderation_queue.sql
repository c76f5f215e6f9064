-- The moderators' queue: claims, decisions, undo, appeals and statements of reasons.

-- claim_token: every claim request stamps its own token on the rows it won, then reads them back
-- by token (D1 has no SELECT ... FOR UPDATE; one UPDATE over a sub-select is the atomic step).
ALTER TABLE submissions ADD COLUMN claim_token TEXT;
ALTER TABLE submissions ADD COLUMN claimed_at INTEGER;
-- an open appeal on the item, and the moderator who made the appealed decision (may not review it)
ALTER TABLE submissions ADD COLUMN appeal_id TEXT;
ALTER TABLE submissions ADD COLUMN excluded_moderator TEXT;
-- the moderator decision the row currently reflects; dependent inserts in a batch check it so
-- they land only when the guarded UPDATE did
ALTER TABLE submissions ADD COLUMN last_decision_id TEXT;

-- Work in queue order: escalated first (for seniors), then priority, oldest first. Partial, so it
-- holds only the few thousand waiting items, never the millions already decided. The trailing
-- columns are every filter and lease column, so listing and claiming touch table rows only for
-- the items they return.
CREATE INDEX submissions_work ON submissions (escalated DESC, priority, created_at, id, queue_state, lease_until, queue_types, lang, seller_id, appeal_id, excluded_moderator) WHERE queue_state IN ('open', 'claimed');
-- Counts per type: grouped in index order and covering, one pass over the index, no table rows.
CREATE INDEX submissions_counts ON submissions (escalated, queue_types, priority, queue_state, lease_until, appeal_id, lang, seller_id, created_at) WHERE queue_state IN ('open', 'claimed');
CREATE INDEX submissions_claim_token ON submissions (claim_token) WHERE claim_token IS NOT NULL;
CREATE INDEX submissions_held ON submissions (claimed_by, priority, created_at) WHERE queue_state = 'claimed';
CREATE INDEX submissions_seller_work ON submissions (seller_id) WHERE queue_state IN ('open', 'claimed');

-- One row per moderator decision. Not append-only (undo stamps undone_at); the audit table is.
CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL,
  moderator TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,            -- publish | redact | hide | escalate
  reason TEXT NOT NULL,
  note TEXT,
  redactions TEXT,                 -- JSON { add: [{start,end,type}], keep: [{start,end}] }
  appeal_id TEXT,
  before TEXT NOT NULL,            -- JSON snapshot of the row's decision and queue columns
  after TEXT NOT NULL,
  version_after INTEGER NOT NULL,
  statement TEXT,                  -- JSON statement of reasons when the decision restricts the item
  decided_at INTEGER NOT NULL,
  undone_at INTEGER
);
CREATE INDEX decisions_submission ON decisions (submission_id, decided_at);

-- which decision an appeal is against ('auto:<version>' for an automated one) and its outcome
ALTER TABLE appeals ADD COLUMN decision_ref TEXT;
ALTER TABLE appeals ADD COLUMN outcome_decision_id TEXT;
