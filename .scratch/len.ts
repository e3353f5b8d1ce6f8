import * as ops from '../web/src/api/documents.ts';
for (const [k, v] of Object.entries(ops)) if (typeof v === 'string') console.log(k, v.length);
