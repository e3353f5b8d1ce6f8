// A real-time socket worker (a child process; see workers.ts for why and how): it owns
// the WebSockets the main process handed it, reads their frames and passes them up,
// and writes what the main process sends down. It knows nothing of AppSync: protocol,
// auth, resolvers and filters stay in the main process. Plain JavaScript so the child
// starts without a TypeScript loader.
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({
  noServer: true,
  maxPayload: 1024 * 1024,
  perMessageDeflate: false,
  handleProtocols: (protocols) => (protocols.has('graphql-ws') ? 'graphql-ws' : false),
});
/** Connection id (the main process's) → its WebSocket. */
const sockets = new Map();

process.on('message', (message, handle) => {
  switch (message.t) {
    case 'adopt': {
      const { c, method, url, headers, head } = message;
      // A handshake ws refuses ends the socket without calling back: the main process is told all the same.
      handle.once('close', () => sockets.has(c) || process.send({ t: 'closed', c }));
      wss.handleUpgrade({ method, url, headers }, handle, Buffer.from(head), (socket) => {
        sockets.set(c, socket);
        socket.on('message', (raw, isBinary) => process.send({ t: 'frame', c, text: isBinary ? null : raw.toString() }));
        socket.on('close', () => {
          sockets.delete(c);
          process.send({ t: 'closed', c });
        });
        socket.on('error', () => socket.terminate());
        process.send({ t: 'open', c });
      });
      return;
    }
    case 'out': {
      // One tick's frames for many connections: each connection's frames go in one corked write, in order.
      const { c: ids, x: texts } = message;
      const touched = new Set();
      for (let i = 0; i < ids.length; i++) {
        const socket = sockets.get(ids[i]);
        if (!socket || socket.readyState !== socket.OPEN) continue;
        if (!touched.has(socket)) {
          touched.add(socket);
          socket._socket.cork();
        }
        socket.send(texts[i]);
      }
      for (const socket of touched) socket._socket.uncork();
      return;
    }
    case 'close': {
      const socket = sockets.get(message.c);
      if (message.terminate) socket?.terminate();
      else socket?.close(message.code, message.reason);
      return;
    }
  }
});
process.on('disconnect', () => process.exit(0));
