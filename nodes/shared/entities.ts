import type { IDataObject } from 'n8n-workflow';

/** What both nodes say about Segment's entities: their names in a pick list, a sync report's shape. */

export function metadataOf(entity: IDataObject): IDataObject {
	const metadata = entity.metadata;
	return metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? (metadata as IDataObject) : {};
}

/** A warehouse's name: Segment keeps it in `settings.name` (there is no top-level name). */
export function warehouseName(entity: IDataObject): string | null {
	const settings = (entity.settings as IDataObject | undefined) ?? {};
	const name = settings.name ?? entity.name;
	return name === undefined || name === null ? null : String(name);
}

/** How an entity is named in a "From list" dropdown or a multi-select. */
export type ListName = (entity: IDataObject) => string;

export const warehouseListName: ListName = (entity) => {
	const type = metadataOf(entity).slug;
	return `${warehouseName(entity) ?? String(entity.id)}${type ? ` (${String(type)})` : ''}`;
};

export const sourceListName: ListName = (entity) => `${String(entity.name ?? entity.slug ?? entity.id)}${entity.slug && entity.name ? ` (${String(entity.slug)})` : ''}`;

export const destinationListName: ListName = (entity) => {
	const slug = metadataOf(entity).slug;
	return `${String(entity.name ?? slug ?? entity.id)}${slug && entity.name ? ` (${String(slug)})` : ''}`;
};

/** A sync report in the shape of SPEC §4.1: Segment's `duration` and `count` under names that say what they are. */
export function simplifySync(warehouseId: string, report: IDataObject): IDataObject {
	return {
		warehouseId,
		sourceId: report.sourceId ?? null,
		status: report.status ?? null,
		start: report.start ?? null,
		end: report.end ?? null,
		durationSeconds: report.duration ?? null,
		rows: report.count ?? null,
		notices: Array.isArray(report.notices) ? report.notices : [],
	};
}
