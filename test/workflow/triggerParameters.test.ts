/**
 * The trigger's parameters as n8n sees them (with the Poll Times n8n adds to a polling node), and
 * bad input: a clear error naming the parameter, and nothing sent.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { SegmentParagonTrigger } from '../../nodes/SegmentParagonTrigger/SegmentParagonTrigger.node';
import { controllingNames, parameterIssues } from '../helpers/parameterIssues';
import { watch } from '../helpers/trigger';
import { useSandbox } from '../helpers/useSandbox';
import { signingKeyCredentials } from '../helpers/world';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n-core's own Poll Times, added to every polling node when n8n loads it
const { commonPollingParameters } = require('n8n-core/dist/nodes-loader/constants') as { commonPollingParameters: INodeProperties[] };

const trigger = new SegmentParagonTrigger();
const description = { ...trigger.description, properties: [...commonPollingParameters, ...trigger.description.properties] };
/** What a user fills in for the parameters an event always shows as required. */
const FILLED: INodeParameters = { destinationId: { __rl: true, mode: 'id', value: 'dst_1' }, modelId: { __rl: true, mode: 'id', value: 'mdl_1' }, mappingId: 'map_1' };
const EVENTS = (description.properties.find((property) => property.name === 'event')?.options ?? []).map((option) => String((option as { value: string }).value));

describe('n8n activates the workflow whatever the controlling parameters hold', () => {
	const controlling = controllingNames(description.properties);

	it('knows the events and the controlling parameters', () => {
		expect(EVENTS.sort()).toEqual(['auditEvent', 'connectionChanged', 'deliveryFailing', 'reverseEtlSyncFailed', 'syncFailed', 'volumeDropped']);
		expect(controlling).toEqual(expect.arrayContaining(['warehouses']));
		expect(description.polling).toBe(true);
		expect(description.inputs).toEqual([]);
	});

	for (const event of EVENTS) {
		it(`${event}: no issues with the defaults and the always-shown fields filled`, () => {
			expect(parameterIssues(description, { event, ...FILLED }).issues).toBeNull();
		});

		it(`${event}: no issues with every controlling parameter an expression`, () => {
			const expressions = Object.fromEntries(controlling.map((name) => [name, `={{ $json.${name} }}`]));
			expect(parameterIssues(description, { event, ...FILLED, ...expressions }).issues).toBeNull();
		});
	}

	it('Reverse ETL Sync Failed: Model and Mapping ID are asked for, and only for that event', () => {
		const { issues } = parameterIssues(description, { event: 'reverseEtlSyncFailed' });
		expect(Object.keys(issues?.parameters ?? {}).sort()).toEqual(['mappingId', 'modelId']);
		expect(parameterIssues(description, { event: 'auditEvent' }).node.parameters).not.toHaveProperty('modelId');
	});

	it('Warehouses from an expression shows Warehouse Names or IDs, not required', () => {
		const { node, issues } = parameterIssues(description, { event: 'syncFailed', warehouses: '={{ "selected" }}' });
		expect(node.parameters).toHaveProperty('warehouseIds', []);
		expect(issues).toBeNull();
	});
});

describe('bad input stops the poll with the parameter named, before anything is sent', () => {
	const sandbox = useSandbox();
	beforeEach(() => sandbox.reset());

	const cases: Array<[string, INodeParameters, string]> = [
		['no warehouse picked', { event: 'syncFailed', warehouses: 'selected', warehouseIds: [] }, 'Warehouse IDs is empty'],
		['a warehouse id that would change the path', { event: 'connectionChanged', warehouses: 'selected', warehouseIds: ['..'] }, 'Warehouse IDs cannot be ".."'],
		['no status', { event: 'syncFailed', statuses: [] }, 'Statuses is empty'],
		['an unknown status', { event: 'syncFailed', statuses: ['BROKEN'] }, 'Statuses may only contain FAILED, PARTIAL_SUCCESS, SUCCESS; "BROKEN" is not one of them'],
		['an unknown event', { event: 'somethingElse' }, 'Event must be one of'],
		['a list of resource types that is not one', { event: 'auditEvent', resourceTypes: '={{ { a: 1 } }}' }, 'Resource Types must be a list of names or text separated by commas'],
		['a window too long', { event: 'volumeDropped', windowMinutes: 30_000 }, 'Window (Minutes) must be a whole number from 1 to 20160, not number 30000'],
		['a drop over 100 percent', { event: 'volumeDropped', dropPercent: 150 }, 'Drop Percent must be a whole number from 0 to 100, not number 150'],
		['no minimum of failures', { event: 'deliveryFailing', destinationId: { __rl: true, mode: 'id', value: 'dst_1' }, minimumFailures: 0 }, 'Minimum Failures must be a whole number from 1'],
		['no model', { event: 'reverseEtlSyncFailed', mappingId: 'map_1' }, 'Model is empty'],
		['no mapping', { event: 'reverseEtlSyncFailed', modelId: { __rl: true, mode: 'id', value: 'mdl_1' }, mappingId: '  ' }, 'Mapping ID is empty'],
		['a mapping id that would change the path', { event: 'reverseEtlSyncFailed', modelId: { __rl: true, mode: 'list', value: 'mdl_1' }, mappingId: '..' }, 'Mapping ID cannot be ".."'],
		['a model from an expression that is not text', { event: 'reverseEtlSyncFailed', modelId: { __rl: true, mode: 'id', value: '={{ { id: 1 } }}' }, mappingId: 'map_1' }, 'Model must be text, not an object'],
		['a timeout out of range', { event: 'syncFailed', options: { timeout: 5 } }, 'Options > Timeout must be a whole number from 100 to 600000, not number 5'],
		['a Paragon User ID with a user-token credential', { event: 'syncFailed', options: { paragonUserId: 'customer-acme' } }, 'Options > Paragon User ID needs a credential with Token Source "Signing Key"'],
	];
	for (const [what, parameters, message] of cases) {
		it(what, async () => {
			const polled = watch(sandbox, parameters);
			await expect(polled.activate()).rejects.toThrow(message);
			expect(sandbox.requests).toEqual([]);
			await expect(polled.fetchTestEvent()).rejects.toThrow(message);
			expect(sandbox.requests).toEqual([]);
		});
	}

	it('a destination is needed for Destination Delivery Failing', async () => {
		const polled = watch(sandbox, { event: 'deliveryFailing' });
		await expect(polled.activate()).rejects.toThrow('Destination ID is empty');
		expect(sandbox.requests).toEqual([]);
	});

	it('the message names no item: a trigger has none', async () => {
		const polled = watch(sandbox, { event: 'syncFailed', statuses: [] });
		await expect(polled.activate()).rejects.toThrow(/^Statuses is empty$/);
	});

	it('Options > Paragon User ID: the trigger watches that user\'s workspace', async () => {
		const polled = watch(sandbox, { event: 'syncFailed', options: { paragonUserId: 'customer-acme' } }, signingKeyCredentials(sandbox));
		// customer-acme has not connected Segment in this sandbox: Paragon says so, and the activation fails with it.
		await expect(polled.activate()).rejects.toThrow('Segment is not connected for this Paragon user');
		expect(sandbox.requests.map((request) => request.userId)).toEqual(['customer-acme']);
	});
});
