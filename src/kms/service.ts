// KMS as one service of the world: the engine's operations behind the registry's ServiceHandler contract.
// The engine records its own CloudTrail events into the world's history.
import type { ServiceHandler } from '../aws/service.js';
import type { KmsEngine } from './engine.js';

export function kmsService(engine: KmsEngine): ServiceHandler {
  return {
    name: 'kms',
    operations: () => engine.operations(),
    call: (operation, request, caller) => engine.execute(operation, request, caller),
  };
}
