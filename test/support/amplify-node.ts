// The unmodified aws-amplify v6 client, in Node, pointed at a local AppSync.
// Node 20 has no global WebSocket: the `ws` package stands in, behind the same
// wss→ws wrapper the web app installs for plain-http endpoints.
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { WebSocket } from 'ws';
import { installRealtimeWebSocket } from '../../web/src/api/websocket.ts';
import type { LocalAppSync } from '../../local/server.ts';

export async function amplifyClientFor(server: LocalAppSync) {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  installRealtimeWebSocket(server.url);
  const outputs = await (await fetch(server.url.replace(/\/graphql$/, '/amplify_outputs.json'))).json();
  Amplify.configure(outputs);
  return generateClient();
}
