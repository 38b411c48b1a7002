/** Bad input: source parameters (slug, platform, categories, name, Enabled, the warehouses to connect), refused. */
import { rl } from '../../helpers/engine';
import { expr, sourceCreate, type BadInputRows } from './rows';

export const rows: BadInputRows = {
	refused: [
		['selected warehouses on a source create, none picked', sourceCreate({ connectWarehouses: 'selected', warehouseIds: expr('[]') }), /^Warehouse IDs is empty \(item 0\)$/],
		['a slug expression giving a list', sourceCreate({ slug: expr('["a"]') }), /^Slug must be text, not a list \(item 0\)$/],
		['a source slug with a space and "!"', sourceCreate({ slug: 'Bad Slug!' }), /^Slug "Bad Slug!" is not a valid source slug \(item 0\)$/],
		['a source slug in upper case', sourceCreate({ slug: 'UPPER' }), /^Slug "UPPER" is not a valid source slug \(item 0\)$/],
		['a source slug starting with "-"', sourceCreate({ slug: '-leading' }), /^Slug "-leading" is not a valid source slug \(item 0\)$/],
		['a source slug with "/"', sourceCreate({ slug: 'a/b' }), /^Slug "a\/b" is not a valid source slug \(item 0\)$/],
		['a source slug with unicode', sourceCreate({ slug: 'ünïcode' }), /^Slug "ünïcode" is not a valid source slug \(item 0\)$/],
		['a 101-character source slug', sourceCreate({ slug: 's'.repeat(101) }), /^Slug "s{60}" is not a valid source slug \(item 0\)$/],
		['a platform outside web, mobile, server', sourceCreate({ platform: 'desktop' }), /^Platform must be one of web, mobile, server, not "desktop" \(item 0\)$/],
		['a source category outside the set ("ads" is for destinations)', sourceCreate({ categories: ['ads'] }), /^Categories may only contain analytics, marketing, crm; "ads" is not one of them \(item 0\)$/],
		['a source update category outside the set', { resource: 'source', operation: 'update', sourceId: rl('src_1'), updateFields: { categories: ['finance'] } }, /^Update Fields > Categories may only contain analytics, marketing, crm; "finance" is not one of them \(item 0\)$/],
		['categories from an expression giving a number', sourceCreate({ categories: expr('5') }), /^Categories must be a list of analytics, marketing, crm, not number 5 \(item 0\)$/],
		['categories from an expression giving an empty list', sourceCreate({ categories: expr('[]') }), /^Categories is empty \(item 0\)$/],
		['Enabled from an expression giving "maybe"', sourceCreate({ additionalFields: { enabled: expr('"maybe"') } }), /^Enabled must be true or false, not "maybe" \(item 0\)$/],
		['a name expression giving an object', sourceCreate({ name: expr('{ x: 1 }') }), /^Name must be text, not an object \(item 0\)$/],
		['a 1001-character name', sourceCreate({ name: 'n'.repeat(1001) }), /^Name is longer than 1000 characters \(item 0\)$/],
		['only an update field the resource does not offer (n8n drops it)', { resource: 'source', operation: 'update', sourceId: rl('s_1'), updateFields: { slug: 'x' } }, /^Nothing to update \(item 0\)$/],
	],
};
