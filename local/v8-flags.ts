import { Runtime } from 'miniflare';

/**
 * V8 flags for the local workerd. workerd reads them from its config (`Config.v8Flags`), which
 * Miniflare builds and sends to workerd as one binary Cap'n Proto message without a way to set
 * that field. So the message is amended on its way out: `withV8Flags` adds the list in a
 * segment of its own and points the root struct's `v8Flags` slot at it with a far pointer,
 * leaving every byte Miniflare wrote where it was (no decoder, no re-encoding of the 2 MB of
 * worker source the message carries).
 *
 * Cap'n Proto wire format, as used below (all little-endian 64-bit words):
 * - framing: u32 segment count - 1, u32 size in words per segment, padded to a word;
 * - struct pointer: bits 0-1 = 0, 2-31 = signed offset in words from the pointer's end,
 *   32-47 = data words, 48-63 = pointer words;
 * - list pointer: bits 0-1 = 1, 2-31 = offset, 32-34 = element size (2 = byte, 6 = pointer),
 *   35-63 = element count (a Text is a byte list ending in NUL, counted);
 * - far pointer: bits 0-1 = 2, bit 2 = double-far, 3-31 = word offset of the landing pad in
 *   the target segment, 32-63 = segment id.
 */

/** `v8Flags` is pointer 2 of workerd's Config struct (services 0, sockets 1, v8Flags 2, ...). */
const V8_FLAGS_POINTER = 2;

const STRUCT = 0;
const LIST = 1;
const FAR = 2;
const BYTE_ELEMENTS = 2;
const POINTER_ELEMENTS = 6;

function word(lo: number, hi: number, out: DataView, at: number): void {
  out.setUint32(at, lo >>> 0, true);
  out.setUint32(at + 4, hi >>> 0, true);
}

/** The list of texts as a segment of its own: a landing pad pointing at the list, the list, the texts. */
function textListSegment(texts: readonly string[]): Uint8Array {
  const bytes = texts.map((t) => new TextEncoder().encode(t));
  const textWords = bytes.map((b) => Math.ceil((b.length + 1) / 8));
  const words = 1 + texts.length + textWords.reduce((a, b) => a + b, 0);
  const seg = new Uint8Array(words * 8);
  const view = new DataView(seg.buffer);
  // Landing pad (word 0): the list starts right after it.
  word(LIST, POINTER_ELEMENTS | (texts.length << 3), view, 0);
  let next = 1 + texts.length;
  for (let i = 0; i < texts.length; i++) {
    const at = 1 + i;
    const b = bytes[i]!;
    word(LIST | ((next - (at + 1)) << 2), BYTE_ELEMENTS | ((b.length + 1) << 3), view, at * 8);
    seg.set(b, next * 8);
    next += textWords[i]!;
  }
  return seg;
}

/** The config message with `flags` as workerd's V8 flags. Throws if the message has a shape it does not expect. */
export function withV8Flags(message: Uint8Array, flags: readonly string[]): Uint8Array {
  if (flags.length === 0) return message;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const count = view.getUint32(0, true) + 1;
  const headerBytes = (4 + 4 * count + 7) & ~7;
  const sizes: number[] = [];
  const starts: number[] = [];
  let at = headerBytes;
  for (let i = 0; i < count; i++) {
    sizes.push(view.getUint32(4 + 4 * i, true));
    starts.push(at);
    at += sizes[i]! * 8;
  }
  if (at !== message.byteLength) throw new Error('v8 flags: config message framing not understood');

  // Root pointer: segment 0, word 0. Miniflare's encoder puts the root struct in segment 0.
  const lo = view.getUint32(starts[0]!, true);
  const hi = view.getUint32(starts[0]! + 4, true);
  if ((lo & 3) !== STRUCT) throw new Error('v8 flags: the config root is not a plain struct pointer');
  const structWord = 1 + (lo >> 2);
  const dataWords = hi & 0xffff;
  const pointerWords = hi >>> 16;
  if (pointerWords <= V8_FLAGS_POINTER) throw new Error('v8 flags: the config struct has no v8Flags slot');
  const slot = starts[0]! + (structWord + dataWords + V8_FLAGS_POINTER) * 8;
  if (slot + 8 > starts[0]! + sizes[0]! * 8) throw new Error('v8 flags: config struct out of bounds');
  if (view.getUint32(slot, true) !== 0 || view.getUint32(slot + 4, true) !== 0) throw new Error('v8 flags: the config already sets v8Flags');

  const extra = textListSegment(flags);
  const newCount = count + 1;
  const newHeader = (4 + 4 * newCount + 7) & ~7;
  const out = new Uint8Array(newHeader + (message.byteLength - headerBytes) + extra.byteLength);
  const outView = new DataView(out.buffer);
  outView.setUint32(0, newCount - 1, true);
  for (let i = 0; i < count; i++) outView.setUint32(4 + 4 * i, sizes[i]!, true);
  outView.setUint32(4 + 4 * count, extra.byteLength / 8, true);
  out.set(message.subarray(headerBytes), newHeader);
  out.set(extra, newHeader + message.byteLength - headerBytes);
  // The slot becomes a single far pointer to the landing pad at word 0 of the new segment.
  word(FAR, count, outView, slot - headerBytes + newHeader);
  return out;
}

let installed: readonly string[] | undefined;

/**
 * Makes every Miniflare runtime this process starts run workerd with `flags`. Miniflare exports
 * its Runtime class; its updateConfig(config, options, ...) is the one place the encoded config
 * passes before it is written to workerd's stdin. Once per process, same flags only.
 */
export function installV8Flags(flags: readonly string[]): void {
  if (installed) {
    if (installed.join(' ') !== flags.join(' ')) throw new Error(`v8 flags already installed as "${installed.join(' ')}"`);
    return;
  }
  installed = [...flags];
  if (flags.length === 0) return;
  const proto = Runtime.prototype as unknown as { updateConfig(config: Uint8Array, ...rest: unknown[]): Promise<unknown> };
  const original = proto.updateConfig;
  if (typeof original !== 'function') throw new Error('v8 flags: miniflare Runtime.updateConfig not found');
  proto.updateConfig = function (this: unknown, config: Uint8Array, ...rest: unknown[]) {
    return original.call(this, Buffer.from(withV8Flags(config, flags)), ...rest);
  };
}
