import exifr from 'exifr';
import sharp, { type OverlayOptions, type SharpOptions } from 'sharp';
import type { Box, Evidence, Finding, FindingType } from '../models/finding.js';
import { DEFAULT_SNIFF_LIMITS, sniffMedia, type SniffLimits } from '../moderation/media/sniff.js';
import { personalDataDetectors } from '../moderation/detectors/personal-data/index.js';
import type { TextDetector } from '../moderation/types.js';
import { cardNeedsSecondLook, detectPaymentCard } from './cards.js';
import { detectDocumentLayout, judgeMrz, mrzBands, readMrz, type DocumentDetection } from './documents.js';
import { PSM } from 'tesseract.js';
import { createOcrPool, recognizePage, type OcrPool, type OcrSlot } from './ocr.js';
import { padBox, unionBox, usefulWordCount, type Frame, type OcrLine, type OcrPage } from './ocr-page.js';
import { findPersonalData } from './personal.js';
import { DEFAULT_PREFILTER, prefilter, type PrefilterOptions, type PrefilterResult } from './prefilter.js';
import { prepareTessdata } from './tessdata.js';

/**
 * The media scanner: one image in, findings with boxes and a metadata-free (and, where needed,
 * blurred) copy out. Steps, cheapest first, each skipped when an earlier one settles the case:
 *
 *   sniff (magic bytes, header dimensions) → decode (sharp, auto-orient, pixel limit)
 *   → location metadata (exifr) → text pre-filter (no text-like rows: no OCR)
 *   → OCR (LSTM, word boxes; rotated pass when the upright one reads nothing; Cyrillic pass when
 *     the Latin one reads transliteration garbage) → MRZ band re-read by the legacy engine
 *   → detectors (MRZ, document layout, payment card, personal data from moderation/)
 *   → redacted copy (metadata stripped, boxes blurred or filled).
 */

export interface ScannerOptions {
  /** OCR slots (each a set of Tesseract workers); scans beyond this wait. Default 1. */
  workers?: number;
  /** Scans allowed to wait for a slot before `scan` refuses with ScannerBusy. Default 8. */
  maxQueue?: number;
  /** Folder for the traineddata files (built on first start). */
  tessdataDir?: string;
  /** Root of Debian's tessdata folders; tests point it elsewhere to simulate a missing package. */
  systemTessdataRoot?: string;
  /** Text detectors run on OCR text; default the moderation pipeline's personal-data detectors. */
  textDetectors?: readonly TextDetector[];
  limits?: SniffLimits;
  /** OCR image size: long side scaled into [min, max] (small scans are upscaled, big photos shrunk). */
  ocrMinSide?: number;
  ocrMaxSide?: number;
  /** `false` runs OCR on every image (for measuring the pre-filter's recall). */
  prefilter?: Partial<PrefilterOptions> | false;
  /** Where the scanner's few log lines go; default console.warn. */
  log?: (line: string) => void;
}

export interface ScanTimings { decodeMs: number; prefilterMs: number; ocrMs: number; detectMs: number; redactMs: number }

export interface ScanResult {
  mediaId: string;
  contentType: string;
  width: number;
  height: number;
  findings: Finding[];
  /** A re-encoded copy without metadata, finding boxes blurred/filled; absent when the original is fine as is or undecodable. */
  redacted?: Uint8Array;
  redactedContentType?: string;
  timings: ScanTimings;
  /** What the scan did, for logs and evaluation (never personal values). */
  trace: { prefilter?: Pick<PrefilterResult, 'hasText' | 'alignedCells'>; passes: string[] };
}

export interface Scanner {
  scan(bytes: Uint8Array, meta: { mediaId: string; contentType?: string }): Promise<ScanResult>;
  /** Resolves once the OCR pool is up; rejects when it cannot start. */
  readonly ready: Promise<void>;
  /** Scans in progress or waiting. */
  load(): number;
  readonly capacity: number;
  /** Languages OCR can read. */
  readonly languages: string[];
  /** Tesseract workers created so far (constant after start: the pool is reused). */
  workersCreated(): number;
  close(): Promise<void>;
}

export class ScannerBusy extends Error {
  override name = 'ScannerBusy';
}

