/**
 * Destination filters (SPEC v2 §4.5): a resource whose path has a parent
 * (`/destination/{destinationId}/filters`, Segment's singular), served by the shared CRUD path.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { arrangeWorkspace, calls, jsonOf, runSegment } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
let ids: { warehouseId: string; sourceId: string; destinationId: string };
beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeWorkspace(sandbox);
});

const filterOp = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'destinationFilter', operation, destinationId: rl(ids.destinationId), ...extra });
const create = (extra: INodeParameters = {}) => filterOp('create', { title: 'Drop test events', condition: 'event = "Test"', ...extra });
const bodyOf = (index: number) => sandbox.requests[index].body as IDataObject;

describe('Create', () => {
	it('a DROP filter on the destination\'s own source (one GET of the destination), returned as Segment sends it', async () => {
		const out = jsonOf(await runSegment(sandbox, create()));
		expect(calls(sandbox)).toEqual([`GET /destinations/${ids.destinationId}`, `POST /destination/${ids.destinationId}/filters`]);
		expect(bodyOf(1)).toEqual({ sourceId: ids.sourceId, if: 'event = "Test"', actions: [{ type: 'DROP' }], title: 'Drop test events', enabled: true });
		expect(out).toEqual([expect.objectContaining({ id: expect.any(String), destinationId: ids.destinationId, sourceId: ids.sourceId, if: 'event = "Test"', actions: [{ type: 'DROP' }], title: 'Drop test events', enabled: true, createdAt: expect.any(String) })]);
	});

	it('SAMPLE: percent 0–100 in the UI is 0–1 on the wire; a given source costs no lookup', async () => {
		await runSegment(sandbox, create({ action: 'sample', percent: 25, path: 'userId', filterSourceId: ids.sourceId, additionalFields: { enabled: false, description: 'a quarter' } }));
		expect(calls(sandbox)).toEqual([`POST /destination/${ids.destinationId}/filters`]);
		expect(bodyOf(0)).toEqual({ sourceId: ids.sourceId, if: 'event = "Test"', actions: [{ type: 'SAMPLE', percent: 0.25, path: 'userId' }], title: 'Drop test events', enabled: false, description: 'a quarter' });
	});

	it('ALLOW_PROPERTIES / DROP_PROPERTIES send the fields', async () => {
		await runSegment(sandbox, create({ action: 'dropProperties', fields: '{"properties": ["email"], "context": ["ip"]}' }));
		expect(bodyOf(1).actions).toEqual([{ type: 'DROP_PROPERTIES', fields: { properties: ['email'], context: ['ip'] } }]);
	});

	it('the destination\'s source is looked up once per execution, whatever the number of items', async () => {
		jsonOf(await runSegment(sandbox, create({ title: '={{ $json.title }}' }), { items: [{ title: 'A' }, { title: 'B' }, { title: 'C' }] }));
		expect(calls(sandbox).filter((call) => call.startsWith('GET'))).toEqual([`GET /destinations/${ids.destinationId}`]);
		expect(((sandbox as unknown as { filters: (id: string) => IDataObject[] }).filters(ids.destinationId)).map((filter) => filter.title)).toEqual(['A', 'B', 'C']);
	});

	it.each([
		['an empty title (from an expression: n8n itself refuses a plain empty one)', { title: '={{ "" }}' }, /^Title is empty \(item 0\)$/],
		['an empty condition', { condition: '={{ "  " }}' }, /^Condition is empty \(item 0\)$/],
		['a percent above 100', { action: 'sample', percent: '={{ 150 }}' }, /^Percent must be a number from 0 to 100, not 150 \(item 0\)$/],
		['fields that are not lists of names', { action: 'allowProperties', fields: '{"properties": "email"}' }, /^Fields must be an object of lists of field names \(item 0\)$/],
		['an action outside the four', { action: '={{ "block" }}' }, /^Action must be one of drop, sample, allowProperties, dropProperties, not "block" \(item 0\)$/],
	])('refuses %s before anything is sent', async (_what, extra, message) => {
		const result = await runSegment(sandbox, create(extra as INodeParameters));
		expect(result.error.message).toMatch(message);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('Get Many, Get, Update, Delete', () => {
	it('the whole life of a filter, each on its own path', async () => {
		const [made] = jsonOf(await runSegment(sandbox, create()));
		const filterId = String(made.id);
		sandbox.clearRequests();

		const listed = jsonOf(await runSegment(sandbox, filterOp('list', { returnAll: true })));
		expect(calls(sandbox)).toEqual([`GET /destination/${ids.destinationId}/filters`]);
		expect(listed.map((filter) => filter.id)).toEqual([filterId]);

		const got = jsonOf(await runSegment(sandbox, filterOp('get', { filterId })));
		expect(got[0]).toEqual(made);

		sandbox.clearRequests();
		const updated = jsonOf(await runSegment(sandbox, filterOp('update', { filterId, updateFields: { title: 'Sample checkouts', action: 'sample', percent: 50 } })));
		expect(calls(sandbox)).toEqual([`PATCH /destination/${ids.destinationId}/filters/${filterId}`]);
		expect(bodyOf(0)).toEqual({ title: 'Sample checkouts', actions: [{ type: 'SAMPLE', percent: 0.5 }] });
		expect(updated[0]).toMatchObject({ id: filterId, title: 'Sample checkouts', actions: [{ type: 'SAMPLE', percent: 0.5 }] });

		sandbox.clearRequests();
		const deleted = jsonOf(await runSegment(sandbox, filterOp('delete', { filterId })));
		expect(calls(sandbox)).toEqual([`DELETE /destination/${ids.destinationId}/filters/${filterId}`]);
		expect(deleted).toEqual([{ id: filterId, deleted: true, status: 204, message: 'Destination filter deleted successfully.' }]);
	});

	it('a missing filter is named with its destination', async () => {
		const result = await runSegment(sandbox, filterOp('get', { filterId: 'flt_missing' }));
		expect(result.error.message).toBe(`Destination filter flt_missing of destination ${ids.destinationId} was not found`);
		expect(result.error.httpCode).toBe('404');
	});

	it('Percent without Action in Update Fields says what to add, and sends nothing', async () => {
		const result = await runSegment(sandbox, filterOp('update', { filterId: 'f', updateFields: { percent: 20 } }));
		expect(result.error.message).toBe('Update Fields: Percent, Sample Path and Fields belong to an Action (item 0)');
		expect(sandbox.requests).toEqual([]);
	});
});
