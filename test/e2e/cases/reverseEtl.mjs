// Case group "reverseEtl" (issue 26): examples/after-dbt-reverse-etl-sync.json in the real n8n,
// from its Try It trigger (a sample dbt Cloud payload). Copies of it post their Slack alert to a
// local stand-in for Slack's incoming webhooks and read the sync every 5 s (the least Poll
// Interval) instead of 15; the sandbox, in this process, is told how each sync ends. Three runs:
// the sync succeeds (a report, no alert), the sync fails (an alert with Segment's error and
// code), and the dbt run failed (nothing is sent to Segment).
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';
import http from 'node:http';

import { executeWorkflow } from '../../../scripts/e2e/n8n-app.mjs';
import { assertRan, call, itemsOf, requestsOf } from '../support.mjs';

export const name = 'reverseEtl';

const EXAMPLE_ID = 'SegExAfterDbtRetl';
const COPY_ID = 'SegExAfterDbtE2E01';
const DBT_FAILED_COPY_ID = 'SegExAfterDbtE2E02';
const SLACK_PATH = '/services/T00000000/B00000000/e2e';

let slack;

/** A stand-in for Slack's incoming webhooks: keeps each posted body, answers "ok" as Slack does. */
export async function start({ onCleanup }) {
	const posted = [];
	const server = http.createServer((req, res) => {
		let text = '';
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => {
			posted.push({ method: req.method, url: req.url, body: text ? JSON.parse(text) : undefined });
			res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	slack = { url: `http://127.0.0.1:${server.address().port}${SLACK_PATH}`, posted };
	onCleanup(() => new Promise((resolve) => server.close(resolve)));
}

/** The example posting to the local Slack and reading every 5 s; the second copy's dbt run errored. */
export function workflows({ examples }) {
	const example = examples[EXAMPLE_ID];
	assert.ok(example, `no example ${EXAMPLE_ID} in examples/`);
	const copy = (id, runStatus) => {
		const made = structuredClone(example);
		made.id = id;
		made.name = `${example.name} (e2e copy, dbt ${runStatus})`;
		const alert = made.nodes.find((node) => node.name === 'Alert Slack');
		assert.match(alert.parameters.url, /^https:\/\/hooks\.slack\.com\/services\//);
		alert.parameters.url = slack.url;
		made.nodes.find((node) => node.name === 'Start Sync').parameters.options.pollInterval = 5;
		const payload = made.nodes.find((node) => node.name === 'Sample dbt Cloud Payload');
		const sample = JSON.parse(payload.parameters.jsonOutput);
		sample.body.data.runStatus = runStatus;
		payload.parameters.jsonOutput = JSON.stringify(sample);
		return made;
	};
	return [copy(COPY_ID, 'Success'), copy(DBT_FAILED_COPY_ID, 'Error')];
}

export async function run({ sandbox, env, check }) {
	/** Runs a copy on a reset sandbox whose next manual sync ends as `outcome`. */
	const execute = async (id, outcome) => {
		slack.posted.length = 0;
		return await executeWorkflow(id, {
			env,
			beforeAttempt: () => {
				sandbox.reset();
				if (outcome) sandbox.scriptReverseEtlSyncs({ outcomes: [outcome] });
			},
		});
	};
	const demo = () => {
		const model = sandbox.reverseEtlModels().find((entry) => entry.name === 'High-value customers');
		const destination = sandbox.entities('destinations').find((entity) => entity.name === 'Amplitude (Reverse ETL)');
		const [mapping] = sandbox.subscriptions(destination.id);
		return { model, mapping };
	};

	const succeeded = await execute(COPY_ID, { syncStatus: 'SUCCESS', afterSeconds: 3 });
	await check('example after-dbt-reverse-etl-sync: the model read once, one POST, one read after 5 s; the sync\'s report, no alert', async () => {
		assertRan(succeeded);
		const { model, mapping } = demo();
		const requests = requestsOf(sandbox, succeeded.run, 'Start Sync');
		const [sync] = sandbox.reverseEtlSyncs(mapping.id);
		assert.deepEqual(requests.map(call), [`GET /reverse-etl-models/${model.id}`, 'POST /reverse-etl-syncs', `GET /reverse-etl-models/${model.id}/syncs/${sync.syncId}`]);
		assert.deepEqual(requests[1].body, { sourceId: model.sourceId, modelId: model.id, subscriptionId: mapping.id });
		assert.ok(requests[2].time - requests[1].time >= 5000, `the read came ${requests[2].time - requests[1].time} ms after the POST`);
		const [report, ...more] = itemsOf(succeeded.run, 'Sync Report');
		assert.equal(more.length, 0);
		assert.deepEqual(report, { syncId: sync.syncId, syncStatus: 'SUCCESS', duration: '3s', rowsExtracted: Number(sync.extractPhase.extractCount), rowsDelivered: Number(sync.loadPhase.deliverSuccessCount), dbtRunId: '70012345' });
		assert.deepEqual(slack.posted, []);
		return `${succeeded.ms} ms`;
	});

	const failed = await execute(COPY_ID, { syncStatus: 'FAIL', afterSeconds: 2, error: 'Permission denied on table ANALYTICS.CUSTOMERS', errorCode: 'WAREHOUSE_PERMISSION_DENIED' });
	await check('example after-dbt-reverse-etl-sync: a failed sync is an item (Fail on Sync Error off), routed to Alert Slack with Segment\'s error and error code', async () => {
		assertRan(failed);
		const { model, mapping } = demo();
		const [sync] = sandbox.reverseEtlSyncs(mapping.id);
		assert.equal(sync.syncStatus, 'FAIL');
		assert.deepEqual(itemsOf(failed.run, 'Start Sync'), [sync]);
		assert.equal(failed.run.data.resultData.runData['Sync Report'], undefined);
		assert.equal(slack.posted.length, 1);
		assert.equal(slack.posted[0].method, 'POST');
		assert.equal(
			slack.posted[0].body.text,
			`:rotating_light: Reverse ETL sync ${sync.syncId} of model ${model.id} ended FAIL after 2s: Permission denied on table ANALYTICS.CUSTOMERS (WAREHOUSE_PERMISSION_DENIED). dbt run 70012345 (Nightly dbt build).`,
		);
	});

	const dbtFailed = await execute(DBT_FAILED_COPY_ID);
	await check('example after-dbt-reverse-etl-sync: a dbt run that did not succeed starts no sync (nothing sent to Segment)', async () => {
		assertRan(dbtFailed);
		assert.deepEqual(sandbox.requests.map(call), []);
		assert.equal(itemsOf(dbtFailed.run, 'dbt Run Not Successful').length, 1);
		assert.equal(dbtFailed.run.data.resultData.runData['Start Sync'], undefined);
		assert.deepEqual(slack.posted, []);
	});
}
