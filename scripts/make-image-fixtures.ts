/**
 * Builds the labelled image fixtures for the media scanner: fixtures/images/*.{jpg,png,...}
 * and fixtures/images.jsonl in the peer-suite image format (id, file, source, sha256, bytes,
 * expect {type, action}, note).
 *
 *   npx tsx scripts/make-image-fixtures.ts
 *
 * Everything is synthetic: text is SVG rendered by sharp with the DejaVu fonts (Debian's
 * fonts-dejavu-core), numbers are random but valid (Luhn for cards, ICAO 9303 check digits for
 * MRZs), and a seeded generator makes the output the same on every run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { parse as parseMrz } from 'mrz';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'fixtures', 'images');
const LABELS = join(ROOT, 'fixtures', 'images.jsonl');
const MAX_FILE_BYTES = 150 * 1024;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rand = mulberry32(20240611);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');

// ---------------------------------------------------------------------------------------------
// Checksums

export function luhnComplete(prefix: string, length: number): string {
  let body = prefix + digits(length - prefix.length - 1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}

const MRZ_VALUES = (c: string) => (c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
export function mrzCheck(s: string): string {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += MRZ_VALUES(s[i]!) * w[i % 3]!;
  return String(sum % 10);
}
const pad = (s: string, n: number) => (s + '<'.repeat(n)).slice(0, n);
const mrzName = (surname: string, given: string, n: number) =>
  pad(`${surname.replace(/[ -]/g, '<')}<<${given.replace(/[ -]/g, '<')}`, n);

interface Person { surname: string; given: string; birth: string; sex: 'M' | 'F'; expiry: string; docNo: string; nat: string }

function td3(p: Person, personal = ''): string[] {
  const l1 = pad(`P<${p.nat}${mrzName(p.surname, p.given, 39)}`, 44);
  const doc = pad(p.docNo, 9);
  const pers = pad(personal, 14);
  const persCd = personal ? mrzCheck(pers) : '<';
  const part = `${doc}${mrzCheck(doc)}${p.nat}${p.birth}${mrzCheck(p.birth)}${p.sex}${p.expiry}${mrzCheck(p.expiry)}${pers}${persCd}`;
  const composite = mrzCheck(`${doc}${mrzCheck(doc)}${p.birth}${mrzCheck(p.birth)}${p.expiry}${mrzCheck(p.expiry)}${pers}${persCd}`);
  return [l1, part + composite];
}

function td1(p: Person, code = 'I<'): string[] {
  const doc = pad(p.docNo, 9);
  const l1 = pad(`${code}${p.nat}${doc}${mrzCheck(doc)}`, 30);
  const l2a = `${p.birth}${mrzCheck(p.birth)}${p.sex}${p.expiry}${mrzCheck(p.expiry)}${p.nat}`;
  const l2 = pad(l2a, 29);
  const composite = mrzCheck(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29));
  return [l1, l2 + composite, mrzName(p.surname, p.given, 30)];
}

function td2(p: Person, code = 'I<'): string[] {
  const l1 = pad(`${code}${p.nat}${mrzName(p.surname, p.given, 31)}`, 36);
  const doc = pad(p.docNo, 9);
  const body = `${doc}${mrzCheck(doc)}${p.nat}${p.birth}${mrzCheck(p.birth)}${p.sex}${p.expiry}${mrzCheck(p.expiry)}${'<'.repeat(7)}`;
  const composite = mrzCheck(`${doc}${mrzCheck(doc)}${p.birth}${mrzCheck(p.birth)}${p.expiry}${mrzCheck(p.expiry)}${'<'.repeat(7)}`);
  return [l1, body + composite];
}

function assertValidMrz(lines: string[], what: string) {
  const r = parseMrz(lines);
  // Utopia (UTO) is ICAO's specimen state: the parser rightly calls it unknown; every check digit must still hold.
  const bad = r.details.filter((d) => !d.valid && d.field !== 'issuingState' && d.field !== 'nationality');
  if (bad.length) throw new Error(`generated MRZ for ${what} is invalid: ${JSON.stringify(bad)}`);
}

// ---------------------------------------------------------------------------------------------
// Rendering helpers

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const SANS = 'DejaVu Sans';
const MONO = 'DejaVu Sans Mono';
const SERIF = 'DejaVu Serif';

interface TextOpts { size: number; family?: string; weight?: string; fill?: string; anchor?: string; style?: string; spacing?: number }
const text = (x: number, y: number, s: string, o: TextOpts) =>
  `<text x="${x}" y="${y}" font-family="${o.family ?? SANS}" font-size="${o.size}" font-weight="${o.weight ?? 'normal'}" font-style="${o.style ?? 'normal'}" fill="${o.fill ?? '#111'}" text-anchor="${o.anchor ?? 'start'}"${o.spacing ? ` letter-spacing="${o.spacing}"` : ''}>${esc(s)}</text>`;
const svg = (w: number, h: number, body: string) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`);

/** A "photo": smooth colour field, a few soft blobs and sensor noise, the way a phone shot of a table looks. */
async function photoBackground(w: number, h: number, palette: [number, number, number][], noise = 10): Promise<Buffer> {
  const px = Buffer.alloc(w * h * 3);
  const [a, b] = [palette[0]!, palette[1] ?? palette[0]!];
  const blobs = Array.from({ length: int(2, 5) }, () => ({ x: rand() * w, y: rand() * h, r: (0.15 + rand() * 0.35) * Math.max(w, h), c: pick(palette), k: 0.2 + rand() * 0.4 }));
  const angle = rand() * Math.PI;
  const [cx, cy] = [Math.cos(angle), Math.sin(angle)];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = Math.min(1, Math.max(0, ((x / w) * cx + (y / h) * cy + 0.2) / 1.4));
      let r = a[0] * (1 - t) + b[0] * t, g = a[1] * (1 - t) + b[1] * t, bl = a[2] * (1 - t) + b[2] * t;
      for (const o of blobs) {
        const d = Math.hypot(x - o.x, y - o.y) / o.r;
        if (d < 1) {
          const k = o.k * (1 - d * d);
          r = r * (1 - k) + o.c[0] * k; g = g * (1 - k) + o.c[1] * k; bl = bl * (1 - k) + o.c[2] * k;
        }
      }
      const n = (rand() - 0.5) * noise;
      const i = (y * w + x) * 3;
      px[i] = Math.max(0, Math.min(255, r + n));
      px[i + 1] = Math.max(0, Math.min(255, g + n));
      px[i + 2] = Math.max(0, Math.min(255, bl + n));
    }
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } }).blur(0.6).png().toBuffer();
}

