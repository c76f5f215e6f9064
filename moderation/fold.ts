/**
 * The conduct scan's and the text models' letter fold: one code unit for one code unit, so token
 * offsets stay normalised offsets. Its own module because both read it and neither owns the other.
 * (The off-platform word lists fold with off-platform/words.ts foldWord, which also strips
 * combining marks and so may change a word's length.)
 */

const FOLD_PAIRS = 'àaáaâaãaäaåaāaąaăaçcćcčcďdèeéeêeëeęeěeēeìiíiîiïiīiłlľlĺlñnńnňnòoóoôoõoöoøoōoőoŕrřrśsšsşsșsťtțtùuúuûuüuůuūuűuýyÿyźzżzžzёеіi';
// A table, not a Map: every Cyrillic letter is ≥ U+00C0, so a Map lookup per letter of every
// Cyrillic word was most of the tokenizer's time. 0 = unchanged.
const FOLD_SIZE = 0x460;
const FOLD = new Uint16Array(FOLD_SIZE);
for (let k = 0; k < FOLD_PAIRS.length; k += 2) FOLD[FOLD_PAIRS.charCodeAt(k)] = FOLD_PAIRS.charCodeAt(k + 1);

/**
 * Latin diacritics dropped (people type "opinion" and "opinión", "wystawie" and "wystawię"),
 * ё → е, and Cyrillic і → Latin i: the shared normaliser folds a one-letter Ukrainian "і" to
 * Latin when it cannot tell the word's script, so both sides meet at Latin i.
 */
export function fold(lower: string): string {
  let out = '';
  let from = 0;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c < 0xc0 || c >= FOLD_SIZE) continue; // ASCII and Latin-1 punctuation never fold
    const to = FOLD[c]!;
    if (to === 0) continue;
    out += lower.slice(from, k) + String.fromCharCode(to);
    from = k + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

/** One code unit folded (see `fold`). */
export function foldCode(c: number): number {
  return c >= 0xc0 && c < FOLD_SIZE && FOLD[c] !== 0 ? FOLD[c]! : c;
}
