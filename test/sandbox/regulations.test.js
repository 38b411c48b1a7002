'use strict';
// User deletion and suppression (Segment's regulations): the three creates with Segment's checks,
// statuses that move with the clock or a control call, the 90-day window, the lists and their
// filters, suppressions that UNSUPPRESS lifts. Limits per group of types: regulation-limits.test.js.
const { client, catalogId, useSandbox, validation, NOT_FOUND } = require('./helpers');

const STEP_MS = 150;
const sb = useSandbox({ regulationStepMs: STEP_MS });
const call = client(sb);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function makeSource(slug, catalog = 'javascript') {
	const created = await call('POST', '/sources', { slug, enabled: true, metadataId: catalogId(sb, 'sources', catalog) });
	return created.body.data.source.id;
}

async function makeDestination(sourceId, name) {
	const created = await call('POST', '/destinations', { sourceId, metadataId: catalogId(sb, 'destinations', 'webhooks'), name, enabled: true, settings: {} });
	return created.body.data.destination.id;
}

const body = (extra = {}) => ({ regulationType: 'SUPPRESS_WITH_DELETE', subjectType: 'USER_ID', subjectIds: ['user-1'], ...extra });
const regulateId = async (path, extra) => {
	const answer = await call('POST', path, body(extra));
	expect(answer.status).toBe(200);
	return answer.body.data.regulateId;
};

describe('create', () => {
	test('each scope answers {regulateId}; the regulation is listed and found', async () => {
		const sourceId = await makeSource('web');
		const zendesk = await makeSource('helpdesk', 'zendesk');
		const answer = await call('POST', '/regulations', body({ subjectIds: ['u1', 'u2'] }));
		expect(answer.body).toEqual({ data: { regulateId: expect.stringMatching(/^[0-9A-Za-z]{27}$/) } });
		const fromSource = await regulateId(`/regulations/sources/${sourceId}`, { regulationType: 'DELETE_ARCHIVE_ONLY', subjectType: 'ANONYMOUS_ID', subjectIds: ['anon-1'] });
		const fromCloud = await regulateId(`/regulations/cloudsources/${zendesk}`, { regulationType: 'DELETE_ONLY', subjectType: 'OBJECT_ID', collection: 'tickets' });

		const listed = (await call('GET', '/regulations?pagination.count=10')).body.data;
		expect(listed.regulations).toEqual([{ id: answer.body.data.regulateId, subjectType: 'USER_ID', subjects: ['u1', 'u2'], status: 'INITIALIZED', createdAt: expect.any(String), regulationType: 'SUPPRESS_WITH_DELETE' }]);
		expect(listed.pagination).toEqual({ current: expect.any(String), totalEntries: 1 });
		// A source's list holds its own and its cloud-source regulations; Segment's answer has no pagination.
		expect((await call('GET', `/regulations/sources/${sourceId}?pagination.count=10`)).body).toEqual({ data: { regulations: [expect.objectContaining({ id: fromSource, subjectType: 'ANONYMOUS_ID', regulationType: 'DELETE_ARCHIVE_ONLY' })] } });
		expect((await call('GET', `/regulations/sources/${zendesk}?pagination.count=10`)).body.data.regulations.map((r) => r.id)).toEqual([fromCloud]);
		expect(sb.regulations().map((r) => [r.scope, r.sourceId, r.collection])).toEqual([['workspace', undefined, undefined], ['source', sourceId, undefined], ['cloudSource', zendesk, 'tickets']]);
		// Segment's audit trail records them (newest first).
		expect(sb.auditEvents().filter((event) => event.resourceType === 'regulation').map((event) => [event.type, event.resourceId])).toEqual([
			['Source Regulation Created', fromCloud],
			['Source Regulation Created', fromSource],
			['Workspace Regulation Created', answer.body.data.regulateId],
		]);
	});

	test.each([
		['a workspace DELETE_ARCHIVE_ONLY', '/regulations', { regulationType: 'DELETE_ARCHIVE_ONLY' }, 'regulationType'],
		['a workspace ANONYMOUS_ID', '/regulations', { subjectType: 'ANONYMOUS_ID' }, 'subjectType'],
		['an unknown type', '/regulations', { regulationType: 'FORGET' }, 'regulationType'],
		['a source OBJECT_ID', 'SOURCE', { subjectType: 'OBJECT_ID' }, 'subjectType'],
		['a source ANONYMOUS_ID without DELETE_ARCHIVE_ONLY', 'SOURCE', { subjectType: 'ANONYMOUS_ID' }, 'subjectType'],
		['no subject ids', '/regulations', { subjectIds: [] }, 'subjectIds'],
		['5,001 subject ids', '/regulations', { subjectIds: Array.from({ length: 5001 }, (_, i) => `u${i}`) }, 'subjectIds'],
		['a blank subject id', '/regulations', { subjectIds: ['u1', ' '] }, 'subjectIds[1]'],
		['a number as subject id', '/regulations', { subjectIds: [7] }, 'subjectIds[0]'],
		['a collection outside cloud sources', '/regulations', { collection: 'users' }, 'collection'],
		['a field Segment does not define', '/regulations', { reason: 'GDPR' }, 'reason'],
		['a cloud source without collection', 'CLOUD', { subjectType: 'OBJECT_ID' }, 'collection'],
		['a cloud source with USER_ID', 'CLOUD', { subjectType: 'USER_ID', collection: 'users' }, 'subjectType'],
		['a collection the cloud source does not have', 'CLOUD', { subjectType: 'OBJECT_ID', collection: 'charges' }, 'collection'],
		['a cloud regulation on an event source', 'CLOUD_OF_WEB', { subjectType: 'OBJECT_ID', collection: 'users' }, 'sourceId'],
	])('refuses %s (422 naming the field); nothing is made', async (_what, where, extra, field) => {
		const web = await makeSource('web');
		const zendesk = await makeSource('helpdesk', 'zendesk');
		const path = { SOURCE: `/regulations/sources/${web}`, CLOUD: `/regulations/cloudsources/${zendesk}`, CLOUD_OF_WEB: `/regulations/cloudsources/${web}` }[where] || where;
		const answer = await call('POST', path, body(extra));
		expect(answer.status).toBe(422);
		expect(answer.body.errors).toEqual([validation(expect.any(String), field)]);
		expect(sb.regulations()).toEqual([]);
	});

	test('a missing body field is named; an unknown source is 404; there is no DELETE (Segment removed cancel)', async () => {
		expect((await call('POST', '/regulations', { regulationType: 'SUPPRESS_ONLY', subjectType: 'USER_ID' })).body.errors).toEqual([validation('subjectIds is required', 'subjectIds')]);
		expect(await call('POST', '/regulations/sources/nope', body())).toMatchObject({ status: 404, body: NOT_FOUND });
		expect(await call('POST', '/regulations/cloudsources/nope', body())).toMatchObject({ status: 404, body: NOT_FOUND });
		const id = await regulateId('/regulations');
		const cancel = await call('DELETE', `/regulations/${id}`);
		expect(cancel.status).toBe(405);
		expect(cancel.headers.get('allow')).toBe('GET');
		expect(sb.regulations().map((r) => r.id)).toEqual([id]);
	});
});

