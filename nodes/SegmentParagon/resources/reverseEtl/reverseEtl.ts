import type { IDataObject } from 'n8n-workflow';

import { modelListName, modelPath } from '../../../shared/reverseEtl';
import type { ResourceDefinition } from '../types';
import { modelCreateProperties, modelUpdateFields, readModelCreate, readModelUpdate } from './modelFields';
import { modelProperty, syncOperations } from './syncOperations';

/**
 * Reverse ETL (SPEC §4.13): models (a SQL query over a warehouse source) on the shared CRUD path,
 * and the syncs of their mappings: Start Sync (waited out together for all items), Get Sync
 * Status, Get Syncs. Models are output as Segment sends them.
 */
export const reverseEtl: ResourceDefinition = {
	name: 'reverseEtl',
	displayName: 'Reverse ETL',
	entityName: 'Reverse ETL Model',
	plural: 'reverse-etl-models',
	listKey: 'models',
	pluralName: 'reverse ETL models',
	entityKey: 'reverseEtlModel',
	idParameter: 'modelId',
	idProperty: modelProperty,
	simplifies: false,
	wording: {
		create: {
			action: 'Create a reverse ETL model',
			description: 'Create a reverse ETL model: a SQL query over a warehouse source, with the column that identifies a row',
		},
	},

	createProperties: modelCreateProperties,
	updateFields: modelUpdateFields,

	async create({ params, workspace }) {
		const body = readModelCreate(params);
		const data = await workspace.client.request<{ reverseEtlModel: IDataObject }>(
			{ method: 'POST', path: modelPath(), body, creating: `reverse ETL model "${String(body.name)}"`, notFound: `Source ${String(body.sourceId)}`, entity: 'reverseEtlModel' },
			params.itemIndex,
		);
		return { entity: data.reverseEtlModel };
	},

	async update({ params, workspace }, id, fields) {
		const body = readModelUpdate(params, fields);
		const data = await workspace.client.request<{ reverseEtlModel: IDataObject }>(
			{ method: 'PATCH', path: modelPath(id), body, notFound: `Reverse ETL model ${id}`, entity: 'reverseEtlModel' },
			params.itemIndex,
		);
		return { entity: data.reverseEtlModel };
	},

	// The model as Segment sends it: {id, sourceId, name, description, enabled, query, queryIdentifierColumn, ...}.
	simplify: ({ entity }) => entity,

	listName: modelListName,

	operations: syncOperations,
};
