'use strict';
// Delivery monitoring: GET /delivery-overview/{step} and GET /destinations/{id}/delivery-metrics,
// with Segment's windows per granularity answered 400, and counts a test sets (the demo's
// Salesforce has failed every delivery for three hours).
const { client, useSandbox, validation, NOT_FOUND } = require('./helpers');

const sb = useSandbox({ seed: true });
const call = client(sb);

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const end = Math.floor(Date.now() / HOUR) * HOUR;
const iso = (ms) => new Date(ms).toISOString();
const destination = (name) => sb.entities('destinations').find((d) => d.name === name);
const source = (name) => sb.entities('sources').find((s) => s.name === name);
const overview = (step, query) => call('GET', `/delivery-overview/${step}?${query}`);

test('failed-delivery of the demo\'s Salesforce, grouped by discardReason: 4 a minute for the last three hours', async () => {
	const salesforce = destination('Salesforce');
	const now = Math.floor(Date.now() / MINUTE) * MINUTE;
	const answer = await overview('failed-delivery', `sourceId=${salesforce.sourceId}&destinationConfigId=${salesforce.id}&granularity=MINUTE&startTime=${iso(now - 2 * HOUR)}&endTime=${iso(now - HOUR)}&groupBy%5B0%5D=discardReason`);
	expect(answer.status).toBe(200);
	const { total, dataset, pagination } = answer.body.data;
	expect(dataset).toHaveLength(1);
	expect(dataset[0]).toMatchObject({ discardReason: 'Unauthorized', total });
	expect(dataset[0].series).toHaveLength(60);
	expect(total).toBe(4 * 60);
	expect(dataset[0].series.every((point) => point.count === 4 && /^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/.test(point.time))).toBe(true);
	expect(pagination).toEqual({ current: expect.any(String), totalEntries: 1 });
});