describe('status', () => {
	test('INITIALIZED, then RUNNING, then FINISHED as the clock moves; GET shows each destination', async () => {
		const sourceId = await makeSource('web');
		const destinationId = await makeDestination(sourceId, 'Hook');
		const id = await regulateId('/regulations');
		const read = async () => (await call('GET', `/regulations/${id}`)).body.data.regulation;
		const first = await read();
		expect(first).toEqual({ id, workspaceId: sb.workspaceId('us'), overallStatus: 'INITIALIZED', createdAt: expect.any(String), streamStatus: [{ id: sourceId, destinationStatus: [{ name: 'Hook', id: destinationId, status: 'INITIALIZED', errString: '' }] }] });
		await sleep(STEP_MS + 20);
		expect((await read()).overallStatus).toBe('RUNNING');
		await sleep(STEP_MS);
		const done = await read();
		expect(done).toMatchObject({ overallStatus: 'FINISHED', finishedAt: expect.any(String), streamStatus: [{ destinationStatus: [{ status: 'FINISHED', errString: '', finishedAt: done.finishedAt }] }] });
		expect(Date.parse(done.finishedAt) - Date.parse(done.createdAt)).toBe(2 * STEP_MS);
		expect((await call('GET', '/regulations?pagination.count=5')).body.data.regulations[0]).toMatchObject({ status: 'FINISHED', finishedAt: done.finishedAt });
	});

	test('a subject id containing "undeletable" ends FAILED at the first destination; Segment-only types reach no destination', async () => {
		const sourceId = await makeSource('web');
		const [first, second] = [await makeDestination(sourceId, 'First'), await makeDestination(sourceId, 'Second')];
		const failing = await regulateId('/regulations', { subjectIds: ['ok', 'undeletable-7'] });
		const internal = await regulateId('/regulations', { regulationType: 'DELETE_INTERNAL' });
		await sleep(2 * STEP_MS + 20);
		const regulation = (await call('GET', `/regulations/${failing}`)).body.data.regulation;
		expect(regulation.overallStatus).toBe('FAILED');
		expect(regulation.streamStatus[0].destinationStatus.map((d) => [d.id, d.status, d.errString])).toEqual([
			[first, 'FAILED', 'The destination refused the deletion request'],
			[second, 'FINISHED', ''],
		]);
		expect((await call('GET', `/regulations/${internal}`)).body.data.regulation.streamStatus).toEqual([{ id: sourceId, destinationStatus: [] }]);
	});

	test('a control call sets a status that stays (FAILED at the named destination), by module and over HTTP', async () => {
		const sourceId = await makeSource('web');
		const [, second] = [await makeDestination(sourceId, 'First'), await makeDestination(sourceId, 'Second')];
		const id = await regulateId('/regulations');
		const set = sb.setRegulationStatus(id, 'FAILED', { destinationId: second, errString: 'Second said no' });
		expect(set.overallStatus).toBe('FAILED');
		expect(set.streamStatus[0].destinationStatus.map((d) => [d.status, d.errString])).toEqual([['FINISHED', ''], ['FAILED', 'Second said no']]);
		await sleep(2 * STEP_MS + 20);
		expect((await call('GET', `/regulations/${id}`)).body.data.regulation.overallStatus).toBe('FAILED');
		const overHttp = await fetch(`${sb.url}/__sandbox/regulations/status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ regulateId: id, status: 'RUNNING' }) });
		expect(await overHttp.json()).toMatchObject({ ok: true, regulation: { id, overallStatus: 'RUNNING' } });
		const unknown = await fetch(`${sb.url}/__sandbox/regulations/status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ regulateId: 'nope', status: 'FAILED' }) });
		expect(unknown.status).toBe(400);
		expect(() => sb.setRegulationStatus(id, 'DONE')).toThrow(/status must be one of/);
		expect(() => sb.setRegulationStatus(id, 'FAILED', { destinationId: 'elsewhere' })).toThrow(/reaches no destination elsewhere/);
	});
});