const DETECTOR = 'media-scanner';
const ACTIONS: Partial<Record<FindingType, Finding['action']>> = {
  'media.payment_card': 'hide', 'media.identity_document': 'hide', 'media.personal_data': 'redact',
  'media.location_metadata': 'redact', 'media.invalid': 'hide', 'media.video_unscanned': 'queue',
};

function finding(type: FindingType, mediaId: string, confidence: number, box?: Box, evidence?: Evidence): Finding {
  const f: Finding = { type, detector: DETECTOR, confidence: Math.round(confidence * 1000) / 1000, mediaId, action: ACTIONS[type] ?? 'queue' };
  if (box && box.width > 0 && box.height > 0) f.box = box;
  if (evidence) f.evidence = evidence;
  return f;
}

// Extra OCR passes only where the pre-filter saw enough text-like area to be worth it (thumbnail
// cells of 8 px): product shots with a caption measure 7-150, cards 200-300, labels and document
// pages 300-900 (fixtures and peer suite, scripts/eval-images.ts).
const LOCAL_PASS_CELLS = 60;
const ROTATED_PASS_CELLS = 150;

const now = () => performance.now();
const ms = (t: number) => Math.round((now() - t) * 10) / 10;

/** An uncompressed PGM: Leptonica reads it directly, and building it costs nothing (a PNG encode costs 20–40 ms). */
function pgm(gray: Uint8Array, width: number, height: number): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'), gray]);
}

interface GrayImage { data: Buffer; width: number; height: number }

async function rotateGray(img: GrayImage, degrees: number): Promise<GrayImage> {
  if (degrees === 0) return img;
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } }).rotate(degrees).grayscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Latin OCR of Cyrillic print reads transliteration-like junk: case flips inside words
 * ("CMupHoOBa", "MNeTepbypr"), Л/Ы as JI/bI ("MOCbIJIKA"), digits for letters ("Mony4yaTtenb").
 * Two such words (a fifth of the word-sized tokens), or one with many unsure words around it,
 * make the Cyrillic pass worth its cost.
 */
export function looksLikeMisreadCyrillic(page: OcrPage): boolean {
  let words = 0, odd = 0, unsure = 0, sure = 0;
  for (const w of page.words) {
    const t = w.text.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
    // Word-sized, mostly letters: texture junk (foliage, fabric) is short tokens and symbols.
    if (t.length < 4 || (t.match(/\p{L}/gu)?.length ?? 0) < t.length * 0.75) continue;
    words++;
    if (w.confidence >= 85) sure++;
    if (w.confidence < 70) unsure++;
    if (/[a-z][A-Z]|[A-Za-z]\d[A-Za-z]|JI|bI|[éëèÉËÈ]/.test(t) || (w.confidence < 60 && /[a-z]/.test(t))) odd++;
  }
  // Some real print must be there (a confident word), or it is a texture, not a language problem.
  if (sure === 0) return false;
  return (odd >= 2 && odd >= words * 0.2) || (odd >= 1 && words >= 3 && unsure >= words * 0.3);
}

/** Location tags in EXIF (GPS IFD) or XMP (exif:GPS*, Iptc4xmpExt location). Names of tags only, never values. */
async function locationTags(bytes: Uint8Array): Promise<string[]> {
  try {
    const out = await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      tiff: true, exif: false, gps: true, interop: false, ifd1: false, xmp: true, iptc: true, icc: false, jfif: false, ihdr: false,
      mergeOutput: true, translateKeys: true, translateValues: false, reviveValues: false,
    });
    if (!out || typeof out !== 'object') return [];
    return Object.keys(out).filter((k) => /^GPS(Latitude|Longitude|Position|DestLatitude|DestLongitude|Altitude|AreaInformation)|^(latitude|longitude)$|^Location(Shown|Created)|^(City|Sub-location|Province-State)$/i.test(k));
  } catch {
    return []; // no parsable metadata block: nothing to report, and the copy is re-encoded anyway
  }
}

