'use strict';
// Segment's pipeline calls: connect a source to a warehouse, list either side's connections
// (and a source's destinations), validate settings, read a warehouse's connection state.
const { ok, unprocessable } = require('./answers');
const { readPagination, pagination, pageBySeq } = require('./query');
const warehouses = require('./warehouses');
const { audited } = require('./resources');
const sources = require('./sources');
const destinations = require('./destinations');
const { isReachable } = require('./warehouse-settings');

// A 404 that says which side is missing (never the id: clients add it themselves).
function missing(what) {
	return { status: 404, body: { errors: [{ type: 'resource-not-found', message: `${what} not found` }] } };
}

// One page of a connected list as {<key>: [...], pagination}: the query is checked first,
// then the owner (404 naming its kind); records() lists the entities (any order).
function pageOf(params, scope, key, owner, records, toApi) {
	const page = readPagination(params, scope);
	if (page.error) return page.error;
	if (owner.error) return owner.error;
	const all = records();
	const { items, nextSeq } = pageBySeq(all, page.from, page.count);
	return ok({ [key]: items.map(toApi), pagination: pagination(scope, page.current, nextSeq, all.length) });
}

function owner(collection, id, what) {
	return collection.get(id) ? {} : { error: missing(what) };
}

function connectedSources(ws, warehouseId, params) {
	const records = () => ws.connections.sourcesOf(warehouseId).map((id) => ws.sources.get(id)).filter(Boolean);
	return pageOf(params, `warehouses/${warehouseId}/connected-sources`, 'sources', owner(ws.warehouses, warehouseId, 'Warehouse'), records, (r) => sources.toApi(ws, r));
}

function connectedWarehouses(ws, sourceId, params) {
	const records = () => ws.connections.warehousesOf(sourceId).map((id) => ws.warehouses.get(id)).filter(Boolean);
	return pageOf(params, `sources/${sourceId}/connected-warehouses`, 'warehouses', owner(ws.sources, sourceId, 'Source'), records, (r) => warehouses.toApi(ws, r));
}

function connectedDestinations(ws, sourceId, params) {
	const records = () => ws.destinations.all().filter((d) => d.sourceId === sourceId);
	return pageOf(params, `sources/${sourceId}/connected-destinations`, 'destinations', owner(ws.sources, sourceId, 'Source'), records, (r) => destinations.toApi(ws, r));
}

// A warehouse's sources are part of the warehouse: a connection that changed modified it.
function auditConnection(ws, warehouseId) {
	audited(ws, warehouses, ws.warehouses.get(warehouseId), 'update');
}

function bothExist(ws, warehouseId, sourceId) {
	if (!ws.warehouses.get(warehouseId)) return missing('Warehouse');
	if (!ws.sources.get(sourceId)) return missing('Source');
	return null;
}

// Connecting twice is no error; NOT_CONNECTED is left to faults (tests of the node).
function connect(ws, warehouseId, sourceId) {
	const error = bothExist(ws, warehouseId, sourceId);
	if (error) return error;
	if (!ws.connections.has(warehouseId, sourceId)) {
		ws.connections.connect(warehouseId, sourceId);
		auditConnection(ws, warehouseId);
	}
	return ok({ status: 'CONNECTED' });
}

// Disconnecting a pair that is not connected succeeds too (the end state is the same).
function disconnect(ws, warehouseId, sourceId) {
	const error = bothExist(ws, warehouseId, sourceId);
	if (error) return error;
	if (ws.connections.has(warehouseId, sourceId)) {
		ws.connections.disconnect(warehouseId, sourceId);
		auditConnection(ws, warehouseId);
	}
	return ok({ status: 'SUCCESS' });
}

// POST /warehouses/validation: the settings checked as for a create, then "connected to".
function validate(state, body) {
	const { errors } = warehouses.checkNew(state, body, warehouses.validationSpec);
	if (errors.length) return unprocessable(errors);
	return ok({ status: isReachable(body.settings) ? 'CONNECTED' : 'FAILED' });
}

// A state set by a test (sb.setConnectionState) wins over what the settings say.
function connectionState(ws, warehouseId) {
	const record = ws.warehouses.get(warehouseId);
	if (!record) return missing('Warehouse');
	const set = ws.connectionStates.get(warehouseId);
	return ok({ connectionState: set || (isReachable(record.settings) ? 'CONNECTED' : 'FAILED') });
}

const CONNECTION_STATES = ['CONNECTED', 'FAILED'];

// sb.setConnectionState(): a connection going down ('FAILED') and up ('CONNECTED'); null: the settings decide again.
function setConnectionState(ws, warehouseId, connectionState) {
	if (!ws.warehouses.get(warehouseId)) throw new TypeError(`Unknown warehouse "${warehouseId}" in the ${ws.description}`);
	if (connectionState === null) ws.connectionStates.delete(warehouseId);
	else if (CONNECTION_STATES.includes(connectionState)) ws.connectionStates.set(warehouseId, connectionState);
	else throw new TypeError(`connectionState must be ${CONNECTION_STATES.join(', ')} or null`);
}

module.exports = { connectedSources, connectedWarehouses, connectedDestinations, connect, disconnect, validate, connectionState, setConnectionState, missing, pageOf, owner };
