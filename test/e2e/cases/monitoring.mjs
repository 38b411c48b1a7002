// Case group "monitoring" (SPEC §4.12, issue 20): the morning-workspace-report example, and the six
// monitoring operations in one chain, run headless with `n8n execute` in the real n8n against the
// demo data (Mobile App quiet for two hours, Salesforce failing deliveries for three).
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { assertRan, call, itemsOf, requestsOf } from '../support.mjs';
import { chain, EXAMPLE } from '../workflows.mjs';

export const name = 'monitoring';

const CHAIN = 'E2eMonitoringOps1';
const rl = (value) => ({ __rl: true, mode: 'id', value });

export function workflows({ seedIds }) {
	const salesforce = seedIds('destinations').Salesforce;
	const backend = seedIds('sources')['Backend Events'];
	return [
		chain(CHAIN, 'E2E: monitoring operations', [
			['Workspace: Get', { resource: 'workspace', operation: 'get' }],
			['Workspace: Get Audit Events', { resource: 'workspace', operation: 'getAuditEvents', returnAll: true }],
			['Workspace: Get Event Volume', { resource: 'workspace', operation: 'getEventVolume', groupBy: ['source', 'eventType'], filters: { eventTypes: ['track'] } }],
			['Workspace: Get Usage', { resource: 'workspace', operation: 'getUsage', metric: 'apiCalls', perSource: true, returnAll: true }],
			['Destination: Get Delivery Metrics', { resource: 'destination', operation: 'getDeliveryMetrics', destinationId: rl(salesforce), granularity: 'MINUTE' }],
			['Source: Get Delivery Overview', { resource: 'source', operation: 'getDeliveryOverview', sourceId: rl(backend), step: 'failedDelivery', destinationId: rl(salesforce), groupBy: ['discardReason'] }],
		]),
	];
}

export async function run({ sandbox, runCases, seedIds }) {
	await runCases(EXAMPLE.morning, [
		[
			'example morning-workspace-report: last day\'s changes, Mobile App quiet, Salesforce failing, in one report item',
			(run, execution) => {
				assertRan(execution);
				const destinations = sandbox.entities('destinations');
				assert.deepEqual(sandbox.requests.map(call), [
					'GET /audit-events',
					'GET /events/volume',
					'GET /events/volume',
					'GET /destinations',
					...destinations.map(() => 'GET /delivery-overview/failed-delivery'),
				]);
				assert.deepEqual(sandbox.requests[1].query['groupBy[0]'], 'source');
				const [report, ...rest] = itemsOf(run, 'Morning Report');
				assert.equal(rest.length, 0);
				assert.equal(report.healthy, false);
				// The demo's trail of the last day (Tom's warehouse of 30 hours ago is older).
				assert.deepEqual(report.changes.map((change) => `${change.what}: ${change.resource} by ${change.by}`), [
					'Integrations Modified: destination Salesforce by tom.lee@example.com',
					'Integrations Disabled: destination Amplitude by jane.doe@example.com',
					'Source Modified: source Mobile App by jane.doe@example.com',
				]);
				assert.deepEqual(report.quietSources.map((source) => [source.name, source.now, source.dropPercent]), [['Mobile App', 0, 100]]);
				assert.deepEqual(report.failingDestinations.map((destination) => [destination.name, destination.reasons]), [['Salesforce', ['Unauthorized']]]);
				assert.ok(report.failingDestinations[0].failed >= 4 * 170, `Salesforce failed ${report.failingDestinations[0].failed}`);
				return `${report.changes.length} change(s), quiet: ${report.quietSources.map((s) => s.name).join(', ')}, failing: ${report.failingDestinations.map((d) => `${d.name} (${d.failed})`).join(', ')}`;
			},
		],
	]);

	await runCases(CHAIN, [
		[
			'monitoring operations: Get, Get Audit Events, Get Event Volume, Get Usage, Get Delivery Metrics, Get Delivery Overview on the wire and in the items',
			(run, execution) => {
				assertRan(execution);
				const salesforce = sandbox.entities('destinations').find((destination) => destination.name === 'Salesforce');
				const workspace = itemsOf(run, 'Workspace: Get');
				assert.deepEqual(workspace, [{ id: sandbox.workspaceId('us'), slug: 'sandbox-workspace-us', name: 'Sandbox Workspace US' }]);
				assert.equal(itemsOf(run, 'Workspace: Get Audit Events').length, 3);
				const [volume] = requestsOf(sandbox, run, 'Workspace: Get Event Volume');
				assert.deepEqual(Object.keys(volume.query).sort(), ['endTime', 'eventType[0]', 'granularity', 'groupBy[0]', 'groupBy[1]', 'startTime']);
				assert.ok(Math.abs(Date.parse(volume.query.endTime) - (Date.now() - 60_000)) < 120_000, `endTime ${volume.query.endTime}`);
				const bySource = Object.fromEntries(itemsOf(run, 'Workspace: Get Event Volume').map((entry) => [entry.source.name, entry.total]));
				assert.deepEqual(Object.keys(bySource).sort(), ['Backend Events', 'Mobile App', 'Website Analytics']);
				const usage = itemsOf(run, 'Workspace: Get Usage');
				assert.ok(usage.length >= 3 && usage.every((day) => typeof day.apiCalls === 'number'), 'usage counts are numbers');
				const [metrics] = itemsOf(run, 'Destination: Get Delivery Metrics');
				assert.equal(metrics.sourceId, salesforce.sourceId);
				assert.equal(metrics.granularity, 'MINUTE');
				assert.equal(Date.parse(metrics.endTime) - Date.parse(metrics.startTime), 4 * 3600_000);
				assert.deepEqual(requestsOf(sandbox, run, 'Destination: Get Delivery Metrics').map(call), [`GET /destinations/${salesforce.id}`, `GET /destinations/${salesforce.id}/delivery-metrics`]);
				const [overview] = itemsOf(run, 'Source: Get Delivery Overview');
				assert.deepEqual(overview.dataset.map((entry) => entry.discardReason), ['Unauthorized']);
				assert.equal(requestsOf(sandbox, run, 'Source: Get Delivery Overview')[0].query.destinationConfigId, salesforce.id);
				assert.equal(seedIds('destinations').Salesforce, salesforce.id);
				return `${sandbox.requests.length} requests; volume ${JSON.stringify(bySource)}; Salesforce failed ${overview.total}`;
			},
		],
	]);
}