describe('lists', () => {
	test('the last 90 days only: an older regulation is neither listed nor found', async () => {
		const old = sb.addRegulation({ subjectIds: ['gone'], createdAt: Date.now() - 91 * 24 * 3600 * 1000 });
		const recent = sb.addRegulation({ subjectIds: ['here'], createdAt: Date.now() - 89 * 24 * 3600 * 1000 });
		expect((await call('GET', '/regulations?pagination.count=10')).body.data.regulations.map((r) => r.id)).toEqual([recent.id]);
		expect(await call('GET', `/regulations/${old.id}`)).toMatchObject({ status: 404, body: NOT_FOUND });
		expect(sb.regulations().map((r) => r.id)).toEqual([old.id, recent.id]);
	});

	test('filters: status, regulationTypes in every array form; newest first; pages with cursors', async () => {
		const ids = [];
		for (const regulationType of ['SUPPRESS_ONLY', 'DELETE_ONLY', 'SUPPRESS_ONLY', 'UNSUPPRESS']) ids.push(await regulateId('/regulations', { regulationType }));
		sb.setRegulationStatus(ids[2], 'FAILED');
		const list = async (query) => (await call('GET', `/regulations?pagination.count=10&${query}`)).body.data.regulations.map((r) => r.id);
		expect(await list('status=INITIALIZED')).toEqual([ids[3], ids[1], ids[0]]);
		expect(await list('regulationTypes=SUPPRESS_ONLY')).toEqual([ids[2], ids[0]]);
		expect(await list('regulationTypes%5B0%5D=SUPPRESS_ONLY&regulationTypes%5B1%5D=UNSUPPRESS')).toEqual([ids[3], ids[2], ids[0]]);
		expect(await list('regulationTypes[]=DELETE_ONLY&status=INITIALIZED')).toEqual([ids[1]]);
		const first = (await call('GET', '/regulations?pagination%5Bcount%5D=3')).body.data;
		expect(first.regulations.map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);
		const second = (await call('GET', `/regulations?pagination.count=3&pagination.cursor=${encodeURIComponent(first.pagination.next)}`)).body.data;
		expect(second.regulations.map((r) => r.id)).toEqual([ids[0]]);
		expect(second.pagination).not.toHaveProperty('next');
	});

	test.each([
		['status=DONE', 'status must be one of FAILED, FINISHED, INITIALIZED, INVALID, NOT_SUPPORTED, PARTIAL_SUCCESS, RUNNING', 'status'],
		['status=FAILED&status=FINISHED', 'status must be given once', 'status'],
		['regulationTypes=DELETE_ARCHIVE_ONLY', expect.stringContaining('"DELETE_ARCHIVE_ONLY" is not one of them'), 'regulationTypes'],
		['sort=createdAt', 'Unknown query parameter: sort', 'sort'],
	])('refuses the query %s (400)', async (query, message, field) => {
		const answer = await call('GET', `/regulations?pagination.count=10&${query}`);
		expect(answer).toMatchObject({ status: 400, body: { errors: [validation(message, field)] } });
	});

	test('a source list needs pagination.count and a known source; DELETE_ARCHIVE_ONLY filters there', async () => {
		const sourceId = await makeSource('web');
		const archive = await regulateId(`/regulations/sources/${sourceId}`, { regulationType: 'DELETE_ARCHIVE_ONLY' });
		await regulateId(`/regulations/sources/${sourceId}`);
		expect((await call('GET', `/regulations/sources/${sourceId}?pagination.count=10&regulationTypes=DELETE_ARCHIVE_ONLY`)).body.data.regulations.map((r) => r.id)).toEqual([archive]);
		expect((await call('GET', `/regulations/sources/${sourceId}`)).status).toBe(400);
		expect(await call('GET', '/regulations/sources/nope?pagination.count=10')).toMatchObject({ status: 404, body: NOT_FOUND });
	});
});