export function createScanner(opts: ScannerOptions = {}): Scanner {
  const log = opts.log ?? ((line: string) => console.warn(line));
  const limits = opts.limits ?? DEFAULT_SNIFF_LIMITS;
  const detectors = opts.textDetectors ?? personalDataDetectors;
  const ocrMin = opts.ocrMinSide ?? 1200;
  const ocrMax = opts.ocrMaxSide ?? 1800;
  const prefilterOpts = opts.prefilter === false ? false : { ...DEFAULT_PREFILTER, ...opts.prefilter };
  const maxQueue = opts.maxQueue ?? 8;
  const size = Math.max(1, opts.workers ?? 1);

  const tess = prepareTessdata({ ...(opts.tessdataDir ? { dir: opts.tessdataDir } : {}), ...(opts.systemTessdataRoot ? { systemRoot: opts.systemTessdataRoot } : {}) });
  if (tess.missing.length) log(JSON.stringify({ event: 'scanner_ocr_languages_missing', missing: tess.missing, reading: tess.available, hint: 'apt-get install tesseract-ocr-rus' }));
  const cyrillic = tess.available.includes('rus');

  let pool: OcrPool | undefined;
  const ready = createOcrPool({ size, langPath: tess.langPath, cyrillic }).then((p) => { pool = p; });
  ready.catch((err) => log(JSON.stringify({ event: 'scanner_ocr_start_failed', error: String(err) })));
  let inFlight = 0;

  async function scan(bytes: Uint8Array, meta: { mediaId: string; contentType?: string }): Promise<ScanResult> {
    const { mediaId } = meta;
    const timings: ScanTimings = { decodeMs: 0, prefilterMs: 0, ocrMs: 0, detectMs: 0, redactMs: 0 };
    const trace: ScanResult['trace'] = { passes: [] };
    const sniff = sniffMedia(bytes, meta.contentType, limits);
    const base = { mediaId, contentType: sniff.contentType, width: sniff.width ?? 0, height: sniff.height ?? 0, timings, trace };
    if (sniff.kind === 'invalid') return { ...base, findings: [finding('media.invalid', mediaId, 1, undefined, { detail: sniff.reason ?? 'not_allowed' })] };
    if (sniff.kind === 'video') return { ...base, findings: [finding('media.video_unscanned', mediaId, 1, undefined, { detail: sniff.contentType })] };
    if (inFlight >= size + maxQueue) throw new ScannerBusy(`${inFlight} scans in flight`);
    inFlight++;
    try {
      return await scanImage(bytes, base);
    } finally {
      inFlight--;
    }
  }

  async function scanImage(bytes: Uint8Array, base: Omit<ScanResult, 'findings'>): Promise<ScanResult> {
    const { mediaId, timings, trace } = base;
    const findings: Finding[] = [];
    const input = { limitInputPixels: limits.maxPixels, failOn: 'truncated' as const };

    // Decode once at OCR scale, auto-oriented; every later step works on this or the thumbnail.
    let t = now();
    let gray: GrayImage, width: number, height: number, hasAlpha: boolean, hasMetadata: boolean, format: string | undefined;
    try {
      const m = await sharp(bytes, input).metadata();
      const swap = (m.orientation ?? 1) >= 5;
      width = (swap ? m.height : m.width) ?? 0;
      height = (swap ? m.width : m.height) ?? 0;
      hasAlpha = m.hasAlpha === true;
      hasMetadata = !!(m.exif || m.xmp || m.iptc || m.comments?.length);
      format = m.format;
      const long = Math.max(width, height);
      const scale = long < ocrMin ? Math.min(4, ocrMin / long) : long > ocrMax ? ocrMax / long : 1;
      const { data, info } = await sharp(bytes, input).rotate()
        .resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), { fit: 'fill' })
        .flatten({ background: '#ffffff' }).grayscale().raw().toBuffer({ resolveWithObject: true });
      gray = { data, width: info.width, height: info.height };
    } catch (err) {
      timings.decodeMs = ms(t);
      return { ...base, findings: [finding('media.invalid', mediaId, 1, undefined, { detail: `undecodable: ${String((err as Error).message ?? err).slice(0, 80)}` })] };
    }
    const scale = gray.width / width;
    const tags = await locationTags(bytes);
    if (tags.length) findings.push(finding('media.location_metadata', mediaId, 1, undefined, { signals: tags.slice(0, 8) }));
    timings.decodeMs = ms(t);

    // Pre-filter on a ≤640 px thumbnail of the unstretched grey image.
    t = now();
    let hasText = true;
    let pf: PrefilterResult | undefined;
    if (prefilterOpts) {
      // At most the ORIGINAL resolution: an upscaled small scan has soft edges the stroke test misses.
      const thumbScale = Math.min(1, 640 / Math.max(width, height));
      const tw = Math.max(1, Math.round(width * thumbScale)), th = Math.max(1, Math.round(height * thumbScale));
      const thumb = tw !== gray.width || th !== gray.height
        ? await sharp(gray.data, { raw: { width: gray.width, height: gray.height, channels: 1 } }).resize(tw, th, { fit: 'fill' }).grayscale().raw().toBuffer()
        : gray.data;
      pf = prefilter(thumb, tw, th, prefilterOpts);
      hasText = pf.hasText;
      trace.prefilter = { hasText: pf.hasText, alignedCells: pf.alignedCells };
    }
    timings.prefilterMs = ms(t);

    const boxesToBlur: Box[] = [];
    const boxesToFill: Box[] = [];
    if (hasText) {
      await ready; // the first scans after start wait for the pool; that wait is not OCR time
      t = now();
      const ocr = await ocrAll(gray, width, height, scale, pf, trace);
      timings.ocrMs = ms(t) - ocr.detectMs;
      t = now();
      const doc = ocr.mrz ?? detectDocumentLayout(ocr.pages);
      if (doc) {
        findings.push(finding('media.identity_document', mediaId, doc.confidence, doc.box, { signals: doc.evidence.signals, ...(doc.evidence.subtype ? { subtype: doc.evidence.subtype } : {}) }));
        if (doc.box) boxesToFill.push(doc.box);
      }
      const card = detectPaymentCard(ocr.pages, width / height);
      if (card) {
        findings.push(finding('media.payment_card', mediaId, card.confidence, card.box, card.evidence));
        if (card.box) boxesToFill.push(card.box);
      }
      for (const p of findPersonalData(ocr.pages, detectors)) {
        findings.push(finding('media.personal_data', mediaId, p.confidence, p.box, { subtype: p.type }));
        boxesToBlur.push(p.box);
      }
      timings.detectMs = Math.round((ms(t) + ocr.detectMs) * 10) / 10;
    }

    // A clean copy: always without metadata; boxes blurred (personal data) or filled (cards, documents).
    t = now();
    let redacted: Buffer | undefined;
    let redactedContentType: string | undefined;
    if (hasMetadata || boxesToBlur.length || boxesToFill.length || findings.length) {
      const out = await redactImage(bytes, input, width, height, boxesToBlur, boxesToFill, hasAlpha || format === 'png');
      redacted = out.data;
      redactedContentType = out.contentType;
    }
    timings.redactMs = ms(t);
    return { ...base, width, height, findings, ...(redacted ? { redacted: new Uint8Array(redacted.buffer, redacted.byteOffset, redacted.byteLength), redactedContentType } : {}) };
  }

  /** Every OCR pass for one image inside one borrowed slot. */
  async function ocrAll(gray: GrayImage, width: number, height: number, scale: number, pf: PrefilterResult | undefined, trace: ScanResult['trace']) {
    await ready;
    const p = pool!;
    return p.withSlot(async (slot) => {
      const pages: OcrPage[] = [];
      const frameFor = (rotation: number): Frame => ({ scale, rotation, width: gray.width, height: gray.height, originalWidth: width, originalHeight: height });
      const stretched = await stretch(gray);
      let local: GrayImage | undefined;
      const pass = async (worker: OcrSlot['latin'], img: GrayImage, rotation: number, lang: OcrPage['lang'], tag: string, psm = PSM.AUTO) => {
        const turned = await rotateGray(img, rotation);
        const page = await recognizePage(worker, pgm(turned.data, turned.width, turned.height), frameFor(rotation), lang, psm);
        trace.passes.push(`${lang}${tag}@${rotation}:${usefulWordCount(page)}`);
        return page;
      };
      // How many words the pre-filter's text cells promise; a pass far below it misread the page.
      const promised = pf ? pf.alignedCells / 40 : 8;
      const enough = (page: OcrPage) => usefulWordCount(page) >= Math.min(6, Math.max(3, promised * 0.5));
      const first = await pass(slot.latin, stretched, 0, 'eng', '');
      pages.push(first);
      let best = first;
      // A document photographed on a table defeats Tesseract's global threshold (the table and the
      // paper split the histogram): re-read with the background flattened locally. A page that
      // says "card" (a scheme name, an expiry) with no number read, or shows the 4 × 4 number
      // layout without a Luhn-valid number, is re-read as one block: layout analysis tends to
      // split or drop the number line of a tilted card, and embossed digits read differently.
      if (cardNeedsSecondLook(first)) {
        const page = await pass(slot.latin, stretched, 0, 'eng', '/block', PSM.SINGLE_BLOCK);
        pages.push(page);
        if (usefulWordCount(page) > usefulWordCount(best)) best = page;
      } else if (!enough(first) && (!pf || pf.alignedCells >= LOCAL_PASS_CELLS)) {
        local = await localContrast(gray);
        const page = await pass(slot.latin, local, 0, 'eng', '/local');
        pages.push(page);
        if (usefulWordCount(page) > usefulWordCount(best)) best = page;
      }
      // Still nothing readable upright: try the page turned. Columns of text cells hint at 90/270;
      // otherwise it is most likely upside down.
      if (usefulWordCount(best) < 3 && (!pf || pf.alignedCells >= ROTATED_PASS_CELLS)) {
        // Both quarter turns are read: upside-down text yields a few confident garbage words, so
        // the first rotation with "some" words is not necessarily the right one.
        const order = pf && pf.verticalShare > 0.55 ? [270, 90] : [180];
        let turned: OcrPage | undefined;
        for (const rotation of order) {
          const page = await pass(slot.latin, stretched, rotation, 'eng', '');
          if (!turned || usefulWordCount(page) > usefulWordCount(turned)) turned = page;
        }
        if (turned && usefulWordCount(turned) > usefulWordCount(best)) { best = turned; pages.push(turned); }
      }
      // MRZ: the LSTM lines locate the band; the legacy engine re-reads it with the MRZ alphabet.
      const t = now();
      let mrz: DocumentDetection | undefined;
      for (const band of mrzBands(best.lines).sort((a, b) => b.length - a.length).slice(0, 2)) {
        const fromLstm = readMrz(band.map((l) => l.text));
        let legacy: ReturnType<typeof readMrz>;
        if (!fromLstm?.valid) {
          const lines = await readMrzBand(slot, stretched, band, scale, best.rotation);
          trace.passes.push('mrz-legacy');
          legacy = readMrz(lines);
        }
        const judged = judgeMrz([fromLstm, legacy], band);
        if (judged && (!mrz || judged.confidence > mrz.confidence)) mrz = judged;
        if (mrz?.mrz?.valid) break;
      }
      const mrzMs = ms(t);

      // Cyrillic print read by the Latin model: read it again with the Russian one. Not when an
      // MRZ already settled the image (it is hidden whatever else is on it): document backgrounds
      // make the Latin pass look unsure and this pass would only cost time.
      if (slot.cyrillic && !(mrz && mrz.confidence >= 0.9) && looksLikeMisreadCyrillic(best)) {
        pages.push(await pass(slot.cyrillic, best.rotation === 0 && best !== first && local ? local : stretched, best.rotation, 'rus', ''));
      }
      return { pages, mrz, detectMs: mrzMs };
    });
  }

  return {
    scan,
    ready,
    load: () => inFlight,
    capacity: size + maxQueue,
    languages: tess.available,
    workersCreated: () => pool?.created ?? 0,
    async close() {
      await ready.catch(() => undefined);
      await pool?.close();
    },
  };
}

