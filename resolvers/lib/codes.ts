/** Codes are shown in capitals; people type them any way, with spaces. */
export function normalizeCode(code: string): string {
  return code.replaceAll(' ', '').replaceAll('-', '').toUpperCase();
}
