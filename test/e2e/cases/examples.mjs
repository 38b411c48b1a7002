// Case group "examples": every example workflow of examples/ run headless with `n8n execute`;
// the webhook, drop-event and AI Agent ones through test copies (a manual trigger in place of the
// webhook or chat trigger; a scripted fake chat model in place of OpenAI).
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { executeWorkflow, TOOL_NODE_TYPE } from '../../../scripts/e2e/n8n-app.mjs';
import { assertRan, call, itemsOf } from '../support.mjs';
import { EXAMPLE, headlessAgentCopy, headlessWebhookCopy, IDS } from '../workflows.mjs';

export const name = 'examples';

const webhookBody = {
	name: 'Landing Page',
	slug: 'landing_page',
	platform: 'web',
	categories: ['analytics', 'marketing'],
	destination: { name: 'Landing Page GA', slug: 'google-analytics', settings: { trackingId: 'UA-12345-1' } },
};

/** The examples themselves are imported for every group; these are the headless copies. */
export function workflows({ examples, seedIds }) {
	return [
		headlessWebhookCopy(examples[EXAMPLE.webhook], webhookBody),
		headlessAgentCopy(examples[EXAMPLE.agent], 'Please disable the Facebook Ads destination.'),
		headlessWebhookCopy(examples[EXAMPLE.dropEvent], { sourceId: seedIds('sources')['Website Analytics'], event: 'Test Event' }, IDS.dropEventCopy),
	];
}

