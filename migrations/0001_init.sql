-- Submissions and their current decision. Text is kept because moderators must read it; it never
-- goes to logs. JSON columns hold zod-validated shapes (models/rows.ts).
CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  idempotency_key TEXT UNIQUE,
  request_hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  locale TEXT,
  lang TEXT NOT NULL,
  rating INTEGER,
  author_account TEXT NOT NULL,
  author_hash TEXT NOT NULL,
  seller_id TEXT NOT NULL,
  product_id TEXT,
  order_id TEXT,
  disclosed_tie INTEGER NOT NULL DEFAULT 0,
  callback_url TEXT,
  action TEXT NOT NULL,
  status TEXT NOT NULL,
  published_text TEXT,
  findings TEXT NOT NULL,          -- all findings (text, ties, media) as decided now
  reasons TEXT NOT NULL,
  text_findings TEXT NOT NULL,     -- text + tie findings, kept to recompute once media is scanned
  media_total INTEGER NOT NULL DEFAULT 0,
  media_pending INTEGER NOT NULL DEFAULT 0,
  -- moderation queue
  queue_state TEXT NOT NULL DEFAULT 'none',  -- none | open | claimed | done
  priority INTEGER NOT NULL DEFAULT 0,       -- lower is more urgent
  queue_types TEXT NOT NULL DEFAULT '',      -- space-separated finding types, for filters
  claimed_by TEXT,
  lease_until INTEGER,
  escalated INTEGER NOT NULL DEFAULT 0,
  decided_by TEXT,
  decided_at INTEGER,
  version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX submissions_queue ON submissions (queue_state, priority, created_at);
CREATE INDEX submissions_seller ON submissions (seller_id, created_at);
CREATE INDEX submissions_author ON submissions (author_hash, created_at);

CREATE TABLE media (
  submission_id TEXT NOT NULL,
  id TEXT NOT NULL,
  r2_key TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  status TEXT NOT NULL,            -- pending | scanned | failed | invalid | video
  findings TEXT NOT NULL DEFAULT '[]',
  redacted_key TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (submission_id, id)
);

-- Seller ties, stored only as keyed hashes (HMAC-SHA-256 with SIGNAL_HMAC_KEY).
CREATE TABLE seller_ties (
  seller_id TEXT NOT NULL,
  kind TEXT NOT NULL,              -- account | device | payment | address | ip
  hash TEXT NOT NULL,
  PRIMARY KEY (seller_id, kind, hash)
);

-- Authors' signal hashes per submission, for review-ring detection.
CREATE TABLE author_signals (
  submission_id TEXT PRIMARY KEY,
  seller_id TEXT NOT NULL,
  account_hash TEXT NOT NULL,
  device_hash TEXT,
  payment_hash TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX author_signals_device ON author_signals (seller_id, device_hash, created_at);
CREATE INDEX author_signals_payment ON author_signals (seller_id, payment_hash, created_at);

-- Append-only: no UPDATE or DELETE is ever issued on it.
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  submission_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  event TEXT NOT NULL,
  action TEXT,
  reason TEXT,
  note TEXT,
  before TEXT,
  after TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX audit_submission ON audit (submission_id, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

CREATE TABLE appeals (
  id TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL,
  statement TEXT NOT NULL,
  status TEXT NOT NULL,            -- open | upheld | reversed
  excluded_moderator TEXT,
  created_at INTEGER NOT NULL,
  decided_at INTEGER
);
CREATE INDEX appeals_submission ON appeals (submission_id);
