// ScheduleKeyDeletion (7–30 day window, default 30) and CancelKeyDeletion (the key comes back Disabled).
// The deletion itself happens when simulated time passes DeletionDate (core.runDue); AWS may take up to 24 h longer.
import type { Call } from '../call.js';
import { DAY_MS } from '../days.js';
import { ValidationException } from '../errors.js';
import { requestParametersOf } from '../../aws/request-parameters.js';
import { optInt, reqString, type Req } from '../validate.js';
import { register } from './registry.js';
import { waitForReplicas } from './multi-region.js';

register('ScheduleKeyDeletion', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const days = optInt(req, 'PendingWindowInDays', -Infinity, Infinity) ?? 30;
  if (days < 7 || days > 30) throw new ValidationException('PendingWindowInDays must be between 7 and 30');
  const key = c.key(keyId, { context: { 'kms:ScheduleKeyDeletionPendingWindowInDays': days } });
  key.state = 'PendingDeletion';
  key.deletionDate = c.now() + days * DAY_MS;
  key.pendingWindowInDays = days;
  if (waitForReplicas(key)) {
    // A multi-Region primary with replicas: its window starts when the last replica is deleted.
    const waiting = { KeyId: key.arn, KeyState: key.state, PendingWindowInDays: days };
    c.responseElements = requestParametersOf(waiting);
    return waiting;
  }
  const response = { KeyId: key.arn, DeletionDate: new Date(key.deletionDate), KeyState: key.state, PendingWindowInDays: days };
  c.responseElements = requestParametersOf(response);
  return response;
});

register('CancelKeyDeletion', false, (c: Call, req: Req) => {
  const key = c.key(reqString(req, 'KeyId', { max: 2048 }));
  key.state = key.origin === 'EXTERNAL' && key.materials.length === 0 ? 'PendingImport' : 'Disabled';
  delete key.deletionDate;
  delete key.pendingWindowInDays;
  const response = { KeyId: key.arn };
  c.responseElements = requestParametersOf(response);
  return response;
});
