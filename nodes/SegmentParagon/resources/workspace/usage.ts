import { tryToParseDateTime } from 'n8n-workflow';

import { withCounts } from '../../../shared/monitoring';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import type { Params } from '../../../shared/validation';
import { listPaged } from '../crud';
import type { OperationDeclaration } from '../types';

const METRICS = ['mtu', 'apiCalls'] as const;
/** Where each list lives and what it is called in the answer; the counts Segment sends as text. */
const LISTS = {
	mtu: { path: 'mtu', workspace: 'dailyWorkspaceMTUUsage', perSource: 'dailyPerSourceMTUUsage', counts: ['anonymous', 'anonymousIdentified', 'identified', 'neverIdentified'] },
	apiCalls: { path: 'api-calls', workspace: 'dailyWorkspaceAPICallsUsage', perSource: 'dailyPerSourceAPICallsUsage', counts: ['apiCalls'] },
} as const;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])(-01)?$/;
// A date (or date-time) in the month, e.g. 2026-11-17 or 2026-11-17T08:00:00Z.
const DATE = /^\d{4}-\d{2}-\d{2}(T.+)?$/;

/** The usage month as Segment takes it, `2026-11-01`: from `2026-11`, a date in it, or empty (this month). */
function readPeriod(params: Params): string {
	const value = params.raw('period', 'Period', '');
	if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return new Date().toISOString().slice(0, 7) + '-01';
	const text = typeof value === 'string' ? value.trim() : '';
	const month = MONTH.exec(text);
	if (month) return `${month[1]}-${month[2]}-01`;
	try {
		// Text only as an ISO date; a DateTime or Date from an expression as it is.
		const date = typeof value !== 'string' || DATE.test(text) ? tryToParseDateTime(value, params.timezone()) : undefined;
		if (date?.isValid) return `${date.toFormat('yyyy-MM')}-01`;
	} catch {
		// Reported below.
	}
	throw params.fail(`Period must be a month such as 2026-11, not ${JSON.stringify(value)}`, 'Give the month as YYYY-MM (e.g. 2026-11), a date in it, or leave it empty for this month.');
}

/** Get Usage: daily MTU or API calls of a month, for the workspace or per source; Segment's text counts as numbers. */
export const getUsage: OperationDeclaration = {
	value: 'getUsage',
	name: 'Get Usage',
	action: 'Get the daily usage of the workspace',
	description: 'Get the daily usage of the Segment workspace in a month: monthly tracked users (MTU) or API calls, in total or per source',
	paged: true,
	properties: [
		{
			displayName: 'Metric',
			name: 'metric',
			type: 'options',
			default: 'mtu',
			options: [
				{ name: 'API Calls', value: 'apiCalls', description: 'Calls to Segment\'s tracking API' },
				{ name: 'Monthly Tracked Users (MTU)', value: 'mtu', description: 'Users counted towards the bill' },
			],
		},
		{ displayName: 'Per Source', name: 'perSource', type: 'boolean', default: false, description: 'Whether to return one item per day and source instead of one per day for the whole workspace' },
		{ displayName: 'Period', name: 'period', type: 'string', default: '', placeholder: 'e.g. 2026-11', description: 'The month (YYYY-MM); empty: this month. Each day\'s counts are the month\'s so far.' },
	],
	async run(context) {
		const { params } = context;
		const metric = params.choice('metric', 'Metric', METRICS, 'mtu');
		const perSource = params.boolean('perSource', 'Per Source', false);
		const period = readPeriod(params);
		const list = LISTS[metric];
		const path = perSource ? segmentPath('usage', list.path, 'sources', 'daily') : segmentPath('usage', list.path, 'daily');
		const entries = await listPaged(context, path, perSource ? list.perSource : list.workspace, (entry) => entry, undefined, false, { period });
		return entries.map((entry) => withCounts(entry, list.counts));
	},
};

