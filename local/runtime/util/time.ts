// util.time. The formatted variants take Java DateTimeFormatter patterns.

export const nowISO8601 = (): string => new Date().toISOString();
export const nowEpochSeconds = (): number => Math.floor(Date.now() / 1000);
export const nowEpochMilliSeconds = (): number => Date.now();
export const epochMilliSecondsToSeconds = (ms: number): number => Math.floor(ms / 1000);
export const epochMilliSecondsToISO8601 = (ms: number): string => new Date(ms).toISOString();
export const parseISO8601ToEpochMilliSeconds = (text: string): number => Date.parse(text);
