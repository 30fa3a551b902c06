// Enum values of the cloudtrail API members the CLI checks (transcribed from the service model).
export const EventCategory = ["insight"] as const;
export const LookupAttributeKey = ["EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId"] as const;
