/**
 * Destination > Get Delivery Metrics and Source > Get Delivery Overview (SPEC §4.12): Segment's
 * windows checked before sending, the destination's own source read once per execution, the
 * dataset of every page in one item — against the demo's Salesforce, failing for three hours.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { calls, jsonOf, runSegment, type Sandbox } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

interface DeliverySandbox extends Sandbox {
	setDeliveryCounts(spec: IDataObject): { keys: number; minutes: number };
}

const sandbox = useSandbox({ seed: true }) as DeliverySandbox;
beforeEach(() => sandbox.reset());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const destination = (name: string) => sandbox.entities('destinations').find((entity) => entity.name === name)!;
const query = (index = 0) => sandbox.requests[index].query as Record<string, string>;
const iso = (ms: number) => new Date(ms).toISOString();

describe('Get Delivery Metrics', () => {
	it('empty source and window: the destination read once for its source, then HOUR over the last 24 hours', async () => {
		const salesforce = destination('Salesforce');
		const result = await runSegment(sandbox, { resource: 'destination', operation: 'getDeliveryMetrics', destinationId: rl(String(salesforce.id)) }, { items: [{}, {}] });
		const items = jsonOf(result);
		expect(calls(sandbox)).toEqual([`GET /destinations/${salesforce.id}`, `GET /destinations/${salesforce.id}/delivery-metrics`, `GET /destinations/${salesforce.id}/delivery-metrics`]);
		expect(query(1)).toEqual({ sourceId: salesforce.sourceId, granularity: 'HOUR', startTime: expect.any(String), endTime: expect.any(String) });
		expect(Date.parse(query(1).endTime) - Date.parse(query(1).startTime)).toBe(DAY);
		expect(items[0]).toEqual({
			destinationId: salesforce.id,
			sourceId: salesforce.sourceId,
			destinationMetadataId: (salesforce.metadata as IDataObject).id,
			metrics: [
				{ metricName: 'successes', total: expect.any(Number) },
				{ metricName: 'failures', total: expect.any(Number), breakdown: [{ metricName: 'Unauthorized', value: expect.any(Number) }] },
				{ metricName: 'filtered', total: 0, breakdown: [] },
			],
			granularity: 'HOUR',
			startTime: query(1).startTime,
			endTime: query(1).endTime,
		});
		const failures = (items[0].metrics as IDataObject[])[1].total as number;
		expect(failures).toBeGreaterThanOrEqual(4 * 179);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('a given source and MINUTE: sent as given; an empty Start Time with Minute is the 4 hours Segment allows', async () => {
		const ga = destination('Google Analytics');
		await runSegment(sandbox, { resource: 'destination', operation: 'getDeliveryMetrics', destinationId: rl(String(ga.id)), sourceId: rl(String(ga.sourceId)), granularity: 'MINUTE' });
		expect(calls(sandbox)).toEqual([`GET /destinations/${ga.id}/delivery-metrics`]);
		expect(query().granularity).toBe('MINUTE');
		expect(Date.parse(query().endTime) - Date.parse(query().startTime)).toBe(4 * HOUR);
	});

	it.each([
		['MINUTE', 5 * HOUR, 0, /^Start Time is 5 hours before End Time; with granularity MINUTE Segment allows at most 4 hours \(item 0\)$/],
		['MINUTE', HOUR, 48 * HOUR, /^Start Time is 49 hours ago; with granularity MINUTE Segment reaches back at most 48 hours \(item 0\)$/],
		['HOUR', 8 * DAY, 0, /^Start Time is 8 days before End Time; with granularity HOUR Segment allows at most 7 days \(item 0\)$/],
		['DAY', 15 * DAY, 0, /^Start Time is 15 days before End Time; with granularity DAY Segment allows at most 14 days \(item 0\)$/],
	])('%s over %d ms ending %d ms ago is refused before anything is sent', async (granularity, range, endAgo, message) => {
		const ga = destination('Google Analytics');
		const end = Date.now() - (endAgo as number);
		const result = await runSegment(sandbox, { resource: 'destination', operation: 'getDeliveryMetrics', destinationId: rl(String(ga.id)), sourceId: rl(String(ga.sourceId)), granularity, startTime: iso(end - (range as number)), endTime: iso(end) });
		expect(result.error.message).toMatch(message as RegExp);
		expect(result.error.description).toContain('MINUTE: up to 4 hours, starting within the last 48 hours; HOUR: up to 7 days, starting within the last 7 days; DAY: up to 14 days');
		expect(calls(sandbox)).toEqual([]);
	});

	it('an unknown destination is a 404 naming it', async () => {
		const result = await runSegment(sandbox, { resource: 'destination', operation: 'getDeliveryMetrics', destinationId: rl('dst_missing') });
		expect(result.error.message).toBe('Destination dst_missing was not found');
		expect(calls(sandbox)).toEqual(['GET /destinations/dst_missing']);
	});
});

describe('Get Delivery Overview', () => {
	const overview = (extra: INodeParameters): INodeParameters => ({ resource: 'source', operation: 'getDeliveryOverview', ...extra });

	it('failed delivery of the demo\'s Salesforce, by discard reason: one item {total, dataset}', async () => {
		const salesforce = destination('Salesforce');
		const items = jsonOf(await runSegment(sandbox, overview({ sourceId: rl(String(salesforce.sourceId)), step: 'failedDelivery', destinationId: rl(String(salesforce.id)), groupBy: ['discardReason'] })));
		expect(calls(sandbox)).toEqual(['GET /delivery-overview/failed-delivery']);
		expect(query()).toEqual({
			sourceId: salesforce.sourceId, destinationConfigId: salesforce.id, granularity: 'HOUR', startTime: expect.any(String), endTime: expect.any(String), 'groupBy[0]': 'discardReason', 'pagination.count': '200',
		});
		expect(items).toEqual([{
			sourceId: salesforce.sourceId, step: 'failedDelivery', destinationId: salesforce.id, granularity: 'HOUR', startTime: query().startTime, endTime: query().endTime,
			total: expect.any(Number), dataset: [expect.objectContaining({ discardReason: 'Unauthorized' })],
		}]);
		expect(items[0].total).toBeGreaterThanOrEqual(4 * 179);
	});

	it('every page of the dataset in the one item: 250 events, two pages', async () => {
		const ga = destination('Google Analytics');
		for (let i = 0; i < 250; i++) sandbox.setDeliveryCounts({ step: 'failed-delivery', destinationId: ga.id, eventName: `Event ${i}`, discardReason: 'Bad Request', from: Date.now() - HOUR, perMinute: 1 });
		const items = jsonOf(await runSegment(sandbox, overview({ sourceId: rl(String(ga.sourceId)), step: 'failedDelivery', destinationId: rl(String(ga.id)), groupBy: ['eventName'] })));
		expect(calls(sandbox)).toEqual(['GET /delivery-overview/failed-delivery', 'GET /delivery-overview/failed-delivery']);
		expect(query(1)['pagination.cursor']).toEqual(expect.any(String));
		expect(items).toHaveLength(1);
		expect((items[0].dataset as IDataObject[]).length).toBe(250);
		expect(items[0].total).toBeGreaterThanOrEqual(250 * 60);
	});

	it('a source step sends no destination (a hidden Destination is not read)', async () => {
		const website = String(destination('Google Analytics').sourceId);
		const items = jsonOf(await runSegment(sandbox, overview({ sourceId: rl(website), step: 'successfullyReceived', groupBy: ['eventName'], destinationId: rl('ignored') })));
		expect(query()).not.toHaveProperty('destinationConfigId');
		expect((items[0].dataset as IDataObject[]).map((entry) => entry.eventName)).toEqual(['Page Viewed', 'Product Viewed', 'Order Completed']);
		expect(items[0].total).toBe(55 * 24 * 60);
	});

	it('refused before sending: a destination step without a destination, Discard Reason on received events, a window too long', async () => {
		const website = rl(String(destination('Google Analytics').sourceId));
		const noDestination = await runSegment(sandbox, overview({ sourceId: website, step: 'successfulDelivery' }));
		expect(noDestination.error.message).toBe('Destination ID is empty (item 0)');
		const discard = await runSegment(sandbox, overview({ sourceId: website, step: 'successfullyReceived', groupBy: ['discardReason'] }));
		expect(discard.error.message).toBe('Group By cannot use Discard Reason with Step "Successfully Received" (item 0)');
		const long = await runSegment(sandbox, overview({ sourceId: website, granularity: 'HOUR', startTime: iso(Date.now() - 15 * DAY), endTime: iso(Date.now()) }));
		expect(long.error.message).toBe('Start Time is 15 days before End Time; with granularity HOUR Segment allows at most 14 days (item 0)');
		expect(long.error.description).toContain('HOUR: up to 14 days, starting within the last 30 days');
		expect(calls(sandbox)).toEqual([]);
	});

	it('a destination of another source is Segment\'s 400, reported', async () => {
		const ga = destination('Google Analytics');
		const salesforce = destination('Salesforce');
		const result = await runSegment(sandbox, overview({ sourceId: rl(String(ga.sourceId)), step: 'failedDelivery', destinationId: rl(String(salesforce.id)) }));
		expect(result.error.httpCode).toBe('400');
		expect(`${result.error.message} ${result.error.description}`).toContain('The destination is not connected to sourceId');
	});
});
