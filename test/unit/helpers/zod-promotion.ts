/**
 * Child process for models/cross-field.test.ts, run with --trace-gc-nvp: parses a submission N
 * times, with ~100 KB of short-lived garbage per parse so that young-generation collections come
 * at a steady pace, as they do in the worker under load. MODE=superRefine adds an empty
 * superRefine to the real schema: the control showing the harness sees the retention.
 */
import { SubmissionSchema } from '../../../models/api.js';

const n = Number(process.env.N ?? 1000);
const schema = process.env.MODE === 'superRefine' ? SubmissionSchema.superRefine(() => {}) : SubmissionSchema;
const text = 'Качество хорошее, размер соответствует, доставка 15 дней. Call me +7 916 123-45-67. '.repeat(24);
const body = JSON.stringify({ kind: 'review', text, author: { accountId: 'a' }, seller: { id: 's' } });

function garbage(): number {
  const a: { i: number; s: string }[] = [];
  for (let i = 0; i < 3000; i++) a.push({ i, s: `x${i}` });
  return a.length;
}

let sum = 0;
for (let i = 0; i < n; i++) {
  const r = schema.safeParse(JSON.parse(body));
  sum += (r.success ? r.data.text.length : 0) + garbage();
}
console.error(`parsed ${n} ${sum}`);
