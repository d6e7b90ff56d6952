import { useEffect, useRef, useState } from 'react';
import { sessions } from '../endpoints';
import { conn } from '../services';
import { useUi } from '../store';
import type { RtcPayload, Session } from '../types';

/**
 * The call of a confirmed or running session: WebRTC "perfect negotiation" (the guest is the polite peer), offers,
 * answers and ICE candidates relayed as `rtc.signal` frames by the edge to the other participant. Signals are not
 * stored: whoever joins says `hello`, and the side already in the call repeats its pending offer and candidates.
 */
export function VideoCallPanel({ session, me }: { session: Session; me: string }) {
  const navigate = useUi((s) => s.navigate);
  const local = useRef<HTMLVideoElement>(null);
  const remote = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState('starting');
  const [mediaError, setMediaError] = useState<string>();
  const [signalError, setSignalError] = useState<string>();

  useEffect(() => {
    const polite = session.guestUserId === me;
    let pc: RTCPeerConnection | undefined;
    let stream: MediaStream | undefined;
    let makingOffer = false;
    let ignoreOffer = false;
    let closed = false;
    const sentCandidates: RTCIceCandidateInit[] = [];
    const send = (payload: RtcPayload) => conn().sendFrame({ type: 'rtc.signal', sessionId: session.sessionId, payload });

    // Signals are handled one at a time, in arrival order: a candidate must not overtake the description it follows.
    let signals: Promise<void> = Promise.resolve();
    const unsubscribe = conn().onRtcSignal(({ sessionId, payload }) => {
      if (sessionId !== session.sessionId) return;
      signals = signals.then(() => handle(payload));
    });

    async function handle(payload: RtcPayload): Promise<void> {
      if (!pc) return;
      try {
        if (payload.kind === 'hello') {
          // The other side just joined and missed what was sent before: repeat our pending offer and candidates.
          if (!payload.reply) send({ kind: 'hello', reply: true });
          if (pc.signalingState === 'have-local-offer' && pc.localDescription) {
            send({ kind: 'description', description: pc.localDescription.toJSON() });
          }
          sentCandidates.forEach((candidate) => send({ kind: 'candidate', candidate }));
        } else if (payload.kind === 'description') {
          // A repeated offer can be answered twice: an answer with no offer of ours pending is a duplicate.
          if (payload.description.type === 'answer' && pc.signalingState === 'stable') return;
          const collision = payload.description.type === 'offer' && (makingOffer || pc.signalingState !== 'stable');
          ignoreOffer = !polite && collision;
          if (ignoreOffer) return;
          await pc.setRemoteDescription(payload.description);
          if (payload.description.type === 'offer') {
            await pc.setLocalDescription();
            send({ kind: 'description', description: pc.localDescription!.toJSON() });
          }
        } else if (payload.kind === 'candidate') {
          await pc.addIceCandidate(payload.candidate).catch((e) => {
            if (!ignoreOffer) throw e;
          });
        } else if (payload.kind === 'hangup') {
          setState('the other side left');
        }
      } catch (e) {
        setSignalError(String(e));
      }
    }

    void (async () => {
      const { iceServers } = await sessions.iceServers(session.sessionId);
      if (closed) return;
      pc = new RTCPeerConnection({ iceServers });
      pc.onicecandidate = ({ candidate }) => {
        if (!candidate) return;
        sentCandidates.push(candidate.toJSON());
        send({ kind: 'candidate', candidate: candidate.toJSON() });
      };
      pc.onconnectionstatechange = () => setState(pc!.connectionState);
      pc.ontrack = ({ streams }) => {
        if (remote.current && streams[0]) remote.current.srcObject = streams[0];
      };
      pc.onnegotiationneeded = async () => {
        try {
          makingOffer = true;
          await pc!.setLocalDescription();
          send({ kind: 'description', description: pc!.localDescription!.toJSON() });
        } finally {
          makingOffer = false;
        }
      };
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
        if (closed) return;
        if (local.current) local.current.srcObject = stream;
        stream.getTracks().forEach((t) => pc!.addTrack(t, stream!));
      } catch (e) {
        setMediaError(`No camera or microphone (${(e as Error).name}); you can still see and hear the other side.`);
        pc.addTransceiver('audio', { direction: 'recvonly' });
        pc.addTransceiver('video', { direction: 'recvonly' });
      }
      send({ kind: 'hello' });
    })().catch((e) => setState(`could not start: ${String(e)}`));

    return () => {
      closed = true;
      unsubscribe();
      send({ kind: 'hangup' });
      stream?.getTracks().forEach((t) => t.stop());
      pc?.close();
    };
  }, [session.sessionId, session.guestUserId, me]);

  return (
    <section className="call card" aria-label="Video call" data-testid="video-call">
      <div className="videos">
        <video ref={remote} autoPlay playsInline aria-label="Other participant" />
        <video ref={local} autoPlay playsInline muted aria-label="You" className="self" />
      </div>
      <p role="status" data-testid="call-state" data-state={state}>
        Call: {state}
      </p>
      {mediaError && <p className="muted">{mediaError}</p>}
      {signalError && state !== 'connected' && <p className="error">Signalling trouble: {signalError}</p>}
      <button className="danger" onClick={() => navigate({ view: 'sessions' })}>
        Leave call
      </button>
    </section>
  );
}
