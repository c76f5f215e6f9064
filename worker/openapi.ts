import { z } from 'zod';
import { DecisionSchema, ErrorBodySchema, SellerTiesSchema, SubmissionSchema } from '../models/api.js';

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
    },
  };
  return cached;
}
