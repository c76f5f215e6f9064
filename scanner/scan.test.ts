import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FindingSchema, type Finding } from '../models/finding.js';
import { createScanHandler } from './handler.js';
import { createScanner, looksLikeMisreadCyrillic, type Scanner } from './scan.js';
import { pageFromLines } from './test-pages.js';
import { prepareTessdata } from './tessdata.js';

/**
 * End-to-end scans with real OCR on a handful of generated fixtures (scripts/make-image-fixtures.ts).
 * One scanner for the whole file: its Tesseract workers are created once, as in production.
 */

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'images');
const load = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const byType = (findings: Finding[], type: Finding['type']) => findings.filter((f) => f.type === type);

let scanner: Scanner;
const logLines: string[] = [];

beforeAll(async () => {
  scanner = createScanner({ workers: 1, log: (l) => logLines.push(l) });
  await scanner.ready;
});
afterAll(async () => {
  await scanner?.close();
});

describe('scanner: detection paths', () => {
  it('hides a payment card and boxes its number', async () => {
    const r = await scanner.scan(load('card-visa-01.jpg'), { mediaId: 'm-card', contentType: 'image/jpeg' });
    const [card] = byType(r.findings, 'media.payment_card');
    expect(card).toMatchObject({ action: 'hide', mediaId: 'm-card', detector: 'media-scanner', evidence: { subtype: 'visa' } });
    expect(card!.confidence).toBeGreaterThanOrEqual(0.9);
    // The number line sits across the middle of the 640×404 card.
    expect(card!.box!.y).toBeGreaterThan(120);
    expect(card!.box!.y + card!.box!.height).toBeLessThan(260);
    expect(card!.box!.width).toBeGreaterThan(300);
    expect(r.redacted).toBeInstanceOf(Uint8Array);
  });

  it('hides a passport whose MRZ check digits hold', async () => {
    const r = await scanner.scan(load('passport-uto-01.jpg'), { mediaId: 'm-pass' });
    const [doc] = byType(r.findings, 'media.identity_document');
    expect(doc).toMatchObject({ action: 'hide', confidence: 0.99, evidence: { subtype: 'TD3' } });
    expect(() => FindingSchema.array().parse(r.findings)).not.toThrow();
    // The MRZ band is at the bottom of the page.
    expect(doc!.box!.y).toBeGreaterThan(r.height * 0.6);
  });

  it('finds a driving licence without an MRZ by its title and numbered fields', async () => {
    const r = await scanner.scan(load('licence-en-14.jpg'), { mediaId: 'm-dl' });
    expect(byType(r.findings, 'media.identity_document')[0]?.evidence?.signals).toContain('licence-fields');
  });

  it('blurs the phone and e-mail on a parcel label, and only there', async () => {
    const bytes = load('parcel-en-01.jpg');
    const r = await scanner.scan(bytes, { mediaId: 'm-label' });
    const pd = byType(r.findings, 'media.personal_data');
    const subtypes = pd.map((f) => f.evidence?.subtype);
    expect(subtypes).toContain('personal_data.email');
    expect(subtypes).toContain('personal_data.phone');
    expect(pd.every((f) => f.action === 'redact')).toBe(true);
    expect(byType(r.findings, 'media.payment_card')).toEqual([]);
    expect(byType(r.findings, 'media.identity_document')).toEqual([]);

    const email = pd.find((f) => f.evidence?.subtype === 'personal_data.email')!.box!;
    const original = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const redacted = await sharp(Buffer.from(r.redacted!)).raw().toBuffer({ resolveWithObject: true });
    expect([redacted.info.width, redacted.info.height]).toEqual([original.info.width, original.info.height]);
    const meanDiff = (x0: number, y0: number, w: number, h: number) => {
      let sum = 0;
      const c = original.info.channels;
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) for (let k = 0; k < c; k++) {
        const i = (y * original.info.width + x) * c + k;
        sum += Math.abs(original.data[i]! - redacted.data[i]!);
      }
      return sum / (w * h * c);
    };
    // Inside the e-mail's box the glyphs are gone; far from any finding only JPEG re-encoding noise remains.
    expect(meanDiff(email.x, email.y, email.width, email.height)).toBeGreaterThan(15);
    expect(meanDiff(0, 0, 60, 40)).toBeLessThan(4);
  });

  it('reports GPS tags and strips them (and all other metadata) from the copy', async () => {
    const bytes = load('gps-01.jpg');
    expect(await exifr.gps(Buffer.from(bytes))).toBeDefined();
    const r = await scanner.scan(bytes, { mediaId: 'm-gps' });
    const [loc] = byType(r.findings, 'media.location_metadata');
    expect(loc).toMatchObject({ action: 'redact', confidence: 1 });
    expect(loc!.evidence?.signals).toContain('GPSLatitude');
    expect(JSON.stringify(loc)).not.toMatch(/55\.7|37\.6/); // never the coordinates themselves
    const copy = Buffer.from(r.redacted!);
    expect(await exifr.gps(copy).catch(() => undefined)).toBeUndefined();
    const meta = await sharp(copy).metadata();
    expect([meta.exif, meta.xmp, meta.iptc]).toEqual([undefined, undefined, undefined]);
  });

  it('passes a clean product photo without OCR when the pre-filter sees no text', async () => {
    const r = await scanner.scan(load('clean-12.jpg'), { mediaId: 'm-clean' });
    expect(r.findings).toEqual([]);
    expect(r.trace.prefilter?.hasText).toBe(false);
    expect(r.trace.passes).toEqual([]);
    expect(r.timings.ocrMs).toBe(0);
    expect(r.redacted).toBeUndefined(); // nothing to strip or blur
  });

  it('does not hide a passport cover (hard negative) and auto-orients an EXIF-rotated photo', async () => {
    const cover = await scanner.scan(load('clean-04.jpg'), { mediaId: 'm-cover' });
    expect(cover.findings.filter((f) => f.action === 'hide')).toEqual([]);
    const turned = await scanner.scan(load('clean-17-orient6.jpg'), { mediaId: 'm-orient' });
    expect([turned.width, turned.height]).toEqual([800, 600]); // stored 600×800 with orientation 6
  });
});