/**
 * Flattens the background: each pixel's distance from its neighbourhood mean (Gaussian, ~1.5
 * text heights), ink darker than the surroundings on light areas and lighter than them on dark
 * areas (a card's white digits on blue). What Tesseract's global Otsu threshold cannot do for a
 * label lying on a brown table.
 */
async function localContrast(img: GrayImage): Promise<GrayImage> {
  const raw = { raw: { width: img.width, height: img.height, channels: 1 as const } };
  const sigma = Math.max(4, Math.round(Math.max(img.width, img.height) / 120));
  const [mean, background] = await Promise.all([
    sharp(img.data, raw).blur(sigma).grayscale().raw().toBuffer(),
    sharp(img.data, raw).blur(sigma * 4).grayscale().raw().toBuffer(),
  ]);
  const out = Buffer.alloc(img.data.length);
  for (let i = 0; i < out.length; i++) {
    const d = (background[i]! < 100 ? img.data[i]! - mean[i]! : mean[i]! - img.data[i]!) - 4;
    out[i] = d <= 0 ? 255 : Math.max(0, 255 - d * 3);
  }
  return { data: out, width: img.width, height: img.height };
}

/** Contrast stretch (1st..99th percentile) for OCR; the pre-filter sees the unstretched image. */
async function stretch(img: GrayImage): Promise<GrayImage> {
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } }).normalise().grayscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Crops the MRZ band (in OCR-image pixels), scales it so characters are ~40 px tall, reads it with the legacy engine. */
async function readMrzBand(slot: OcrSlot, img: GrayImage, band: readonly OcrLine[], scale: number, rotation: number): Promise<string[]> {
  const box = unionBox(band.map((l) => l.box))!;
  const lineHeight = Math.max(4, (box.height * scale) / band.length);
  const padded = padBox({ x: Math.round(box.x * scale), y: Math.round(box.y * scale), width: Math.round(box.width * scale), height: Math.round(box.height * scale) }, Math.round(lineHeight * 0.8), img.width, img.height);
  const factor = Math.min(3, Math.max(1, 48 / lineHeight));
  let s = sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } }).extract({ left: padded.x, top: padded.y, width: Math.max(1, padded.width), height: Math.max(1, padded.height) });
  if (rotation) s = sharp(await s.grayscale().raw().toBuffer(), { raw: { width: padded.width, height: padded.height, channels: 1 } }).rotate(rotation);
  const { data, info } = await s.resize({ width: Math.round((rotation % 180 ? padded.height : padded.width) * factor), kernel: 'cubic' }).grayscale().raw().toBuffer({ resolveWithObject: true });
  const { data: out } = await slot.mrz.recognize(pgm(data, info.width, info.height), {}, { text: true });
  return (out.text ?? '').split('\n').map((l) => l.trim()).filter((l) => l.length >= 20);
}

