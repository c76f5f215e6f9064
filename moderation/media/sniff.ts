/**
 * Media sniffing from the bytes alone: the declared content type is a claim by the uploader and
 * is never trusted. Pure (no sharp, no Node APIs), so the worker can refuse a file before it is
 * stored or sent to the scanner, and the scanner can refuse it again before decoding.
 *
 * Image dimensions are read from the container headers, so a decompression bomb (a few KB that
 * decode to gigapixels) is refused here without allocating a single pixel.
 */

export interface SniffLimits {
  maxBytes: number;
  maxPixels: number;
  maxSide: number;
}

export const DEFAULT_SNIFF_LIMITS: SniffLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 12_000,
};

export type SniffKind = 'image' | 'video' | 'invalid';

export interface SniffResult {
  kind: SniffKind;
  /** What the bytes are (image/jpeg, video/mp4, ...); for invalid media a best guess or application/octet-stream. */
  contentType: string;
  width?: number;
  height?: number;
  /** Why the media is invalid: a short machine-readable code. */
  reason?: string;
  /** The declared type names another format than the bytes (kept for the audit trail, not a refusal). */
  declaredMismatch?: boolean;
}

// ISO-BMFF major/compatible brands. HEIF stills first: an iPhone photo says `heic`, a video says `qt  ` or `isom`.
const HEIF_BRANDS: Record<string, string> = {
  heic: 'image/heic', heix: 'image/heic', heim: 'image/heic', heis: 'image/heic',
  mif1: 'image/heif', msf1: 'image/heif', avif: 'image/avif', avis: 'image/avif',
};
const VIDEO_BRANDS: Record<string, string> = {
  'qt  ': 'video/quicktime',
  isom: 'video/mp4', iso2: 'video/mp4', iso4: 'video/mp4', iso5: 'video/mp4', iso6: 'video/mp4',
  mp41: 'video/mp4', mp42: 'video/mp4', avc1: 'video/mp4', dash: 'video/mp4', mmp4: 'video/mp4',
  M4V: 'video/mp4', 'M4V ': 'video/mp4', MSNV: 'video/mp4', '3gp4': 'video/3gpp', '3gp5': 'video/3gpp', '3g2a': 'video/3gpp2',
};
// QuickTime files written without ftyp start straight with one of these atoms.
const QT_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

const ascii = (b: Uint8Array, start: number, end: number): string => {
  let s = '';
  for (let i = start; i < Math.min(end, b.length); i++) s += String.fromCharCode(b[i]!);
  return s;
};
const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

interface Dims { width: number; height: number }

/** Walks JPEG markers to the first SOFn; `undefined` when the header ends before one. */
function jpegDims(b: Uint8Array): Dims | undefined {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) { i++; continue; } // fill bytes
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { i += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / scan data before any frame header
    const len = u16be(b, i + 2);
    if (len < 2) return undefined;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 8 >= b.length) return undefined;
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + len;
  }
  return undefined;
}

function pngDims(b: Uint8Array): Dims | undefined {
  if (b.length < 24 || ascii(b, 12, 16) !== 'IHDR') return undefined;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

function webpDims(b: Uint8Array): Dims | undefined {
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8 ' && b.length >= 30 && startsWith(b, [0x9d, 0x01, 0x2a], 23)) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) {
    return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return undefined;
}

/** Reads `ftyp`: the major brand, then the compatible brands, first known one wins. */
function isoBrand(b: Uint8Array): { type: string; kind: 'image' | 'video' } | undefined {
  if (b.length < 12 || ascii(b, 4, 8) !== 'ftyp') return undefined;
  const size = Math.min(u32be(b, 0), b.length, 256);
  const brands = [ascii(b, 8, 12)];
  for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(b, i, i + 4));
  // The major brand decides; compatible brands only when the major one is unknown (mif1 lists heic, isom lists avc1).
  for (const brand of brands) {
    if (HEIF_BRANDS[brand]) return { type: HEIF_BRANDS[brand]!, kind: 'image' };
    if (VIDEO_BRANDS[brand]) return { type: VIDEO_BRANDS[brand]!, kind: 'video' };
  }
  return undefined;
}

/** EBML header: the DocType element (0x4282) says webm or matroska. */
function ebmlDocType(b: Uint8Array): string | undefined {
  const head = ascii(b, 0, Math.min(b.length, 64));
  if (head.includes('webm')) return 'webm';
  if (head.includes('matroska')) return 'matroska';
  return undefined;
}

