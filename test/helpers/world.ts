/**
 * The test world of the workflow tests: the project's sandbox (a real HTTP server
 * behaving like Paragon's proxy + Segment) and the real n8n engine running the node.
 */
import { generateKeyPairSync } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { ParagonProxyApi } from '../../credentials/ParagonProxyApi.credentials';
import { SegmentParagon } from '../../nodes/SegmentParagon/SegmentParagon.node';
import { SegmentParagonTrigger } from '../../nodes/SegmentParagonTrigger/SegmentParagonTrigger.node';
import { createEngine, type RunNodeResult } from './engine';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require('../../sandbox');

export const PROJECT_ID = 'sandbox-project';
export const USER_TOKEN = 'sandbox-user-token';
export const USER_ID = 'sandbox-user';

export interface LoggedRequest {
	method: string;
	url: string;
	region: 'us' | 'eu' | null;
	segmentPath: string;
	segments: string[];
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
	status: number;
	/** The Paragon user the token named (null before a valid token was read). */
	userId: string | null;
}

export interface Sandbox {
	url: string;
	requests: LoggedRequest[];
	clearRequests(): void;
	addFault(fault: IDataObject): void;
	clearFaults(): void;
	bulk(resource: string, count: number, options?: { region?: string }): string[];
	entities(resource: string, region?: string): IDataObject[];
	labels(region?: string): Array<{ key: string; value: string }>;
	catalog(kind: string): IDataObject[];
	addCatalogEntry(kind: string, entry: IDataObject): IDataObject;
	subscriptions(destinationId: string, options?: { region?: string }): IDataObject[];
	setFeature(feature: string, enabled: boolean, options?: { region?: string }): void;
	setLimits(limits: { mappingWritesPerMinute?: number | null; mappingWritesWindowMs?: number }): IDataObject;
	addSyncReports(warehouseId: string, reports: IDataObject[], options?: { region?: string }): IDataObject[];
	setConnectionState(warehouseId: string, connectionState: 'CONNECTED' | 'FAILED' | null, options?: { region?: string }): void;
	reset(): void;
	close(): Promise<void>;
	// Segment Protocols (sandbox/protocols-api.js)
	trackingPlans(options?: IDataObject): IDataObject[];
	trackingPlanRules(planId: string, options?: IDataObject): IDataObject[];
	trackingPlanSources(planId: string, options?: IDataObject): string[];
	addTrackingPlan(plan: IDataObject, options?: IDataObject): IDataObject;
	setProtocols(enabled: boolean, options?: IDataObject): void;
}

export const keys = (() => {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return {
		privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
		publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
	};
})();

export const engine = createEngine({ nodeTypes: [SegmentParagon, SegmentParagonTrigger], credentialTypes: [ParagonProxyApi] });

export async function startWorld(options: IDataObject = {}): Promise<Sandbox> {
	return (await startSandbox({
		projectId: PROJECT_ID,
		tokens: { [USER_TOKEN]: USER_ID, 'lonely-user-token': 'user-without-segment' },
		publicKey: keys.publicPem,
		connectedUsers: [USER_ID],
		...options,
	})) as Sandbox;
}

export function userTokenCredentials(sandbox: Sandbox, extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return { projectId: PROJECT_ID, tokenSource: 'userToken', userToken: USER_TOKEN, proxyBaseUrl: sandbox.url, region: 'us', ...extra };
}

export function signingKeyCredentials(sandbox: Sandbox, extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return { projectId: PROJECT_ID, tokenSource: 'signingKey', signingKey: keys.privatePem, userId: USER_ID, tokenTtl: 3600, proxyBaseUrl: sandbox.url, region: 'us', ...extra };
}

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
	/** When it resolves, the execution is stopped (as with the editor's Stop button). */
	stop?: Promise<unknown>;
}

/** Runs the Segment node once in the real engine against the sandbox. */
export async function runSegment(sandbox: Sandbox, parameters: INodeParameters, options: RunOptions = {}): Promise<RunNodeResult> {
	return await engine.runNode({
		nodeType: 'segmentParagon',
		parameters,
		credentials: { type: 'paragonProxyApi', data: options.credentials ?? userTokenCredentials(sandbox) },
		items: options.items,
		continueOnFail: options.continueOnFail,
		stop: options.stop,
	});
}

/** The Segment calls the node made (method and decoded path), for compact assertions. */
export function calls(sandbox: Sandbox): string[] {
	return sandbox.requests.map((request) => `${request.method} /${request.segments.join('/')}`);
}

export function jsonOf(result: RunNodeResult): IDataObject[] {
	if (result.error) throw new Error(`node failed: ${result.error.message} — ${result.error.description ?? ''}`);
	return result.items.map((item) => item.json);
}

/** Calls the sandbox's Segment API directly (not through the node), to arrange a test. */
export async function segmentApi(sandbox: Pick<Sandbox, 'url'>, method: string, path: string, body?: unknown, region: 'us' | 'eu' = 'us'): Promise<IDataObject> {
	const eu = region === 'eu' ? '/https://eu1.api.segmentapis.com' : '';
	const response = await fetch(`${sandbox.url}/projects/${PROJECT_ID}/sdk/proxy/segment${eu}${path}`, {
		method,
		headers: { authorization: `Bearer ${USER_TOKEN}`, 'content-type': 'application/json', 'x-paragon-use-raw-response': '1' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await response.json()) as IDataObject;
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
	return json.data as IDataObject;
}

export function catalogId(sandbox: Sandbox, kind: string, slug: string): string {
	const entry = sandbox.catalog(kind).find((candidate) => candidate.slug === slug);
	if (!entry) throw new Error(`no ${kind} catalog entry ${slug}`);
	return String(entry.id);
}

/** Arranges a warehouse, a labelled source and a destination in the sandbox; returns their ids. */
export async function arrangeWorkspace(sandbox: Sandbox, region: 'us' | 'eu' = 'us') {
	const warehouse = (await segmentApi(sandbox, 'POST', '/warehouses', {
		metadataId: catalogId(sandbox, 'warehouses', 'redshift'),
		name: 'My Data Warehouse',
		enabled: true,
		settings: { hostname: 'example.redshift.amazonaws.com', port: '5439', database: 'analytics', username: 'user', password: 'wh-secret-pw' },
	}, region)).warehouse as IDataObject;
	for (const label of [{ key: 'platform', value: 'web' }, { key: 'category', value: 'analytics' }, { key: 'team', value: 'growth' }]) {
		await segmentApi(sandbox, 'POST', '/labels', { label }, region);
	}
	// As Segment wants it: created without a name, named right after.
	const source = (await segmentApi(sandbox, 'POST', '/sources', { slug: 'website_analytics', enabled: true, metadataId: catalogId(sandbox, 'sources', 'javascript') }, region)).source as IDataObject;
	await segmentApi(sandbox, 'PATCH', `/sources/${String(source.id)}`, { name: 'Website Analytics' }, region);
	await segmentApi(sandbox, 'PUT', `/sources/${String(source.id)}/labels`, { labels: [{ key: 'platform', value: 'web' }, { key: 'category', value: 'analytics' }, { key: 'team', value: 'growth' }] }, region);
	const destination = (await segmentApi(sandbox, 'POST', '/destinations', {
		sourceId: source.id,
		metadataId: catalogId(sandbox, 'destinations', 'google-analytics'),
		name: 'Google Analytics',
		enabled: true,
		settings: { trackingId: 'UA-1' },
	}, region)).destination as IDataObject;
	sandbox.clearRequests();
	return { warehouseId: String(warehouse.id), sourceId: String(source.id), destinationId: String(destination.id) };
}
