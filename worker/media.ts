import type { Finding } from '../models/finding.js';
import { LIMITS } from '../models/api.js';
import { sniffMedia } from '../moderation/media/sniff.js';
import { sha256Hex } from './crypto.js';
import { ApiError } from './errors.js';

/**
 * Incoming media: decoded, sniffed by magic bytes (the declared type is not trusted), and sorted
 * into what gets scanned, what waits for a human, and what is refused as media.invalid.
 */
export interface PreparedMedia {
  id: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
  state: 'pending' | 'video' | 'invalid';
  findings: Finding[];
}

export function decodeBase64(data: string, field: string): Uint8Array {
  const clean = data.replace(/^data:[^,]{0,100},/, '').replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new ApiError(400, 'invalid_base64', `${field} is not base64.`);
  let bin: string;
  try {
    bin = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  } catch {
    throw new ApiError(400, 'invalid_base64', `${field} is not base64.`);
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function prepareMedia(id: string, declaredType: string, bytes: Uint8Array): Promise<PreparedMedia> {
  if (bytes.byteLength > LIMITS.mediaBytes) {
    throw new ApiError(413, 'media_too_large', `Media ${id} is over ${LIMITS.mediaBytes} bytes.`);
  }
  const sniff = sniffMedia(bytes, declaredType);
  const sha256 = await sha256Hex(bytes);
  const base = { id, bytes, sha256, contentType: sniff.contentType };
  if (sniff.kind === 'image') return { ...base, state: 'pending', findings: [] };
  const finding = (type: Finding['type'], detail: string): Finding => ({
    type, detector: 'media-intake', confidence: 1, mediaId: id, action: type === 'media.invalid' ? 'hide' : 'queue', evidence: { detail },
  });
  if (sniff.kind === 'video') return { ...base, state: 'video', findings: [finding('media.video_unscanned', sniff.contentType)] };
  return { ...base, state: 'invalid', findings: [finding('media.invalid', sniff.reason ?? 'not an allowed image')] };
}