test('sb.setDeliveryCounts makes a destination fail; successfully-received is the source\'s event volume', async () => {
	const ga = destination('Google Analytics');
	sb.setDeliveryCounts({ step: 'failed-delivery', destinationId: ga.id, eventName: 'Page Viewed', eventType: 'page', discardReason: 'Rate limited', from: end - HOUR, to: end, perMinute: 7 });
	const query = `sourceId=${ga.sourceId}&destinationConfigId=${ga.id}&granularity=HOUR&startTime=${iso(end - 2 * HOUR)}&endTime=${iso(end)}`;
	const failed = (await overview('failed-delivery', `${query}&groupBy%5B0%5D=eventName&groupBy%5B1%5D=discardReason`)).body.data;
	expect(failed.total).toBe(420);
	expect(failed.dataset.map(({ eventName, discardReason, total, series }) => [eventName, discardReason, total, series.map((p) => p.count)])).toEqual([['Page Viewed', 'Rate limited', 420, [0, 420]]]);
	const filtered = (await overview('failed-delivery', `${query}&filter%5BdiscardReason%5D%5B0%5D=Timeout`)).body.data;
	expect(filtered).toMatchObject({ total: 0, dataset: [{ total: 0, series: [{ count: 0 }, { count: 0 }] }] });
	const received = (await overview('successfully-received', `sourceId=${ga.sourceId}&granularity=HOUR&startTime=${iso(end - HOUR)}&endTime=${iso(end)}&groupBy%5B0%5D=eventType`)).body.data;
	expect(received.dataset.map((d) => [d.eventType, d.total])).toEqual([['page', 40 * 60], ['track', 15 * 60]]);
	expect(() => sb.setDeliveryCounts({ step: 'failed-delivery', perMinute: 1 })).toThrow('failed-delivery needs the destinationId of a destination of the us workspace');
	expect(() => sb.setDeliveryCounts({ step: 'successfully-received', sourceId: ga.sourceId, perMinute: 1 })).toThrow('use setEventVolume');
	expect(() => sb.setDeliveryCounts({ step: 'filtered-at-source', destinationId: ga.id, perMinute: 1 })).toThrow('filtered-at-source is a source step');
	const control = await fetch(`${sb.url}/__sandbox/delivery-counts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ step: 'failed-delivery', destinationId: ga.id, perMinute: 0 }) });
	expect((await control.json()).ok).toBe(true);
	expect((await overview('failed-delivery', query)).body.data.total).toBe(0);
});

test('delivery-metrics: successes, failures and filtered of a destination, failures by reason', async () => {
	const salesforce = destination('Salesforce');
	const answer = await call('GET', `/destinations/${salesforce.id}/delivery-metrics?sourceId=${salesforce.sourceId}&granularity=HOUR&startTime=${iso(end - 6 * HOUR)}&endTime=${iso(end - 4 * HOUR)}`);
	expect(answer.status).toBe(200);
	expect(answer.body.data).toEqual({
		deliveryMetricsSummary: {
			sourceId: salesforce.sourceId,
			destinationMetadataId: salesforce.metadata.id,
			metrics: [{ metricName: 'successes', total: 480 }, { metricName: 'failures', total: 0, breakdown: [] }, { metricName: 'filtered', total: 0, breakdown: [] }],
		},
	});
	// Without a window: MINUTE, the last hour.
	const lastHour = (await call('GET', `/destinations/${salesforce.id}/delivery-metrics?sourceId=${salesforce.sourceId}`)).body.data.deliveryMetricsSummary.metrics;
	expect(lastHour[1]).toEqual({ metricName: 'failures', total: expect.any(Number), breakdown: [{ metricName: 'Unauthorized', value: lastHour[1].total }] });
	expect(lastHour[1].total).toBeGreaterThanOrEqual(4 * 60);
});

const overviewWindows = [
	['MINUTE', 4 * HOUR + MINUTE, 0, 'With granularity MINUTE the time range (endTime - startTime) can be at most 4 hours', 'endTime'],
	['MINUTE', HOUR, 47.5 * HOUR, 'With granularity MINUTE startTime can be at most 48 hours in the past', 'startTime'],
	['HOUR', 14 * DAY + HOUR, 0, 'With granularity HOUR the time range (endTime - startTime) can be at most 14 days', 'endTime'],
	['HOUR', DAY, 29.5 * DAY, 'With granularity HOUR startTime can be at most 30 days in the past', 'startTime'],
	['DAY', 30 * DAY + DAY, 0, 'With granularity DAY the time range (endTime - startTime) can be at most 30 days', 'endTime'],
];
test.each(overviewWindows)('delivery overview %s over %d ms ending %d ms ago answers 400', async (granularity, range, endAgo, message, field) => {
	const website = source('Website Analytics');
	const endMs = Date.now() - endAgo;
	const answer = await overview('successfully-received', `sourceId=${website.id}&granularity=${granularity}&startTime=${iso(endMs - range)}&endTime=${iso(endMs)}`);
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [validation(message, field)] });
});

test.each([
	['MINUTE', 4 * HOUR + MINUTE, 0, 'With granularity MINUTE the time range (endTime - startTime) can be at most 4 hours'],
	['HOUR', 7 * DAY + HOUR, 0, 'With granularity HOUR the time range (endTime - startTime) can be at most 7 days'],
	['HOUR', DAY, 6.5 * DAY, 'With granularity HOUR startTime can be at most 7 days in the past'],
	['DAY', 14 * DAY + DAY, 0, 'With granularity DAY the time range (endTime - startTime) can be at most 14 days'],
])('delivery metrics %s over %d ms ending %d ms ago answers 400', async (granularity, range, endAgo, message) => {
	const ga = destination('Google Analytics');
	const endMs = Date.now() - endAgo;
	const answer = await call('GET', `/destinations/${ga.id}/delivery-metrics?sourceId=${ga.sourceId}&granularity=${granularity}&startTime=${iso(endMs - range)}&endTime=${iso(endMs)}`);
	expect(answer.status).toBe(400);
	expect(answer.body.errors[0].message).toBe(message);
});

test('refusals: a destination step without a destination, the wrong source, unknown ids, unknown groups and keys', async () => {
	const ga = destination('Google Analytics');
	const backend = source('Backend Events');
	const window = `granularity=HOUR&startTime=${iso(end - HOUR)}&endTime=${iso(end)}`;
	const refused = async (path, status, body) => {
		const answer = await call('GET', path);
		expect([answer.status, answer.body]).toEqual([status, body]);
	};
	await refused(`/delivery-overview/failed-delivery?sourceId=${ga.sourceId}&${window}`, 400, { errors: [validation('destinationConfigId is required', 'destinationConfigId')] });
	await refused(`/delivery-overview/failed-delivery?sourceId=${backend.id}&destinationConfigId=${ga.id}&${window}`, 400, { errors: [validation('The destination is not connected to sourceId', 'sourceId')] });
	await refused(`/delivery-overview/failed-on-ingest?sourceId=${ga.sourceId}&destinationConfigId=${ga.id}&${window}`, 400, { errors: [validation(`Unknown query parameter: destinationConfigId`, 'destinationConfigId')] });
	await refused(`/delivery-overview/failed-delivery?sourceId=${ga.sourceId}&destinationConfigId=nope&${window}`, 404, { errors: [{ type: 'resource-not-found', message: 'Destination not found' }] });
	await refused(`/delivery-overview/filtered-at-source?sourceId=nope&${window}`, 404, { errors: [{ type: 'resource-not-found', message: 'Source not found' }] });
	await refused(`/delivery-overview/successfully-received?sourceId=${ga.sourceId}&${window}&groupBy%5B0%5D=discardReason`, 400, { errors: [validation('groupBy must be among eventName, eventType, appVersion for successfully-received (not discardReason)', 'groupBy')] });
	await refused(`/delivery-overview/successfully-received?sourceId=${ga.sourceId}&${window}&filter%5BdiscardReason%5D%5B0%5D=x`, 400, { errors: [validation('Unknown query parameter: filter[discardReason][0]', 'filter[discardReason][0]')] });
	await refused(`/delivery-overview/successfully-received?sourceId=${ga.sourceId}&granularity=day&startTime=${iso(end - HOUR)}&endTime=${iso(end)}`, 400, { errors: [validation('granularity must be one of DAY, HOUR, MINUTE', 'granularity')] });
	await refused(`/delivery-overview/dropped?sourceId=${ga.sourceId}&${window}`, 404, { errors: [{ type: 'not-found', message: 'No route for GET /delivery-overview/dropped' }] });
	await refused(`/destinations/${ga.id}/delivery-metrics`, 400, { errors: [validation('sourceId is required', 'sourceId')] });
	await refused(`/destinations/nope/delivery-metrics?sourceId=${ga.sourceId}`, 404, { errors: [{ type: 'resource-not-found', message: 'Destination not found' }] });
	await refused(`/destinations/${ga.id}/delivery-metrics?sourceId=${backend.id}`, 400, { errors: [validation('The destination is not connected to sourceId', 'sourceId')] });
	expect(NOT_FOUND.errors[0].type).toBe('resource-not-found');
});

test('dataset pages with pagination[count]; total counts every entry', async () => {
	const website = source('Website Analytics');
	const query = `sourceId=${website.id}&granularity=DAY&startTime=${iso(end - HOUR)}&endTime=${iso(end)}&groupBy%5B0%5D=eventName`;
	const first = (await overview('successfully-received', `${query}&pagination%5Bcount%5D=2`)).body.data;
	expect(first.dataset.map((d) => d.eventName)).toEqual(['Page Viewed', 'Product Viewed']);
	expect(first.total).toBe(55 * 60);
	const second = (await overview('successfully-received', `${query}&pagination%5Bcount%5D=2&pagination%5Bcursor%5D=${encodeURIComponent(first.pagination.next)}`)).body.data;
	expect(second.dataset.map((d) => d.eventName)).toEqual(['Order Completed']);
	expect(second.pagination.next).toBeUndefined();
});
