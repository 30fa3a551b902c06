// CloudTrail LookupEvents over the simulated audit log.
import type { OperationModel } from './shapes.js';
import { op, str, int, ts, list, struct, enm } from './shapes.js';
import * as E from './cloudtrail-enums.js';

export const cloudtrailOperations: OperationModel[] = [
  op("LookupEvents", "Search the management events recorded for the account (the simulated audit log).", {
    LookupAttributes: list(struct({ AttributeKey: enm(E.LookupAttributeKey), AttributeValue: str() }, ["AttributeKey", "AttributeValue"])),
    StartTime: ts(),
    EndTime: ts(),
    EventCategory: enm(E.EventCategory),
    MaxResults: int(),
    NextToken: str(),
  }, [], {inputToken: "NextToken", outputToken: "NextToken", limitKey: "MaxResults", resultKey: "Events", moreResults: null}),
];
