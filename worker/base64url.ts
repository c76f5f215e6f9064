/** Base64url (RFC 4648 §5, no padding): plain functions, no Web Crypto, so Node tests load them too. */
const enc = new TextEncoder();
const dec = new TextDecoder();

export function b64url(bytes: ArrayBuffer | Uint8Array): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/={1,2}$/, '');
}

/** A value as base64url JSON (UTF-8): queue cursors and session payloads. */
export function toB64urlJson(value: unknown): string {
  return b64url(enc.encode(JSON.stringify(value)));
}

/** The value `toB64urlJson` wrote, or undefined when `s` is not base64url JSON. */
export function fromB64urlJson(s: string): unknown {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(dec.decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
}

