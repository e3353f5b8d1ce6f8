// What this device remembers about each poll, in localStorage so that it
// survives a reload: the participant id the server minted when it joined (its
// right to one vote), and a vote it sent but has not yet had an answer for (so a
// reload, a crash or a dead battery mid-retry does not drop it silently).
//
// What this cannot stop: a person who clears the site's data, opens a private
// window or uses a second device joins again as a new participant. The server
// keeps one vote per participant; a participant is a device, not a person.

export interface PendingVote {
  optionId: string;
  round: number;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

const participantKey = (pollId: string) => `handsup:participant:${pollId}`;
const pendingKey = (pollId: string) => `handsup:pending:${pollId}`;

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

export function storedParticipant(pollId: string, store: Storage = storage()): string | null {
  return store.getItem(participantKey(pollId));
}

export function storeParticipant(pollId: string, participantId: string | null, store: Storage = storage()): void {
  if (participantId) store.setItem(participantKey(pollId), participantId);
  else store.removeItem(participantKey(pollId));
}

export function storedPendingVote(pollId: string, store: Storage = storage()): PendingVote | null {
  const text = store.getItem(pendingKey(pollId));
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<PendingVote>;
    if (typeof value.optionId === 'string' && typeof value.round === 'number') return { optionId: value.optionId, round: value.round };
  } catch {
    // A damaged entry is as good as none.
  }
  store.removeItem(pendingKey(pollId));
  return null;
}

export function storePendingVote(pollId: string, vote: PendingVote | null, store: Storage = storage()): void {
  if (vote) store.setItem(pendingKey(pollId), JSON.stringify(vote));
  else store.removeItem(pendingKey(pollId));
}
