import { describe, expect, it } from 'vitest';
import { distance, phishingDetector, skeleton } from './phishing.js';
import { inputFor, run } from './testing.js';

const phish = (t: string, domains?: readonly string[]) => run(phishingDetector, t, domains);
const signals = (t: string) => phishingDetector(inputFor(t)).flatMap((f) => f.evidence?.signals ?? []);

describe('skeleton and distance', () => {
  it('folds look-alike letters and digits to one Latin form', () => {
    expect(skeleton('аliехрrеss')).toBe(skeleton('aliexpress'));
    expect(skeleton('a1iexpress')).toBe(skeleton('aliexpress'));
    expect(skeleton('aIiexpress')).toBe(skeleton('aliexpress'));
    expect(skeleton('alexpress')).not.toBe(skeleton('aliexpress'));
  });

  it('gives up once the distance exceeds the bound', () => {
    expect(distance('alliexpress', 'aliexpress', 2)).toBe(1);
    expect(distance('aliexprss', 'aliexpress', 2)).toBe(1);
    expect(distance('express', 'aliexpress', 2)).toBe(3);
    expect(distance('totally-different', 'aliexpress', 2)).toBe(3);
  });
});

describe('off_platform.phishing: URLs', () => {
  it.each([
    ['Visit alliexpress.com/deals now', 'lookalike:typo'],
    ['Order tracking moved to aliexpress-support.top', 'lookalike:same'],
    ['Sale at aliexpress.xyz only today', 'lookalike:same'],
    ['deals on myaliexpresssale.com', 'lookalike:contains'],
    ['confirm at aliexpress.com.order-check.info', 'brand-subdomain'],
    ['login https://aliexpress.com@secure-pay.net/login', 'brand-userinfo'],
    ['see shop-deals.net/aliexpress/login', 'brand-path'],
    ['Official outlet: \u0430liexpress.com/outlet', 'homoglyph'],
    ['Real store: https://xn--aliexpres-7cb.com/item/55', 'punycode'],
    ['driver at http://91.213.8.44/drivers/setup.exe', 'ip-host'],
    ['photos: javascript:alert(document.cookie)', 'script-url'],
    ['more at bit.ly/3xYzAb', 'shortener'],
    ['more at t.co/AbC', 'shortener'],
    ['інструкцію знайшов ось тут: goo.su/8kTqZ', 'shortener'],
    ['my shop is gadgets.tk', 'suspicious-tld:tk'],
  ])('%s → %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it.each([
    'Bought it from aliexpress.com/item/1005004.html, same listing.',
    'es.aliexpress.com/item/1 and aliexpress.ru/item/2 and aliexpress.us',
    'Router admin page at 192.168.0.1 opened fine.',
    'see the review on youtube.com/watch?v=abc',
    'Archive.zip with the firmware was on the USB stick.',
    'Alibaba.com has the same factory',
    'the express.com store nearby',
  ])('hard negative: %s', (text) => {
    expect(phish(text)).toEqual([]);
  });

  it('compares with the configured platform, not a fixed brand', () => {
    expect(phish('deals on exampel-shop.org', ['example-shop.org'])).toEqual(['exampel-shop.org']);
    expect(phish('deals on alliexpress.com', ['example-shop.org'])).toEqual([]);
  });

  it('hides with confidence of at least 0.5, more with more signals', () => {
    const conf = (t: string) => phishingDetector(inputFor(t))[0]!.confidence;
    expect(conf('my shop is gadgets.tk')).toBeGreaterThanOrEqual(0.5);
    expect(conf('verify at aliexpress.com.verify-login.xyz/signin')).toBeGreaterThan(conf('my shop is gadgets.tk'));
  });
});