describe('scanner: refusals', () => {
  it('refuses SVG, HTML, truncated and bomb files as media.invalid without decoding', async () => {
    for (const name of ['invalid-image.svg', 'invalid-page.html', 'invalid-truncated.jpg', 'invalid-bomb.png', 'invalid-corrupt.png']) {
      const r = await scanner.scan(load(name), { mediaId: name, contentType: 'image/png' });
      expect(r.findings, name).toMatchObject([{ type: 'media.invalid', action: 'hide' }]);
      expect(r.trace.passes, name).toEqual([]);
      expect(r.redacted).toBeUndefined();
    }
  });

  it('sends videos to a human', async () => {
    const r = await scanner.scan(load('video-header.mp4'), { mediaId: 'v1' });
    expect(r.findings).toMatchObject([{ type: 'media.video_unscanned', action: 'queue', evidence: { detail: 'video/mp4' } }]);
  });
});

describe('scanner: worker pool', () => {
  it('creates its Tesseract workers once and reuses them for every scan', async () => {
    const before = scanner.workersCreated();
    expect(before).toBe(scanner.languages.includes('rus') ? 3 : 2);
    await Promise.all([scanner.scan(load('card-mir-03.jpg'), { mediaId: 'a' }), scanner.scan(load('card-jcb-07.jpg'), { mediaId: 'b' })]);
    expect(scanner.workersCreated()).toBe(before);
    expect(scanner.load()).toBe(0);
  });

  it('answers a real scan through the HTTP handler', async () => {
    const handler = createScanHandler(scanner);
    const res = await handler(new Request('http://scanner/scan', { method: 'POST', headers: { 'x-media-id': 'h1', 'content-type': 'image/jpeg' }, body: load('gps-02.jpg') }));
    expect(res.status).toBe(200);
    const body = await res.json() as { findings: Finding[]; redactedBase64?: string; redactedContentType?: string; timings: object };
    expect(body.findings.map((f) => f.type)).toContain('media.location_metadata');
    expect(() => FindingSchema.array().parse(body.findings)).not.toThrow(); // the worker validates with the same schema
    expect(body.redactedContentType).toBe('image/jpeg');
    expect(await exifr.gps(Buffer.from(body.redactedBase64!, 'base64')).catch(() => undefined)).toBeUndefined();
    expect(Object.keys(body.timings)).toEqual(['decodeMs', 'prefilterMs', 'ocrMs', 'detectMs', 'redactMs']);
  });
});

