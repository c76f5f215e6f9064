/**
 * Who a per-client limit applies to (the pre-check's and the console log-in's rate limits).
 *
 * Cloudflare sets cf-connecting-ip and clients cannot forge it, so no other header is trusted.
 * Locally (`npm start`, the tests) the worker is reached on a direct socket with no such header,
 * so all local clients share one bucket ('unknown') unless a test sends the header itself.
 * An IPv6 client usually holds a whole /64, so the key is the /64, or a client could rotate
 * addresses to dodge the limit.
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  if (!ip.includes(':')) return ip;
  if (ip.includes('.')) return ip.slice(ip.lastIndexOf(':') + 1); // IPv4-mapped (::ffff:1.2.3.4)
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return `${[...left, ...zeros, ...right].slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The limit key of the request's client (see clientKey). */
export function clientOf(req: { header(name: string): string | undefined }): string {
  return clientKey(req.header('cf-connecting-ip'));
}
