import { afterAll, describe, expect, it } from 'vitest';
import { Miniflare } from 'miniflare';
import { installV8Flags, withV8Flags } from '../../local/v8-flags.js';

/**
 * local/v8-flags.ts amends Miniflare's binary config for workerd. workerd itself is the judge
 * that the amended message is well formed and the flags arrive: `--expose-gc` makes `gc` a
 * global of the worker, which it is not otherwise.
 */
describe('V8 flags for the local workerd', () => {
  const started: Miniflare[] = [];
  afterAll(async () => { await Promise.all(started.map((mf) => mf.dispose())); });
  const probe = async () => {
    const mf = new Miniflare({ modules: true, script: 'export default { fetch() { return new Response(typeof gc) } }', compatibilityDate: '2026-04-20' });
    started.push(mf);
    return (await mf.dispatchFetch('http://probe/')).text();
  };

  it('reach workerd through the amended config, and nothing changes without them', async () => {
    expect(await probe()).toBe('undefined');
    installV8Flags(['--expose-gc']);
    expect(await probe()).toBe('function');
    // Once per process: other flags would silently not apply to runtimes already started.
    expect(() => installV8Flags(['--trace-gc'])).toThrow(/already installed/);
  });

  it('refuses a message it does not understand instead of sending workerd a broken one', () => {
    // One segment of one word: a root pointer that is a list, not the config struct.
    const msg = new Uint8Array(16);
    new DataView(msg.buffer).setUint32(4, 1, true);
    new DataView(msg.buffer).setUint32(8, 1, true);
    expect(() => withV8Flags(msg, ['--x'])).toThrow(/not a plain struct/);
    const truncated = new Uint8Array(8);
    new DataView(truncated.buffer).setUint32(4, 5, true);
    expect(() => withV8Flags(truncated, ['--x'])).toThrow(/framing/);
    expect(withV8Flags(msg, [])).toBe(msg);
  });
});
