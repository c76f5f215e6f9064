import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize } from '../../normalize.js';
import type { Normalized, TextFinding } from '../../types.js';
import { offPlatformDetectors } from './index.js';
import { inputFor } from './testing.js';
import { fastestMs } from '../../../test/unit/helpers/timing.js';

const TYPES = ['off_platform.link', 'off_platform.contact', 'off_platform.deal', 'off_platform.phishing'];

function runAll(text: string): TextFinding[] {
  const input = inputFor(text);
  return offPlatformDetectors.flatMap((d) => d(input));
}

// Pieces that make the detectors work: URL parts, disguises, messenger and deal words, scripts
// and look-alikes, separators, invisibles, emoji, digits.
const PIECES = [
  'http://', 'https://', '//', 'www.', '.', '. ', ' . ', '[.]', '(dot)', ' dot ', ' точка ', 'com', 'ru', 'xyz', 'me', 'io', 'рф',
  '/', '?', '#', ':', '@', 'a@b.com', 'aliexpress', 'аliexpress', 'xn--', 'bit.ly/', 't.me/', 'wa.me/', 'javascript:', 'data:text/html,',
  'whatsapp', 'WhatsApp', 'телега', 'вотсап', 'insta', 'tg', 'write me', 'пишите', 'напишите мне', 'escríbeme', 'me chama no',
  'скидку', 'discount', 'cheaper', 'на карту', 'переведите', 'pague por fora', 'outside the platform', 'friends and family',
  'claim your coupon', 'verify your account', 'send me the sms code', 'пришлите код из смс', 'click', 'по ссылке',
  ' ', '  ', '\n', ',', '!', '-', '_', '(', ')', '[', ']', '"', "'", '\u200b', '\u00ad', '😀', '👍🏽', 'ｗｗｗ', '１２３',
  '0', '7', '916', '+7 916 123-45-67', '192.168.0.1', 'v2.5', 'photo.jpg', 'Node.js', 'a', 'б', 'é', 'ł', 'ж', 'W h a t s',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));

describe('off-platform detectors: properties', () => {
  it('never throw; spans lie inside the text; one type per detector; confidences in (0, 1]', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const input = inputFor(text);
        offPlatformDetectors.forEach((det, k) => {
          const found = det(input);
          let prevEnd = -1;
          for (const f of found) {
            expect(f.type).toBe(TYPES[k]);
            expect(f.span.start).toBeGreaterThanOrEqual(0);
            expect(f.span.end).toBeLessThanOrEqual(text.length);
            expect(f.span.end).toBeGreaterThan(f.span.start);
            expect(f.confidence).toBeGreaterThan(0);
            expect(f.confidence).toBeLessThanOrEqual(1);
            // Findings of one type come in order and do not overlap.
            expect(f.span.start).toBeGreaterThanOrEqual(prevEnd);
            prevEnd = f.span.end;
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('find nothing in plain prose without any of their cues', () => {
    const prose = fc.array(fc.constantFrom('good', 'case', 'fits', 'well', 'арбуз', 'ok', 'bueno', 'très', 'dobry', '5', 'stars', ' ', ', ', '! '), { maxLength: 60 });
    fc.assert(fc.property(prose, (xs) => runAll(xs.join(' ')).length === 0), { numRuns: 200 });
  });

  it('are deterministic and pure: same text, same findings', () => {
    fc.assert(fc.property(textArb, (text) => { expect(runAll(text)).toEqual(runAll(text)); }), { numRuns: 100 });
  });
});

describe('off-platform detectors: linear time on adversarial input', () => {
  const ADVERSARIAL: Record<string, (n: number) => string> = {
    'a.a.a': (n) => 'a.'.repeat(n / 2),
    '@@@@': (n) => '@'.repeat(n),
    'digits': (n) => '1'.repeat(n),
    'dots': (n) => '.'.repeat(n),
    'spaced dots': (n) => 'a . '.repeat(n / 4),
    'dot words': (n) => 'ab dot '.repeat(n / 7),
    'brackets': (n) => 'a[.]'.repeat(n / 4),
    'schemes': (n) => 'http://'.repeat(n / 7),
    'www': (n) => 'www.'.repeat(n / 4),
    'emoji': (n) => '😀'.repeat(n / 2),
    'handles': (n) => '@ab '.repeat(n / 4),
    'app schemes': (n) => 'tg:'.repeat(n / 3),
    'data urls': (n) => 'data:'.repeat(n / 5),
    'links': (n) => 'wa.me/1 '.repeat(n / 8),
    'deal words': (n) => 'напишите в телегу скидка '.repeat(n / 25),
    'lures': (n) => 'claim your coupon click '.repeat(n / 24),
    'spaced letters': (n) => 'a '.repeat(n / 2),
    'hyphens': (n) => 'a-'.repeat(n / 2) + '.com',
    'at-dot': (n) => 'a@b.'.repeat(n / 4),
    'separators': (n) => '-'.repeat(n),
    'spaced short hosts': (n) => 't me/a '.repeat(n / 7),
    'spaced short hosts, no target': (n) => 'wa  me '.repeat(n / 7),
    'word tlds after cues': (n) => 'mi web: ab.es '.repeat(n / 14),
    'direct words': (n) => 'пиши в директ '.repeat(n / 14),
    'deal cues inside phrases': (n) => 'у меня на сайте дешевле '.repeat(n / 24),
    'send requests before messengers': (n) => 'manda o pix no whatsapp, não no telegram '.repeat(n / 41),
    'selling elsewhere': (n) => 'je vous le vends sur vinted ou x-shop.fr moins cher '.repeat(n / 51),
    'warnings before deal cues': (n) => 'never pay anyone outside the platform, ne payez jamais hors plateforme '.repeat(n / 70),
  };
  // One normalisation per text (the normaliser is not under test here); each run gets a fresh
  // object on top of it, so the detectors' per-text memos start empty.
  const run = (norm: Normalized) => {
    const input = { ...inputFor(''), norm: Object.create(norm) as Normalized };
    for (const d of offPlatformDetectors) d(input);
  };
  const best = (norm: Normalized) => fastestMs(5, () => run(norm));

  it.each(Object.entries(ADVERSARIAL))('%s: 20,000 characters in bounded, linear time', (_name, make) => {
    const big = normalize(make(20_000));
    const small = normalize(make(5_000));
    run(big); // warm the regular expressions and the JIT
    const tBig = best(big);
    const tSmall = best(small);
    // Linear: four times the text may not cost much more than four times the time (slack for
    // timer noise on small numbers).
    expect(tBig).toBeLessThan(Math.max(30, tSmall * 12));
    expect(tBig).toBeLessThan(300);
  });
});
