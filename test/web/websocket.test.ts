// The wss→ws wrapper the web app installs for a plain-http AppSync endpoint.
import { describe, expect, it } from 'vitest';
import { installRealtimeWebSocket, realtimeSocketUrl } from '../../web/src/api/websocket.ts';

describe('realtimeSocketUrl', () => {
  const local = 'http://127.0.0.1:4000/graphql';

  it('turns the real-time URL Amplify derives from an http endpoint into ws://', () => {
    expect(realtimeSocketUrl('wss://127.0.0.1:4000/graphql/realtime', local)).toBe('ws://127.0.0.1:4000/graphql/realtime');
    expect(realtimeSocketUrl('wss://127.0.0.1:4000/graphql/realtime?x=1', local)).toBe('ws://127.0.0.1:4000/graphql/realtime?x=1');
  });

  it('leaves https endpoints and every other socket alone', () => {
    const cloud = 'https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql';
    const cloudSocket = 'wss://abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.us-east-1.amazonaws.com/graphql';
    expect(realtimeSocketUrl(cloudSocket, cloud)).toBe(cloudSocket);
    expect(realtimeSocketUrl('wss://localhost:4000/graphql/realtime', 'https://localhost:4000/graphql')).toBe(
      'wss://localhost:4000/graphql/realtime',
    );
    expect(realtimeSocketUrl('wss://other.example:4000/graphql/realtime', local)).toBe('wss://other.example:4000/graphql/realtime');
    expect(realtimeSocketUrl('wss://127.0.0.1:4000/elsewhere', local)).toBe('wss://127.0.0.1:4000/elsewhere');
  });
});

describe('installRealtimeWebSocket', () => {
  class FakeWebSocket {
    static readonly OPEN = 1;
    constructor(
      readonly url: string,
      readonly protocols?: string | string[],
    ) {}
  }
  const host = () => ({ WebSocket: FakeWebSocket as unknown as typeof WebSocket });

  it('wraps the constructor for an http endpoint, keeping protocols and constants', () => {
    const target = host();
    expect(installRealtimeWebSocket('http://localhost:4000/graphql', target)).toBe(true);
    const socket = new target.WebSocket('wss://localhost:4000/graphql/realtime', ['graphql-ws', 'header-e30']) as unknown as FakeWebSocket;
    expect(socket.url).toBe('ws://localhost:4000/graphql/realtime');
    expect(socket.protocols).toEqual(['graphql-ws', 'header-e30']);
    expect(socket).toBeInstanceOf(FakeWebSocket);
    expect(target.WebSocket.OPEN).toBe(1);
    // A second install does not wrap twice.
    const wrapped = target.WebSocket;
    installRealtimeWebSocket('http://localhost:4000/graphql', target);
    expect(target.WebSocket).toBe(wrapped);
  });

  it('installs nothing for an https endpoint', () => {
    const target = host();
    expect(installRealtimeWebSocket('https://api.example.com/graphql', target)).toBe(false);
    expect(target.WebSocket).toBe(FakeWebSocket);
  });
});