/** Places a rendered document on a photo background, slightly rotated, as a phone snapshot would. */
async function onTable(doc: Buffer, w: number, h: number, angle: number, palette: [number, number, number][]): Promise<Buffer> {
  const bg = await photoBackground(w, h, palette, 14);
  const rotated = await sharp(doc).rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer();
  const m = await sharp(rotated).metadata();
  const scale = Math.min((w * 0.86) / m.width!, (h * 0.86) / m.height!, 1);
  const placed = await sharp(rotated).resize(Math.round(m.width! * scale)).png().toBuffer();
  const pm = await sharp(placed).metadata();
  return sharp(bg)
    .composite([{ input: placed, left: Math.round((w - pm.width!) / 2 + int(-10, 10)), top: Math.round((h - pm.height!) / 2 + int(-10, 10)) }])
    .png()
    .toBuffer();
}

// ---------------------------------------------------------------------------------------------
// Labels

type ExpectType = 'media.payment_card' | 'media.identity_document' | 'media.personal_data' | 'media.location_metadata' | 'media.invalid' | 'media.video_unscanned' | 'clean';
const ACTION: Record<ExpectType, string> = {
  'media.payment_card': 'hide', 'media.identity_document': 'hide', 'media.personal_data': 'redact',
  'media.location_metadata': 'redact', 'media.invalid': 'hide', 'media.video_unscanned': 'queue', clean: 'publish',
};

interface Label { id: string; file: string; source: string; sha256: string; bytes: number; expect: { type: ExpectType; action: string; also?: ExpectType[] }; note: string; meta?: Record<string, unknown> }
const labels: Label[] = [];

async function save(name: string, data: Buffer | Uint8Array, type: ExpectType, note: string, meta?: Record<string, unknown>, also?: ExpectType[]) {
  if (data.length > MAX_FILE_BYTES) throw new Error(`${name} is ${data.length} bytes, over ${MAX_FILE_BYTES}`);
  writeFileSync(join(OUT_DIR, name), data);
  const expect: Label['expect'] = { type, action: ACTION[type] };
  if (also?.length) expect.also = also;
  labels.push({
    id: `gen-${name.replace(/\.[a-z0-9]+$/, '')}`,
    file: `images/${name}`,
    source: 'generated by scripts/make-image-fixtures.ts',
    sha256: createHash('sha256').update(data).digest('hex'),
    bytes: data.length,
    expect,
    note,
    ...(meta ? { meta } : {}),
  });
}
const jpeg = (b: Buffer, q = 82) => sharp(b).jpeg({ quality: q, mozjpeg: true }).toBuffer();

// ---------------------------------------------------------------------------------------------
// Payment cards

interface CardSpec { brand: string; prefix: string; length: number; groups: number[]; colors: [string, string]; textFill: string; mark: (w: number, h: number) => string }
const CARD_BRANDS: CardSpec[] = [
  { brand: 'VISA', prefix: '4', length: 16, groups: [4, 4, 4, 4], colors: ['#1a1f71', '#3a5bd9'], textFill: '#f4f4f4', mark: (w, h) => text(w - 40, h - 40, 'VISA', { size: 52, weight: 'bold', style: 'italic', fill: '#ffffff', anchor: 'end' }) },
  { brand: 'MASTERCARD', prefix: '53', length: 16, groups: [4, 4, 4, 4], colors: ['#222222', '#555555'], textFill: '#eeeeee', mark: (w, h) => `<circle cx="${w - 120}" cy="${h - 70}" r="38" fill="#eb001b"/><circle cx="${w - 70}" cy="${h - 70}" r="38" fill="#f79e1b" fill-opacity="0.85"/>${text(w - 95, h - 18, 'mastercard', { size: 20, fill: '#fff', anchor: 'middle' })}` },
  { brand: 'MIR', prefix: '2202', length: 16, groups: [4, 4, 4, 4], colors: ['#0f754e', '#33a06f'], textFill: '#ffffff', mark: (w, h) => text(w - 40, h - 40, 'МИР', { size: 50, weight: 'bold', fill: '#ffffff', anchor: 'end' }) },
  { brand: 'AMEX', prefix: '37', length: 15, groups: [4, 6, 5], colors: ['#2e77bb', '#8ec5f0'], textFill: '#0b2545', mark: (w) => text(w - 40, 70, 'AMERICAN EXPRESS', { size: 26, weight: 'bold', fill: '#ffffff', anchor: 'end' }) },
  { brand: 'MAESTRO', prefix: '6759', length: 16, groups: [4, 4, 4, 4], colors: ['#5c5c5c', '#9a9a9a'], textFill: '#ffffff', mark: (w, h) => `<circle cx="${w - 120}" cy="${h - 70}" r="34" fill="#0099df"/><circle cx="${w - 72}" cy="${h - 70}" r="34" fill="#ed0006" fill-opacity="0.85"/>${text(w - 96, h - 20, 'maestro', { size: 20, fill: '#fff', anchor: 'middle' })}` },
  { brand: 'UNIONPAY', prefix: '62', length: 16, groups: [4, 4, 4, 4], colors: ['#7a0019', '#d2232a'], textFill: '#ffffff', mark: (w, h) => text(w - 40, h - 40, 'UnionPay', { size: 40, weight: 'bold', fill: '#ffffff', anchor: 'end' }) },
  { brand: 'JCB', prefix: '3530', length: 16, groups: [4, 4, 4, 4], colors: ['#e8e2d0', '#b7a77a'], textFill: '#222222', mark: (w, h) => text(w - 40, h - 40, 'JCB', { size: 52, weight: 'bold', fill: '#0e4c96', anchor: 'end' }) },
  { brand: 'DISCOVER', prefix: '6011', length: 16, groups: [4, 4, 4, 4], colors: ['#f2f2f2', '#ff8a00'], textFill: '#222222', mark: (w, h) => text(w - 40, h - 40, 'DISCOVER', { size: 40, weight: 'bold', fill: '#222', anchor: 'end' }) },
];
const HOLDERS = ['IVAN PETROV', 'ANNA SMIRNOVA', 'JOHN A SMITH', 'MARIA GARCIA', 'OLGA KUZNETSOVA', 'PIERRE DUBOIS', 'KATE MILLER', 'SERGEY VOLKOV'];
const BANKS = ['NORTHWIND BANK', 'Sberbank', 'T-Bank', 'Banco Azul', 'Alfa-Bank', 'City Credit', 'Monzo', 'Raiffeisen'];

