import { describe, expect, it } from 'vitest';
import { clientKey, clientOf } from '../../worker/client.js';

describe('clientKey (shared by the pre-check and console log-in limits)', () => {
  it('IPv4 as is, IPv4-mapped IPv6 as its IPv4, IPv6 as its /64, no header as one local bucket', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:0:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:DB8:0:1::7')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
    expect(clientKey('')).toBe('unknown');
  });
  it('two addresses in one /64 share a bucket; clientOf reads only cf-connecting-ip', () => {
    expect(clientKey('2001:db8:0:1::1')).toBe(clientKey('2001:db8:0:1:ffff::2'));
    const req = (h: Record<string, string>) => ({ header: (n: string) => h[n] });
    expect(clientOf(req({ 'cf-connecting-ip': '198.51.100.7', 'x-forwarded-for': '1.2.3.4' }))).toBe('198.51.100.7');
    expect(clientOf(req({ 'x-forwarded-for': '1.2.3.4' }))).toBe('unknown');
  });
});
