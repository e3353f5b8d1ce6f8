import { util } from '@aws-appsync/utils';
import type { WordCount } from '../generated/schema.ts';
import { WORD_PREFIX } from './keys.ts';
import { isProfane } from './profanity.ts';

export const MAX_WORDS = 3;
export const MAX_WORD_LENGTH = 40;
/** The most words results carry: a cloud of more is unreadable, and the payload stays small. */
export const MAX_CLOUD_WORDS = 100;

// No regex in APPSYNC_JS (and `replace` patterns differ between AppSync and local):
// whitespace is collapsed by splitting on each kind of it.
const SPACES = ['\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2028', '\u2029', '\u3000'];

/** A word or phrase as it is counted: NFC, lower case, trimmed, runs of whitespace made one space. */
export function normalizeWord(word: string): string {
  let text = util.str.normalize(word, 'nfc').toLowerCase();
  for (const space of SPACES) text = text.replaceAll(space, ' ');
  return text.split(' ').filter((part) => part.length > 0).join(' ');
}


// sort() takes no comparator in APPSYNC_JS: words are ordered by a sortable key,
// the count's complement zero-padded (most first), then the word (A to Z).
const PAD = '0000000000';
const sortKey = (count: number, word: string) => `${(PAD + (9999999999 - count)).slice(-10)} ${word}`;

/**
 * Sums the w_<word> counters of the shards: the words most first, at most MAX_CLOUD_WORDS,
 * without words nobody has any more (changed answers) or, when the filter is on, profane ones;
 * and the total of every word counted (hidden ones too: what participants sent).
 */
export function toWordCounts(shards: (Record<string, unknown> | null)[], profanityFilter: boolean): { words: WordCount[]; total: number } {
  const counts: Record<string, number> = {};
  for (const shard of shards) {
    const names = shard ? Object.keys(shard).filter((name) => name.startsWith(WORD_PREFIX)) : [];
    for (const name of names) {
      const word = name.slice(WORD_PREFIX.length);
      counts[word] = (counts[word] ?? 0) + ((shard![name] as number) || 0);
    }
  }
  const shown = Object.keys(counts).filter((word) => counts[word]! > 0 && !(profanityFilter && isProfane(word)));
  const byKey: Record<string, WordCount> = {};
  const keys = shown.map((word) => {
    const key = sortKey(counts[word]!, word);
    byKey[key] = { word, count: counts[word]! };
    return key;
  });
  const total = Object.keys(counts).reduce((sum, word) => sum + counts[word]!, 0);
  return { words: keys.sort().slice(0, MAX_CLOUD_WORDS).map((key) => byKey[key]!), total };
}

/** The words of an answer, normalised and without repeats, or BadRequest with a sentence. */
export function checkWords(words: string[]): string[] {
  if (words.length === 0) util.error('Send at least one word', 'BadRequest');
  if (words.length > MAX_WORDS) util.error(`Send at most ${MAX_WORDS} words or phrases`, 'BadRequest');
  const normalized: string[] = [];
  for (const word of words) {
    // Checked before normalising too, so a huge string costs nothing.
    const text = word.length > MAX_WORD_LENGTH * 10 ? word : normalizeWord(word);
    if (text.length === 0) util.error('One of the words is empty', 'BadRequest');
    if (text.length > MAX_WORD_LENGTH) util.error(`A word or phrase has at most ${MAX_WORD_LENGTH} characters`, 'BadRequest');
    if (normalized.indexOf(text) < 0) normalized.push(text);
  }
  return normalized;
}
