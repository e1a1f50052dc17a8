import { EventEmitter } from 'node:events';
import type { Logger } from './logger.js';

/** A domain event: a fact that happened, published only after its transaction committed. */
export abstract class DomainEvent {
  abstract readonly type: string;
  readonly at = new Date();
}

type Handler<E extends DomainEvent> = (event: E) => void | Promise<void>;
type EventClass<E extends DomainEvent> = abstract new (...args: never[]) => E;

/** In-process bus for reactions across domains (audit, devices, canteen listen; nobody calls them). */
export class EventBus {
  private readonly emitter = new EventEmitter({ captureRejections: false });

  constructor(private readonly log: Logger) {
    this.emitter.setMaxListeners(100);
  }

  publish(event: DomainEvent): void {
    this.emitter.emit(event.constructor.name, event);
  }

  subscribe<E extends DomainEvent>(type: EventClass<E>, handler: Handler<E>): () => void {
    const wrapped = (event: E) => {
      // A failing listener must not fail the request that already committed, nor other listeners.
      Promise.resolve()
        .then(() => handler(event))
        .catch((err: unknown) => this.log.error({ err, event: type.name }, 'event handler failed'));
    };
    this.emitter.on(type.name, wrapped);
    return () => this.emitter.off(type.name, wrapped);
  }
}
