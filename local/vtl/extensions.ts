// `$extensions` of VTL (extensions.html): the JS runtime's extensions, the same calls
// recorded on the same invocation, so the real-time engine reads a VTL subscription
// resolver's filter exactly as a JS one's.
import { extensions } from '../runtime/extensions.ts';

export const vtlExtensions = extensions;