function cardSvg(spec: CardSpec, number: string, holder: string, expiry: string, bank: string, w = 856, h = 540): Buffer {
  let i = 0;
  const grouped = spec.groups.map((g) => { const s = number.slice(i, i + g); i += g; return s; }).join(' ');
  return svg(w, h, `
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${spec.colors[0]}"/><stop offset="1" stop-color="${spec.colors[1]}"/></linearGradient></defs>
    <rect width="${w}" height="${h}" rx="36" fill="url(#g)"/>
    <circle cx="${w * 0.8}" cy="${h * 0.1}" r="${h * 0.5}" fill="#ffffff" fill-opacity="0.06"/>
    ${text(50, 80, bank, { size: 34, weight: 'bold', fill: spec.textFill })}
    <rect x="70" y="170" width="100" height="76" rx="10" fill="#d8b45a"/><path d="M70 208 h100 M120 170 v76" stroke="#9c7c2e" stroke-width="3"/>
    ${text(60, 330, grouped, { size: 54, family: MONO, fill: spec.textFill, spacing: 2 })}
    ${text(330, 385, 'VALID', { size: 14, fill: spec.textFill })}${text(330, 402, 'THRU', { size: 14, fill: spec.textFill })}
    ${text(380, 402, expiry, { size: 34, family: MONO, fill: spec.textFill })}
    ${text(60, 470, holder, { size: 34, family: MONO, fill: spec.textFill })}
    ${spec.mark(w, h)}`);
}

async function makeCards() {
  const layouts = ['flat', 'flat', 'table', 'table', 'small', 'flat', 'table', 'rot180', 'flat', 'table', 'flat', 'table'];
  for (let k = 0; k < layouts.length; k++) {
    const spec = CARD_BRANDS[k % CARD_BRANDS.length]!;
    const number = luhnComplete(spec.prefix, spec.length);
    const expiry = `${String(int(1, 12)).padStart(2, '0')}/${int(26, 31)}`;
    const doc = await sharp(cardSvg(spec, number, pick(HOLDERS), expiry, pick(BANKS))).png().toBuffer();
    const layout = layouts[k]!;
    let img: Buffer;
    if (layout === 'flat') img = await sharp(doc).resize(640).flatten({ background: '#ffffff' }).png().toBuffer();
    else if (layout === 'small') img = await sharp(doc).resize(400).flatten({ background: '#ffffff' }).png().toBuffer();
    else if (layout === 'rot180') img = await sharp(doc).resize(640).flatten({ background: '#ffffff' }).rotate(180).png().toBuffer();
    else img = await onTable(doc, 960, 720, int(-8, 8), [[120, 84, 50], [160, 120, 80], [90, 60, 40]]);
    const name = `card-${spec.brand.toLowerCase()}-${String(k + 1).padStart(2, '0')}.jpg`;
    await save(name, await jpeg(img, 80), 'media.payment_card', `${spec.brand} card, ${layout} layout, Luhn-valid ${spec.length}-digit number`, { brand: spec.brand, layout });
  }
  // The back of a card: number and CVV on the signature strip, no brand on the front side.
  const spec = CARD_BRANDS[0]!;
  const number = luhnComplete('4', 16);
  const back = svg(856, 540, `<rect width="856" height="540" rx="36" fill="#e9e9ef"/><rect y="50" width="856" height="100" fill="#111"/>
    <rect x="50" y="200" width="520" height="70" fill="#fff"/>${text(60, 248, `${number.slice(12)}  ${digits(3)}`, { size: 32, family: MONO, style: 'italic' })}
    ${text(50, 340, `${number.replace(/(\d{4})(?=\d)/g, '$1 ')}`, { size: 40, family: MONO })}
    ${text(50, 400, 'VALID THRU 11/28', { size: 28 })}${text(50, 470, 'Customer service: call the number on your statement', { size: 20 })}
    ${spec.mark(856, 540).replace(/#ffffff/g, '#1a1f71')}`);
  await save('card-back-visa-13.jpg', await jpeg(await sharp(back).resize(640).flatten({ background: '#fff' }).png().toBuffer()), 'media.payment_card', 'back of a VISA card with the full number printed');
}

// ---------------------------------------------------------------------------------------------
// Identity documents

const PEOPLE: Omit<Person, 'docNo' | 'nat'>[] = [
  { surname: 'ERIKSSON', given: 'ANNA MARIA', birth: '740812', sex: 'F', expiry: '320415' },
  { surname: 'MUSTERMANN', given: 'ERIKA', birth: '830812', sex: 'F', expiry: '310101' },
  { surname: 'IVANOV', given: 'PETR', birth: '900115', sex: 'M', expiry: '290630' },
  { surname: 'GARCIA LOPEZ', given: 'JUAN', birth: '881203', sex: 'M', expiry: '300922' },
  { surname: 'DUPONT', given: 'MARIE CLAIRE', birth: '791024', sex: 'F', expiry: '280311' },
  { surname: 'SMITH', given: 'JOHN PAUL', birth: '650302', sex: 'M', expiry: '330717' },
  { surname: 'KOWALSKA', given: 'JOANNA', birth: '920511', sex: 'F', expiry: '270208' },
  { surname: 'ROSSI', given: 'LUCA', birth: '010228', sex: 'M', expiry: '340101' },
];
const docNo = () => `${String.fromCharCode(65 + int(0, 25))}${String.fromCharCode(65 + int(0, 25))}${digits(7)}`;
const humanDate = (yymmdd: string) => `${yymmdd.slice(4, 6)}.${yymmdd.slice(2, 4)}.${Number(yymmdd.slice(0, 2)) > 40 ? 19 : 20}${yymmdd.slice(0, 2)}`;

