// A Gen 2 app's backend as `ampx sandbox` would deploy it: a user pool and a data API.
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource.ts';
import { data } from './data/resource.ts';

defineBackend({ auth, data });
