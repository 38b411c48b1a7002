/** Bad input: destination parameters (slug, categories, settings, its source), refused. */
import { rl } from '../../helpers/engine';
import { idExpr, destinationCreate, type BadInputRows } from './rows';

export const rows: BadInputRows = {
	refused: [
		['a destination create whose source id is empty', destinationCreate({ sourceId: idExpr('" "') }), /^Source is empty \(item 0\)$/],
		['destination settings that are a JSON list', destinationCreate({ additionalFields: { settings: '[]' } }), /^Additional Fields > Settings must be a JSON object, not a list \(item 0\)$/],
		['destination update settings that are JSON true', { resource: 'destination', operation: 'update', destinationId: rl('d_1'), updateFields: { settings: 'true' } }, /^Update Fields > Settings must be a JSON object, not boolean true \(item 0\)$/],
		['a destination slug with spaces and "!"', destinationCreate({ slug: 'google analytics!' }), /^Slug "google analytics!" is not a destination catalog slug \(item 0\)$/],
		['a destination slug with "../"', destinationCreate({ slug: '../catalog' }), /^Slug "\.\.\/catalog" is not a destination catalog slug \(item 0\)$/],
		['a destination category outside the set', destinationCreate({ categories: ['games'] }), /^Categories may only contain analytics, marketing, crm, ads; "games" is not one of them \(item 0\)$/],
		['an update with nothing to update', { resource: 'destination', operation: 'update', destinationId: rl('d_1'), updateFields: {} }, /^Nothing to update \(item 0\)$/],
	],
};
