/**
 * Reads an ION API Gateway error body into a message. Its shape is not documented (other-systems.md
 * §1.4): an RFC 6750-style `{error, error_description}` is read when present, a `message` too,
 * and anything else falls back to the status alone, so no behaviour depends on these keys.
 */
export function parseGatewayErrorBody(
  body: unknown,
  status: number,
): { message: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  const parts = [b.error, b.error_description, b.message].filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  if (parts.length === 0) return undefined;
  return { message: `The ION API Gateway answered ${status}: ${parts.join(': ')}` };
}
