// A Gen 2 app's backend as `ampx sandbox` would deploy it: a user pool, a data API and a function.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource.ts';
import { data } from './data/resource.ts';
import { wordCount } from './functions/word-count/resource.ts';

defineBackend({ auth, data, wordCount });