export async function run({ sandbox, fakeModel, env, runCases, catalogId, examples }) {
	/** What both the audit example and the agent's copy of it do: list the destinations, disable Facebook Ads only. */
	const assertOnlyFacebookDisabled = () => {
		const facebook = sandbox.entities('destinations').find((d) => d.name === 'Facebook Ads');
		assert.deepEqual(sandbox.requests.map(call), ['GET /destinations', `PATCH /destinations/${facebook.id}`]);
		assert.deepEqual(sandbox.requests[1].body, { enabled: false });
		assert.equal(facebook.enabled, false);
	};
	await runCases(EXAMPLE.inventory, [
		[
			'example nightly-inventory: three Get Many (Return All), one report item, nothing written',
			(run, execution) => {
				assertRan(execution);
				assert.deepEqual(sandbox.requests.map(call).sort(), ['GET /destinations', 'GET /sources', 'GET /warehouses']);
				assert.ok(sandbox.requests.every((request) => request.query['pagination.count'] === '200'));
				const [report, ...rest] = itemsOf(run, 'Inventory Report');
				assert.equal(rest.length, 0);
				assert.deepEqual(
					{ ...report, checkedAt: undefined },
					{
						checkedAt: undefined,
						warehouseCount: sandbox.entities('warehouses').length,
						sourceCount: 4,
						destinationCount: 5,
						// The demo warehouses (Redshift, BigQuery and the unreachable Staging Postgres).
						warehouses: sandbox.entities('warehouses').map((w) => `${w.settings.name} (${w.metadata.slug}, ${w.enabled ? 'active' : 'inactive'})`),
						// The demo's Reverse ETL pair: a Snowflake source and an Amplitude (Actions) destination.
						sources: ['Website Analytics (website_analytics, active)', 'Mobile App (mobile_app, active)', 'Backend Events (backend_events, active)', 'Snowflake Models (snowflake_models, active)'],
						destinations: [
							'Google Analytics (google-analytics, active)',
							'Facebook Ads (facebook-pixel, active)',
							'Amplitude (amplitude, inactive)',
							'Salesforce (salesforce, active)',
							'Amplitude (Reverse ETL) (actions-amplitude, active)',
						],
						inactiveDestinations: ['Amplitude'],
						sourcesWithoutDestinations: [],
					},
				);
				assert.ok(!Number.isNaN(Date.parse(report.checkedAt)));
			},
		],
	]);

	await runCases(IDS.webhookCopy, [
		[
			'example webhook-create-source-and-destination (headless copy): source with labels, destination wired to its id',
			(run, execution) => {
				assertRan(execution);
				const [response] = itemsOf(run, 'Response');
				const { source, destination } = response;
				assert.deepEqual(sandbox.requests.map(call), [
					'GET /catalog/sources',
					'GET /labels',
					'POST /sources',
					`PATCH /sources/${source.id}`,
					`PUT /sources/${source.id}/labels`,
					'GET /catalog/destinations',
					'POST /destinations',
				]);
				assert.deepEqual(sandbox.requests[2].body, { slug: 'landing_page', enabled: true, metadataId: catalogId('sources', 'javascript') });
				assert.deepEqual(sandbox.requests[3].body, { name: 'Landing Page' });
				assert.deepEqual(sandbox.requests[4].body.labels, [
					{ key: 'platform', value: 'web' },
					{ key: 'category', value: 'analytics' },
					{ key: 'category', value: 'marketing' },
				]);
				assert.deepEqual(sandbox.requests[6].body, { sourceId: source.id, metadataId: catalogId('destinations', 'google-analytics'), settings: { trackingId: 'UA-12345-1' }, name: 'Landing Page GA', enabled: true });
				assert.deepEqual(source.metadata, { platform: 'web', categories: ['analytics', 'marketing'] });
				assert.equal(destination.sourceId, source.id);
				assert.equal(destination.slug, 'google-analytics');
			},
		],
	]);

	await runCases(EXAMPLE.health, [
		[
			'example warehouse-health: Test Connection and Get Syncs per warehouse, one report of failed connections and failed syncs',
			(run, execution) => {
				assertRan(execution);
				const warehouses = sandbox.entities('warehouses');
				assert.deepEqual(sandbox.requests.map(call), [
					'GET /warehouses',
					...warehouses.map((w) => `GET /warehouses/${w.id}/connection-state`),
					...warehouses.map((w) => `GET /warehouses/${w.id}/syncs`),
				]);
				const [report, ...rest] = itemsOf(run, 'Health Report');
				assert.equal(rest.length, 0);
				const unreachable = warehouses.filter((w) => Object.values(w.settings).some((value) => String(value).includes('unreachable')));
				assert.ok(unreachable.length > 0, 'the demo data has an unreachable warehouse');
				assert.deepEqual(report.failedConnections, unreachable.map((w) => ({ id: w.id, name: w.settings.name })));
				const dayAgo = Date.now() - 24 * 3600 * 1000;
				const failed = warehouses.flatMap((w) => sandbox.syncReports(w.id).filter((r) => r.status === 'FAILED' && new Date(r.start).getTime() > dayAgo).map((r) => ({ warehouseId: w.id, sourceId: r.sourceId, start: r.start, notices: r.notices.map((n) => n.message) })));
				assert.ok(failed.length > 0, 'the demo data has failed syncs');
				assert.deepEqual(report.failedSyncs, failed);
				assert.equal(report.healthy, false);
				assert.equal(report.warehouses, warehouses.length);
				return `${report.failedConnections.length} failed connection(s), ${report.failedSyncs.length} failed sync(s)`;
			},
		],
	]);

	await runCases(EXAMPLE.desired, [
		[
			'example nightly-desired-state: Create or Update makes the workspace match; a second run writes nothing',
			async (run, execution) => {
				assertRan(execution);
				const [summary, ...rest] = itemsOf(run, 'Summary');
				assert.equal(rest.length, 0);
				assert.ok(summary.created > 0, `nothing created: ${JSON.stringify(summary)}`);
				const writes = sandbox.requests.filter((request) => request.method !== 'GET');
				assert.ok(writes.length > 0);
				// Run again on the workspace as it is now: only the list reads, no write, all unchanged.
				sandbox.clearRequests();
				const again = await executeWorkflow(EXAMPLE.desired, { env });
				assertRan(again);
				const [second] = itemsOf(again.run, 'Summary');
				assert.deepEqual({ created: second.created, updated: second.updated }, { created: 0, updated: 0 });
				assert.equal(second.unchanged, summary.created + summary.updated + summary.unchanged);
				assert.deepEqual(sandbox.requests.filter((request) => request.method !== 'GET').map(call), []);
				// Each list read once (one page each here); lookups (catalogs) at most once per execution.
				const reads = sandbox.requests.map(call);
				assert.deepEqual(reads.filter((read) => !read.startsWith('GET /catalog/')).sort(), ['GET /destinations', 'GET /sources']);
				assert.equal(new Set(reads).size, reads.length, `a read was made twice: ${reads.join(', ')}`);
				return `first run: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged (${writes.length} writes); second: ${second.unchanged} unchanged, ${sandbox.requests.length} list reads, 0 writes`;
			},
		],
	]);

	await runCases(EXAMPLE.perCustomer, [
		[
			'example per-customer-inventory: one signing-key credential, each customer\'s sources from their own workspace, one report item per customer',
			(run, execution) => {
				assertRan(execution);
				const customers = [['Acme', 'customer-acme'], ['Globex', 'customer-globex'], ['Sandbox', 'sandbox-user']];
				const report = itemsOf(run, 'Per-Customer Report');
				assert.deepEqual(
					report.map((item) => [item.company, item.userId, item.count_source, item.appended_source]),
					customers.map(([company, user]) => {
						const sources = sandbox.entities('sources', 'us', { user }).map((s) => `${s.name} (${s.slug})`);
						return [company, user, sources.length, sources];
					}),
				);
				// Every request went to its own user's workspace, signed for that user.
				assert.deepEqual(sandbox.requests.map((request) => [request.auth.claims.sub, request.userId]), customers.map(([, user]) => [user, user]));
				assert.equal(new Set(sandbox.requests.map((request) => request.auth.tokenSha256)).size, 3);
				return report.map((item) => `${item.company}: ${item.count_source}`).join(', ');
			},
		],
	]);

	await runCases(IDS.dropEventCopy, [
		[
			'example webhook-drop-event-filters (headless copy): a DROP filter on every destination of the source, answered with the filters',
			(run, execution) => {
				assertRan(execution);
				const website = sandbox.entities('sources').find((s) => s.name === 'Website Analytics');
				const destinations = sandbox.entities('destinations').filter((d) => d.sourceId === website.id);
				assert.ok(destinations.length >= 2);
				assert.deepEqual(sandbox.requests.map(call), [`GET /sources/${website.id}/connected-destinations`, ...destinations.map((d) => `POST /destination/${d.id}/filters`)]);
				for (const request of sandbox.requests.slice(1)) {
					assert.deepEqual(request.body, { sourceId: website.id, if: 'event = "Test Event"', actions: [{ type: 'DROP' }], title: 'Drop Test Event', enabled: true, description: 'Added by n8n from the drop-event webhook' });
				}
				const [answer, ...rest] = itemsOf(run, 'Filters Made');
				assert.equal(rest.length, 0);
				assert.deepEqual(answer.filters.map((f) => f.destinationId), destinations.map((d) => d.id));
				assert.deepEqual(destinations.map((d) => sandbox.filters(d.id).length), destinations.map(() => 1));
				return `${answer.filters.length} filters`;
			},
		],
	]);

	await runCases(EXAMPLE.audit, [
		[
			'example audit-disable-destinations: only the active advertising destination is disabled',
			(run, execution) => {
				assertRan(execution);
				assertOnlyFacebookDisabled();
				assert.deepEqual(
					itemsOf(run, 'Disable Destination').map((d) => [d.name, d.status]),
					[['Facebook Ads', 'inactive']],
				);
				assert.deepEqual(itemsOf(run, 'Leave As Is').map((d) => d.name).sort(), ['Amplitude', 'Amplitude (Reverse ETL)', 'Google Analytics', 'Salesforce']);
			},
		],
	]);

	await runCases(IDS.agentCopy, [
		[
			'example ai-agent-segment-tools (headless copy, scripted fake model): the Segment tools run with $fromAI parameters',
			(run, execution) => {
				assertRan(execution);
				assertOnlyFacebookDisabled();
				const ran = Object.keys(run.data.resultData.runData);
				assert.ok(ran.includes('List Destinations') && ran.includes('Enable or Disable Destination'), `nodes that ran: ${ran.join(', ')}`);
				const [answer] = itemsOf(run, 'AI Agent');
				assert.match(answer.output, /Done: Facebook Ads is disabled/);
				const completions = fakeModel.requests.filter((request) => request.url.endsWith('/chat/completions'));
				assert.equal(completions.length, 3);
				const toolNames = (completions[0].body.tools ?? []).map((tool) => tool.function.name).sort();
				// One tool per Segment tool node of the example, named after the node.
				const toolNodes = examples[EXAMPLE.agent].nodes.filter((node) => node.type === TOOL_NODE_TYPE);
				assert.deepEqual(toolNames, toolNodes.map((node) => node.name.replaceAll(' ', '_')).sort());
				const change = completions[0].body.tools.find((tool) => /disable_destination/i.test(tool.function.name)).function.parameters;
				assert.deepEqual(Object.keys(change.properties).sort(), ['destinationId', 'enabled']);
				return `tools offered: ${toolNames.join(', ')}`;
			},
		],
	]);
}
