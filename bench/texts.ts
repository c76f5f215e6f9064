/**
 * Deterministic benchmark inputs: the same texts on every run, so runs are comparable.
 * Built from a fixed seed, never from Math.random.
 */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const SENTENCES = [
  'The jacket fits well and the zip feels sturdy, size 48 as in the chart.',
  'Delivery took 12 days, the box was a bit crushed but the item is fine.',
  'Ordered the 64GB version, got it in 2 weeks, battery lasts about 9 hours.',
  'Seller answered quickly and added a spare cable, thank you!',
  'Colour is darker than on the photos, 4 stars because of that.',
  'Качество хорошее, размер соответствует, доставка 15 дней.',
  'Muy buena calidad, llegó en 10 días, lo recomiendo.',
  'Produto bom, chegou rápido, embalagem perfeita.',
  'Très bon produit, conforme à la description, livraison rapide.',
  'Dobra jakość, szybka wysyłka, polecam sprzedawcę.',
  'Товар відповідає опису, доставка швидка, дякую.',
  'Price was 1 299,00 ₽ with the coupon, order 8234-1123 arrived on 12.03.2025.',
];
const PII = [
  ' Call me +7 916 123-45-67 if you want the same.',
  ' write to ann.smith at gmail dot com for details',
  ' my whatsapp is 8 (916) 555 12 34',
  ' visit shop-deals.xyz for a cheaper price',
];

export function review(chars: number, seed: number, withPii = true): string {
  const r = rng(seed);
  let out = '';
  let i = 0;
  while (out.length < chars) {
    out += (out ? ' ' : '') + (withPii && i % 5 === 3 ? PII[Math.floor(r() * PII.length)]!.trim() : SENTENCES[Math.floor(r() * SENTENCES.length)]!);
    i++;
  }
  return out.slice(0, chars);
}

/** 20,000 characters built to hurt: long digit runs, repeated separators, emoji, dots and @. */
export function adversarial(chars = 20_000): string {
  const parts = ['1'.repeat(500), '1-'.repeat(300), '1 '.repeat(300), '.a'.repeat(300), '@'.repeat(300), '😀'.repeat(300), 'a.'.repeat(300), '+7('.repeat(200), 'www.'.repeat(200), 'zero '.repeat(200)];
  let out = '';
  for (let i = 0; out.length < chars; i++) out += parts[i % parts.length];
  return out.slice(0, chars);
}

export const SHORT = Array.from({ length: 50 }, (_, i) => review(120, 100 + i));
export const TYPICAL = Array.from({ length: 50 }, (_, i) => review(1000, 200 + i));
export const LONG_2K = Array.from({ length: 50 }, (_, i) => review(2000, 300 + i));
export const ADVERSARIAL = [adversarial(20_000)];
