import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize.js';
import { bankAccountDetector } from './index.js';
import { BANK_CONFIDENCE } from './bank-account.js';

function accounts(text: string) {
  const norm = normalize(text);
  return bankAccountDetector({ norm, lang: 'en', region: undefined, kind: 'review', disclosedSellerTie: false, config: { platformDomains: [] } })
    .map((f) => ({ text: text.slice(f.span.start, f.span.end), confidence: f.confidence, kind: f.evidence?.subtype }));
}

describe('bank account detector', () => {
  it('finds valid IBANs however they are spaced', () => {
    for (const iban of ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'GB29 NWBK 6016 1331 9268 19', 'FR76-3000-6000-0112-3456-7890-189', 'ua213223130000026007233566001'.toUpperCase()]) {
      expect(accounts(`refund to ${iban} thanks`).map((a) => a.text), iban).toEqual([iban]);
    }
    expect(accounts('IBAN DE89 3704 0044 0532 0130 00')[0]!.confidence).toBe(BANK_CONFIDENCE.ibanContext);
  });
  it('reads IBANs grouped with dots, slashes or underscores, or cut by a line break, one separator at a time', () => {
    expect(accounts('на UA39.3052.9900.0002.6204.7183.2509.6, поки тиша').map((a) => a.text)).toEqual(['UA39.3052.9900.0002.6204.7183.2509.6']);
    expect(accounts('DE89_3704_0044_0532_0130_00').map((a) => a.text)).toEqual(['DE89_3704_0044_0532_0130_00']);
    expect(accounts('UA67/322001/0000026201874994423').map((a) => a.text)).toEqual(['UA67/322001/0000026201874994423']);
    expect(accounts('Przelew na konto: PL90.1090.7292.4095.\n5722.8464.1218 — w tytule').map((a) => a.text)).toEqual(['PL90.1090.7292.4095.\n5722.8464.1218']);
    // Two line breaks, or a blank line, end it: the checksum never sees the rest.
    expect(accounts('PL90.1090.7292.4095.\n\n5722.8464.1218')).toEqual([]);
    expect(accounts('DE89..3704.0044.0532.0130.00')).toEqual([]);
    expect(accounts('UA39.3052.9900.0002.6204.7183.2509.7')).toEqual([]);
  });
  it('stops an IBAN at its length and ignores trailing words', () => {
    expect(accounts('this is an iban VG96 VPVG 0000 0123 4567 8901 X in a sentence').map((a) => a.text)).toEqual(['VG96 VPVG 0000 0123 4567 8901']);
  });
  it('rejects bad checksums and mixed case, and does not read their digits as other accounts', () => {
    for (const t of ['DE89 3704 0044 0532 0130 01', 'GI75 aWBK 0000 0000 7099 453', 'AL47 2121 1009 0000 0002 3569 8740', 'IL15 0120 6900 0000 3111 0120 6900 0000 3111 141']) {
      expect(accounts(t), t).toEqual([]);
    }
  });
  it('keeps an IBAN whose checksum holds but whose country\'s inner check digits do not, less surely', () => {
    const [a] = accounts('dei PT12 0033 0000 6825 4347 9627 9 e até hoje nada');
    expect(a).toEqual({ text: 'PT12 0033 0000 6825 4347 9627 9', confidence: BANK_CONFIDENCE.ibanNationalCheckOff, kind: 'iban-PT-national-check-off' });
    // The same digits with the mod-97 checksum broken are nobody's IBAN.
    expect(accounts('dei PT13 0033 0000 6825 4347 9627 9 e nada').map((x) => x.kind)).not.toContain('iban-PT-national-check-off');
  });
  it('reads an IBAN given in two parts with words that say the rest follows, or parted by emoji', () => {
    expect(accounts('Mi IBAN es ES93 2100 0418. Sigue con 4897 7747 6905').map((a) => a.text)).toEqual(['ES93 2100 0418. Sigue con 4897 7747 6905']);
    expect(accounts('UA60 3052 9900 0004 4539. Далі 5036 9973 4').map((a) => a.text)).toEqual(['UA60 3052 9900 0004 4539. Далі 5036 9973 4']);
    expect(accounts('BE58 🔹 3104 🔹 2766 🔹 2679').map((a) => a.text)).toEqual(['BE58 🔹 3104 🔹 2766 🔹 2679']);
    // Spelled one character at a time, the country's letters too; two capitals and digits alone are no IBAN.
    expect(accounts('Notre IBAN : F R 7 6 3 0 0 0 4 0 0 8 2 3 2 3 9 5 9 2 1 1 4 0 9 8 4, envoi dès réception.').map((a) => a.kind)).toEqual(['iban-FR']);
    expect(accounts('A B 12 fine, C D 34 too')).toEqual([]);
    expect(accounts('G T82 TRAJ 0102 0000 0012 1002 9690')).toEqual([]);
    // No such words, or the whole fails its checksum: no IBAN.
    expect(accounts('ES93 2100 0418. Pedido 4897 7747 6905').map((a) => a.kind)).not.toContain('iban-ES');
    expect(accounts('ES93 2100 0418. Sigue con 4897 7747 6906').map((a) => a.kind)).not.toContain('iban-ES');
  });
  it('finds national account numbers by their checks or next to a bank word', () => {
    expect(accounts('р/с 40817810099910004312, БИК 044525225').map((a) => [a.text, a.kind])).toEqual([['40817810099910004312', 'ru-account']]);
    expect(accounts('61 1090 1014 0000 0712 1981 2874').map((a) => a.kind)).toEqual(['pl-nrb']);
    expect(accounts('cuenta: 2100 0418 45 0200051332').map((a) => a.kind)).toEqual(['es-ccc']);
    expect(accounts('NIB 0002 0123 12345678901 54').map((a) => a.kind)).toEqual(['pt-nib']);
    expect(accounts('RIB 30006 00001 12345678901 89').map((a) => a.kind)).toEqual(['fr-rib']);
    expect(accounts('deposita na conta 12345-6').map((a) => a.text)).toEqual(['12345-6']);
    expect(accounts('Itaú, ag. 4172 c/c 28915-1. Cadastrei assim').map((a) => a.text)).toEqual(['28915-1']);
    expect(accounts('wire to account 12345678').map((a) => a.text)).toEqual(['12345678']);
  });
  it('leaves invoices, amounts and unlabelled numbers alone', () => {
    for (const t of ['Счёт за доставку 1 250 руб', 'Номер счёта-фактуры 2024-00123', 'order 11223344, bank holiday', 'just 12345678 here', 'o modelo abc/c 28915-1 chegou', 'pedido 28915-1 cc de cópia', 'W historii konta płatność ma identyfikator 5090 1719 9376 2539 — czy to numer do zwrotu?']) expect(accounts(t), t).toEqual([]);
  });
});

describe('bank accounts: an IBAN cut by spaced slashes or dashes (personal data round 20)', () => {
  it('reads "BE84 / 0635 / 8127 / 4959" and "GB82 - WEST - 1234 - 5698 - 7654 - 32" as one IBAN each', () => {
    expect(accounts('Remboursé sur BE84 / 0635 / 8127 / 4959 en 5 jours').map((a) => a.text)).toEqual(['BE84 / 0635 / 8127 / 4959']);
    expect(accounts('refund went to GB82 - WEST - 1234 - 5698 - 7654 - 32, thanks').map((a) => a.text)).toEqual(['GB82 - WEST - 1234 - 5698 - 7654 - 32']);
  });
  it('leaves a checksum-failing one alone', () => {
    expect(accounts('Remboursé sur BE85 / 0635 / 8127 / 4959 en 5 jours')).toEqual([]);
  });
});
