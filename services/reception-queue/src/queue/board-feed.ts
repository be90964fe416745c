/**
 * Live hall boards (server-sent events). One channel per office day shared by every screen
 * showing it: it wakes when this process appends to the day (at once) and on a poll timer (for
 * appends of other replicas), reads only the events appended since, and sends
 *   - a `call` for each call or recall (the board announces it aloud), and
 *   - a `board` with the whole board after the change.
 * Message ids are stream revisions, so a screen reconnecting with `Last-Event-ID` gets the calls
 * it missed.
 */
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@adal/event-store';
import { officeDayStream, type OfficeDayEvent, type OfficeDayState } from '../domain/index.js';
import type { ReceptionQueue } from './reception-queue.js';

export interface BoardMessage {
  /** The stream revision the message stands at. */
  id: string;
  event: 'call' | 'board';
  data: unknown;
}

type Listener = (message: BoardMessage) => void;

interface Channel {
  officeId: string;
  date: string;
  listeners: Set<Listener>;
  revision: bigint | 'no_stream';
  timer?: NodeJS.Timeout;
  running: boolean;
  again: boolean;
  /** The last board sent, to send a board only when it changed. */
  lastBoard?: string;
}

const callOf = (state: OfficeDayState, event: OfficeDayEvent) => {
  if (event.type !== 'TicketCalled' && event.type !== 'TicketRecalled') return undefined;
  const desk = state.setup?.desks.find((d) => d.deskId === event.data.deskId);
  return {
    number: event.data.number,
    deskId: event.data.deskId,
    deskName: desk?.name ?? event.data.deskId,
    serviceId: event.data.serviceId,
    calledAt: event.type === 'TicketCalled' ? event.data.calledAt : event.data.at,
    recall: event.type === 'TicketCalled' ? 0 : event.data.recall,
  };
};

@Injectable()
export class BoardFeed implements OnApplicationShutdown {
  private readonly channels = new Map<string, Channel>();
  private readonly stopListening: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly queue: ReceptionQueue,
    private readonly pollMs: number,
  ) {
    this.stopListening = queue.days.onAppended((stream) => {
      const channel = this.channels.get(stream);
      if (channel) void this.refresh(stream, channel);
    });
  }

  /** Starts a screen: the current board now (and the calls after `lastEventId`), then every change. */
  async subscribe(officeId: string, date: string, listener: Listener, lastEventId?: string): Promise<() => void> {
    const stream = officeDayStream(officeId, date);
    const state = await this.queue.dayState(officeId, date);
    const { revision } = await this.queue.days.read(stream);
    if (lastEventId && /^\d+$/.test(lastEventId) && revision !== 'no_stream' && BigInt(lastEventId) < revision) {
      for (const recorded of await this.store.readStream(stream, { fromRevision: BigInt(lastEventId) + 1n })) {
        const call = callOf(state, { type: recorded.type, data: recorded.data } as OfficeDayEvent);
        if (call) listener({ id: recorded.revision.toString(), event: 'call', data: call });
      }
    }
    listener({
      id: revision === 'no_stream' ? '-1' : revision.toString(),
      event: 'board',
      data: await this.queue.board(officeId, date),
    });

    let channel = this.channels.get(stream);
    if (!channel) {
      channel = { officeId, date, listeners: new Set(), revision, running: false, again: false };
      this.channels.set(stream, channel);
      const owned = channel;
      channel.timer = setInterval(() => void this.refresh(stream, owned), this.pollMs);
      channel.timer.unref();
    }
    channel.listeners.add(listener);
    const subscribed = channel;
    return () => {
      subscribed.listeners.delete(listener);
      if (subscribed.listeners.size === 0 && this.channels.get(stream) === subscribed) {
        clearInterval(subscribed.timer);
        this.channels.delete(stream);
      }
    };
  }

  /** Screens watching now (for tests and metrics). */
  get screens(): number {
    let count = 0;
    for (const channel of this.channels.values()) count += channel.listeners.size;
    return count;
  }

  private async refresh(stream: string, channel: Channel): Promise<void> {
    if (channel.running) {
      channel.again = true;
      return;
    }
    channel.running = true;
    try {
      do {
        channel.again = false;
        const from = channel.revision === 'no_stream' ? 0n : channel.revision + 1n;
        const events: RecordedEvent[] = await this.store.readStream(stream, { fromRevision: from });
        if (events.length === 0) continue;
        const state = await this.queue.dayState(channel.officeId, channel.date);
        channel.revision = events[events.length - 1]!.revision;
        const send = (message: BoardMessage) => {
          for (const listener of channel.listeners) listener(message);
        };
        for (const recorded of events) {
          const call = callOf(state, { type: recorded.type, data: recorded.data } as OfficeDayEvent);
          if (call) send({ id: recorded.revision.toString(), event: 'call', data: call });
        }
        const board = JSON.stringify(await this.queue.board(channel.officeId, channel.date));
        if (board !== channel.lastBoard) {
          channel.lastBoard = board;
          send({ id: channel.revision.toString(), event: 'board', data: JSON.parse(board) as unknown });
        }
      } while (channel.again);
    } catch {
      // The next wake or tick tries again; a screen never sees an error from a failed read.
    } finally {
      channel.running = false;
    }
  }

  onApplicationShutdown(): void {
    this.stopListening();
    for (const channel of this.channels.values()) clearInterval(channel.timer);
    this.channels.clear();
  }
}