/** Text formats a browser would render or run: never an allowed upload, named for the audit trail. */
function textKind(b: Uint8Array): string | undefined {
  let start = 0;
  if (startsWith(b, [0xef, 0xbb, 0xbf])) start = 3; // UTF-8 BOM
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) return 'text';
  const head = ascii(b, start, start + 512).replace(/^\s+/, '').toLowerCase();
  if (head.startsWith('%pdf')) return 'pdf';
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || head.includes('<!doctype svg')) return 'svg';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<script') || head.startsWith('<head') || head.startsWith('<body')) return 'html';
  if (head.startsWith('<?xml')) return 'xml';
  if (head.startsWith('#!') || head.startsWith('function') || head.startsWith('var ') || head.startsWith('const ') || head.startsWith('import ')) return 'script';
  return undefined;
}

const DECLARED_ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/x-png': 'image/png' };

export function sniffMedia(bytes: Uint8Array, declaredType?: string, limits: SniffLimits = DEFAULT_SNIFF_LIMITS): SniffResult {
  const result = sniffFormat(bytes);
  if (result.kind !== 'invalid' && bytes.length > limits.maxBytes) {
    return { ...result, kind: 'invalid', reason: 'too_large' };
  }
  if (result.kind === 'image' && result.width !== undefined && result.height !== undefined) {
    const { width, height } = result;
    if (width === 0 || height === 0) return { ...result, kind: 'invalid', reason: 'zero_size' };
    if (width > limits.maxSide || height > limits.maxSide) return { ...result, kind: 'invalid', reason: 'side_over_limit' };
    if (width * height > limits.maxPixels) return { ...result, kind: 'invalid', reason: 'pixels_over_limit' };
  }
  if (declaredType && result.kind !== 'invalid') {
    const declared = declaredType.split(';')[0]!.trim().toLowerCase();
    const norm = DECLARED_ALIASES[declared] ?? declared;
    if (norm && norm !== 'application/octet-stream' && norm !== result.contentType) result.declaredMismatch = true;
  }
  return result;
}

function sniffFormat(b: Uint8Array): SniffResult {
  if (b.length === 0) return { kind: 'invalid', contentType: 'application/octet-stream', reason: 'empty' };
  if (startsWith(b, [0xff, 0xd8, 0xff])) {
    const d = jpegDims(b);
    return d ? { kind: 'image', contentType: 'image/jpeg', ...d } : { kind: 'invalid', contentType: 'image/jpeg', reason: 'corrupt_header' };
  }
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    const d = pngDims(b);
    return d ? { kind: 'image', contentType: 'image/png', ...d } : { kind: 'invalid', contentType: 'image/png', reason: 'corrupt_header' };
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') {
    const d = webpDims(b);
    return d ? { kind: 'image', contentType: 'image/webp', ...d } : { kind: 'invalid', contentType: 'image/webp', reason: 'corrupt_header' };
  }
  const iso = isoBrand(b);
  if (iso) return { kind: iso.kind, contentType: iso.type };
  if (b.length >= 8 && QT_ATOMS.has(ascii(b, 4, 8))) return { kind: 'video', contentType: 'video/quicktime' };
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) {
    return ebmlDocType(b) === 'webm'
      ? { kind: 'video', contentType: 'video/webm' }
      : { kind: 'invalid', contentType: 'video/x-matroska', reason: 'unsupported_video' };
  }
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return { kind: 'invalid', contentType: 'image/gif', reason: 'unsupported_image' };
  if (startsWith(b, [0x42, 0x4d]) && b.length > 26) return { kind: 'invalid', contentType: 'image/bmp', reason: 'unsupported_image' };
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return { kind: 'invalid', contentType: 'image/tiff', reason: 'unsupported_image' };
  const text = textKind(b);
  if (text) {
    const types: Record<string, string> = { pdf: 'application/pdf', svg: 'image/svg+xml', html: 'text/html', xml: 'application/xml', script: 'text/javascript', text: 'text/plain' };
    return { kind: 'invalid', contentType: types[text] ?? 'text/plain', reason: text };
  }
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'invalid', contentType: 'application/zip', reason: 'archive' };
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(b, [0x4d, 0x5a])) return { kind: 'invalid', contentType: 'application/octet-stream', reason: 'executable' };
  return { kind: 'invalid', contentType: 'application/octet-stream', reason: 'unknown_format' };
}
