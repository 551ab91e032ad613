// A load-generator process of the realtime benchmark (forked by bench/realtime.mjs, driven over
// IPC): it holds its share of the Socket.IO clients, so 10,000 sockets do not starve on one event
// loop, and measures on receipt. Clocks are one machine's: timestamps are comparable across
// processes. Commands: queue / queue-collect, calls, pump, close.
import { performance } from 'node:perf_hooks';
import { followQueue } from '@platform/contracts';
import { io } from 'socket.io-client';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();
const sockets = [];
let disconnects = 0;

function open(url, auth) {
  const socket = io(url, {
    path: '/socket.io',
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 60_000,
  });
  sockets.push(socket);
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') disconnects += 1;
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(new Error(error.data?.code ?? error.message)));
  });
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function pool(items, limit, task) {
  let next = 0;
  const results = [];
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i], i).then(
          (value) => ({ value }),
          (error) => ({ error: error.message }),
        );
      }
    }),
  );
  return results;
}

const refusals = {};
function refused(answer) {
  if (answer && 'error' in answer) {
    refusals[answer.error.code] = (refusals[answer.error.code] ?? 0) + 1;
    return true;
  }
  return false;
}

// ---- waiting room: every client works out its place from the line's broadcast moves, as the
// seeker's page does (followQueue of @platform/contracts), and records when it reached each place.
const waiting = [];
let messagesReceived = 0;

/** Applies the moves received so far (in version order) to the place and notes each new place. */
function advance(seen) {
  if (!seen.place) return;
  const { place, waiting: rest } = followQueue(seen.place, seen.moves);
  seen.moves = rest;
  seen.place = place;
  if (place.position !== null && !seen.received.has(place.position)) seen.received.set(place.position, now());
}

async function queue({ url, clients, concurrency }) {
  const started = now();
  const results = await pool(clients, concurrency, async (client) => {
    const socket = await open(url, client.auth);
    const seen = { rank: client.rank, received: new Map(), called: 0, place: null, moves: [] };
    seen.socket = socket;
    socket.on('queue:move', (move) => {
      messagesReceived += 1;
      seen.moves.push(move);
      advance(seen);
    });
    // Told one by one only when one's own place ends elsewhere (not expected in this leg).
    socket.on('queue:position', (p) => {
      messagesReceived += 1;
      if (p.position === null) seen.place = null;
    });
    socket.on('queue:called', () => (seen.called += 1));
    waiting.push(seen);
    // The seeker's queue page asks for its places when it (re)connects: the base it follows from.
    const answer = await socket.timeout(60_000).emitWithAck('queue:watch');
    if (!refused(answer) && answer.data[0]) {
      seen.place = answer.data[0];
      advance(seen);
    }
  });
  const failures = results.filter((r) => r.error).map((r) => r.error);
  return {
    connected: clients.length - failures.length,
    failed: failures.length,
    failures: failures.slice(0, 3),
    seconds: (now() - started) / 1000,
  };
}

/**
 * `ticks[i].removed`: how many people had been called in after tick i, so a client of rank r
 * should then reach position r - removed. A position never reached is a lost update.
 */
function queueCollect({ ticks }) {
  const latencies = [];
  let expected = 0;
  let lost = 0;
  let staleAtEnd = 0;
  for (const seen of waiting) {
    let lastExpected = null;
    for (const tick of ticks) {
      const place = seen.rank - tick.removed;
      if (place < 1) continue;
      expected += 1;
      lastExpected = place;
      const at = seen.received.get(place);
      if (at === undefined) lost += 1;
      else latencies.push(Math.round((at - tick.at) * 10) / 10);
    }
    if (lastExpected !== null && !seen.received.has(lastExpected)) staleAtEnd += 1;
  }
  return { latencies, expected, lost, staleAtEnd };
}

/** Drops the connections of the last `n` people in this process's share of the line. */
function drop({ n }) {
  for (const seen of waiting.slice(-n)) seen.socket.close();
  return { dropped: Math.min(n, waiting.length) };
}

const count = () => ({ messagesReceived });

// ---- call signalling: rooms of two sockets relaying offer, answer and ICE candidates.
const SDP_FILLER = Array.from(
  { length: 40 },
  (_, i) =>
    `a=rtcp-fb:${96 + (i % 30)} nack pli\r\na=fmtp:${96 + (i % 30)} level-asymmetry-allowed=1;packetization-mode=1\r\n`,
).join('');

const stamp = () => String(Math.round(now() * 1000));
const sentAt = (micros) => Number(micros) / 1000;

function sdp(callId, type) {
  return {
    kind: 'sdp',
    callId,
    sdp: {
      type,
      sdp: `v=0\r\no=- ${stamp()} 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nm=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n${SDP_FILLER}`,
    },
  };
}

function ice(callId, n) {
  return {
    kind: 'ice',
    callId,
    candidate: {
      candidate: `candidate:${842163049 + n} 1 udp 1677729535 192.0.2.${n % 250} ${50000 + n} typ srflx raddr 0.0.0.0 rport 0 generation 0`,
      sdpMid: '0',
      sdpMLineIndex: 0,
      usernameFragment: stamp(),
    },
  };
}

const relayLatencies = [];
const ackLatencies = [];
let relayed = 0;

