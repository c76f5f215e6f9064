import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * One local folder holding every traineddata file Tesseract may load, so no worker ever reaches
 * for a CDN (tesseract.js does when `langPath` is missing, and its promise then never settles).
 *
 * - eng: from the @tesseract.js-data/eng npm package, the `4.0.0` build: it carries both the
 *   LSTM model and the legacy one the MRZ pass needs. Gunzipped once into the folder.
 * - rus: from Debian's tesseract-ocr-rus, linked in when installed (npm has no Russian data).
 */

export const DEFAULT_SYSTEM_TESSDATA_GLOB = '/usr/share/tesseract-ocr';

export interface TessdataOptions {
  /** Folder to build; default `<tmpdir>/moderation-scanner-tessdata`. */
  dir?: string;
  /** Where to look for Debian's tessdata folders (`<root>/<version>/tessdata/rus.traineddata`). */
  systemRoot?: string;
  /** Languages wanted besides eng. */
  extra?: readonly string[];
}

export interface Tessdata {
  langPath: string;
  /** Languages whose traineddata is in the folder. */
  available: string[];
  /** Wanted languages that are not (the caller logs them once). */
  missing: string[];
}

function findSystemFile(root: string, file: string): string | undefined {
  if (!existsSync(root)) return undefined;
  // Debian keeps versioned folders (4.00, 5); prefer the newest that has the file.
  const versions = readdirSync(root).sort().reverse();
  for (const v of versions) {
    const p = join(root, v, 'tessdata', file);
    if (existsSync(p)) return p;
  }
  return undefined;
}

export function prepareTessdata(opts: TessdataOptions = {}): Tessdata {
  const dir = opts.dir ?? join(tmpdir(), 'moderation-scanner-tessdata');
  mkdirSync(dir, { recursive: true });
  const eng = join(dir, 'eng.traineddata');
  if (!existsSync(eng) || statSync(eng).size < 1_000_000) {
    const require = createRequire(import.meta.url);
    const pkg = dirname(require.resolve('@tesseract.js-data/eng/package.json'));
    const tmp = `${eng}.${process.pid}.tmp`;
    writeFileSync(tmp, gunzipSync(readFileSync(join(pkg, '4.0.0', 'eng.traineddata.gz'))));
    renameSync(tmp, eng); // atomic: concurrent scanners never read half a file
  }
  const available = ['eng'];
  const missing: string[] = [];
  for (const lang of opts.extra ?? ['rus']) {
    const target = join(dir, `${lang}.traineddata`);
    if (!existsSync(target)) {
      const src = findSystemFile(opts.systemRoot ?? DEFAULT_SYSTEM_TESSDATA_GLOB, `${lang}.traineddata`);
      if (src) {
        try {
          symlinkSync(src, target);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        }
      }
    }
    if (existsSync(target)) available.push(lang);
    else missing.push(lang);
  }
  return { langPath: dir, available, missing };
}
