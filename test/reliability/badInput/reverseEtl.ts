/**
 * Bad input: Reverse ETL (issue 26) — an empty model, mapping or SQL, a poll interval under 5 s, a
 * timeout under a minute, the other Start Sync options, a model's schedule, a sync id, a mapping's
 * model — refused before anything is sent.
 */
import type { INodeParameters } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import { expr, type BadInputRows } from './rows';

const op = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'reverseEtl', operation, modelId: rl('mdl_1'), ...extra });
const start = (extra: INodeParameters = {}) => op('startSync', { mappingId: 'map_1', ...extra });
const create = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'reverseEtl', operation: 'create', sourceId: rl('src_1'), name: 'M', query: 'SELECT id FROM t', queryIdentifierColumn: 'id', ...extra });

export const rows: BadInputRows = {
	refused: [
		['an empty model (Start Sync)', start({ modelId: rl('  ') }), /^Model is empty \(item 0\)$/],
		['a model id ".." (Get)', op('get', { modelId: rl('..') }), /^Model cannot be "\.\." \(item 0\)$/],
		['an empty mapping (Start Sync)', start({ mappingId: expr('"  "') }), /^Mapping ID is empty \(item 0\)$/],
		['a mapping with a line break (Get Syncs)', op('listSyncs', { mappingId: 'map\n1' }), /^Mapping ID contains control characters \(item 0\)$/],
		['a source ".." (Start Sync)', start({ sourceId: rl('..') }), /^Source cannot be "\.\." \(item 0\)$/],
		['a poll interval of 4 seconds', start({ options: { pollInterval: 4 } }), /^Options > Poll Interval \(Seconds\) must be a whole number from 5 to 3600, not number 4 \(item 0\)$/],
		['a poll interval of 7.5 seconds', start({ options: { pollInterval: 7.5 } }), /^Options > Poll Interval \(Seconds\) must be a whole number from 5 to 3600, not number 7\.5 \(item 0\)$/],
		['a timeout under a minute', start({ options: { timeout: 0 } }), /^Options > Timeout \(Minutes\) must be a whole number from 1 to 1440, not number 0 \(item 0\)$/],
		['a timeout of "soon"', start({ options: { timeout: expr('"soon"') } }), /^Options > Timeout \(Minutes\) must be a whole number from 1 to 1440, not "soon" \(item 0\)$/],
		['Fail on Sync Error "maybe"', start({ options: { failOnSyncError: expr('"maybe"') } }), /^Options > Fail on Sync Error must be true or false, not "maybe" \(item 0\)$/],
		['a request timeout of 50 ms (Start Sync)', start({ options: { requestTimeout: 50 } }), /^Options > Request Timeout must be a whole number from 100 to 600000, not number 50 \(item 0\)$/],
		['Wait for Completion "later"', start({ waitForCompletion: expr('"later"') }), /^Wait for Completion must be true or false, not "later" \(item 0\)$/],
		['an empty sync id (Get Sync Status)', op('getSync', { syncId: expr('" "') }), /^Sync ID is empty \(item 0\)$/],
		['an empty SQL query', create({ query: expr('"  "') }), /^SQL Query is empty \(item 0\)$/],
		['a SQL query that is not text', create({ query: expr('({ select: "*" })') }), /^SQL Query must be text, not object \(item 0\)$/],
		['an empty identifier column', create({ queryIdentifierColumn: expr('""') }), /^Identifier Column is empty \(item 0\)$/],
		['an empty SQL query in Update Fields', op('update', { updateFields: { query: ' ' } }), /^Update Fields > SQL Query is empty \(item 0\)$/],
		['a schedule strategy outside Segment\'s', create({ additionalFields: { scheduleStrategy: expr('"HOURLY"') } }), /^Additional Fields > Schedule Strategy must be one of MANUAL, PERIODIC, SPECIFIC_DAYS, not "HOURLY" \(item 0\)$/],
		['a schedule config that is not JSON', create({ additionalFields: { scheduleConfig: '{"interval":' } }), /^Additional Fields > Schedule Config is not valid JSON \(item 0\)$/],
		['an empty schedule config in Update Fields', op('update', { updateFields: { scheduleConfig: '{}' } }), /^Update Fields > Schedule Config is an empty object \(item 0\)$/],
		['a mapping\'s model ".." (Destination Mapping > Update)', { resource: 'destinationMapping', operation: 'update', destinationId: rl('dst_1'), mappingId: 'map_1', updateFields: { modelId: '..' } }, /^Update Fields > Reverse ETL Model ID cannot be "\.\." \(item 0\)$/],
	],
};
