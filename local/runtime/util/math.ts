export const roundNum = (value: number): number => Math.round(value);
export const minVal = (a: number, b: number): number => Math.min(a, b);
export const maxVal = (a: number, b: number): number => Math.max(a, b);
export const randomDouble = (): number => Math.random();
/** A random integer from lo to hi, both included. */
export const randomWithinRange = (lo: number, hi: number): number => lo + Math.floor(Math.random() * (hi - lo + 1));
