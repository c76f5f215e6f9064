import { DEFAULT_CONFIG } from '../moderation/pipeline.js';
import type { ModerationConfig } from '../moderation/types.js';
import type { Env } from './env.js';

/** Moderation configuration from the worker's vars; parsed once per distinct value. */
let cached: { raw: string; config: ModerationConfig } | undefined;

export function configFor(env: Env): ModerationConfig {
  const raw = (env.PLATFORM_DOMAINS ?? '').trim();
  if (!raw) return DEFAULT_CONFIG;
  if (cached?.raw !== raw) {
    const domains = raw.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean);
    cached = { raw, config: { ...DEFAULT_CONFIG, platformDomains: domains } };
  }
  return cached.config;
}