async function redactImage(bytes: Uint8Array, input: SharpOptions, width: number, height: number, blur: Box[], fill: Box[], png: boolean): Promise<{ data: Buffer; contentType: string }> {
  const overlays: OverlayOptions[] = [];
  const base = sharp(bytes, input).rotate();
  if (blur.length) {
    const full = await base.clone().raw().toBuffer({ resolveWithObject: true });
    for (const b of blur) {
      const p = padBox(b, Math.max(4, Math.round(b.height * 0.25)), width, height);
      if (p.width < 2 || p.height < 2) continue;
      // Pixelate hard, then blur: nothing of the glyphs survives, unlike a light Gaussian.
      const patch = await sharp(full.data, { raw: full.info }).extract({ left: p.x, top: p.y, width: p.width, height: p.height })
        .resize(Math.max(1, Math.round(p.width / 16)), Math.max(1, Math.round(p.height / 16)), { fit: 'fill' })
        .resize(p.width, p.height, { fit: 'fill', kernel: 'nearest' }).blur(4).toFormat(png ? 'png' : 'jpeg').toBuffer();
      overlays.push({ input: patch, left: p.x, top: p.y });
    }
  }
  for (const b of fill) {
    const p = padBox(b, Math.max(4, Math.round(b.height * 0.1)), width, height);
    if (p.width < 2 || p.height < 2) continue;
    overlays.push({ input: { create: { width: p.width, height: p.height, channels: 3, background: '#7f7f7f' } }, left: p.x, top: p.y });
  }
  // composite runs after the auto-orient rotation, so the boxes (oriented coordinates) land right.
  let out = overlays.length ? base.composite(overlays) : base;
  // sharp writes no metadata unless asked to: the copy carries no EXIF, XMP, IPTC or GPS.
  out = png ? out.png({ compressionLevel: 6 }) : out.jpeg({ quality: 85 });
  return { data: await out.toBuffer(), contentType: png ? 'image/png' : 'image/jpeg' };
}
