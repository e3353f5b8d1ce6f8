// A real-time socket worker (a child process; see workers.ts for why and how): it
// accepts connections on the server's listening socket, keeps the WebSocket handshakes
// of the real-time endpoint, and hands every other connection back to the main process
// as it came. It reads its sockets' frames and passes them up, and writes what the main
// process sends down: frames, and for a publish one data frame per subscription of the
// group that this worker's connections joined. It knows nothing else of AppSync:
// protocol, auth, resolvers and filters stay in the main process. Plain JavaScript so
// the child starts without a TypeScript loader.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

/** Down: four slots an operation (workers.ts). */
const FRAME = 0;
const JOIN = 1;
const LEAVE = 2;
const PUBLISH = 3;
const CLOSE = 4;
/** Up: three slots an event. */
const OPEN = 0;
const IN = 1;
const CLOSED = 2;

const wss = new WebSocketServer({
  noServer: true,
  maxPayload: 1024 * 1024,
  perMessageDeflate: false,
  handleProtocols: (protocols) => (protocols.has('graphql-ws') ? 'graphql-ws' : false),
});
/** Parses the handshakes this worker keeps (complete ones only: see keeps()). */
const handshakes = createServer();
handshakes.on('upgrade', (request, socket, head) => {
  socket.setTimeout(0);
  wss.handleUpgrade(request, socket, head, (ws) => open(ws, request));
});
/** Connection id (this worker's) → its WebSocket. */
const sockets = new Map();
let nextId = 1;
/** Group id → connection id → the JSON ids of that connection's subscriptions in the group. */
const groups = new Map();
/** The server's listening socket, as this worker accepts on it. */
let listener;

// Events going up, gathered over one turn of the event loop: a burst of starts crosses as one message.
let events = [];
function up(event, c, value) {
  if (events.length === 0) setImmediate(sendUp);
  events.push(event, c, value);
}
function sendUp() {
  const e = events;
  events = [];
  if (process.connected) process.send({ e });
}

/**
 * Whether a connection's first bytes are one whole WebSocket handshake that the main process
 * would route to the real-time endpoint and pass its checks (http/server.ts, realtime/server.ts):
 * GET on the path, HTTP/1.1, one Upgrade: websocket, Connection naming upgrade, one
 * Sec-WebSocket-Version: 13, and nothing after the headers. Anything else, however rare
 * (a split handshake, TLS, plain HTTP), goes back to the main process, which answers it as always.
 */
const REQUEST_LINE = /^GET \/graphql\/realtime(?:\?[^ \r\n]*)? HTTP\/1\.1\r\n/;
function keeps(first) {
  const text = first.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0 || end + 4 !== text.length || !REQUEST_LINE.test(text)) return false;
  const seen = { upgrade: [], connection: [], 'sec-websocket-version': [] };
  for (const line of text.slice(text.indexOf('\r\n') + 2, end).split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    if (name in seen) seen[name].push(line.slice(colon + 1).trim().toLowerCase());
  }
  return (
    seen.upgrade.length === 1 && seen.upgrade[0] === 'websocket' &&
    seen.connection.length === 1 && seen.connection[0].split(',').some((token) => token.trim() === 'upgrade') &&
    seen['sec-websocket-version'].length === 1 && seen['sec-websocket-version'][0] === '13'
  );
}

