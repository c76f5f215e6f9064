import { describe, expect, it } from 'vitest';
import { parse } from 'tldts';
import { normalize } from '../../normalize.js';
import platformDomains from '../../data/platform-domains.json';
import TLD_LIST from '../../data/tlds.json';
import heuristics from '../../data/link-heuristics.json';
import { isPlatformHost, linkDetector, scanLinks } from './link.js';
import { inputFor, run } from './testing.js';

const links = (t: string, domains?: readonly string[]) => run(linkDetector, t, domains);

describe('off_platform.link: URLs and bare domains', () => {
  it.each([
    ['see https://www.bhphotovideo.com/c/product/1234-REG/sony.html ?', 'https://www.bhphotovideo.com/c/product/1234-REG/sony.html'],
    ['blog: www.techtinkerer.net/pixel-case-review', 'www.techtinkerer.net/pixel-case-review'],
    ['sold at gadgetzone.com for less', 'gadgetzone.com'],
    ['cheaper on lampshop.co.uk today', 'lampshop.co.uk'],
    ['ordered on allegro.pl/oferta/123', 'allegro.pl/oferta/123'],
    ['Такой же на ozon.ru дешевле', 'ozon.ru'],
    ['заказывал на магазин-чехлов.рф', 'магазин-чехлов.рф'],
    ['My ftp://example.com site', 'ftp://example.com'],
    ['http://user:pass@example.com:8080', 'http://user:pass@example.com:8080'],
    ['(Scoped http://example.com/foo_bar)', 'http://example.com/foo_bar'],
    ['s.l.o.w.io', 's.l.o.w.io'],
    ['｜http://google.com｜bar', 'http://google.com'],
    ['➡.ws/䨹', '➡.ws/䨹'],
    ['Visit coolgadgets.store today', 'coolgadgets.store'],
    ['GOOGLE.COM.', 'GOOGLE.COM'],
  ])('%s', (text, want) => {
    expect(links(text)).toEqual([want]);
  });

  it('reads disguised dots the normaliser left: spaced, bracketed, spelled out', () => {
    expect(links('better at bestcables . net , trust me')).toEqual(['bestcables . net']);
    expect(links('site is vapeworld[.]store now')).toEqual(['vapeworld[.]store']);
    expect(links('see example (dot) com slash wholesale')).toEqual(['example (dot) com']);
    expect(links('обзор на gadget-obzor точка ру, там фото')).toEqual(['gadget-obzor точка ру']);
    expect(links('grossistes: coquesdiscount(.)fr')).toEqual(['coquesdiscount(.)fr']);
    expect(links('wa . me / 15551234567')).toEqual(['wa . me / 15551234567']);
  });

  it('leaves sentence ends with a space alone', () => {
    expect(links('It broke after a week. Then I asked for a refund. Com port works.')).toEqual([]);
    expect(links('Great seller . top quality')).toEqual([]);
  });

  it('does not report the platform, its subdomains and its country domains', () => {
    expect(links('bought on aliexpress.com/item/1005004.html and es.aliexpress.com, aliexpress.ru/item/1.html')).toEqual([]);
    expect(links('Seller page aliexpress.us/store/9120')).toEqual([]);
    expect(links('aliexpress dot com')).toEqual([]);
  });

  it('takes the platform from the config', () => {
    expect(links('see shop.example.org/x', ['example.org'])).toEqual([]);
    expect(links('see aliexpress.com/x', ['example.org'])).toEqual(['aliexpress.com/x']);
  });

  it('reports a platform host spelled with look-alike letters (it is not the platform)', () => {
    expect(links('Official outlet: \u0430liexpress.com/outlet')).toEqual(['\u0430liexpress.com/outlet']);
  });

  it.each([
    'Node.js developer, v2.5 firmware, 3.5mm adapter',
    'Photo.jpg did not upload, Wi-Fi 6 is fast',
    'manual is file.pdf; ASP.NET sample; VB.NET too',
    'Archive.zip and update.sh and script.py and README.md',
    'Product code AX-200@HOME.v2 matches',
    'Works great.Love the color',
    'Tracking said delivered.Top quality though',
    'great product.it works',
    'works fine.love it',
    'Yandex.Market and Socket.IO and Mi.Band',
    'Router admin page 192.168.0.1, version 1.2.3.4',
    '/path/to/file.pl and path:to:file.pm',
    'www.microsoft',
    'http://microsoft and http://localhost and //test',
    'E.g. the U.S. version, i.e. an adapter; Made in P.R.C.',
  ])('hard negative: %s', (text) => {
    expect(links(text)).toEqual([]);
  });

  it('skips the domain part of e-mail addresses, plain or disguised', () => {
    expect(links('mail name@gmail.com or name [at] gmail.com or name(at)mail.ru')).toEqual([]);
    expect(links('write to ivan at gmail dot com')).toEqual([]);
    expect(links('192.168.1.1@gmail.com')).toEqual([]);
    // "at" is also a preposition: a shop's domain after it is a link.
    expect(links('buy it at gadgetzone.com')).toEqual(['gadgetzone.com']);
  });

  it('finds app schemes and script URLs', () => {
    expect(links('tg://resolve?domain=shop and javascript:alert(1) and data:text/html;base64,PHNjcmlwdD4=')).toEqual([
      'tg://resolve?domain=shop', 'javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=',
    ]);
    expect(links('line: 5, data: none')).toEqual([]);
  });

  it('carries confidence by form: scheme > path or www > bare common TLD > other', () => {
    const conf = (t: string) => linkDetector(inputFor(t))[0]!.confidence;
    expect(conf('https://shop.example.com')).toBeGreaterThan(conf('shop.example.com/x'));
    expect(conf('shop.example.com/x')).toBeGreaterThan(conf('example.com'));
    expect(conf('example.com')).toBeGreaterThan(conf('example.guru'));
  });

  it('reports a flood of links as the first ones plus one span for the rest', () => {
    const text = Array.from({ length: 600 }, (_, i) => `shop${i}.com`).join(' ');
    const found = links(text);
    expect(found.length).toBeLessThanOrEqual(202);
    expect(found[found.length - 1]!.endsWith('shop599.com')).toBe(true);
  });

  it('memoises the scan per text', () => {
    const norm = normalize('see example.com');
    expect(scanLinks(norm)).toBe(scanLinks(norm));
  });
});

