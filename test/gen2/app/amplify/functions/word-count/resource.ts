import { defineFunction } from '@aws-amplify/backend';

export const wordCount = defineFunction({ name: 'word-count', entry: './handler.ts' });