function accepted(socket, idleMs) {
  // As the main process does: a socket that never sends a byte is closed once idle as long.
  socket.setTimeout(idleMs, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.once('data', (first) => {
    socket.setTimeout(0);
    socket.pause();
    if (keeps(first)) {
      socket.unshift(first);
      handshakes.emit('connection', socket);
      process.nextTick(() => socket.resume());
      return;
    }
    // Nothing more is read here: what the client sends next waits in the kernel for the main process.
    socket._handle?.readStop();
    const rest = socket.read();
    const head = rest ? Buffer.concat([first, rest]) : first;
    // The socket crosses with the bytes read so far; Node closes this process's copy once the main process has it.
    process.send({ back: head.toString('latin1') }, socket);
  });
}

/** A data frame's JSON is `{"type":"data","id":` + id + `,"payload":` + body + `}`: the body's part is encoded once a publish. */
const DATA_HEAD = Buffer.from('{"type":"data","id":');

/** One WebSocket text frame (RFC 6455 §5.2: FIN, text, unmasked as a server sends) holding `parts` one after the other. */
function textFrame(parts, length) {
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const out = Buffer.allocUnsafe(header + length);
  out[0] = 0x81;
  if (length < 126) out[1] = length;
  else if (length < 65536) {
    out[1] = 126;
    out.writeUInt16BE(length, 2);
  } else {
    out[1] = 127;
    out.writeBigUInt64BE(BigInt(length), 2);
  }
  let at = header;
  for (const part of parts) at += typeof part === 'string' ? out.write(part, at) : part.copy(out, at);
  return out;
}

process.on('message', (message, handle) => {
  if (message.listen) {
    listener = handle;
    listener.on('connection', (socket) => accepted(socket, message.listen.idleMs));
    process.send({ listening: true });
    return;
  }
  if (message.unlisten) {
    // Closes this process's copy of the listening socket: the main process closes its own.
    listener?.close();
    listener = undefined;
    process.send({ unlistened: true });
    return;
  }
  const ops = message.o;
  // Each connection's frames of this message go in one write, in order.
  const pending = new Map();
  const queue = (c, frame) => {
    const list = pending.get(c);
    if (list) list.push(frame);
    else pending.set(c, [frame]);
  };
  const write = (c) => {
    const list = pending.get(c);
    if (!list) return;
    pending.delete(c);
    const socket = sockets.get(c);
    if (!socket || socket.readyState !== socket.OPEN) return;
    socket._socket.write(list.length === 1 ? list[0] : Buffer.concat(list));
  };
  for (let i = 0; i < ops.length; i += 4) {
    const a = ops[i + 1];
    const b = ops[i + 2];
    switch (ops[i]) {
      case FRAME:
        queue(a, textFrame([b], Buffer.byteLength(b)));
        break;
      case JOIN: {
        let members = groups.get(a);
        if (!members) groups.set(a, (members = new Map()));
        const ids = members.get(b);
        if (ids) ids.push(ops[i + 3]);
        else members.set(b, [ops[i + 3]]);
        break;
      }
      case LEAVE: {
        const members = groups.get(a);
        const ids = members?.get(b);
        const at = ids ? ids.indexOf(ops[i + 3]) : -1;
        if (at < 0) break;
        ids.splice(at, 1);
        if (ids.length === 0) members.delete(b);
        if (members.size === 0) groups.delete(a);
        break;
      }
      case PUBLISH: {
        const members = groups.get(a);
        if (!members) break;
        const tail = Buffer.from(`,"payload":${b}}`);
        const fixed = DATA_HEAD.length + tail.length;
        for (const [c, ids] of members) {
          for (const id of ids) queue(c, textFrame([DATA_HEAD, id, tail], fixed + Buffer.byteLength(id)));
        }
        break;
      }
      case CLOSE: {
        write(a);
        const socket = sockets.get(a);
        if (b === null) socket?.terminate();
        else socket?.close(b, ops[i + 3]);
        break;
      }
    }
  }
  for (const c of pending.keys()) write(c);
});

/** A handshake done: the main process is told the request it needs for connection auth, then the socket's frames. */
function open(socket, request) {
  const c = nextId++;
  sockets.set(c, socket);
  up(OPEN, c, { url: request.url, headers: request.headers, remoteAddress: request.socket.remoteAddress });
  socket.on('message', (raw, isBinary) => up(IN, c, isBinary ? null : raw.toString()));
  socket.on('close', () => {
    sockets.delete(c);
    up(CLOSED, c, null);
  });
  socket.on('error', () => socket.terminate());
}

process.on('disconnect', () => process.exit(0));
// A main process killed outright (SIGKILL) while a handed-back socket awaited its acknowledgement never
// completes the disconnect (Node waits for that acknowledgement first): without this, the worker would
// live on, holding the server's port. Its parent gone, the worker is re-parented: it exits.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(0), 100).unref();
// Ended by the main process (workers.ts stop()): exits as on a disconnect, so a --cpu-prof profile is written.
process.on('SIGTERM', () => process.exit(0));
