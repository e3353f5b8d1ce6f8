// The word cloud's built-in profanity list: common English swear words and slurs,
// kept short on purpose (a resolver bundle may be at most 32 KB). A phrase is hidden
// when any of its words is on the list; the counts are kept, so switching the
// filter off shows them again.
const LIST = [
  'arse', 'arsehole', 'ass', 'asshole', 'bastard', 'bitch', 'bollocks', 'bullshit', 'cock', 'crap', 'cunt', 'dick',
  'dickhead', 'douche', 'fag', 'faggot', 'fuck', 'fucked', 'fucker', 'fucking', 'motherfucker', 'nigga', 'nigger',
  'piss', 'pissed', 'prick', 'pussy', 'retard', 'shit', 'shitty', 'slut', 'twat', 'wank', 'wanker', 'whore',
];

/** Whether a normalised word or phrase contains a word of the list. */
export function isProfane(phrase: string): boolean {
  return phrase.split(' ').some((word) => LIST.indexOf(word) >= 0);
}