interface PassportSpec { nat: string; title: string; country: string; labels: string[]; paper: [string, string]; cyr?: boolean }
const PASSPORTS: PassportSpec[] = [
  { nat: 'UTO', title: 'PASSPORT / PASSEPORT', country: 'UTOPIA', labels: ['Surname / Nom', 'Given names / Prénoms', 'Nationality / Nationalité', 'Date of birth / Date de naissance', 'Sex / Sexe', 'Date of expiry / Date d\'expiration'], paper: ['#eef3f7', '#d9e6ee'] },
  { nat: 'D<<', title: 'REISEPASS / PASSPORT', country: 'BUNDESREPUBLIK DEUTSCHLAND', labels: ['Name / Surname', 'Vornamen / Given names', 'Staatsangehörigkeit / Nationality', 'Geburtstag / Date of birth', 'Geschlecht / Sex', 'Gültig bis / Date of expiry'], paper: ['#f4eee6', '#e6ddd0'] },
  { nat: 'RUS', title: 'ПАСПОРТ / PASSPORT', country: 'РОССИЙСКАЯ ФЕДЕРАЦИЯ / RUSSIAN FEDERATION', labels: ['Фамилия / Surname', 'Имя / Given names', 'Гражданство / Nationality', 'Дата рождения / Date of birth', 'Пол / Sex', 'Дата окончания срока / Date of expiry'], paper: ['#f3eef5', '#e3d8e8'], cyr: true },
  { nat: 'ESP', title: 'PASAPORTE / PASSPORT', country: 'REINO DE ESPAÑA', labels: ['Apellidos / Surname', 'Nombre / Given names', 'Nacionalidad / Nationality', 'Fecha de nacimiento / Date of birth', 'Sexo / Sex', 'Fecha de caducidad / Date of expiry'], paper: ['#f7f1e3', '#eadfc4'] },
  { nat: 'GBR', title: 'PASSPORT', country: 'UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND', labels: ['Surname', 'Given names', 'Nationality', 'Date of birth', 'Sex', 'Date of expiry'], paper: ['#f1efe9', '#dcd8cc'] },
  { nat: 'POL', title: 'PASZPORT / PASSPORT', country: 'RZECZPOSPOLITA POLSKA', labels: ['Nazwisko / Surname', 'Imiona / Given names', 'Obywatelstwo / Nationality', 'Data urodzenia / Date of birth', 'Płeć / Sex', 'Data ważności / Date of expiry'], paper: ['#eef2ea', '#d7e0cf'] },
];

function faceSvg(x: number, y: number, w: number, h: number): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#c9ced6"/><ellipse cx="${x + w / 2}" cy="${y + h * 0.38}" rx="${w * 0.24}" ry="${h * 0.2}" fill="#a08068"/><path d="M${x + w * 0.12} ${y + h} q${w * 0.38} -${h * 0.5} ${w * 0.76} 0 z" fill="#35404e"/>`;
}

function passportSvg(spec: PassportSpec, p: Person, mrz: string[], w = 900, h = 640): Buffer {
  const values = [p.surname, p.given, spec.nat.replace(/</g, '') === 'D' ? 'DEUTSCH' : spec.nat, humanDate(p.birth), p.sex, humanDate(p.expiry)];
  const fields = spec.labels.map((l, i) => text(300, 150 + i * 52, l, { size: 15, fill: '#556' }) + text(300, 172 + i * 52, values[i]!, { size: 22, weight: 'bold' })).join('');
  const mrzSize = 29;
  const mrzY = h - 34 - (mrz.length - 1) * 44;
  return svg(w, h, `
    <defs><linearGradient id="p" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${spec.paper[0]}"/><stop offset="1" stop-color="${spec.paper[1]}"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#p)"/>
    ${text(40, 50, spec.country, { size: 20, weight: 'bold', fill: '#223' })}
    ${text(40, 88, spec.title, { size: 26, weight: 'bold', fill: '#223' })}
    ${text(620, 88, `No ${p.docNo}`, { size: 22, fill: '#a00', family: MONO })}
    ${faceSvg(40, 120, 220, 280)}
    ${fields}
    <rect x="0" y="${mrzY - 42}" width="${w}" height="${h - mrzY + 42}" fill="#ffffff" fill-opacity="0.55"/>
    ${mrz.map((line, i) => text(24, mrzY + i * 44, line, { size: mrzSize, family: MONO, fill: '#111' })).join('')}`);
}

function idCardSvg(title: string, country: string, p: Person, mrz: string[], cyr: boolean): Buffer {
  const w = 860, h = 540;
  const labels = cyr ? ['Фамилия', 'Имя', 'Дата рождения'] : ['Surname / Nom', 'Given names / Prénoms', 'Date of birth / Date de naissance'];
  const vals = [p.surname, p.given, humanDate(p.birth)];
  const front = svg(w, h, `<rect width="${w}" height="${h}" rx="30" fill="#e7eef3"/>
    ${text(30, 50, country, { size: 20, weight: 'bold', fill: '#234' })}${text(30, 84, title, { size: 26, weight: 'bold', fill: '#234' })}
    ${faceSvg(30, 110, 180, 230)}
    ${labels.map((l, i) => text(240, 140 + i * 64, l, { size: 16, fill: '#567' }) + text(240, 166 + i * 64, vals[i]!, { size: 24, weight: 'bold' })).join('')}
    ${text(240, 340, `${p.docNo}`, { size: 26, family: MONO, fill: '#a00' })}
    ${mrz.map((line, i) => text(26, h - 30 - (mrz.length - 1 - i) * 50, line, { size: 40, family: MONO })).join('')}`);
  return front;
}

function drivingLicenceSvg(p: Person, lang: 'en' | 'ru'): Buffer {
  const w = 860, h = 540;
  const title = lang === 'en' ? 'DRIVING LICENCE' : 'ВОДИТЕЛЬСКОЕ УДОСТОВЕРЕНИЕ / DRIVING LICENCE';
  const country = lang === 'en' ? 'UNITED KINGDOM' : 'RUS';
  const rows = [
    `1. ${p.surname}`, `2. ${p.given}`, `3. ${humanDate(p.birth)} ${lang === 'en' ? 'LONDON' : 'МОСКВА'}`,
    `4a. ${humanDate('200115')}  4b. ${humanDate(p.expiry)}`, `4c. ${lang === 'en' ? 'DVLA' : 'ГИБДД 7701'}`, `5. ${digits(4)} ${digits(6)}`, '9. B/C1/M',
  ];
  return svg(w, h, `<rect width="${w}" height="${h}" rx="30" fill="${lang === 'en' ? '#f3e4ec' : '#e4ecf3'}"/>
    ${text(30, 60, title, { size: lang === 'en' ? 38 : 26, weight: 'bold', fill: '#203060' })}${text(w - 40, 60, country, { size: 30, weight: 'bold', fill: '#203060', anchor: 'end' })}
    ${faceSvg(30, 100, 200, 260)}
    ${rows.map((r, i) => text(260, 130 + i * 52, r, { size: 26, family: SANS })).join('')}
    <path d="M40 470 q60 -40 120 0 t120 0" stroke="#203060" stroke-width="3" fill="none"/>`);
}

