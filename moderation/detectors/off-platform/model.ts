import model from '../../data/off-platform-model.json';
import type { Normalized } from '../../types.js';
import { textModel } from '../text-model.js';
import { DEAL_WORDS, lexHits } from './lexicon.js';
import { tokens } from './words.js';

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
const DEAL_CUES = new Set([...DEAL_WORDS, 'd.market', 'd.refund']);
/** A contact's gate: a messenger, a handle cue, one's own handle, a group or Instagram's Direct named. A bare "write me" names no channel and may mean the platform's chat. */
const CONTACT_CUES = new Set(['msg', 'msg.short', 'c.cue', 'c.own', 'c.group', 'c.priv']);

/**
 * What the lists read as the opposite of an offer or invitation: a negation or warning ("never
 * pay outside", "не пишите в вайбер"), the platform's own channel ("in the order chat", "через
 * приложение"), a refusal, a payment or refund reported done ("оплатил переводом", "the refund
 * came"). The model reads words, not their scope: it is asked only about a text with a sentence
 * that names a cue of its class and none of these ("Kupiłam 4 opakowania… Odsprzedam za 30 zł,
 * przelew na konto": the past "bought" is another sentence's).
 */
const STOP_CUES = new Set(['d.neg', 'd.plat', 'd.refuse', 'd.past', 'd.got']);

function names(norm: Normalized, cues: ReadonlySet<string>): boolean {
  const hits = lexHits(norm);
  let any = false;
  for (const h of hits) if (cues.has(h.cat)) { any = true; break; }
  if (!any) return false;
  const toks = tokens(norm);
  const stopped = new Set<number>();
  for (const h of hits) if (STOP_CUES.has(h.cat)) stopped.add(toks[h.i]!.sent);
  for (const h of hits) if (cues.has(h.cat) && !stopped.has(toks[h.i]!.sent)) return true;
  return false;
}
export const namesDeal = (norm: Normalized) => names(norm, DEAL_CUES);
export const namesContact = (norm: Normalized) => names(norm, CONTACT_CUES);
