/**
 * The hall board of an office day, live: server-sent events from
 * `/api/v1/queue/offices/{officeId}/days/{date}/board/stream` (relayed by the gateway as they
 * come). `call` events carry a `BoardCall`, `board` events the whole `QueueBoard`.
 *
 * EventSource reconnects by itself after a dropped connection (sending `Last-Event-ID`); when
 * the server refuses the stream outright (an HTTP error closes it for good) we try again after
 * a pause. While the stream is not live, callers should poll (see `useBoard`).
 */
import { useEffect, useRef, useState } from 'react';
import { api, ok } from '../../api/client';
import type { BoardCall, QueueBoard } from '../../api/views';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'unsupported';

export type BoardEvent = { type: 'call'; call: BoardCall } | { type: 'board'; board: QueueBoard };

const RETRY_MS = 5_000;

export const boardStreamUrl = (officeId: string, date: string): string =>
  `/api/v1/queue/offices/${encodeURIComponent(officeId)}/days/${encodeURIComponent(date)}/board/stream`;

const parse = <T>(data: unknown): T | undefined => {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data) as T;
  } catch {
    return undefined;
  }
};

/** Subscribes to the board stream of an office day; `onEvent` gets each event (the latest handler). */
export const useBoardStream = (
  officeId: string | null,
  date: string,
  onEvent: (event: BoardEvent) => void,
): StreamState => {
  const [state, setState] = useState<StreamState>('connecting');
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    if (!officeId) return;
    if (typeof window.EventSource === 'undefined') {
      setState('unsupported');
      return;
    }
    let source: EventSource | null = null;
    let retry: number | undefined;
    let stopped = false;
    const connect = () => {
      setState((s) => (s === 'live' ? 'reconnecting' : s));
      source = new EventSource(boardStreamUrl(officeId, date));
      source.onopen = () => setState('live');
      source.onerror = () => {
        if (stopped || !source) return;
        setState('reconnecting');
        if (source.readyState === EventSource.CLOSED) {
          source.close();
          retry = window.setTimeout(connect, RETRY_MS);
        }
      };
      source.addEventListener('call', (event) => {
        const call = parse<BoardCall>((event as MessageEvent).data);
        if (call && typeof call.number === 'string') handler.current({ type: 'call', call });
      });
      source.addEventListener('board', (event) => {
        const board = parse<QueueBoard>((event as MessageEvent).data);
        if (board && Array.isArray(board.calls)) handler.current({ type: 'board', board });
      });
    };
    setState('connecting');
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    };
  }, [officeId, date]);

  return state;
};

export const loadBoard = (officeId: string, date: string): Promise<QueueBoard> =>
  ok(api.GET('/api/v1/queue/offices/{officeId}/days/{date}/board', { params: { path: { officeId, date } } }));

/**
 * The board of an office day: loaded once, then kept current by the stream (each `board`
 * event replaces it; a `call` event is added to the calls at once), polled every
 * `pollMs` while the stream is down. `onCall` hears each call as it comes.
 */
export const useBoard = (
  officeId: string | null,
  date: string,
  options: { onCall?: (call: BoardCall) => void; onChange?: () => void; pollMs?: number } = {},
) => {
  const [board, setBoard] = useState<QueueBoard | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  const stream = useBoardStream(officeId, date, (event) => {
    if (event.type === 'board') {
      setBoard(event.board);
    } else {
      setBoard((current) => ({
        calls: [
          event.call,
          ...(current?.calls ?? []).filter(
            (c) => !(c.number === event.call.number && c.calledAt === event.call.calledAt),
          ),
        ],
        waiting: current?.waiting ?? {},
        status: current?.status ?? 'open',
      }));
      callbacks.current.onCall?.(event.call);
    }
    callbacks.current.onChange?.();
  });

  const live = stream === 'live';
  const pollMs = options.pollMs ?? 10_000;
  useEffect(() => {
    if (!officeId) return;
    let cancelled = false;
    const load = () =>
      loadBoard(officeId, date).then(
        (b) => {
          if (cancelled) return;
          setBoard(b);
          setError(undefined);
        },
        (e: unknown) => !cancelled && setError(e),
      );
    void load();
    // Once live, the stream keeps the board current; until then (or when it drops), poll.
    const timer = live ? undefined : window.setInterval(() => void load(), pollMs);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [officeId, date, live, pollMs]);

  return { board, error, stream };
};