describe('scanner: Russian OCR data missing', () => {
  it('logs one line at start and reads Latin only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scanner-tessdata-'));
    try {
      const lines: string[] = [];
      const latinOnly = createScanner({ workers: 1, tessdataDir: dir, systemTessdataRoot: join(dir, 'no-such-debian-folder'), log: (l) => lines.push(l) });
      try {
        expect(latinOnly.languages).toEqual(['eng']);
        expect(lines).toHaveLength(1);
        expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'scanner_ocr_languages_missing', missing: ['rus'] });
        await latinOnly.ready;
        expect(latinOnly.workersCreated()).toBe(2);
        const r = await latinOnly.scan(load('card-visa-09.jpg'), { mediaId: 'latin' });
        expect(r.trace.passes.every((p) => p.startsWith('eng'))).toBe(true);
        expect(byType(r.findings, 'media.payment_card')).toHaveLength(1);
        expect(lines).toHaveLength(1);
      } finally {
        await latinOnly.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links rus.traineddata from the newest Debian tessdata folder beside the npm eng data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scanner-tessdata-'));
    try {
      const system = join(dir, 'share');
      for (const v of ['4.00', '5']) mkdirSync(join(system, v, 'tessdata'), { recursive: true });
      writeFileSync(join(system, '5', 'tessdata', 'rus.traineddata'), 'v5');
      const t = prepareTessdata({ dir: join(dir, 'data'), systemRoot: system });
      expect(t).toMatchObject({ available: ['eng', 'rus'], missing: [] });
      expect(readFileSync(join(t.langPath, 'rus.traineddata'), 'utf8')).toBe('v5');
      expect(statSync(join(t.langPath, 'eng.traineddata')).size).toBeGreaterThan(10_000_000); // gunzipped 4.0.0 (legacy + LSTM)
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('looksLikeMisreadCyrillic', () => {
  it('spots Latin-model readings of Russian print, and leaves English and textures alone', () => {
    // What the Latin model made of «Получатель: Иванов Пётр, г. Москва, ул. Ленина» (confidences as Tesseract gave them).
    const misread = pageFromLines(['Mony4yaTtenb: NBaHoB MNéTp', 'r. MockBa, yn. JleHuHa, a. 12', 'DRIVING LICENCE'], { confidence: 55 });
    misread.words.filter((w) => /DRIVING|LICENCE/.test(w.text)).forEach((w) => { w.confidence = 93; });
    expect(looksLikeMisreadCyrillic(misread)).toBe(true);
    expect(looksLikeMisreadCyrillic(pageFromLines(['SHIP TO: Emily Johnson', '742 Evergreen Terrace', 'Springfield, OR 97403'], { confidence: 92 }))).toBe(false);
    // Foliage read as text: short, unsure junk and no confident word.
    expect(looksLikeMisreadCyrillic(pageFromLines(['NE by wr - os ELEN =', 'iE BS ? 4 Y - Fo 7 az Te', 'Foe GN | JF ll'], { confidence: 30 }))).toBe(false);
  });
});
