// The world's service registry: service name -> handler. `call` dispatches one request to the service that
// answers it; an unknown service or operation is the simulator's UnknownOperationException.
import type { Caller } from '../aws/caller.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { ServiceHandler } from '../aws/service.js';

export class ServiceRegistry {
  private readonly handlers = new Map<string, ServiceHandler>();

  register(handler: ServiceHandler): void {
    if (this.handlers.has(handler.name)) throw new Error(`service ${handler.name} is registered twice`);
    this.handlers.set(handler.name, handler);
  }

  get(name: string): ServiceHandler | undefined {
    return this.handlers.get(name);
  }

  names(): string[] {
    return [...this.handlers.keys()].sort();
  }

  call(service: string, operation: string, request: Record<string, unknown>, caller: Caller): Record<string, unknown> {
    const handler = this.handlers.get(service);
    if (!handler) throw new UnknownOperationException(`The ${service} operation ${operation} is not supported by the simulator.`);
    return handler.call(operation, request, caller);
  }
}
