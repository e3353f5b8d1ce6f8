// What this device remembers about each event, in localStorage so that it
// survives a reload: the participant id the server minted when it joined (its
// right to one answer per question), and an answer it sent but has not yet had a
// reply for (so a reload, a crash or a dead battery mid-retry does not drop it
// silently).
//
// What this cannot stop: a person who clears the site's data, opens a private
// window or uses a second device joins again as a new participant. The server
// keeps one answer per participant; a participant is a device, not a person.

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

const participantKey = (eventId: string) => `handsup:participant:${eventId}`;

/** localStorage, or a memory stand-in where it is unavailable (some private modes throw on use). */
function storage(): Storage {
  try {
    const probe = '__handsup_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memory;
  }
}

const memoryItems = new Map<string, string>();
const memory: Storage = {
  getItem: (key) => memoryItems.get(key) ?? null,
  setItem: (key, value) => void memoryItems.set(key, value),
  removeItem: (key) => void memoryItems.delete(key),
};

/** The id this device joined the event with (one per event: it answers every question of it). */
export function storedParticipant(eventId: string, store: Storage = storage()): string | null {
  return store.getItem(participantKey(eventId));
}

export function storeParticipant(eventId: string, participantId: string | null, store: Storage = storage()): void {
  if (participantId) store.setItem(participantKey(eventId), participantId);
  else store.removeItem(participantKey(eventId));
}

/** An answer to one question of an event, sent but not yet acknowledged. */
export interface PendingAnswer {
  questionId: string;
  round: number;
  optionIds?: string[];
  words?: string[];
}

const pendingAnswerKey = (eventId: string, questionId: string) => `handsup:pending:${eventId}:${questionId}`;

export function storedPendingAnswer(eventId: string, questionId: string, store: Storage = storage()): PendingAnswer | null {
  const text = store.getItem(pendingAnswerKey(eventId, questionId));
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<PendingAnswer>;
    const list = (items: unknown) => Array.isArray(items) && items.every((item) => typeof item === 'string');
    if (value.questionId === questionId && typeof value.round === 'number' && (list(value.optionIds) || list(value.words))) {
      return { questionId, round: value.round, ...(value.optionIds ? { optionIds: value.optionIds } : {}), ...(value.words ? { words: value.words } : {}) };
    }
  } catch {
    // A damaged entry is as good as none.
  }
  store.removeItem(pendingAnswerKey(eventId, questionId));
  return null;
}

export function storePendingAnswer(eventId: string, questionId: string, answer: PendingAnswer | null, store: Storage = storage()): void {
  if (answer) store.setItem(pendingAnswerKey(eventId, questionId), JSON.stringify(answer));
  else store.removeItem(pendingAnswerKey(eventId, questionId));
}
