// Query.wordCount: a Lambda function (a.handler.function) that counts the words it is given.
import type { Schema } from '../../data/resource.ts';

export const handler: Schema['wordCount']['functionHandler'] = async (event) => event.arguments.text.split(/\s+/).filter(Boolean).length;
