import model from '../../data/off-platform-model.json';
import type { Normalized } from '../../types.js';
import { textModel } from '../text-model.js';
import { lexHits } from './lexicon.js';

/**
 * The off-platform area's model (moderation/detectors/text-model.ts) for deals and contacts,
 * trained on the off-platform fixtures. The word lists stay first; the model is asked only where
 * they found nothing and the text names something its class is about (the gates below).
 *
 * Why: on each new blind round the lists found 0.4-0.8 of the deals and 0.5-0.8 of the contact
 * invitations ("Can I just send you the money on Venmo and you ship it?", "é só pesquisar nosso
 * nome no Google e comprar por lá"): the phrasings vary more than lists can hold.
 */

export const OFF_PLATFORM_CLASSES = ['off_platform.deal', 'off_platform.contact'] as const;
export const offPlatformModel = textModel(model, OFF_PLATFORM_CLASSES);

/** A deal's gate: a payment, a price, a channel, selling or going around the platform named. */
const DEAL_CUES = new Set(['d.strong', 'd.offer', 'd.channel', 'd.pay', 'd.paych', 'd.dispute', 'd.bypass', 'd.cash', 'd.meet', 'd.sell', 'd.market', 'd.refund', 'd.avoid', 'd.direct', 'd.fee']);
/** A contact's gate: a messenger, an invitation or a handle cue named. */
const CONTACT_CUES = new Set(['msg', 'msg.short', 'c.verb', 'c.direct', 'c.cue', 'c.own', 'c.group', 'c.priv']);

/**
 * What the lists read as the opposite of an offer or invitation: a negation or warning ("never
 * pay outside", "не пишите в вайбер"), the platform's own channel ("in the order chat", "через
 * приложение"), a refusal, a payment or refund reported done ("оплатил переводом", "the refund
 * came"). The model reads words, not their scope: where one of these stands, it is not asked.
 */
const STOP_CUES = new Set(['d.neg', 'd.plat', 'd.refuse', 'd.past', 'd.got']);

/** Does the text name a cue of the set and none of STOP_CUES (the phrase pass is shared with the list detectors)? */
function names(norm: Normalized, cues: ReadonlySet<string>): boolean {
  let any = false;
  for (const h of lexHits(norm)) {
    if (STOP_CUES.has(h.cat)) return false;
    any ||= cues.has(h.cat);
  }
  return any;
}
export const namesDeal = (norm: Normalized) => names(norm, DEAL_CUES);
export const namesContact = (norm: Normalized) => names(norm, CONTACT_CUES);
