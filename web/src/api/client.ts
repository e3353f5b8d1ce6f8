// Configuration and the one GraphQL client. The app does not bundle its
// backend's address: it reads /amplify_outputs.json from its own origin (the
// local AppSync writes it for the host the browser used; on AWS it is deployed
// beside the app), so one build runs against any backend.
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { amplifyConfig } from '../../../local/user-pool/client.ts';
import { installRealtimeWebSocket } from './websocket.ts';

type AmplifyOutputs = Parameters<typeof amplifyConfig>[0];

export class ConfigurationError extends Error {}

/** Fetches /amplify_outputs.json, installs the WebSocket wrapper, then configures Amplify (API and organizers' sign-in). */
export async function configureApi(): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/amplify_outputs.json', { cache: 'no-store' });
  } catch {
    throw new ConfigurationError('The voting service could not be reached.');
  }
  if (!response.ok) {
    throw new ConfigurationError(`The app's settings could not be loaded (HTTP ${response.status}).`);
  }
  let outputs: AmplifyOutputs;
  try {
    outputs = (await response.json()) as AmplifyOutputs;
  } catch {
    throw new ConfigurationError("The app's settings are not valid JSON.");
  }
  const url = (outputs as { data?: { url?: string } }).data?.url;
  if (!url) throw new ConfigurationError("The app's settings name no API (data.url is missing).");
  // Before configure, hence before Amplify can open its real-time socket.
  installRealtimeWebSocket(url);
  // The local AppSync's user pool travels as custom.user_pool_endpoint; the cloud's outputs pass unchanged.
  Amplify.configure(amplifyConfig(outputs));
}

const makeClient = () => generateClient();
let client: ReturnType<typeof makeClient> | undefined;

/** The GraphQL client, made on first use (after `configureApi`). */
export function api() {
  if (!client) client = makeClient();
  return client;
}
