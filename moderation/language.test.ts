import { describe, expect, it } from 'vitest';
import { detectLanguage, guessRegion } from './language.js';

describe('detectLanguage', () => {
  it('uses the locale when it names one of our languages', () => {
    expect(detectLanguage('Great case!', 'ru-RU')).toBe('ru');
    expect(detectLanguage('Отличный чехол', 'pt-BR')).toBe('pt');
    expect(detectLanguage('Чудовий чохол', 'ua')).toBe('uk'); // common slip for uk
  });
  it('detects from the text when the locale is absent or foreign', () => {
    const samples: [string, string][] = [
      ['Great case, it fits my phone perfectly and arrived fast.', 'en'],
      ['Отличный чехол, подошёл идеально, доставка быстрая.', 'ru'],
      ['Чудовий чохол, підійшов ідеально, доставка швидка.', 'uk'],
      ['Muy buena funda, llegó rápido y encaja perfecto.', 'es'],
      ['Capa muito boa, chegou rápido e encaixa perfeitamente.', 'pt'],
      ['Très bonne coque, arrivée vite et parfaitement ajustée.', 'fr'],
      ['Bardzo dobre etui, szybka dostawa i idealnie pasuje.', 'pl'],
      ["Tél : 01 42 68 53 00, ils font l'échange.", 'fr'],
      ['мій імейл taras(at)gmail(dot)com, відповім', 'uk'],
    ];
    for (const [text, lang] of samples) expect(detectLanguage(text), text).toBe(lang);
    expect(detectLanguage('OK 100% 👍', 'de')).toBe('en');
  });
  it('tells Ukrainian from Russian by its letters', () => {
    expect(detectLanguage('Їжак і єнот')).toBe('uk');
    expect(detectLanguage('Съешь этих мягких булок')).toBe('ru');
  });
  it('falls back to English when nothing is known', () => {
    expect(detectLanguage('12345 !!!')).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });
});

describe('guessRegion', () => {
  it('takes the region of the locale', () => {
    expect(guessRegion('pt', 'pt-PT', 'x')).toBe('PT');
    expect(guessRegion('es', 'es_MX', 'x')).toBe('MX');
  });
  it('reads currency hints from the text', () => {
    expect(guessRegion('ru', undefined, 'Цена 1 299 ₽')).toBe('RU');
    expect(guessRegion('ru', undefined, 'брал за 500 грн')).toBe('UA');
    expect(guessRegion('pt', undefined, 'Paguei R$ 99,90')).toBe('BR');
    expect(guessRegion('en', undefined, 'paid 20 zł')).toBe('PL');
  });
  it('defaults to the main market of the language', () => {
    expect(guessRegion('uk', undefined, 'дякую')).toBe('UA');
    expect(guessRegion('en', 'en', 'thanks')).toBe('US');
    expect(guessRegion('pl', undefined, 'dzięki')).toBe('PL');
  });
});

describe('detectLanguage: letters glued to digits are a code\'s, not a word', () => {
  it.each([
    ['mi DNI es 12345678Z', 'es'],
    ['IBAN DE89 3704 0044 0532 0130 00', 'en'],
    ['Deliver to 24 Sussex Drive, Ottawa K1A 0B1', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
