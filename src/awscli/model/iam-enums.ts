// Enum values of the iam API members the CLI checks (transcribed from the service model).
export const ContextKeyTypeEnum = ["string", "stringList", "numeric", "numericList", "boolean", "booleanList", "ip", "ipList", "binary", "binaryList", "date", "dateList"] as const;