describe('link data', () => {
  it('tlds.json is exactly ICANN top-level suffixes (tldts agrees)', () => {
    expect(TLD_LIST.length).toBeGreaterThan(1000);
    for (const t of TLD_LIST) expect(parse(`abc.${t}`).isIcann, t).toBe(true);
    expect(TLD_LIST).toContain('com');
    expect(TLD_LIST).toContain('рф');
    expect(TLD_LIST).not.toContain('jpg');
  });

  it('the heuristic lists only name real TLDs', () => {
    const set = new Set(TLD_LIST);
    for (const t of [...heuristics.fileExtensionTlds.list, ...heuristics.wordTlds.list, ...heuristics.commonTlds.list]) expect(set.has(t), t).toBe(true);
    // Compound names relax the word-TLD rule only for word TLDs.
    for (const t of heuristics.compoundNameTlds.list) expect(heuristics.wordTlds.list.includes(t), t).toBe(true);
  });

  it('platform-domains.json lists registrable domains', () => {
    for (const d of platformDomains) expect(parse(d).domain).toBe(d);
    expect(isPlatformHost('es.aliexpress.com', platformDomains)).toBe(true);
    expect(isPlatformHost('aliexpress.com.evil.xyz', platformDomains)).toBe(false);
    expect(isPlatformHost('notaliexpress.com', platformDomains)).toBe(false);
  });
});

describe('off_platform.link: messenger short hosts with the dot left out', () => {
  it('reads "t me/x", "wa me/123" as the messenger link, with a target only', () => {
    expect(links('join us t me/lamp_outlet for restocks')).toEqual(['t me/lamp_outlet']);
    expect(links('order via wa me/447700900555')).toEqual(['wa me/447700900555']);
    expect(links('vk com/id777 пиши')).toEqual(['vk com/id777']);
  });
  it.each(['I use the t me/ shortcut', 'let me / us know', 'at me/you', 'Wi-Fi 6 me'])('leaves prose alone: %s', (text) => {
    expect(links(text)).toEqual([]);
  });
});

describe('off_platform.link: word-like TLDs after a site cue', () => {
  it('counts a known shop or network before a word-like TLD without a cue', () => {
    expect(links('¿Es el mismo modelo que venden en mediamarkt.es por 89€?')).toEqual(['mediamarkt.es']);
    expect(links('lo vi más barato en amazon.es')).toEqual(['amazon.es']);
    // A plain word before it stays a sentence glued to the next; the platform's own name is no other site.
    expect(links('lo compré.es bueno')).toEqual([]);
    expect(links('Lo vi en aliexpress.es más caro')).toEqual([]);
  });
  it('reads "youtube.com/@name.with.dots" as a link, not as an address whose local part has a slash', () => {
    expect(links('Повний огляд на моєму каналі youtube.com/@dasha.try.on')).toEqual(['youtube.com/@dasha.try.on']);
    expect(links('write to anna@mail.ru')).toEqual([]);
  });
  it('counts "name.es", "name.co" when a word before names a site', () => {
    expect(links('мой сайт: lampy.es')).toEqual(['lampy.es']);
    expect(links('mi web: tiendasol.es')).toEqual(['tiendasol.es']);
    expect(links('visita mi blog, gato.es')).toEqual(['gato.es']);
  });
  it.each(['visit the store.it was closed', 'it is so nice.it works', 'the shop.es never opened', 'mi web favorita es amazon'])(
    'without a cue, or when the name is the cue, stays prose: %s',
    (text) => {
      expect(links(text)).toEqual([]);
    },
  );
});

