import { followQueue, type QueueMove, type QueuePosition } from '@platform/contracts';
import { io as connect, Socket } from 'socket.io-client';

/**
 * A websocket client of a test api, signed in with `token`, no automatic reconnection (a test
 * reconnects on purpose). It is added to `opened` so the test can close them all afterwards.
 */
export function openSocket(url: string, token: string, opened: Socket[]): Promise<Socket> {
  const socket = connect(url, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  opened.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** The next `event` on `socket` whose payload satisfies `where`. */
export const nextEvent = <T>(socket: Socket, event: string, where: (value: T) => boolean = () => true) =>
  new Promise<T>((resolve) => {
    const listener = (value: T) => {
      if (!where(value)) return;
      socket.off(event, listener);
      resolve(value);
    };
    socket.on(event, listener);
  });

/**
 * Follows one place from `base` (a join's answer or `queue:watch`) through the line's
 * `queue:move` broadcasts, working it out as the seeker's page does; `moves` are all received.
 */
export function followPlace(socket: Socket, base: QueuePosition) {
  const moves: QueueMove[] = [];
  socket.on('queue:move', (move: QueueMove) => moves.push(move));
  return { moves, place: () => followQueue(base, moves).place };
}