async function makeDocuments() {
  let n = 0;
  const id = () => String(++n).padStart(2, '0');
  // TD3 passports, flat scans and phone shots.
  for (let k = 0; k < PASSPORTS.length; k++) {
    const spec = PASSPORTS[k]!;
    const person = { ...PEOPLE[k]!, docNo: docNo(), nat: spec.nat };
    const mrz = td3(person, k % 2 ? digits(10) : '');
    assertValidMrz(mrz, spec.nat);
    const page = await sharp(passportSvg(spec, person, mrz)).png().toBuffer();
    const shot = k % 3 === 2
      ? await onTable(page, 1000, 760, int(-5, 5), [[70, 70, 80], [110, 100, 95]])
      : await sharp(page).resize(k % 2 ? 760 : 900).png().toBuffer();
    await save(`passport-${spec.nat.replace(/</g, '').toLowerCase()}-${id()}.jpg`, await jpeg(shot, 80), 'media.identity_document', `${spec.title} data page with a valid TD3 MRZ${k % 3 === 2 ? ', photographed on a table' : ''}`, { mrz: mrz.join('\n'), format: 'TD3' });
  }
  // A passport page turned on its side (no EXIF orientation): only the rotated second pass reads it.
  {
    const person = { ...PEOPLE[6]!, docNo: docNo(), nat: 'UTO' };
    const mrz = td3(person);
    assertValidMrz(mrz, 'rot90');
    const page = await sharp(passportSvg(PASSPORTS[0]!, person, mrz)).resize(800).rotate(90).png().toBuffer();
    await save(`passport-rot90-${id()}.jpg`, await jpeg(page), 'media.identity_document', 'passport page rotated 90°, no orientation tag', { mrz: mrz.join('\n'), format: 'TD3', rotated: 90 });
  }
  // TD1 identity cards.
  const cards: [string, string, string, boolean][] = [
    ['FRA', "CARTE NATIONALE D'IDENTITÉ / IDENTITY CARD", 'RÉPUBLIQUE FRANÇAISE', false],
    ['D<<', 'PERSONALAUSWEIS / IDENTITY CARD', 'BUNDESREPUBLIK DEUTSCHLAND', false],
    ['UTO', 'IDENTITY CARD', 'UTOPIA', false],
    ['ESP', 'DOCUMENTO NACIONAL DE IDENTIDAD', 'ESPAÑA', false],
    ['RUS', 'УДОСТОВЕРЕНИЕ ЛИЧНОСТИ / IDENTITY CARD', 'РОССИЙСКАЯ ФЕДЕРАЦИЯ', true],
  ];
  for (let k = 0; k < cards.length; k++) {
    const [nat, title, country, cyr] = cards[k]!;
    const person = { ...PEOPLE[(k + 3) % PEOPLE.length]!, docNo: docNo(), nat };
    const mrz = td1(person);
    assertValidMrz(mrz, `td1 ${nat}`);
    const img = await sharp(idCardSvg(title, country, person, mrz, cyr)).png().toBuffer();
    const shot = k % 2 ? await onTable(img, 900, 680, int(-6, 6), [[200, 200, 195], [150, 150, 150]]) : await sharp(img).resize(720).flatten({ background: '#fff' }).png().toBuffer();
    await save(`idcard-${nat.replace(/</g, '').toLowerCase()}-${id()}.jpg`, await jpeg(shot, 80), 'media.identity_document', `${title} with a valid TD1 MRZ`, { mrz: mrz.join('\n'), format: 'TD1' });
  }
  // TD2 residence permit.
  {
    const person = { ...PEOPLE[1]!, docNo: docNo(), nat: 'UTO' };
    const mrz = td2(person);
    assertValidMrz(mrz, 'td2');
    const img = await sharp(idCardSvg('RESIDENCE PERMIT / TITRE DE SÉJOUR', 'UTOPIA', person, mrz, false)).resize(760).flatten({ background: '#fff' }).png().toBuffer();
    await save(`permit-uto-${id()}.jpg`, await jpeg(img), 'media.identity_document', 'residence permit with a valid TD2 MRZ', { mrz: mrz.join('\n'), format: 'TD2' });
  }
  // Driving licences have no MRZ: the keywords and the numbered field layout carry them.
  for (const lang of ['en', 'ru'] as const) {
    const person = { ...PEOPLE[lang === 'en' ? 5 : 2]!, docNo: docNo(), nat: 'GBR' };
    const img = await sharp(drivingLicenceSvg(person, lang)).resize(720).flatten({ background: '#fff' }).png().toBuffer();
    await save(`licence-${lang}-${id()}.jpg`, await jpeg(img), 'media.identity_document', `driving licence (${lang}), no MRZ: keywords and numbered fields`);
  }
}

// ---------------------------------------------------------------------------------------------
// Parcel labels (personal data to blur)

const LABELS_EN = [
  { name: 'Emily Johnson', street: '742 Evergreen Terrace', city: 'Springfield, OR 97403', phone: '+1 (541) 555-0142', email: 'emily.johnson84@gmail.com' },
  { name: 'Thomas Becker', street: 'Hauptstraße 15', city: '10115 Berlin, Germany', phone: '+49 30 901820', email: 't.becker@web.de' },
  { name: 'Lucía Fernández', street: 'Calle Mayor 24, 3ºB', city: '28013 Madrid, España', phone: '+34 612 345 678', email: 'lucia.fdez@hotmail.es' },
  { name: 'James O\'Connor', street: '221B Baker Street', city: 'London NW1 6XE, UK', phone: '+44 20 7946 0958', email: 'j.oconnor@outlook.com' },
  { name: 'Sophie Martin', street: '12 rue de Rivoli', city: '75004 Paris, France', phone: '+33 6 12 34 56 78', email: 'sophie.martin@orange.fr' },
];
const LABELS_RU = [
  { name: 'Иванов Пётр Сергеевич', street: 'ул. Ленина, д. 12, кв. 45', city: 'г. Москва, 101000', phone: '+7 916 123-45-67', email: 'petr.ivanov@mail.ru' },
  { name: 'Смирнова Анна Викторовна', street: 'пр. Мира, д. 101, кв. 7', city: 'г. Санкт-Петербург, 190000', phone: '8 (921) 765-43-21', email: 'anna.smirnova@yandex.ru' },
  { name: 'Кузнецов Олег Иванович', street: 'ул. Советская, д. 5', city: 'г. Новосибирск, 630099', phone: '+7 913 555-12-34', email: 'oleg.k@gmail.com' },
  { name: 'Петренко Ольга Андреевна', street: 'ул. Гагарина, д. 33, кв. 90', city: 'г. Казань, 420000', phone: '+7 (843) 222-33-44', email: 'olga.petrenko@rambler.ru' },
];

