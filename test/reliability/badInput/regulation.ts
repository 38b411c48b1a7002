/**
 * The bad-input rows of user deletion and suppression (issue 19): every one refused before anything
 * is sent, naming the parameter (both, for a combination Segment refuses) and the item. Listed in
 * index.ts.
 */
import type { INodeParameters } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import { expr, type BadInputRows } from './rows';

const regulation = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'regulation', operation: 'create', subjectIds: 'user-1', ...extra });
const inSource = (extra: INodeParameters = {}) => regulation({ scope: 'source', sourceId: rl('src_1'), ...extra });
const inCloud = (extra: INodeParameters = {}) => regulation({ scope: 'cloudSource', sourceId: rl('src_1'), collection: 'users', subjectType: 'OBJECT_ID', ...extra });

export const rows: BadInputRows = {
	refused: [
		['a regulation without subject IDs', regulation({ subjectIds: expr('""') }), /^Subject IDs is empty \(item 0\)$/],
		['a regulation whose subject IDs are only commas and blanks', regulation({ subjectIds: ' , ,\n' }), /^Subject IDs is empty \(item 0\)$/],
		['a regulation whose subject IDs are an empty list', regulation({ subjectIds: expr('[]') }), /^Subject IDs is empty \(item 0\)$/],
		['a subject ID with a line break inside (from a list)', regulation({ subjectIds: expr('["ok", "us\\ner"]') }), /^Subject IDs: "us\?er" contains control characters \(item 0\)$/],
		['a subject ID with a NUL character', regulation({ subjectIds: expr('"user\\u0000x"') }), /^Subject IDs: "user\?x" contains control characters \(item 0\)$/],
		['a 257-character subject ID', regulation({ subjectIds: 'u'.repeat(257) }), /^Subject IDs: "u{40}…" is longer than 256 characters \(item 0\)$/],
		['a subject ID that is an object', regulation({ subjectIds: expr('[{ id: 1 }]') }), /^Subject IDs \(entry 1\) must be text, not an object \(item 0\)$/],
		['5,001 subject IDs in one item', regulation({ subjectIds: expr('Array.from({ length: 5001 }, (_, i) => "u" + i)') }), /^Subject IDs has 5001 IDs; Segment takes at most 5000 in one regulation \(item 0\)$/],
		['an unknown regulation type', regulation({ regulationType: expr('"FORGET_ME"') }), /^Regulation Type must be one of SUPPRESS_WITH_DELETE, DELETE_ONLY, SUPPRESS_ONLY, UNSUPPRESS, DELETE_INTERNAL, SUPPRESS_WITH_DELETE_INTERNAL, DELETE_ARCHIVE_ONLY, not "FORGET_ME" \(item 0\)$/],
		['an unknown scope', regulation({ scope: expr('"everywhere"') }), /^Scope must be one of workspace, source, cloudSource, not "everywhere" \(item 0\)$/],
		['Delete Archive Only for the workspace', regulation({ regulationType: 'DELETE_ARCHIVE_ONLY' }), /^Regulation Type Delete Archive Only needs Scope Source, not Workspace \(item 0\)$/],
		['Delete Archive Only for a cloud source', inCloud({ regulationType: 'DELETE_ARCHIVE_ONLY' }), /^Regulation Type Delete Archive Only needs Scope Source, not Cloud Source \(item 0\)$/],
		['Anonymous ID for the workspace', regulation({ subjectType: 'ANONYMOUS_ID' }), /^Subject Type Anonymous ID needs Scope Source, not Workspace \(item 0\)$/],
		['Anonymous ID in a source without Delete Archive Only', inSource({ subjectType: 'ANONYMOUS_ID', regulationType: 'SUPPRESS_ONLY' }), /^Subject Type Anonymous ID needs Regulation Type Delete Archive Only, not Suppress Only \(item 0\)$/],
		['Object ID in a source', inSource({ subjectType: 'OBJECT_ID' }), /^Subject Type Object ID does not go with Scope Source \(item 0\)$/],
		['a cloud source with User ID', inCloud({ subjectType: 'USER_ID' }), /^Scope Cloud Source takes Subject Type Object ID only, not User ID \(item 0\)$/],
		['a cloud source without a collection', inCloud({ collection: '' }), /^Collection is empty: Scope Cloud Source needs the collection \(item 0\)$/],
		['a source scope without a source', regulation({ scope: 'source', sourceId: rl(' ') }), /^Source is empty \(item 0\)$/],
		['Options > Combine Items "maybe"', regulation({ options: { combineItems: expr('"maybe"') } }), /^Options > Combine Items must be true or false, not "maybe" \(item 0\)$/],
		['a regulation id with a line break (Get)', { resource: 'regulation', operation: 'get', regulationId: expr('"reg\\n1"') }, /^Regulation ID contains control characters \(item 0\)$/],
		['a Get Many status outside Segment\'s', { resource: 'regulation', operation: 'list', filters: { status: expr('"DONE"') } }, /^Filters > Status must be one of INITIALIZED, RUNNING, FINISHED, FAILED, PARTIAL_SUCCESS, INVALID, NOT_SUPPORTED, not "DONE" \(item 0\)$/],
	],
};
