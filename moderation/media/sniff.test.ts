import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import fc from 'fast-check';
import { sniffMedia } from './sniff.js';

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | readonly number[])[]) => {
  const arrs = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrs.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrs) { out.set(a, o); o += a.length; }
  return out;
};
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];

/** Only the header a bomb needs: the decoder would allocate width×height before reading any data. */
const pngHeader = (w: number, h: number) => cat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], be32(13), enc('IHDR'), be32(w), be32(h), [8, 2, 0, 0, 0], be32(0));
const jpegHeader = (w: number, h: number) => cat([0xff, 0xd8], [0xff, 0xe0], be16(16), enc('JFIF\0'), [1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xc0], be16(17), [8], be16(h), be16(w), [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
const ftyp = (major: string, ...compat: string[]) => cat(be32(16 + 4 * compat.length), enc('ftyp'), enc(major), be32(0), ...compat.map(enc));

const rgb = { width: 64, height: 48, channels: 3 as const, background: '#3366aa' };

describe('sniffMedia', () => {
  it('reads type and size of real JPEG, PNG and WebP files', async () => {
    const jpeg = await sharp({ create: rgb }).jpeg().toBuffer();
    const png = await sharp({ create: rgb }).png().toBuffer();
    const webpLossy = await sharp({ create: rgb }).webp().toBuffer();
    const webpLossless = await sharp({ create: rgb }).webp({ lossless: true }).toBuffer();
    const webpAlpha = await sharp({ create: { ...rgb, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } }).webp().toBuffer();
    expect(sniffMedia(jpeg)).toEqual({ kind: 'image', contentType: 'image/jpeg', width: 64, height: 48 });
    expect(sniffMedia(png)).toEqual({ kind: 'image', contentType: 'image/png', width: 64, height: 48 });
    for (const w of [webpLossy, webpLossless, webpAlpha]) {
      expect(sniffMedia(w)).toMatchObject({ kind: 'image', contentType: 'image/webp', width: 64, height: 48 });
    }
  });

  it('finds the frame header of a progressive JPEG behind EXIF', async () => {
    const jpeg = await sharp({ create: { ...rgb, width: 300, height: 200 } })
      .withExif({ IFD0: { Copyright: 'x'.repeat(2000) } })
      .jpeg({ progressive: true })
      .toBuffer();
    expect(sniffMedia(jpeg)).toMatchObject({ kind: 'image', width: 300, height: 200 });
  });

  it('trusts the bytes, not the declared type', async () => {
    const png = await sharp({ create: rgb }).png().toBuffer();
    expect(sniffMedia(png, 'image/jpeg')).toMatchObject({ kind: 'image', contentType: 'image/png', declaredMismatch: true });
    expect(sniffMedia(png, 'image/png').declaredMismatch).toBeUndefined();
    expect(sniffMedia(enc('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png')).toMatchObject({ kind: 'invalid', reason: 'svg' });
  });

  it('refuses decompression bombs from the header alone', () => {
    expect(sniffMedia(pngHeader(100_000, 100_000))).toMatchObject({ kind: 'invalid', contentType: 'image/png', reason: 'side_over_limit' });
    expect(sniffMedia(pngHeader(8000, 8000))).toMatchObject({ kind: 'invalid', reason: 'pixels_over_limit' });
    expect(sniffMedia(jpegHeader(12_001, 10))).toMatchObject({ kind: 'invalid', reason: 'side_over_limit' });
    expect(sniffMedia(jpegHeader(7000, 7000))).toMatchObject({ kind: 'invalid', reason: 'pixels_over_limit' });
    expect(sniffMedia(jpegHeader(6000, 4000))).toMatchObject({ kind: 'image', width: 6000, height: 4000 });
    expect(sniffMedia(pngHeader(0, 10))).toMatchObject({ kind: 'invalid', reason: 'zero_size' });
  });

  it('refuses files over the byte limit', () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pngHeader(100, 100));
    expect(sniffMedia(big)).toMatchObject({ kind: 'invalid', reason: 'too_large' });
    expect(sniffMedia(big.subarray(0, 10 * 1024 * 1024))).toMatchObject({ kind: 'image' });
  });

  it('refuses a JPEG whose header ends before the frame header', () => {
    expect(sniffMedia(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toMatchObject({ kind: 'invalid', reason: 'corrupt_header' });
    expect(sniffMedia(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0]))).toMatchObject({ kind: 'invalid', reason: 'corrupt_header' });
  });

  it('tells videos and HEIF stills apart by ftyp brand', () => {
    expect(sniffMedia(ftyp('isom', 'iso2', 'avc1', 'mp41'))).toEqual({ kind: 'video', contentType: 'video/mp4' });
    expect(sniffMedia(ftyp('qt  ', 'qt  '))).toEqual({ kind: 'video', contentType: 'video/quicktime' });
    expect(sniffMedia(ftyp('heic', 'mif1', 'heic'))).toEqual({ kind: 'image', contentType: 'image/heic' });
    expect(sniffMedia(ftyp('mif1', 'heic'))).toEqual({ kind: 'image', contentType: 'image/heif' });
    expect(sniffMedia(ftyp('avif', 'mif1'))).toEqual({ kind: 'image', contentType: 'image/avif' });
    expect(sniffMedia(cat(be32(8), enc('wide'), be32(100), enc('mdat')))).toEqual({ kind: 'video', contentType: 'video/quicktime' });
    expect(sniffMedia(ftyp('zzzz'))).toMatchObject({ kind: 'invalid', reason: 'unknown_format' });
  });

  it('accepts WebM and refuses other Matroska', () => {
    const ebml = (doc: string) => cat([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | doc.length], enc(doc));
    expect(sniffMedia(ebml('webm'))).toEqual({ kind: 'video', contentType: 'video/webm' });
    expect(sniffMedia(ebml('matroska'))).toMatchObject({ kind: 'invalid', reason: 'unsupported_video' });
  });

  it('refuses markup, scripts, PDFs and everything else', () => {
    const cases: [string, string][] = [
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'svg'],
      ['\uFEFF  <?xml version="1.0"?>\n<svg></svg>', 'svg'],
      ['<!DOCTYPE html><html><body>hi</body></html>', 'html'],
      ['  <script>fetch("/x")</script>', 'html'],
      ['%PDF-1.7\n%âãÏÓ', 'pdf'],
      ['#!/bin/sh\nrm -rf /', 'script'],
      ['GIF89a\x01\x00\x01\x00', 'unsupported_image'],
      ['hello, just text', 'unknown_format'],
    ];
    for (const [text, reason] of cases) expect(sniffMedia(enc(text)), text).toMatchObject({ kind: 'invalid', reason });
    expect(sniffMedia(new Uint8Array())).toMatchObject({ kind: 'invalid', reason: 'empty' });
    expect(sniffMedia(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ kind: 'invalid', reason: 'archive' });
  });

  it('never throws, and calls nothing an image without dimensions', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom([], [0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...enc('RIFF'), 0, 0, 0, 0, ...enc('WEBP')]), (tail, head) => {
      const r = sniffMedia(cat(head, tail));
      if (r.kind === 'image' && r.contentType !== 'image/heic' && r.contentType !== 'image/heif' && r.contentType !== 'image/avif') {
        expect(r.width).toBeTypeOf('number');
        expect(r.height).toBeTypeOf('number');
      }
    }), { numRuns: 500 });
  });
});