function barcode(x: number, y: number, w: number, h: number): string {
  let out = '';
  for (let cx = x; cx < x + w; ) {
    const bw = int(1, 4);
    if (rand() < 0.55) out += `<rect x="${cx}" y="${y}" width="${bw}" height="${h}" fill="#000"/>`;
    cx += bw + int(1, 3);
  }
  return out;
}

function parcelSvg(l: { name: string; street: string; city: string; phone: string; email: string }, ru: boolean, w = 800, h = 560): Buffer {
  const lines = ru
    ? [['Кому:', l.name], ['Адрес:', l.street], ['', l.city], ['Тел.:', l.phone], ['E-mail:', l.email]]
    : [['SHIP TO:', l.name], ['', l.street], ['', l.city], ['Tel:', l.phone], ['Email:', l.email]];
  return svg(w, h, `<rect width="${w}" height="${h}" fill="#ffffff"/><rect x="10" y="10" width="${w - 20}" height="${h - 20}" fill="none" stroke="#000" stroke-width="4"/>
    ${text(30, 60, ru ? 'ПОЧТА · ПОСЫЛКА' : 'PRIORITY MAIL · PARCEL', { size: 30, weight: 'bold' })}
    ${text(w - 30, 60, `${int(1, 9)}.${int(1, 9)} kg`, { size: 26, anchor: 'end' })}
    <line x1="10" y1="84" x2="${w - 10}" y2="84" stroke="#000" stroke-width="3"/>
    ${lines.map(([k, v], i) => (k ? text(30, 140 + i * 50, k, { size: 24, weight: 'bold' }) : '') + text(150, 140 + i * 50, v!, { size: 30 })).join('')}
    ${barcode(40, 420, w - 300, 90)}${text(40, 540, `${digits(4)} ${digits(4)} ${digits(4)}`, { size: 20, family: MONO })}`);
}

async function makeParcels() {
  let n = 0;
  for (const l of LABELS_EN) {
    const img = await sharp(parcelSvg(l, false)).png().toBuffer();
    const shot = n % 2 ? await onTable(img, 960, 720, int(-4, 4), [[170, 130, 90], [140, 100, 60]]) : await sharp(img).resize(720).png().toBuffer();
    await save(`parcel-en-${String(++n).padStart(2, '0')}.jpg`, await jpeg(shot), 'media.personal_data', 'parcel label with name, street address, phone and e-mail', { phone: l.phone, email: l.email });
  }
  for (const l of LABELS_RU) {
    const img = await sharp(parcelSvg(l, true)).png().toBuffer();
    const shot = n % 2 ? await onTable(img, 960, 720, int(-4, 4), [[170, 130, 90], [140, 100, 60]]) : await sharp(img).resize(720).png().toBuffer();
    await save(`parcel-ru-${String(++n).padStart(2, '0')}.jpg`, await jpeg(shot), 'media.personal_data', 'Russian parcel label with name, address, phone and e-mail', { phone: l.phone, email: l.email });
  }
  // A review photo of the product with the shipping label still on the box.
  const l = LABELS_EN[0]!;
  const label = await sharp(parcelSvg(l, false)).resize(420).png().toBuffer();
  const bg = await photoBackground(1000, 750, [[196, 160, 110], [170, 130, 85]], 12);
  const img = await sharp(bg).composite([{ input: label, left: 420, top: 260 }]).png().toBuffer();
  await save(`parcel-box-${String(++n).padStart(2, '0')}.jpg`, await jpeg(img), 'media.personal_data', 'cardboard box with the shipping label in a corner', { phone: l.phone, email: l.email });
}

// ---------------------------------------------------------------------------------------------
// Photos: clean product shots (hard negatives included) and photos carrying GPS tags

const PALETTES: [number, number, number][][] = [
  [[230, 228, 222], [200, 196, 190]], [[40, 60, 90], [90, 130, 170]], [[240, 220, 200], [200, 150, 120]],
  [[30, 30, 30], [80, 80, 80]], [[210, 235, 210], [120, 170, 120]], [[250, 245, 235], [220, 210, 190]],
];

function productShapes(w: number, h: number): string {
  const kind = int(0, 3);
  const c = `rgb(${int(20, 230)},${int(20, 230)},${int(20, 230)})`;
  if (kind === 0) return `<ellipse cx="${w / 2}" cy="${h * 0.55}" rx="${w * 0.28}" ry="${h * 0.32}" fill="${c}"/><ellipse cx="${w / 2 - 40}" cy="${h * 0.45}" rx="${w * 0.06}" ry="${h * 0.1}" fill="#fff" fill-opacity="0.25"/>`;
  if (kind === 1) return `<rect x="${w * 0.3}" y="${h * 0.2}" width="${w * 0.4}" height="${h * 0.62}" rx="30" fill="${c}"/><rect x="${w * 0.42}" y="${h * 0.12}" width="${w * 0.16}" height="${h * 0.1}" fill="#333"/>`;
  if (kind === 2) return `<path d="M${w * 0.25} ${h * 0.25} l${w * 0.12} -${h * 0.1} h${w * 0.26} l${w * 0.12} ${h * 0.1} l-${w * 0.06} ${h * 0.12} l-${w * 0.06} -${h * 0.04} v${h * 0.55} h-${w * 0.26} v-${h * 0.55} l-${w * 0.06} ${h * 0.04} z" fill="${c}"/>`;
  return `<rect x="${w * 0.2}" y="${h * 0.55}" width="${w * 0.6}" height="${h * 0.2}" rx="${h * 0.1}" fill="${c}"/><rect x="${w * 0.25}" y="${h * 0.45}" width="${w * 0.5}" height="${h * 0.14}" rx="20" fill="${c}" fill-opacity="0.7"/>`;
}