describe('suppressions', () => {
	test('suppressing types add subjects, UNSUPPRESS lifts them; a page counts subjects, grouped by type', async () => {
		await regulateId('/regulations', { regulationType: 'SUPPRESS_ONLY', subjectIds: ['a', 'b', 'c'] });
		await regulateId('/regulations', { regulationType: 'SUPPRESS_WITH_DELETE_INTERNAL', subjectType: 'OBJECT_ID', subjectIds: ['obj-1'] });
		await regulateId('/regulations', { regulationType: 'DELETE_ONLY', subjectIds: ['d'] });
		await regulateId('/regulations', { regulationType: 'UNSUPPRESS', subjectIds: ['b'] });
		const all = (await call('GET', '/suppressions?pagination.count=200')).body.data;
		expect(all).toEqual({ suppressed: [{ subjectType: 'USER_ID', subjectIds: ['a', 'c'] }, { subjectType: 'OBJECT_ID', subjectIds: ['obj-1'] }], pagination: { current: expect.any(String), totalEntries: 3 } });
		const first = (await call('GET', '/suppressions?pagination.count=2')).body.data;
		expect(first.suppressed).toEqual([{ subjectType: 'USER_ID', subjectIds: ['a', 'c'] }]);
		const second = (await call('GET', `/suppressions?pagination.count=2&pagination.cursor=${encodeURIComponent(first.pagination.next)}`)).body.data;
		expect(second.suppressed).toEqual([{ subjectType: 'OBJECT_ID', subjectIds: ['obj-1'] }]);
		expect(sb.suppressions()).toEqual([{ subjectType: 'USER_ID', subjectId: 'a' }, { subjectType: 'USER_ID', subjectId: 'c' }, { subjectType: 'OBJECT_ID', subjectId: 'obj-1' }]);
	});

	test('a Source-level UNSUPPRESS cannot lift a Workspace suppression: it ends FAILED', async () => {
		const sourceId = await makeSource('web');
		await regulateId('/regulations', { regulationType: 'SUPPRESS_ONLY', subjectIds: ['kept'] });
		const id = await regulateId(`/regulations/sources/${sourceId}`, { regulationType: 'UNSUPPRESS', subjectIds: ['kept'] });
		await sleep(2 * STEP_MS + 20);
		expect((await call('GET', `/regulations/${id}`)).body.data.regulation.overallStatus).toBe('FAILED');
		expect(sb.suppressions()).toEqual([{ subjectType: 'USER_ID', subjectId: 'kept' }]);
	});
});

describe('demo data', () => {
	const demo = useSandbox({ seed: true });
	const demoCall = client(demo);

	test('the workspace lists one RUNNING, one FAILED at Salesforce, one FINISHED; the one of 120 days ago is not listed', async () => {
		const { regulations } = (await demoCall('GET', '/regulations?pagination.count=50')).body.data;
		expect(regulations.map((r) => [r.status, r.regulationType, r.subjects])).toEqual([
			['RUNNING', 'SUPPRESS_WITH_DELETE', ['user-7777']],
			['FAILED', 'DELETE_ONLY', ['user-1138', 'user-2187']],
			['FINISHED', 'SUPPRESS_WITH_DELETE', ['user-4021']],
		]);
		const failed = (await demoCall('GET', `/regulations/${regulations[1].id}`)).body.data.regulation;
		const destinations = failed.streamStatus.flatMap((stream) => stream.destinationStatus);
		expect(destinations.filter((d) => d.status === 'FAILED')).toEqual([expect.objectContaining({ name: 'Salesforce', errString: expect.stringContaining('INSUFFICIENT_ACCESS') })]);
		expect(demo.regulations()).toHaveLength(5);
		expect(demo.suppressions().map((s) => s.subjectId)).toEqual(['user-0001', 'user-4021', 'user-7777']);
	});
});
