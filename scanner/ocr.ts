import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { buildPage, type Frame, type OcrPage, type RawBlock } from './ocr-page.js';

/**
 * A fixed pool of Tesseract workers, created once and reused for every scan (creating one
 * costs 0.2–0.7 s and ~50 MB). A scan borrows a whole slot: its own LSTM reader for Latin
 * text, an optional Cyrillic one, and a legacy-engine reader fixed to the MRZ alphabet, so
 * no worker's parameters ever change between jobs.
 */

export interface OcrSlot {
  latin: Worker;
  cyrillic?: Worker;
  mrz: Worker;
}

export interface OcrPoolOptions {
  size: number;
  langPath: string;
  cyrillic: boolean;
  /** tesseract.js' own cache of traineddata; we never want it (the folder is already local). */
  cachePath?: string;
}

export interface OcrPool {
  /** Runs `fn` with a free slot, waiting for one when all are busy. */
  withSlot<T>(fn: (slot: OcrSlot) => Promise<T>): Promise<T>;
  readonly size: number;
  /** Slots busy plus scans waiting for one. */
  load(): number;
  /** How many workers were ever created: stays at size × workers-per-slot for the pool's life. */
  readonly created: number;
  close(): Promise<void>;
}

const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

async function createSlot(opts: OcrPoolOptions, count: () => void): Promise<OcrSlot> {
  const cachePath = opts.cachePath ?? join(tmpdir(), 'moderation-scanner-tesscache');
  mkdirSync(cachePath, { recursive: true });
  const common = { langPath: opts.langPath, gzip: false, cacheMethod: 'none', cachePath };
  const make = async (lang: string, oem: OEM, extra: Record<string, unknown> = {}, init?: Record<string, string>) => {
    const w = await createWorker(lang, oem, { ...common, ...extra }, init);
    count();
    return w;
  };
  const [latin, cyrillic, mrz] = await Promise.all([
    make('eng', OEM.LSTM_ONLY),
    opts.cyrillic ? make('rus', OEM.LSTM_ONLY) : Promise.resolve(undefined),
    // The legacy engine reads OCR-B fillers as `<` where the LSTM model sees K/L; no dictionaries, they only hurt codes.
    make('eng', OEM.TESSERACT_ONLY, { legacyCore: true, legacyLang: true }, { load_system_dawg: '0', load_freq_dawg: '0' }),
  ]);
  // Our PGM input carries no resolution; Tesseract's guess from it is often far off and then
  // drops whole text blocks as noise. Images are pre-scaled so text is ~20-40 px, i.e. ~300 dpi.
  await Promise.all([latin, cyrillic].map((w) => w?.setParameters({ user_defined_dpi: '300', debug_file: '/dev/null' })));
  await mrz.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, tessedit_char_whitelist: MRZ_ALPHABET, user_defined_dpi: '300', debug_file: '/dev/null' });
  return cyrillic ? { latin, cyrillic, mrz } : { latin, mrz };
}

export async function createOcrPool(opts: OcrPoolOptions): Promise<OcrPool> {
  let created = 0;
  const slots = await Promise.all(Array.from({ length: opts.size }, () => createSlot(opts, () => { created++; })));
  const free = [...slots];
  const waiting: ((slot: OcrSlot) => void)[] = [];
  let closed = false;

  const release = (slot: OcrSlot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else free.push(slot);
  };

  return {
    size: opts.size,
    get created() { return created; },
    load: () => slots.length - free.length + waiting.length,
    async withSlot<T>(fn: (slot: OcrSlot) => Promise<T>): Promise<T> {
      if (closed) throw new Error('OCR pool is closed');
      const slot = free.pop() ?? (await new Promise<OcrSlot>((resolve) => waiting.push(resolve)));
      try {
        return await fn(slot);
      } finally {
        release(slot);
      }
    },
    async close() {
      closed = true;
      await Promise.all(slots.flatMap((s) => [s.latin, s.cyrillic, s.mrz].filter((w): w is Worker => !!w).map((w) => w.terminate())));
    },
  };
}

/**
 * One recognition pass with word boxes, mapped back to original-image coordinates. Page layout
 * analysis (PSM 3, not the API's default single block) is what labels and documents need; a
 * single block reads a tilted card's number line that layout analysis splits or drops.
 */
export async function recognizePage(worker: Worker, image: Buffer, frame: Frame, lang: OcrPage['lang'], psm: PSM = PSM.AUTO): Promise<OcrPage> {
  // Every pass states its page-segmentation mode: workers are shared across scans.
  await worker.setParameters({ tessedit_pageseg_mode: psm });
  const { data } = await worker.recognize(image, {}, { blocks: true, text: false });
  return buildPage(data.blocks as unknown as RawBlock[] | null, frame, lang);
}
