import model from '../../data/conduct-model.json';
import { textModel } from '../text-model.js';

/**
 * The conduct area's model (moderation/detectors/text-model.ts), trained on the conduct fixtures.
 *
 * Why: each blind round written by someone new reached ~0.3-0.6 recall on the word lists even
 * after the round before had been fixed; a model of the same fixtures generalises across
 * phrasings the lists do not hold. The lexicon's categories as features (a demand and a rating
 * word in one sentence) added recall on those rounds but made the model sure of itself on short
 * texts built to look like a tie or a threat ("We checked every item in the box"): left out.
 */

export const CONDUCT_CLASSES = ['extortion.threat', 'review_manipulation.incentive', 'seller_tie.undisclosed', 'seller_tie.disclosed'] as const;
export const conductModel = textModel(model, CONDUCT_CLASSES);

/**
 * The probability the model needs about a text that names only one half of a detector's gate (a
 * threat but no demand, a rating but no reward). Chosen by leave-one-round-out runs of the
 * detectors on blind rounds 8-12, against what they then say about the other areas' fixtures
 * (scripts/train-models.ts --cv): 0.7 doubled what was said about off-platform offers ("pay me
 * directly and I'll ship"), 0.8 kept nearly all the recall.
 */
export const ONE_HALF_MIN = 0.8;
