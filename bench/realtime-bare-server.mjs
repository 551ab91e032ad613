// The realtime baseline: a bare Socket.IO server (the api's socket.io version) doing the same
// logical work as the api's waiting room and call signalling, with no auth, no validation, no
// database and no Redis. Clients say who they are in the handshake (`auth.rank` for a place in
// the one queue); a driver socket (`auth.driver`) moves the queue on, as the interviewer's
// "call next" does on the api.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const httpServer = createServer();
const io = new Server(httpServer, { path: '/socket.io', serveClient: false, cors: { origin: false } });

/** Places in line by rank (1-based; a person's rank is her ticket); `head` of them have been called in. */
const line = [];
let head = 0;
/** The line's version: one more for each move, as the api's. */
let version = 0;
const FAIR_ID = '00000000-0000-4000-8000-000000000001';
const EMPLOYER_ID = '00000000-0000-4000-8000-000000000002';
const AVERAGE_CALL_SECONDS = 600;
const LINE_ROOM = `line:${FAIR_ID}:${EMPLOYER_ID}`;

function position(rank, size) {
  const place = rank - head;
  return {
    fairId: FAIR_ID,
    employerId: EMPLOYER_ID,
    position: place,
    size,
    estimatedWaitSeconds: (place - 1) * AVERAGE_CALL_SECONDS,
    away: false,
    graceUntil: null,
    callIn: null,
    ticket: rank,
    version,
  };
}

/**
 * The api's protocol: the called person hears it on her own and stops following the line; the
 * line gets ONE broadcast of the move (version, the ticket that left, size, average), from which
 * every client works out its own place.
 */
function next() {
  const called = line[head];
  head += 1;
  version += 1;
  if (called) {
    io.to(called.id).emit('queue:called', { fairId: FAIR_ID, employerId: EMPLOYER_ID });
    called.leave(LINE_ROOM);
  }
  const size = Math.max(0, line.length - head);
  io.to(LINE_ROOM).emit('queue:move', {
    fairId: FAIR_ID,
    employerId: EMPLOYER_ID,
    version,
    removed: [head],
    size,
    averageCallSeconds: AVERAGE_CALL_SECONDS,
  });
  return { called: called?.id ?? null, size };
}

io.on('connection', (socket) => {
  const { rank, driver } = socket.handshake.auth ?? {};
  if (driver) {
    socket.on('queue:next', (ack) => ack({ data: next() }));
    socket.on('queue:reset', (ack) => {
      line.length = 0;
      head = 0;
      version = 0;
      ack({ data: true });
    });
    return;
  }
  if (Number.isInteger(rank)) line[rank - 1] = socket;
  socket.on('queue:watch', (ack) => {
    const waiting = Number.isInteger(rank) && rank > head;
    if (waiting) void socket.join(LINE_ROOM);
    ack({ data: waiting ? [position(rank, line.length - head)] : [] });
  });
  socket.on('call:join', (payload, ack) => {
    void socket.join(payload.callId);
    ack({ data: { callId: payload.callId, status: 'live', role: 'guest', startsAt: null, peers: [] } });
  });
  socket.on('call:signal', (payload, ack) => {
    socket.to(payload.callId).emit('call:signal', { ...payload, from: socket.id });
    ack({ data: { relayed: true } });
  });
  socket.on('disconnect', () => {
    if (Number.isInteger(rank) && line[rank - 1] === socket) line[rank - 1] = undefined;
  });
});

httpServer.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  io.close();
  process.exit(0);
});