describe('off_platform.phishing: lures', () => {
  it.each([
    ['To speed up the refund, send me the verification code you get by SMS.', 'send me the verification code'],
    ['Для возврата продиктуйте код из смс, который придёт.', 'продиктуйте код из смс'],
    ['Envíame el código SMS que te llegó y cancelo el cargo', 'Envíame el código SMS'],
    ['Podaj kod BLIK, to zwrócę pieniądze', 'Podaj kod BLIK'],
    ['Reply with your card number and CVV for the compensation.', 'Reply with your card number'],
  ])('asking for credentials: %s', (text, want) => {
    expect(phish(text)).toEqual([want]);
  });

  it('bait with an off-platform link, or with a link cue', () => {
    expect(phish('Claim your coupon at coupons-center.com now')).toEqual(['Claim your coupon at coupons-center.com']);
    expect(phish('Вы выиграли купон! Забирайте по ссылке clck.ru/3AbCd')).toEqual(['Вы выиграли купон! Забирайте по ссылке clck.ru/3AbCd']);
    expect(phish('Your account will be suspended unless you verify your account. Click the link in my profile.')).toEqual([
      'account will be suspended unless you verify your account. Click',
    ]);
    expect(phishingDetector(inputFor('verify your account, click the link in my profile'))[0]!.confidence).toBeLessThan(
      phishingDetector(inputFor('verify your account at verify-center.com'))[0]!.confidence,
    );
  });

  it.each([
    'The store coupon saved me 3 dollars at checkout.',
    'Получите купон магазина в приложении после отзыва.',
    'Claim your coupon at aliexpress.com/coupon-center, it worked for me.',
    'Код из смс для входа в приложение приходит быстро.',
    'Enter your password to connect the camera to Wi-Fi.',
    'My account was blocked by mistake but support unlocked it in a day.',
    'Got two gift cards in the box as a bonus.',
  ])('hard negative: %s', (text) => {
    expect(phish(text)).toEqual([]);
  });
});

describe('off_platform.phishing: codes described rather than named', () => {
  it.each([
    ['send me the 6 digit code you got', 'send me the 6 digit code'],
    ['скинь код который пришел в смс', 'скинь код который пришел'],
    ['podaj kod który przyszedł', 'podaj kod który przyszedł'],
  ])('%s', (text, want) => {
    expect(phish(text)).toEqual([want]);
  });
  it('the code printed on the box is no lure', () => {
    expect(phish('the 6 digit code on the box is the serial')).toEqual([]);
  });
});

describe('off_platform.phishing: look-alike letters and login lures', () => {
  it('reports look-alike letters only in a host that reads as the platform', () => {
    expect(phish('Log in at аliexpress.com/login now')).toEqual(['аliexpress.com/login']);
    expect(phish('coupons on аliехpress-sale.com')).toEqual(['аliехpress-sale.com']);
    // A Cyrillic letter in another shop's name hides a link; it imitates nothing of ours.
    expect(phish('cheaper at bikеparts.net, ordered twice')).toEqual([]);
    expect(phish('на оzon-skidki.ru такое же')).toEqual([]);
    expect(phish('taniej na allеgro-promo.pl')).toEqual([]);
  });

  it.each([
    ['Cupom de 30%! Entre com seu login aqui: casa-ofertas.xyz/entrar', 'Entre com seu login aqui: casa-ofertas.xyz/entrar'],
    ['Promo! Log in with your password here: shop-deals.top/in', 'Log in with your password here: shop-deals.top/in'],
    ['Zaloguj się swoim kontem: promo-karta.click/login', 'Zaloguj się swoim kontem: promo-karta.click/login'],
    ['Votre compte est suspendu, voir secure-check.top/fr', 'compte est suspendu, voir secure-check.top/fr'],
    ['mais fotos: encurtador.com.br/xYz9', 'encurtador.com.br/xYz9'],
  ])('%s', (text, want) => {
    expect(phish(text)).toEqual([want]);
  });

  it.each([
    'Enter your Wi-Fi password in the app and it connects.',
    'Entre com a senha do wifi no aplicativo, funciona.',
    'Zaloguj się swoim kontem w aplikacji, działa.',
    'My account is suspended? No, it works fine, great seller.',
  ])('hard negative: %s', (text) => {
    expect(phish(text)).toEqual([]);
  });
});

describe('off_platform.phishing: credentials asked for in a reply', () => {
  it.each([
    ['Responde aquí con tu usuario y contraseña para recibir el cupón.', 'Responde aquí con tu usuario y contraseña'],
    ['W odpowiedzi podaj login i hasło, a dostaniesz kupon.', 'W odpowiedzi podaj login i hasło'],
    ['Reply here with the password of your account to get the voucher.', 'Reply here with the password'],
  ])('%s', (text, want) => {
    expect(phish(text)).toEqual([want]);
  });

  it.each([
    'Responde con una foto del paquete, por favor.',
    'Reply with your order number and we will check it in the order chat.',
    'Répondez ici avec le numéro de commande, merci.',
  ])('hard negative: %s', (text) => {
    expect(phish(text)).toEqual([]);
  });
});

