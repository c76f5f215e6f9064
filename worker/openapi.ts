import { z } from 'zod';
import { DecisionSchema, ErrorBodySchema, SellerTiesSchema, SubmissionSchema } from '../models/api.js';
import { AppealBodySchema, AuditQuerySchema, ClaimBodySchema, DecisionBodySchema, QueueQuerySchema, StatementOfReasonsSchema } from '../models/moderation.js';

/** The OpenAPI document, generated from the same zod schemas that validate requests. */
function schema(s: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const errors = {
  '400': { description: 'Invalid request', ...json('Error') },
  '401': { description: 'Missing or unknown credentials', ...json('Error') },
  '403': { description: 'Wrong role', ...json('Error') },
  '413': { description: 'Body too large', ...json('Error') },
};

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** Query parameters from a zod object schema (one entry per property). */
function queryParams(s: z.ZodType): Record<string, unknown>[] {
  const props = (schema(s).properties ?? {}) as Record<string, unknown>;
  return Object.entries(props).map(([name, sch]) => ({ name, in: 'query', required: false, schema: sch }));
}

let cached: unknown;

export function openApiDocument(): unknown {
  cached ??= {
    openapi: '3.1.0',
    info: { title: 'Marketplace moderation API', version: '1.0.0', description: 'See the contract in the README.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Submission: schema(SubmissionSchema),
        Decision: schema(DecisionSchema),
        SellerTies: schema(SellerTiesSchema),
        Error: schema(ErrorBodySchema),
        Claim: schema(ClaimBodySchema),
        ModeratorDecision: schema(DecisionBodySchema),
        Appeal: schema(AppealBodySchema),
        StatementOfReasons: schema(StatementOfReasonsSchema),
      },
    },
    paths: {
      '/v1/precheck': {
        post: { summary: 'Pre-check a text before posting (public, stores nothing)', requestBody: json('Submission'), responses: { '200': { description: 'What would happen', ...json('Decision') }, '429': { description: 'Rate limited', ...json('Error') }, ...errors } },
      },
      '/v1/submissions': {
        post: {
          summary: 'Submit content for moderation', security: [{ bearer: [] }],
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }],
          requestBody: { content: { ...json('Submission').content, 'multipart/form-data': { schema: { type: 'object', properties: { submission: { type: 'string', description: 'Submission JSON' }, media: { type: 'array', items: { type: 'string', format: 'binary' } } } } } } },
          responses: { '201': { description: 'Decided (or pending media scan)', ...json('Decision') }, '200': { description: 'Replay of an earlier request with the same Idempotency-Key', ...json('Decision') }, '422': { description: 'Idempotency-Key reused with another body', ...json('Error') }, ...errors },
        },
      },
      '/v1/submissions/{id}': {
        get: { summary: 'The current decision', security: [{ bearer: [] }], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'Decision', ...json('Decision') }, '404': { description: 'Not found', ...json('Error') }, ...errors } },
      },
      '/v1/sellers/{sellerId}/ties': {
        put: { summary: "Replace a seller's ties (hashed on arrival)", security: [{ bearer: [] }], parameters: [{ name: 'sellerId', in: 'path', required: true, schema: { type: 'string' } }], requestBody: json('SellerTies'), responses: { '200': { description: 'Stored' }, ...errors } },
      },
      '/v1/submissions/{id}/appeals': {
        post: { summary: 'The author appeals a decision (storefront, within 6 months)', security: [{ bearer: [] }], parameters: [idParam], requestBody: json('Appeal'), responses: { '201': { description: 'Appeal queued' }, ...errors } },
      },
      '/v1/submissions/{id}/statement': {
        get: { summary: 'Statement of reasons (DSA Art. 17 shape) for a restricting decision', security: [{ bearer: [] }], parameters: [idParam], responses: { '200': { description: 'Statement', ...json('StatementOfReasons') }, ...errors } },
      },
      '/v1/queue': {
        get: { summary: 'Queued items, highest priority first (moderators)', security: [{ bearer: [] }], parameters: queryParams(QueueQuerySchema), responses: { '200': { description: 'Items and counts per type' }, ...errors } },
      },
      '/v1/queue/claim': {
        post: { summary: 'Lease the next N items to the caller (moderators)', security: [{ bearer: [] }], requestBody: json('Claim'), responses: { '200': { description: 'Claimed items and lease expiry' }, ...errors } },
      },
      '/v1/submissions/{id}/decision': {
        post: { summary: "A moderator's decision on an item the caller holds", security: [{ bearer: [] }], parameters: [idParam], requestBody: json('ModeratorDecision'), responses: { '200': { description: 'The new Decision' }, '409': { description: 'Not held by the caller', ...json('Error') }, ...errors } },
      },
      '/v1/audit': {
        get: { summary: 'Audit records (senior, admin); ?format=csv|ndjson exports', security: [{ bearer: [] }], parameters: queryParams(AuditQuerySchema), responses: { '200': { description: 'Audit records' }, ...errors } },
      },
    },
  };
  return cached;
}