describe('off_platform.link: spaced-out hosts', () => {
  it.each([
    ['full manual on w w w . lampworks . store , have a look', 'w w w . lampworks . store'],
    ['kupiłem taniej na w w w . rowery-tanio . pl wczoraj', 'w w w . rowery-tanio . pl'],
    ['tem na w w w . casa-barata . com . br também', 'w w w . casa-barata . com . br'],
    ['lo vi en w  w  w . moda-sur . es por menos', 'w  w  w . moda-sur . es'],
    ['чехлы на w w w . chehly-msk . ru дешевле', 'w w w . chehly-msk . ru'],
    ['more clips at repairhub dot io if you want', 'repairhub dot io'],
    ['canal: t . me / ofertas_casa', 't . me / ofertas_casa'],
  ])('%s', (text, want) => {
    expect(links(text)).toEqual([want]);
  });

  it.each([
    'sizes S M L XL, colours w b g. Good fit',
    'rated w w w . Great product',
    'a t . me too',
    'the t. Me and my wife liked it',
    'ok.Thanks for the quick reply',
    'see e.g. the manual, i.e. page 3, p.ej. la tabla',
  ])('hard negative: %s', (text) => {
    expect(links(text)).toEqual([]);
  });
});

describe('off_platform.link: compound names before word-like TLDs', () => {
  it.each([
    ['lo tienen en ropa-barata.es más barato', 'ropa-barata.es'],
    ['comprei na casa-e-jardim.pt por menos', 'casa-e-jardim.pt'],
    ['zamówiłem z moda24.es szybciej', 'moda24.es'],
    ['je passe par le transitaire colis-belgique.be que j\'utilise', 'colis-belgique.be'],
  ])('%s', (text, want) => {
    expect(links(text)).toEqual([want]);
  });

  it.each([
    'es muy bonito.es perfecto',
    'a must-have.it works great',
    'the well-made.It Works',
    'Node.js and v2.0 and file.txt',
  ])('hard negative: %s', (text) => {
    expect(links(text)).toEqual([]);
  });
});

describe('off_platform.link: shop-word names before word-like TLDs', () => {
  it.each([
    ['lo vi en modastore.es más barato', 'modastore.es'],
    ['mam go też ze sklepzabawek.de, tańszy', 'sklepzabawek.de'],
    ['comprei na lojadosol.co por menos', 'lojadosol.co'],
    ['auch bei techmarkt.de gesehen', 'techmarkt.de'],
  ])('%s', (text, want) => {
    expect(links(text)).toEqual([want]);
  });

  it.each([
    'fui a la tienda.es caro',
    'hay tiendas.es así',
    'the pet store.co was closed',
    'great for shop.de nada',
  ])('hard negative: %s', (text) => {
    expect(links(text)).toEqual([]);
  });
});

describe('off_platform.link: spelled dots before word TLDs, emoji dots, paths after " at "', () => {
  it.each([
    ['Medidas reales en tablasdetallas punto es antes de comprar', 'tablasdetallas punto es'],
    ['Tutorial here: vimeo💠com/12345 if you need it', 'vimeo💠com/12345'],
    ['Инструкция: youtube🔸com/watch?v=abc123', 'youtube🔸com/watch?v=abc123'],
    ['grab it within 2 days at lamp-deals-center.com/go', 'lamp-deals-center.com/go'],
  ])('%s', (text, want) => {
    expect(links(text)).toEqual([want]);
  });

  it.each([
    'El punto es que la talla es pequeña',
    'Es un excelente punto de venta',
    'Mi punto de vista: bueno',
    'the red dot is blinking, the LED dot in the corner',
    'Version 2.3.1 🔹 works fine 🔹 battery ok',
    'Merci 👍de rien',
    'great😍de verdad',
    'write to kate at gmail.com for the manual',
  ])('hard negative: %s', (text) => {
    expect(links(text)).toEqual([]);
  });
});

describe('off_platform.link, a space for the dot before a path', () => {
  it.each([
    ['Tutorial here: vimeo com/channels/89231', 'vimeo com/channels/89231'],
    ['oferta: allegro pl/oferta/etui-12345 taniej', 'allegro pl/oferta/etui-12345'],
  ])('finds: %s', (text, want) => {
    expect(run(linkDetector, text)).toEqual([want]);
  });
  it.each([
    'Max speed 25 km/h and/or 30 on flat',
    'the red com/port on the back',
    'tamaño de/para niños',
    'Works with my old com/serial adapter',
  ])('leaves alone: %s', (text) => {
    expect(run(linkDetector, text)).toEqual([]);
  });
});

describe('off_platform.link: "search for me as" names a site before a word-like TLD (off-platform round 18)', () => {
  it('finds it after a search verb, and leaves prose alone', () => {
    expect(links('con garantía de 1 año, búsquenme como audiotop.es')).toEqual(['audiotop.es']);
    expect(links('Search it as well, es muy bonito.es perfecto')).toEqual([]);
  });
});

describe('off_platform.link: a carrier\'s or bank\'s site before a word-like TLD (mixed round 16)', () => {
  it('"En correos.es dicen…" is a site; prose glued to "es" stays prose', () => {
    expect(links('En correos.es dicen otra cosa y ya no sé.')).toEqual(['correos.es']);
    expect(links('El color bueno.es lo que pedí')).toEqual([]);
  });
});