function onSignal(socket, received) {
  socket.on('call:signal', (signal) => {
    const at = now();
    const micros = signal.kind === 'sdp' ? signal.sdp.sdp.split(' ')[1] : signal.candidate.usernameFragment;
    relayLatencies.push(Math.round((at - sentAt(micros)) * 10) / 10);
    relayed += 1;
    received(signal);
  });
}

async function send(socket, payload) {
  const at = now();
  const answer = await socket.timeout(30_000).emitWithAck('call:signal', payload);
  ackLatencies.push(Math.round((now() - at) * 10) / 10);
  return !refused(answer);
}

/** One interview: both join, the host offers, the guest answers, both trickle half the candidates. */
async function room({ callId, host, guest }, iceCount) {
  const hostSocket = await open(host.url, host.auth);
  const guestSocket = await open(guest.url, guest.auth);
  let got = 0;
  const total = 2 + iceCount;
  let formed;
  const done = new Promise((resolve) => (formed = resolve));
  const count = () => ++got === total && formed(now());
  onSignal(hostSocket, count);
  let answered;
  const offered = new Promise((resolve) => (answered = resolve));
  onSignal(guestSocket, (signal) => {
    count();
    if (signal.kind === 'sdp') answered();
  });
  if (refused(await hostSocket.emitWithAck('call:join', { callId }))) throw new Error('host join refused');
  if (refused(await guestSocket.emitWithAck('call:join', { callId }))) throw new Error('guest join refused');
  const half = Math.floor(iceCount / 2);
  await send(hostSocket, sdp(callId, 'offer'));
  const hostIce = (async () => {
    for (let n = 0; n < half; n++) await send(hostSocket, ice(callId, n));
  })();
  if (!(await Promise.race([offered.then(() => true), sleep(30_000).then(() => false)]))) return null;
  await send(guestSocket, sdp(callId, 'answer'));
  for (let n = half; n < iceCount; n++) await send(guestSocket, ice(callId, n));
  await hostIce;
  return Promise.race([done, sleep(30_000).then(() => null)]);
}

async function calls({ rooms, ice: iceCount, startedAt }) {
  const formedAt = [];
  const failures = [];
  await Promise.all(
    rooms.map(async (r) => {
      await sleep(Math.max(0, startedAt + r.offsetMs - now()));
      try {
        const at = await room(r, iceCount);
        if (at === null) failures.push('incomplete');
        else formedAt.push(Math.round(at - startedAt));
      } catch (error) {
        failures.push(error.message);
      }
    }),
  );
  const expected = rooms.length * (2 + iceCount);
  return {
    relayLatencies: relayLatencies.splice(0),
    ackLatencies: ackLatencies.splice(0),
    formedAt,
    failures: failures.length,
    failureSample: failures.slice(0, 3),
    expected,
    relayed: relayed,
    lost: expected - relayed,
  };
}

/** Throughput: every host trickles candidates as fast as the acks come back, `window` in flight. */
async function pump({ rooms, seconds, window }) {
  const pairs = [];
  for (const r of rooms) {
    const hostSocket = await open(r.host.url, r.host.auth);
    const guestSocket = await open(r.guest.url, r.guest.auth);
    if (refused(await hostSocket.emitWithAck('call:join', { callId: r.callId })))
      throw new Error('host join refused');
    if (refused(await guestSocket.emitWithAck('call:join', { callId: r.callId })))
      throw new Error('guest join refused');
    pairs.push({ callId: r.callId, hostSocket, guestSocket });
  }
  let delivered = 0;
  let acked = 0;
  const latencies = [];
  let measuring = false;
  for (const p of pairs)
    p.guestSocket.on('call:signal', (signal) => {
      if (!measuring) return;
      delivered += 1;
      if (delivered % 10 === 0)
        latencies.push(Math.round((now() - sentAt(signal.candidate.usernameFragment)) * 10) / 10);
    });
  let running = true;
  const loops = pairs.flatMap((p) =>
    Array.from({ length: window }, async (_, w) => {
      let n = w;
      while (running) {
        await p.hostSocket
          .timeout(30_000)
          .emitWithAck('call:signal', ice(p.callId, n))
          .then(refused, () => true);
        if (measuring) acked += 1;
        n += window;
      }
    }),
  );
  // One second of warm-up, then the measured window.
  await sleep(1000);
  measuring = true;
  const from = now();
  await sleep(seconds * 1000);
  measuring = false;
  const elapsed = (now() - from) / 1000;
  running = false;
  await Promise.all(loops);
  return { delivered, acked, seconds: elapsed, latencies };
}

async function close() {
  for (const socket of sockets.splice(0)) socket.close();
  waiting.length = 0;
  messagesReceived = 0;
  relayed = 0;
  const out = { disconnects, refusals: { ...refusals } };
  disconnects = 0;
  for (const key of Object.keys(refusals)) delete refusals[key];
  return out;
}

const COMMANDS = { queue, 'queue-collect': queueCollect, drop, count, calls, pump, close };
process.on('message', async ({ id, cmd, ...args }) => {
  try {
    process.send({ id, result: await COMMANDS[cmd](args) });
  } catch (error) {
    process.send({ id, error: error.stack ?? String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
