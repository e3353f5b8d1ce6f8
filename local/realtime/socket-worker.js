// A real-time socket worker (a child process; see workers.ts for why and how): it owns
// the WebSockets the main process handed it, reads their frames and passes them up,
// and writes what the main process sends down: frames, and for a publish one data
// frame per subscription of the group that this worker's connections joined. It knows
// nothing else of AppSync: protocol, auth, resolvers and filters stay in the main
// process. Plain JavaScript so the child starts without a TypeScript loader.
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
/** Connection id (the main process's) → its WebSocket. */
const sockets = new Map();
/** Group id → connection id → the JSON ids of that connection's subscriptions in the group. */
const groups = new Map();

// Events going up, gathered over one turn of the event loop: a burst of starts crosses as one message.
let events = [];
function up(event, c, text) {
  if (events.length === 0) setImmediate(sendUp);
  events.push(event, c, text);
}
function sendUp() {
  const e = events;
  events = [];
  if (process.connected) process.send({ e });
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
  if (message.adopt) return adopt(message.adopt, handle);
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

function adopt({ c, method, url, headers, head }, handle) {
  // A handshake ws refuses ends the socket without calling back: the main process is told all the same.
  handle.once('close', () => sockets.has(c) || up(CLOSED, c, null));
  wss.handleUpgrade({ method, url, headers }, handle, Buffer.from(head), (socket) => {
    sockets.set(c, socket);
    socket.on('message', (raw, isBinary) => up(IN, c, isBinary ? null : raw.toString()));
    socket.on('close', () => {
      sockets.delete(c);
      up(CLOSED, c, null);
    });
    socket.on('error', () => socket.terminate());
    up(OPEN, c, null);
  });
}

process.on('disconnect', () => process.exit(0));
