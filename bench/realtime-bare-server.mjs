// The realtime baseline: a bare Socket.IO server (the api's socket.io version) doing the same
// logical work as the api's waiting room and call signalling, with no auth, no validation, no
// database and no Redis. Clients say who they are in the handshake (`auth.rank` for a place in
// the one queue); a driver socket (`auth.driver`) moves the queue on, as the interviewer's
// "call next" does on the api.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const httpServer = createServer();
const io = new Server(httpServer, { path: '/socket.io', serveClient: false, cors: { origin: false } });

/** Places in line by rank (1-based); `head` of them have been called in. */
const line = [];
let head = 0;
const FAIR_ID = '00000000-0000-4000-8000-000000000001';
const EMPLOYER_ID = '00000000-0000-4000-8000-000000000002';

function position(rank, size) {
  const place = rank - head;
  return {
    fairId: FAIR_ID,
    employerId: EMPLOYER_ID,
    position: place,
    size,
    estimatedWaitSeconds: place * 600,
    away: false,
    graceUntil: null,
    callIn: null,
  };
}

/** One emit per waiting person to their own room, as the api's publish does (no batching). */
function next() {
  const called = line[head];
  head += 1;
  if (called) io.to(called.id).emit('queue:called', { fairId: FAIR_ID, employerId: EMPLOYER_ID });
  const size = line.length - head;
  for (let rank = head + 1; rank <= line.length; rank++) {
    const socket = line[rank - 1];
    if (socket) io.to(socket.id).emit('queue:position', position(rank, size));
  }
  return { called: called?.id ?? null, size };
}

io.on('connection', (socket) => {
  const { rank, driver } = socket.handshake.auth ?? {};
  if (driver) {
    socket.on('queue:next', (ack) => ack({ data: next() }));
    socket.on('queue:reset', (ack) => {
      line.length = 0;
      head = 0;
      ack({ data: true });
    });
    return;
  }
  if (Number.isInteger(rank)) line[rank - 1] = socket;
  socket.on('queue:watch', (ack) =>
    ack({ data: Number.isInteger(rank) ? [position(rank, line.length - head)] : [] }),
  );
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
