import type { IDataObject } from 'n8n-workflow';

/**
 * Segment's own body. A proxy that ignored the raw-response header answers `{output: <Segment's body>}`;
 * Paragon's own errors (`{message, ...}`) and Segment's envelopes (`data`, `errors`) are never wrapped.
 */
export function unwrapParagonOutput(body: unknown): unknown {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
	const object = body as IDataObject;
	return 'output' in object && !('data' in object) && !('errors' in object) ? object.output : body;
}
