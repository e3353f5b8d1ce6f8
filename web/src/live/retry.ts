// How a device asks again after a transient failure (network, overload, a
// server restart): growing pauses, capped at 10 s.
const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 10_000];

export const retryDelay = (attempt: number) => RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] as number;

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
