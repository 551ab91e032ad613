import type { CallJoined, CallPresence, RelayedSignal } from '@platform/contracts/realtime';
import { reactive, shallowRef } from 'vue';
import { useRealtimeStore, type AppSocket } from '@/stores/realtime';

export interface CallState {
  role: 'host' | 'guest' | null;
  status: CallJoined['status'] | null;
  startsAt: string | null;
  peer: CallPresence | null;
  /** RTCPeerConnection.connectionState */
  connection: RTCPeerConnectionState;
  signalling: 'connecting' | 'connected' | 'reconnecting';
  audio: boolean;
  video: boolean;
  error: string | null;
}

/**
 * One side of a 1:1 WebRTC call with Socket.IO as the signalling channel. The employer (host)
 * makes the offer when both are present; the seeker answers. A signalling blip (even the loss
 * of the api process) does not touch the media path: on reconnect the page re-joins the call
 * and only renegotiates if the peer connection itself was lost.
 */
export function useCall(callId: string, iceServers: RTCIceServer[]) {
  const realtime = useRealtimeStore();
  const state = reactive<CallState>({
    role: null,
    status: null,
    startsAt: null,
    peer: null,
    connection: 'new',
    signalling: 'connecting',
    audio: true,
    video: true,
    error: null,
  });
  const local = shallowRef<MediaStream | null>(null);
  const remote = shallowRef<MediaStream | null>(null);
  let pc: RTCPeerConnection | null = null;
  let socket: AppSocket | null = null;
  let offering = false;
  let pending: RTCIceCandidateInit[] = [];
  let lobbyTimer: ReturnType<typeof setTimeout> | undefined;
  const stops: (() => void)[] = [];

  async function start(): Promise<void> {
    try {
      local.value = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    } catch {
      state.error = 'MEDIA_UNAVAILABLE';
      return;
    }
    stops.push(realtime.whenConnected((s) => void attach(s)));
  }

  async function attach(s: AppSocket): Promise<void> {
    if (socket !== s) {
      socket?.off('call:signal', onSignal);
      socket?.off('call:peer', onPeer);
      socket?.off('call:status', onStatus);
      socket?.off('disconnect', onDrop);
      s.on('call:signal', onSignal);
      s.on('call:peer', onPeer);
      s.on('call:status', onStatus);
      s.on('disconnect', onDrop);
      socket = s;
    }
    await join();
  }

  function onDrop(): void {
    state.signalling = 'reconnecting';
  }

  async function join(): Promise<void> {
    if (!socket) return;
    const answer = await socket
      .timeout(10_000)
      .emitWithAck('call:join', { callId })
      .catch(() => null);
    if (!answer) return;
    if ('error' in answer) {
      state.error = answer.error.code;
      return;
    }
    const joined: CallJoined = answer.data;
    state.signalling = 'connected';
    state.error = null;
    state.role = joined.role;
    state.status = joined.status;
    state.startsAt = joined.startsAt;
    state.peer = joined.peers.find((p: CallPresence) => p.role !== joined.role) ?? null;
    clearTimeout(lobbyTimer);
    if (joined.startsAt) {
      // The lobby: come back at the scheduled start.
      lobbyTimer = setTimeout(() => void join(), Math.max(1000, Date.parse(joined.startsAt) - Date.now()));
      return;
    }
    await maybeOffer();
  }

  function needsNegotiation(): boolean {
    return !pc || ['new', 'failed', 'closed', 'disconnected'].includes(pc.connectionState);
  }

  async function maybeOffer(): Promise<void> {
    if (state.role !== 'host' || !state.peer?.present || offering || !needsNegotiation()) return;
    offering = true;
    try {
      const connection = freshConnection();
      const offer = await connection.createOffer();
      await connection.setLocalDescription(offer);
      send({ kind: 'sdp', callId, sdp: { type: 'offer', sdp: offer.sdp ?? '' } });
    } finally {
      offering = false;
    }
  }

  function freshConnection(): RTCPeerConnection {
    pc?.close();
    pending = [];
    const connection = new RTCPeerConnection({ iceServers });
    local.value?.getTracks().forEach((track) => connection.addTrack(track, local.value!));
    connection.ontrack = (event) => (remote.value = event.streams[0] ?? new MediaStream([event.track]));
    connection.onicecandidate = (event) => {
      if (event.candidate) send({ kind: 'ice', callId, candidate: event.candidate.toJSON() as never });
    };
    connection.onconnectionstatechange = () => {
      state.connection = connection.connectionState;
      if (connection.connectionState === 'failed') void maybeOffer();
    };
    pc = connection;
    state.connection = connection.connectionState;
    return connection;
  }

  function send(signal: Parameters<AppSocket['emit']>[1]): void {
    socket?.emit('call:signal', signal, () => undefined);
  }

  async function onSignal(signal: RelayedSignal): Promise<void> {
    if (signal.callId !== callId) return;
    if (signal.kind === 'ice') {
      if (pc?.remoteDescription) await pc.addIceCandidate(signal.candidate).catch(() => undefined);
      else pending.push(signal.candidate);
      return;
    }
    if (signal.sdp.type === 'offer') {
      const connection = freshConnection();
      await connection.setRemoteDescription(signal.sdp);
      const answer = await connection.createAnswer();
      await connection.setLocalDescription(answer);
      send({ kind: 'sdp', callId, sdp: { type: 'answer', sdp: answer.sdp ?? '' } });
    } else if (pc) {
      await pc.setRemoteDescription(signal.sdp);
    }
    for (const candidate of pending.splice(0)) await pc?.addIceCandidate(candidate).catch(() => undefined);
  }

  function onPeer(presence: CallPresence): void {
    if (presence.callId !== callId || presence.role === state.role) return;
    state.peer = presence;
    void maybeOffer();
  }

  function onStatus(payload: { callId: string; status: CallJoined['status'] }): void {
    if (payload.callId !== callId) return;
    state.status = payload.status;
    if (payload.status === 'ended') hangUp();
  }

  function setMedia(kind: 'audio' | 'video', on: boolean): void {
    local.value?.getTracks().forEach((track) => {
      if (track.kind === kind) track.enabled = on;
    });
    state[kind] = on;
    socket?.emit('call:media', { callId, audio: state.audio, video: state.video }, () => undefined);
  }

  function leave(): void {
    socket?.emit('call:leave', { callId }, () => undefined);
    hangUp();
  }

  function hangUp(): void {
    clearTimeout(lobbyTimer);
    pc?.close();
    pc = null;
    state.connection = 'closed';
    local.value?.getTracks().forEach((track) => track.stop());
  }

  /** The page goes away: stop listening, and leave the call if still in it. */
  function dispose(): void {
    stops.forEach((stop) => stop());
    socket?.off('call:signal', onSignal);
    socket?.off('call:peer', onPeer);
    socket?.off('call:status', onStatus);
    socket?.off('disconnect', onDrop);
    if (state.connection !== 'closed') leave();
  }

  return { state, local, remote, start, setMedia, leave, hangUp, dispose };
}
