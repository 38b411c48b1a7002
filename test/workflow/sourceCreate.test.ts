/**
 * Source Create on the real wire (SPEC v2 §4.2): labels made when missing, POST /sources without
 * a name, the name by PATCH, the labels by PUT, then the chosen warehouse connections. A step
 * that fails after the POST says the source exists, with its id and what is left undone.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { arrangeWorkspace, calls, catalogId, jsonOf, runSegment } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
beforeEach(() => sandbox.reset());

const CREATE: INodeParameters = { resource: 'source', operation: 'create', name: 'New Source', slug: 'new_source', platform: 'server', categories: ['crm'] };

function bodyOf(call: string): unknown {
	const index = calls(sandbox).indexOf(call);
	if (index < 0) throw new Error(`no ${call} in ${calls(sandbox).join(', ')}`);
	return sandbox.requests[index].body;
}

describe('source create', () => {
	it('creates without a name, names it, labels it: exactly these calls and bodies', async () => {
		const out = jsonOf(await runSegment(sandbox, CREATE));
		const id = String(out[0].id);
		expect(calls(sandbox)).toEqual([
			'GET /catalog/sources',
			'GET /labels',
			'POST /labels',
			'POST /labels',
			'POST /sources',
			`PATCH /sources/${id}`,
			`PUT /sources/${id}/labels`,
		]);
		expect(bodyOf('POST /sources')).toEqual({ slug: 'new_source', enabled: true, metadataId: catalogId(sandbox, 'sources', 'http-api') });
		expect(bodyOf(`PATCH /sources/${id}`)).toEqual({ name: 'New Source' });
		expect(bodyOf(`PUT /sources/${id}/labels`)).toEqual({ labels: [{ key: 'platform', value: 'server' }, { key: 'category', value: 'crm' }] });
		expect(out[0]).toMatchObject({ id, name: 'New Source', slug: 'new_source', metadata: { platform: 'server', categories: ['crm'] }, status: 'active' });
		expect(sandbox.entities('sources')[0].name).toBe('New Source');
	});

	it('connect warehouses: none sends disconnectAllWarehouses, selected connects each picked warehouse', async () => {
		const { warehouseId } = await arrangeWorkspace(sandbox);
		await runSegment(sandbox, { ...CREATE, connectWarehouses: 'none' });
		expect(bodyOf('POST /sources')).toMatchObject({ disconnectAllWarehouses: true });
		sandbox.clearRequests();
		const out = jsonOf(await runSegment(sandbox, { ...CREATE, slug: 'second_source', connectWarehouses: 'selected', warehouseIds: [warehouseId] }));
		const id = String(out[0].id);
		expect(bodyOf('POST /sources')).toMatchObject({ disconnectAllWarehouses: true });
		expect(calls(sandbox).slice(-1)).toEqual([`POST /warehouses/${warehouseId}/connected-sources/${id}`]);
	});

	it('the default (all) sends nothing extra and the source joins every warehouse', async () => {
		await arrangeWorkspace(sandbox);
		await runSegment(sandbox, CREATE);
		expect(bodyOf('POST /sources')).not.toHaveProperty('disconnectAllWarehouses');
		expect(calls(sandbox).filter((call) => call.includes('connected-sources'))).toEqual([]);
	});

	it('a failed name step says the source exists, its id, what is left, and not to Create again', async () => {
		sandbox.addFault({ method: 'PATCH', path: '/sources', status: 422, body: { errors: [{ type: 'ValidationError', message: 'name is too long', field: 'name' }] } });
		const result = await runSegment(sandbox, CREATE);
		const [created] = sandbox.entities('sources') as IDataObject[];
		expect(result.error.message).toBe(`Source ${String(created.id)} was created, but its name, its platform and category labels could not be set: Segment refused the request: name: name is too long (item 0)`);
		expect(result.error.description).toContain('Run Update (or Create or Update with slug new_source)');
		expect(result.error.description).toContain('Do not run Create again');
		// Nothing after the failed step was sent.
		expect(calls(sandbox).at(-1)).toBe(`PATCH /sources/${String(created.id)}`);
	});

	it('a failed label step names only what is left', async () => {
		sandbox.addFault({ method: 'PUT', path: '/sources', status: 500, body: { errors: [{ type: 'ServerError', message: 'boom' }] } });
		const result = await runSegment(sandbox, CREATE);
		expect(result.error.message).toMatch(/^Source \S+ was created, but its platform and category labels could not be set: /);
	});
});
