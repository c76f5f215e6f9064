import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS, SubmissionSchema, type Submission } from '../../models/api.js';
import { requireRole } from '../auth.js';
import type { AppEnv } from '../env.js';
import { ApiError, parseWith, readJson } from '../errors.js';
import { decodeBase64, prepareMedia, type PreparedMedia } from '../media.js';
import { getMedia, getSubmission, listMedia, toDecision } from '../storage/submissions.js';
import { requestHash, submit } from '../submit.js';

/** Storefront routes for submissions: create (JSON or multipart), read, and the redacted media. */
export const submissions = new Hono<AppEnv>();

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

submissions.use('*', requireRole({ role: 'storefront' }));

submissions.post(
  '/',
  bodyLimit({ maxSize: LIMITS.jsonBodyBytes, onError: () => { throw new ApiError(413, 'payload_too_large', `The body is over ${LIMITS.jsonBodyBytes} bytes.`); } }),
  async (c) => {
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new ApiError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1-200 visible ASCII characters.');
    }
    const type = c.req.header('content-type') ?? '';
    const { input, media, hashBasis } = /^multipart\/form-data/i.test(type) ? await fromMultipart(c.req.raw) : await fromJson(await readJson(c));
    const { decision, replayed } = await submit(c.env, input, { idempotencyKey: key, requestHash: await requestHash(hashBasis), media, timing: c });
    if (replayed) c.header('idempotent-replayed', 'true');
    return c.json(decision, replayed ? 200 : 201);
  },
);

async function fromJson(body: unknown): Promise<{ input: Submission; media: PreparedMedia[]; hashBasis: unknown }> {
  const input = parseWith(SubmissionSchema, body);
  const media: PreparedMedia[] = [];
  for (const [i, m] of (input.media ?? []).entries()) {
    media.push(await prepareMedia(m.id, m.contentType, decodeBase64(m.data, `media.${i}.data`)));
  }
  return { input, media, hashBasis: body };
}

/**
 * multipart/form-data: a `submission` field with the JSON (its `media` entries, if any, carry no
 * data) and one file part per media item, named `media`, whose file name is the media id.
 */
async function fromMultipart(req: Request): Promise<{ input: Submission; media: PreparedMedia[]; hashBasis: unknown }> {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new ApiError(400, 'invalid_multipart', 'The multipart body could not be read.');
  }
  const raw = form.get('submission');
  if (typeof raw !== 'string') throw new ApiError(400, 'invalid_multipart', 'A "submission" field with the JSON is required.');
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new ApiError(400, 'invalid_json', 'The "submission" field is not valid JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ApiError(400, 'invalid_json', 'The "submission" field must be a JSON object.');
  // workers-types declares getAll as string[]; at run time file parts are File objects.
  const files = (form.getAll('media') as unknown as (File | string)[]).filter((f): f is File => typeof f !== 'string');
  if (files.length > LIMITS.mediaItems) throw new ApiError(400, 'too_many_media', `At most ${LIMITS.mediaItems} media items.`);
  const input = parseWith(SubmissionSchema, { ...json, media: files.map((f) => ({ id: f.name || 'media', contentType: f.type || 'application/octet-stream', data: '' })) });
  const media: PreparedMedia[] = [];
  const hashes: string[] = [];
  for (const f of files) {
    const p = await prepareMedia(f.name || 'media', f.type, new Uint8Array(await f.arrayBuffer()));
    media.push(p);
    hashes.push(p.sha256);
  }
  return { input, media, hashBasis: { ...json, mediaHashes: hashes } };
}

submissions.get('/:id', async (c) => {
  const row = await getSubmission(c.env.DB, c.req.param('id'));
  if (!row) throw new ApiError(404, 'not_found', 'No such submission.');
  const media = await listMedia(c.env.DB, row.id);
  const visible = row.status === 'published' || row.status === 'redacted';
  return c.json(toDecision(row, media, (m) => (visible && m.redacted_key ? `/v1/submissions/${row.id}/media/${encodeURIComponent(m.id)}` : undefined)));
});

/** The published copy of a photo: metadata stripped and personal data blurred; never the original. */
submissions.get('/:id/media/:mediaId', async (c) => {
  const row = await getSubmission(c.env.DB, c.req.param('id'));
  const media = row ? await getMedia(c.env.DB, row.id, c.req.param('mediaId')) : undefined;
  if (!row || !media) throw new ApiError(404, 'not_found', 'No such media.');
  if (!(row.status === 'published' || row.status === 'redacted') || !media.redacted_key) {
    throw new ApiError(404, 'not_published', 'This media is not published.');
  }
  const obj = await c.env.MEDIA.get(media.redacted_key);
  if (!obj) throw new ApiError(404, 'not_found', 'No such media.');
  return new Response(obj.body, {
    headers: { 'content-type': obj.httpMetadata?.contentType ?? 'application/octet-stream', 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' },
  });
});