const PRODUCT_TEXT: [string, string][] = [
  ['SIZE 42', 'sneaker box print'], ['100% COTTON · MADE IN PORTUGAL', 'clothing tag'], ['NEW COLLECTION 2024', 'shop banner'],
  ['PASSPORT COVER · GENUINE LEATHER', 'hard negative: a passport cover product says PASSPORT'], ['EAN 4006381333931', 'hard negative: a 13-digit barcode number'],
  ['1 299 ₽  −30%', 'price tag'], ['Размер XL · Хлопок 95%', 'Russian clothing tag'], ['VISA GIFT BOX · 3 pcs', 'hard negative: a brand word without a card'],
  ['Art. 7712-0098  Lot 2024/11', 'article and lot numbers'], ['IDENTITY · eau de parfum 50 ml', 'hard negative: perfume named Identity'],
];

async function productPhoto(w: number, h: number, caption?: string): Promise<Buffer> {
  const bg = await photoBackground(w, h, pick(PALETTES), 8);
  const overlay = svg(w, h, `${productShapes(w, h)}${caption ? text(w / 2, h * 0.9, caption, { size: Math.round(w / 22), weight: 'bold', fill: '#1d1d1d', anchor: 'middle' }) : ''}`);
  return sharp(bg).composite([{ input: overlay }]).png().toBuffer();
}

function gpsExif(lat: number, lon: number) {
  const dms = (v: number) => {
    const a = Math.abs(v), d = Math.floor(a), m = Math.floor((a - d) * 60), s = Math.round(((a - d) * 60 - m) * 60 * 100);
    return `${d}/1 ${m}/1 ${s}/100`;
  };
  return {
    IFD0: { Make: 'Phone', Model: 'Camera 12' },
    IFD3: { GPSLatitudeRef: lat >= 0 ? 'N' : 'S', GPSLatitude: dms(lat), GPSLongitudeRef: lon >= 0 ? 'E' : 'W', GPSLongitude: dms(lon), GPSAltitudeRef: '0', GPSAltitude: '154/1' },
  };
}

async function makePhotos() {
  let n = 0;
  for (let k = 0; k < 14; k++) {
    const [caption, why] = k < PRODUCT_TEXT.length ? PRODUCT_TEXT[k]! : [undefined, 'no text at all'];
    const [w, h] = k % 3 === 0 ? [1200, 900] : [800, 600];
    const img = await productPhoto(w, h, caption);
    const q = w > 1000 ? 72 : 80;
    await save(`clean-${String(++n).padStart(2, '0')}.jpg`, await jpeg(img, q), 'clean', `product photo: ${why}${caption ? ` ("${caption}")` : ''}`);
  }
  // PNG and WebP clean photos: the scanner must accept both.
  await save(`clean-${String(++n).padStart(2, '0')}.png`, await sharp(await productPhoto(400, 300)).png({ palette: true }).toBuffer(), 'clean', 'small PNG product shot');
  await save(`clean-${String(++n).padStart(2, '0')}.webp`, await sharp(await productPhoto(800, 600, 'SIZE 38')).webp({ quality: 75 }).toBuffer(), 'clean', 'WebP product shot ("SIZE 38")');
  // A photo stored sideways with an EXIF orientation tag: the scanner must auto-orient.
  await save(`clean-${String(++n).padStart(2, '0')}-orient6.jpg`, await sharp(await productPhoto(800, 600, 'SIZE 44')).rotate(270).withMetadata({ orientation: 6 }).jpeg({ quality: 80 }).toBuffer(), 'clean', 'product photo with EXIF orientation 6');

  const places: [number, number, string][] = [
    [55.751244, 37.618423, 'Moscow'], [48.858370, 2.294481, 'Paris'], [40.689247, -74.044502, 'New York'], [-33.856784, 151.215297, 'Sydney'],
    [59.939095, 30.315868, 'Saint Petersburg'], [35.658581, 139.745438, 'Tokyo'], [52.520008, 13.404954, 'Berlin'], [41.902782, 12.496366, 'Rome'],
  ];
  let g = 0;
  for (const [lat, lon, city] of places) {
    g++;
    const caption = g % 3 === 0 ? 'SIZE 40' : undefined;
    const base = g === 8 ? await productPhoto(480, 360) : await productPhoto(g % 2 ? 960 : 800, g % 2 ? 720 : 600, caption);
    let data: Buffer;
    let how = 'EXIF GPS IFD';
    if (g === 7) {
      // XMP-only location, as some editors write it.
      const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,31.2005N" exif:GPSLongitude="13,24.2973E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
      data = await sharp(base).withXmp(xmp).jpeg({ quality: 80 }).toBuffer();
      how = 'XMP exif:GPSLatitude/GPSLongitude';
    } else if (g === 8) {
      data = await sharp(base).withExif(gpsExif(lat, lon)).png({ palette: true }).toBuffer();
      how = 'EXIF GPS in a PNG eXIf chunk';
    } else {
      data = await sharp(base).withExif(gpsExif(lat, lon)).jpeg({ quality: 80 }).toBuffer();
    }
    const ext = g === 8 ? 'png' : 'jpg';
    await save(`gps-${String(g).padStart(2, '0')}.${ext}`, data, 'media.location_metadata', `photo with location metadata near ${city} (${how})`, { how });
  }
}

// ---------------------------------------------------------------------------------------------
// Files that are not allowed images

