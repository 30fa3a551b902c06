// Base64 of the data keys CloudWatch Logs keeps in its state document.
export const encodeKey = (b: Uint8Array): string => Buffer.from(b).toString('base64');
export const decodeKey = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));