describe('off_platform.phishing: credentials asked for in any mood', () => {
  it.each([
    ['Para validar la garantía, facilítenos la contraseña de su cuenta.', 'facilítenos la contraseña'],
    ['Proszę podać hasło do konta, sprawdzimy zamówienie.', 'Proszę podać hasło'],
    ['Merci de nous communiquer le code reçu par SMS.', 'Merci de nous communiquer le code reçu'],
    ['Please provide your login and password so we can check the coupon.', 'Please provide your login and password'],
    ['Укажите код из смс, и мы вернём деньги.', 'Укажите код из смс'],
  ])('a credential asked for: %s', (text, want) => {
    expect(phish(text)).toEqual([want]);
  });

  it.each([
    'Never share your password or SMS code with anyone.',
    'Nunca facilite su contraseña a nadie que se lo pida por chat.',
    'Please send me the code for the software activation, the seller forgot it.',
    'Nie podawaj nikomu hasła do konta.',
  ])('hard negative: %s', (text) => {
    expect(phish(text)).toEqual([]);
  });
});

describe('off_platform.phishing: mixed round 7 (login and SMS code asked for a coupon)', () => {
  it.each([
    'Prezado cliente, para liberar seu cupom de R$ 50 confirme aqui nos comentários o e-mail de login e a senha da sua conta AliExpress.',
    'Qui veut un bon de 30 € ? Il suffit de me donner votre identifiant Ali et le code que vous recevez par SMS, je le valide pour vous.',
  ])('lure: %s', (text) => {
    expect(phish(text).length).toBe(1);
  });
  it.each([
    'Ne donnez jamais votre mot de passe ni le code reçu par SMS à personne.',
    'Pouvez-vous me donner votre numéro de commande ?',
    'O código que você recebe por SMS é só para rastrear, não passe para ninguém.',
  ])('hard negative: %s', (text) => {
    expect(phish(text)).toEqual([]);
  });
});

describe('off_platform.phishing: other brands phishing imitates (data/impersonated-brands.json)', () => {
  it.each([
    ['paypa1.com/signin to confirm your refund', 'other-brand:homoglyph'],
    ['amaz0n-support.net verify account', 'other-brand:brand-lure'],
    ['arnazon.com login', 'other-brand:homoglyph'],
    ['Pay the fee at dhl-customs-fee.com/pay to release it', 'other-brand:brand-lure'],
    ['mercadolibrre.com/login', 'other-brand:typo'],
  ])('%s → %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });
  it.each([
    'bought it on amazon.de, cheaper',
    'pay with paypal.com',
    'check mercadolibre.com.ar',
    'my shop applecases.com',
    'apple-store.com has the same case',
    'apple-service-center.com fixed my screen',
    'olx.pl ogłoszenie',
  ])('the brand\'s own site, or a name with no lure: %s', (text) => {
    expect(phishingDetector(inputFor(text))).toEqual([]);
  });
});

describe('off_platform.phishing: credentials asked to be dropped or written in the comments (off-platform round 23 class)', () => {
  // Our own wording, one per language, and the everyday texts beside it.
  it.each([
    "Drop your login and password in the comments and I'll activate the coupon",
    'Deja tu usuario y contraseña aquí abajo y te activo el descuento',
    'Deixe seu login e senha nos comentários que eu ativo o cupom',
    'Laissez votre identifiant et mot de passe en commentaire, je valide le bon',
    'Wrzućcie login i hasło w komentarzu, aktywuję kupon',
    'Напишите в комментариях свой логин и пароль, активирую купон',
    'Кидайте мені свій логін і пароль від Алі, я активую купон',
  ])('finds: %s', (text) => {
    expect(phish(text)).toHaveLength(1);
  });

  it.each([
    'Write your password down somewhere, the lock forgets it after a reset',
    'Leave your password manager open and the app logs in by itself',
    "The router's default login and password are printed on the back",
    'Напишите продавцу, если пароль от роутера не подходит, он быстро ответил',
  ])('leaves alone: %s', (text) => {
    expect(phish(text)).toEqual([]);
  });
});