async function makeInvalid() {
  const good = await jpeg(await productPhoto(640, 480, 'SIZE 42'));
  await save('invalid-truncated.jpg', good.subarray(0, Math.floor(good.length / 3)), 'media.invalid', 'JPEG cut after a third of its bytes');
  const png = await sharp(await productPhoto(320, 240)).png().toBuffer();
  const corrupt = Buffer.from(png);
  for (let i = 40; i < corrupt.length - 20; i += 97) corrupt[i] = corrupt[i]! ^ 0x5a;
  await save('invalid-corrupt.png', corrupt, 'media.invalid', 'PNG with its compressed data scrambled (CRC errors)');
  await save('invalid-random.jpg', Buffer.from(Array.from({ length: 4096 }, () => int(0, 255))), 'media.invalid', 'random bytes named .jpg');
  await save('invalid-image.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><script>alert(document.cookie)</script><text x="10" y="50">SIZE 42</text></svg>'), 'media.invalid', 'SVG with a script: never an allowed upload');
  await save('invalid-page.html', Buffer.from('<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>'), 'media.invalid', 'HTML uploaded as an image');
  await save('invalid-doc.pdf', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), 'media.invalid', 'a PDF');
  // A decompression bomb: a valid PNG header claiming 60000×60000 pixels.
  const bomb = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.from([0, 0, 0xea, 0x60, 0, 0, 0xea, 0x60, 8, 0, 0, 0, 0]), Buffer.alloc(4), Buffer.alloc(64)]);
  await save('invalid-bomb.png', bomb, 'media.invalid', 'PNG header claiming 60000×60000 (3.6 gigapixels)');
  // Video headers: allowed, but left for a human until frame analysis exists.
  const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41'), Buffer.from([0, 0, 0, 8]), Buffer.from('free'), Buffer.alloc(64)]);
  await save('video-header.mp4', mp4, 'media.video_unscanned', 'MP4 (ISO BMFF) header only');
  const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.alloc(64)]);
  await save('video-header.webm', webm, 'media.video_unscanned', 'WebM (EBML) header only');
}

// ---------------------------------------------------------------------------------------------
// Specimen cards (placeholder numbers that fail Luhn) and card-like hard negatives. Generated
// last, so the seeded stream of every earlier fixture stays the same.

const PLACEHOLDERS = ['4000 1234 5678 9010', '5412 7500 0000 0002', '2200 0000 0000 0000', '4111 2222 3333 4444'];

async function makeSpecimenCards() {
  const specs = [CARD_BRANDS[0]!, CARD_BRANDS[1]!, CARD_BRANDS[2]!, CARD_BRANDS[0]!];
  const expiries = ['3/23', '00/00', 'MM/YY', '12/29'];
  const holders = ['YOUR NAME HERE', 'CHERYL A GOODMAN', 'IMYA FAMILIYA', 'CARDHOLDER NAME'];
  for (let k = 0; k < PLACEHOLDERS.length; k++) {
    const spec = specs[k]!;
    const number = PLACEHOLDERS[k]!.replace(/ /g, '');
    if (luhnOk(number)) throw new Error(`placeholder ${number} passes Luhn`);
    const doc = await sharp(cardSvg(spec, number, holders[k]!, expiries[k]!, pick(BANKS))).png().toBuffer();
    // Small marketing-style pictures, as issuers publish them (320-500 px wide), and one on a table.
    const img = k === 3 ? await onTable(doc, 960, 720, int(-5, 5), [[120, 84, 50], [160, 120, 80]]) : await sharp(doc).resize([320, 500, 420][k]!).flatten({ background: '#ffffff' }).png().toBuffer();
    await save(`specimen-card-${spec.brand.toLowerCase()}-${String(k + 1).padStart(2, '0')}.jpg`, await jpeg(img, 82), 'media.payment_card', `specimen ${spec.brand} card: placeholder number ${PLACEHOLDERS[k]} (fails Luhn), expiry ${expiries[k]}`, { placeholder: PLACEHOLDERS[k] });
  }
  // Hard negatives: card-shaped, card-like, no card number layout.
  const gift = svg(856, 540, `<rect width="856" height="540" rx="36" fill="#c2185b"/>${text(60, 120, 'GIFT CARD', { size: 72, weight: 'bold', fill: '#fff' })}
    ${text(60, 230, '$50', { size: 96, weight: 'bold', fill: '#fff' })}${text(60, 330, 'Valid at all our stores', { size: 32, fill: '#fff' })}
    ${text(60, 390, 'Expires 12/26', { size: 32, fill: '#fff' })}${text(60, 470, 'Code 4821-77', { size: 32, family: MONO, fill: '#fff' })}`);
  await save('neg-gift-card.jpg', await jpeg(await sharp(gift).resize(500).flatten({ background: '#fff' }).png().toBuffer()), 'clean', 'hard negative: a store gift card (card-shaped, "GIFT CARD", "Expires 12/26", no card number layout)');
  const loyalty = svg(856, 540, `<rect width="856" height="540" rx="36" fill="#fbc02d"/>${text(60, 110, 'BONUS CLUB', { size: 64, weight: 'bold', fill: '#222' })}
    ${text(60, 190, 'MEMBER', { size: 36, fill: '#222' })}${text(60, 320, 'No 0012 3456', { size: 48, family: MONO, fill: '#222' })}
    ${text(60, 440, 'ANNA SMIRNOVA', { size: 40, family: MONO, fill: '#222' })}${barcode(520, 380, 280, 110)}`);
  await save('neg-loyalty-card.jpg', await jpeg(await sharp(loyalty).resize(500).flatten({ background: '#fff' }).png().toBuffer()), 'clean', 'hard negative: a loyalty card with a member number (two groups) and a name, no payment card layout');
  const tag = svg(600, 380, `<rect width="600" height="380" fill="#ffffff" stroke="#333" stroke-width="6"/>${text(40, 80, 'FRESH MILK 1L', { size: 44, weight: 'bold' })}
    ${text(40, 170, '$2.49', { size: 80, weight: 'bold', fill: '#c62828' })}${text(40, 240, 'EXP 12/25', { size: 40, family: MONO })}
    ${barcode(40, 270, 360, 70)}${text(40, 365, '4006381333931', { size: 22, family: MONO })}`);
  const tagShot = await sharp(await productPhoto(900, 675)).composite([{ input: await sharp(tag).resize(520).png().toBuffer(), left: 190, top: 160 }]).png().toBuffer();
  await save('neg-price-tag-exp.jpg', await jpeg(tagShot), 'clean', 'hard negative: a price tag with "EXP 12/25" and an EAN barcode number');
}

function luhnOk(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) { x *= 2; if (x > 9) x -= 9; }
    sum += x;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  rand = mulberry32(20240611);
  await makeCards();
  await makeDocuments();
  await makeParcels();
  await makePhotos();
  await makeInvalid();
  await makeSpecimenCards();
  writeFileSync(LABELS, labels.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const total = readdirSync(OUT_DIR).length;
  const bytes = labels.reduce((n, l) => n + l.bytes, 0);
  const byType = labels.reduce<Record<string, number>>((m, l) => ((m[l.expect.type] = (m[l.expect.type] ?? 0) + 1), m), {});
  console.log(`${total} files, ${(bytes / 1024 / 1024).toFixed(2)} MB`, byType);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
