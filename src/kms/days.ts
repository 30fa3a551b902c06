// One day in milliseconds: KMS counts waiting periods (deletion, rotation, replica) in whole days.
// A module of its own so the operations and the engine core both use it without importing each other.
export const DAY_MS = 86_400_000;
