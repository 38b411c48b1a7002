/**
 * Bad input: destination mapping parameters, refused before any request (the checks of the fields
 * against the action need the destination's actions: test/workflow/mappingRefusals.test.ts).
 */
import type { INodeParameters } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import { destinationCreate, expr, idExpr, type BadInputRows } from './rows';

const mapping = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'destinationMapping', operation, destinationId: rl('dst_1'), ...extra });
const mappingCreate = (extra: INodeParameters = {}) => mapping('create', { name: 'M', action: rl('purchase'), fieldsMode: 'json', settings: '{}', ...extra });

export const rows: BadInputRows = {
	refused: [
		['a mapping with an empty name', mappingCreate({ name: expr('"  "') }), /^Name is empty \(item 0\)$/],
		['mapping settings that are not JSON', mappingCreate({ settings: '{"currency": USD}' }), /^Settings is not valid JSON \(item 0\)$/],
		['mapping settings that are a JSON list', mappingCreate({ settings: '[{"currency": "USD"}]' }), /^Settings must be a JSON object, not a list \(item 0\)$/],
		['a mapping action id with a line break', mappingCreate({ action: idExpr('"pur\\nchase"') }), /^Action contains control characters \(item 0\)$/],
		['a mapping fields mode outside the two', mappingCreate({ fieldsMode: expr('"csv"') }), /^Fields Mode must be one of mapper, json, not "csv" \(item 0\)$/],
		['a reverse ETL model id ".."', mappingCreate({ additionalFields: { modelId: '..' } }), /^Additional Fields > Reverse ETL Model ID cannot be "\.\." \(item 0\)$/],
		['a mapping id ".."', mapping('get', { mappingId: '..' }), /^Mapping ID cannot be "\.\." \(item 0\)$/],
		['a mapping id from an expression giving ""', mapping('delete', { mappingId: expr('""') }), /^Mapping ID is empty \(item 0\)$/],
		['a mapping update whose trigger is empty', mapping('update', { mappingId: 'm1', updateFields: { trigger: expr('""') } }), /^Update Fields > Trigger is empty \(item 0\)$/],
		['a mapping update whose settings are not JSON', mapping('update', { mappingId: 'm1', updateFields: { settings: '{nope}' } }), /^Update Fields > Settings is not valid JSON \(item 0\)$/],
		['a destination create whose Mappings is neither presets nor none', destinationCreate({ additionalFields: { mappings: expr('"all"') } }), /^Additional Fields > Mappings must be one of presets, none, not "all" \(item 0\)$/],
	],
};
