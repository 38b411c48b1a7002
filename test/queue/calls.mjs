// The queue-mode run's load: 80 concurrent webhook calls (40 through main, 40 through the webhook
// process), then what they must have done: each answered with its own source and destination, each
// execution run once on a worker (both workers some), exactly their requests at the sandbox, and at
// most one signed token per worker and user. `q` is the run's state (see run.mjs).
import assert from 'node:assert/strict';

import { seconds } from '../../scripts/e2e/cases.mjs';
import { SANDBOX_USER_ID } from '../../scripts/e2e/n8n-app.mjs';
import { descendants, sampleMemory, sleep } from '../../scripts/queue/services.mjs';
import { CALL_TIMEOUT_MS, CALLS_PER_ENTRY, callOf, executionRequests, executions, finishedByWorker, missingFrom, tally, TOKEN_TTL_S, WORKERS } from './support.mjs';
import { FLAVOURS, SCHEDULE_USER, SECOND_SIGNING_USER } from './workflows.mjs';

export async function webhookCalls(q) {
	const { check, sandbox, server, webhook, workers, pids, postgres, figures, seenPids } = q;
	const memory = sampleMemory(pids);
	const flavourOf = (j) => [FLAVOURS.userToken, FLAVOURS.userToken, FLAVOURS.signed, FLAVOURS.signedSecondUser][j % 4];
	const planned = [];
	for (let j = 0; j < CALLS_PER_ENTRY; j++) {
		for (const [entry, baseUrl] of [
			['main', server.baseUrl],
			['webhook', webhook.baseUrl],
		]) {
			const flavour = flavourOf(j);
			const n = planned.length;
			planned.push({
				entry,
				flavour,
				url: `${baseUrl}/webhook/${flavour.path}`,
				body: {
					name: `Queue ${entry} ${j}`,
					slug: `queue_${entry}_${j}`,
					platform: 'web',
					categories: ['analytics', 'marketing'],
					destination: { name: `Queue ${entry} ${j} GA`, slug: 'google-analytics', settings: { trackingId: `UA-${n}-1` } },
					...(flavour.bodyUserId ? { userId: flavour.bodyUserId } : {}),
				},
			});
		}
	}
	const t = Date.now();
	const answered = await Promise.all(
		planned.map(async (call) => {
			const t0 = Date.now();
			try {
				const response = await fetch(call.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.body), signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
				return { ...call, status: response.status, text: await response.text(), ms: Date.now() - t0 };
			} catch (error) {
				return { ...call, error: `${error.name}: ${error.message}`, ms: Date.now() - t0 };
			}
		}),
	);
	const burstMs = Date.now() - t;
	await sleep(1000);
	const { peak } = memory.stop();
	for (const pid of Object.values(pids)) for (const child of descendants(pid)) seenPids.add(child);
	const latencies = (entry) => answered.filter((a) => a.entry === entry).map((a) => a.ms).sort((a, b) => a - b);
	figures.calls = { burstMs, main: latencies('main'), webhook: latencies('webhook') };
	figures.memory = peak;

	await check(`${planned.length} concurrent webhook calls (${CALLS_PER_ENTRY} through main, ${CALLS_PER_ENTRY} through the webhook process; client timeout ${CALL_TIMEOUT_MS / 1000} s): each answered 200 with the source and destination of its own request`, async () => {
		const wrong = [];
		const sourceIds = new Set();
		for (const call of answered) {
			try {
				assert.equal(call.error, undefined, call.error);
				assert.equal(call.status, 200, call.text?.slice(0, 300));
				const { source, destination } = JSON.parse(call.text);
				assert.equal(source.slug, call.body.slug);
				assert.equal(source.name, call.body.name);
				assert.deepEqual(source.metadata, { platform: 'web', categories: ['analytics', 'marketing'] });
				assert.equal(destination.name, call.body.destination.name);
				assert.equal(destination.slug, 'google-analytics');
				assert.equal(destination.sourceId, source.id);
				assert.ok(!sourceIds.has(source.id), `source ${source.id} answered twice`);
				sourceIds.add(source.id);
				assert.ok(sandbox.entities('destinations', 'us', { user: call.flavour.userId }).some((d) => d.id === destination.id && d.sourceId === source.id && d.settings.trackingId === call.body.destination.settings.trackingId), `destination ${destination.id} is not in the sandbox as answered`);
				call.sourceId = source.id;
			} catch (error) {
				wrong.push(`${call.entry} ${call.flavour.path} ${call.body.slug} (${seconds(call.ms)}): ${error.message.split('\n')[0]}`);
			}
		}
		assert.deepEqual(wrong, [], `${wrong.length} of ${answered.length} calls went wrong`);
		return `all ${answered.length} in ${seconds(burstMs)}`;
	});

	const webhookWorkflowIds = new Set(Object.values(FLAVOURS).map((flavour) => flavour.workflowId));
	await check(`every webhook execution ran once, on a worker (PostgreSQL: ${planned.length} successful; worker logs: "Worker finished execution N"), and both workers finished some`, async () => {
		const rows = executions(postgres).filter((row) => webhookWorkflowIds.has(row.workflowId));
		assert.equal(rows.length, planned.length, `executions of the webhook workflows: ${tally(rows.map((row) => row.workflowId)).join(', ')}`);
		assert.deepEqual(tally(rows.map((row) => `${row.mode}/${row.status}`)), [`webhook/success ×${planned.length}`]);
		const finished = workers.map((worker) => finishedByWorker(worker).map((line) => line.executionId));
		const ranOn = new Map();
		finished.forEach((ids, index) => ids.forEach((id) => ranOn.set(id, [...(ranOn.get(id) ?? []), workers[index].name])));
		const notOnce = rows.filter((row) => (ranOn.get(row.id) ?? []).length !== 1).map((row) => `${row.id}: ${(ranOn.get(row.id) ?? ['no worker']).join(', ')}`);
		assert.deepEqual(notOnce, [], 'executions not finished by exactly one worker');
		const ids = new Set(rows.map((row) => row.id));
		const perWorker = finished.map((list) => list.filter((id) => ids.has(id)).length);
		perWorker.forEach((count, index) => assert.ok(count > 0, `${workers[index].name} finished none of the webhook executions`));
		figures.perWorker = perWorker;
		// Each call's execution (its saved data holds the call's slug), and the worker that ran it.
		const bySlug = new Map(postgres.query(`SELECT "executionId", substring(data from 'queue_(?:main|webhook)_[0-9]+') FROM execution_data`).map(([id, slug]) => [slug, id]));
		for (const call of answered) {
			call.executionId = bySlug.get(call.body.slug);
			call.worker = ranOn.get(call.executionId)?.[0];
		}
		const unlinked = answered.filter((call) => !call.worker).map((call) => call.body.slug);
		assert.deepEqual(unlinked, [], 'calls whose execution was not found in PostgreSQL or in a worker\'s log');
		return workers.map((worker, index) => `${worker.name} ${perWorker[index]}`).join(', ');
	});

	const webhookRequests = () => sandbox.requests.filter((request) => request.auth?.userId !== SCHEDULE_USER);
	await check(`the sandbox saw exactly the requests of ${planned.length} executions (${executionRequests('{id}').length} each, by method and path), all answered 2xx, each authenticated as its workflow's credential`, async () => {
		const ok = answered.filter((call) => call.sourceId);
		assert.equal(ok.length, answered.length, 'not every call was answered (see above)');
		const requests = webhookRequests();
		const expected = ok.flatMap((call) => executionRequests(call.sourceId)).sort();
		const actual = requests.map(callOf).sort();
		const extra = missingFrom(actual, expected);
		const lacking = missingFrom(expected, actual);
		assert.ok(!extra.length && !lacking.length, `requests not expected: ${tally(extra).slice(0, 10).join(', ') || 'none'}; expected but not seen: ${tally(lacking).slice(0, 10).join(', ') || 'none'}`);
		const failedStatus = requests.filter((request) => !(request.status >= 200 && request.status < 300));
		assert.deepEqual(failedStatus.map((request) => `${callOf(request)} ${request.status}`), []);
		const wrongAuth = [];
		for (const call of ok) {
			const own = requests.filter((request) => [`PATCH /sources/${call.sourceId}`, `PUT /sources/${call.sourceId}/labels`].includes(callOf(request)) || (request.method === 'POST' && callOf(request) === 'POST /sources' && request.body?.slug === call.body.slug));
			assert.equal(own.length, 3, `${call.body.slug}: ${own.map(callOf).join(', ')}`);
			for (const request of own) if (request.auth?.kind !== call.flavour.kind || request.auth?.userId !== call.flavour.userId) wrongAuth.push(`${call.body.slug} ${callOf(request)}: ${request.auth?.kind}/${request.auth?.userId}, expected ${call.flavour.kind}/${call.flavour.userId}`);
		}
		assert.deepEqual(wrongAuth, []);
		const slugs = requests.filter((request) => callOf(request) === 'POST /sources').map((request) => request.body?.slug);
		assert.equal(new Set(slugs).size, slugs.length, 'a source was created twice');
		return `${requests.length} requests: ${tally(actual.map((value) => value.replace(/\/sources\/[^/]+/, '/sources/{id}'))).join(', ')}`;
	});

	await check(`signing key across ${WORKERS} workers: each worker signs at most one token per user and lifetime (the distinct JWTs of the requests each worker's executions sent), valid for ${TOKEN_TTL_S} s`, async () => {
		const jwt = webhookRequests().filter((request) => request.auth?.kind === 'jwt');
		const users = [SANDBOX_USER_ID, SECOND_SIGNING_USER];
		const notes = [];
		// The requests that name their call (its slug or its source's id), by worker and user.
		const perWorkerUser = new Map();
		for (const call of answered.filter((c) => c.flavour.kind === 'jwt' && c.worker)) {
			const own = jwt.filter((request) => (callOf(request) === 'POST /sources' && request.body?.slug === call.body.slug) || (request.segments[0] === 'sources' && request.segments[1] === call.sourceId) || (callOf(request) === 'POST /destinations' && request.body?.sourceId === call.sourceId));
			assert.equal(own.length, 4, `${call.body.slug}: its own requests ${own.map(callOf).join(', ')}`);
			const key = `${call.worker} / ${call.flavour.userId}`;
			if (!perWorkerUser.has(key)) perWorkerUser.set(key, new Set());
			for (const request of own) perWorkerUser.get(key).add(request.auth.tokenSha256);
		}
		const over = [...perWorkerUser].filter(([, tokens]) => tokens.size > 1).map(([key, tokens]) => `${key}: ${tokens.size} tokens`);
		assert.deepEqual(over, [], 'a worker signed more than one token for a user');
		figures.tokensPerWorker = Object.fromEntries([...perWorkerUser].sort().map(([key, tokens]) => [key, tokens.size]));
		figures.tokens = {};
		for (const user of users) {
			const mine = jwt.filter((request) => request.auth.userId === user);
			const tokens = new Map();
			for (const request of mine) tokens.set(request.auth.tokenSha256, request.auth.claims);
			const expectedRequests = answered.filter((call) => call.flavour.kind === 'jwt' && call.flavour.userId === user).length * executionRequests('x').length;
			assert.equal(mine.length, expectedRequests, `${user}: JWT requests`);
			// Over all its requests (catalog and label reads too): at most one token per worker.
			assert.ok(tokens.size >= 1 && tokens.size <= WORKERS, `${user}: ${tokens.size} distinct tokens for ${mine.length} requests (at most ${WORKERS}: one per worker)`);
			for (const claims of tokens.values()) {
				assert.equal(claims.sub, user);
				assert.equal(claims.exp - claims.iat, TOKEN_TTL_S);
			}
			figures.tokens[user] = tokens.size;
			notes.push(`${user}: ${tokens.size} token${tokens.size === 1 ? '' : 's'} for ${mine.length} requests of ${mine.length / executionRequests('x').length} executions`);
		}
		return `${notes.join('; ')}; per worker and user: ${Object.entries(figures.tokensPerWorker).map(([key, n]) => `${key.replace('n8n ', '')} ${n}`).join(', ')}`;
	});
}
