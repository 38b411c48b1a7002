'use strict';
// Segment's official TypeScript SDK (a client nobody here wrote) against the sandbox, pointed at
// Paragon's proxy path with a Paragon user token and X-Paragon-Use-Raw-Response: 1. Every
// endpoint the node uses must succeed, and what it reads back must carry SPEC §2's fields.
const PublicApi = require('@segment/public-api-sdk-typescript');
const { TOKEN, SETTINGS, proxyBase, useSandbox } = require('./helpers');
const { useSdk, data } = require('./sdk-helpers');

const sb = useSandbox();
const sdk = useSdk(sb);
let api;
beforeAll(() => {
	api = sdk();
});

const PAGE = { count: 200 };
const catalogEntry = async (kind, slug) => {
	const calls = { warehouses: 'getWarehousesCatalog', sources: 'getSourcesCatalog', destinations: 'getDestinationsCatalog' };
	const listed = await data(api.catalog[calls[kind]](PAGE));
	return listed[`${kind}Catalog`].find((entry) => entry.slug === slug);
};

test('catalogs: warehouse entries carry options, sources categories, destinations platforms', async () => {
	const redshift = await catalogEntry('warehouses', 'redshift');
	expect(redshift.options.map((o) => o.name)).toEqual(expect.arrayContaining(['hostname', 'port', 'database', 'username', 'password']));
	expect(redshift.options.find((o) => o.name === 'port')).toMatchObject({ type: 'string', required: true, defaultValue: '5439' });
	expect((await catalogEntry('sources', 'javascript')).categories).toEqual(['Website']);
	expect((await catalogEntry('destinations', 'google-analytics')).supportedPlatforms).toEqual({ browser: true, server: true, mobile: true });
	const firstPage = await data(api.catalog.getWarehousesCatalog({ count: 2 }));
	const secondPage = await data(api.catalog.getWarehousesCatalog({ count: 2, cursor: firstPage.pagination.next }));
	expect(secondPage.warehousesCatalog[0].slug).toBe('snowflake');
});

test('labels, sources (created without name, then named), connections, destinations, filters, syncs', async () => {
	// Labels
	const created = await data(api.labels.createLabel({ label: { key: 'platform', value: 'web' } }));
	expect(created.label).toEqual({ key: 'platform', value: 'web' });
	expect((await data(api.labels.listLabels())).labels).toEqual([{ key: 'platform', value: 'web' }]);

	// Warehouse: settings from the catalog, name in settings.name, secrets masked
	const redshift = await catalogEntry('warehouses', 'redshift');
	await expect(data(api.warehouses.createValidationInWarehouse({ metadataId: redshift.id, settings: SETTINGS.redshift }))).resolves.toEqual({ status: 'CONNECTED' });
	const { warehouse } = await data(api.warehouses.createWarehouse({ metadataId: redshift.id, name: 'My Data Warehouse', enabled: true, settings: SETTINGS.redshift }));
	expect(warehouse).toMatchObject({ id: expect.any(String), workspaceId: sb.workspaceId('us'), enabled: true, metadata: { id: redshift.id, slug: 'redshift', name: 'Redshift' } });
	expect(warehouse.settings).toMatchObject({ name: 'My Data Warehouse', hostname: SETTINGS.redshift.hostname, port: '5439', encrypted: true, ciphertext: expect.any(String) });
	expect(warehouse.settings.password).not.toBe(SETTINGS.redshift.password);
	expect((await data(api.warehouses.getWarehouse(warehouse.id))).warehouse.settings.name).toBe('My Data Warehouse');
	const renamed = await data(api.warehouses.updateWarehouse(warehouse.id, { name: 'Renamed', settings: {} }));
	expect(renamed.warehouse.settings.name).toBe('Renamed');
	expect((await data(api.warehouses.listWarehouses({ count: 10 }))).warehouses.map((w) => w.id)).toEqual([warehouse.id]);

	// Source: POST without name, PATCH the name, replace its labels
	const javascript = await catalogEntry('sources', 'javascript');
	const { source } = await data(api.sources.createSource({ slug: 'website', enabled: true, metadataId: javascript.id }));
	expect(source.writeKeys).toEqual([expect.stringMatching(/^[0-9A-Za-z]{32}$/)]);
	expect((await data(api.sources.updateSource(source.id, { name: 'Website' }))).source.name).toBe('Website');
	expect((await data(api.sources.replaceLabelsInSource(source.id, { labels: [{ key: 'platform', value: 'web' }] }))).labels).toEqual([{ key: 'platform', value: 'web' }]);
	const read = (await data(api.sources.getSource(source.id))).source;
	expect(read).toMatchObject({ id: source.id, slug: 'website', name: 'Website', enabled: true, workspaceId: sb.workspaceId('us'), labels: [{ key: 'platform', value: 'web' }], metadata: { slug: 'javascript', categories: ['Website'] } });
	expect(read.writeKeys).toHaveLength(1);
	expect((await data(api.sources.listSources({ count: 10 }))).sources.map((s) => s.id)).toEqual([source.id]);

	// Connections: the new source joined the warehouse; disconnect and connect again
	expect((await data(api.warehouses.listConnectedSourcesFromWarehouse(warehouse.id, { count: 10 }))).sources.map((s) => s.id)).toEqual([source.id]);
	expect(await data(api.warehouses.removeSourceConnectionFromWarehouse(warehouse.id, source.id))).toEqual({ status: 'SUCCESS' });
	expect((await data(api.sources.listConnectedWarehousesFromSource(source.id, { count: 10 }))).warehouses).toEqual([]);
	expect(await data(api.warehouses.addConnectionFromSourceToWarehouse(warehouse.id, source.id))).toEqual({ status: 'CONNECTED' });
	const warehousesOfSource = (await data(api.sources.listConnectedWarehousesFromSource(source.id, { count: 10 }))).warehouses;
	expect(warehousesOfSource.map((w) => w.settings.name)).toEqual(['Renamed']);
	expect(await data(api.warehouses.getConnectionStateFromWarehouse(warehouse.id))).toEqual({ connectionState: 'CONNECTED' });

	// Syncs
	sb.addSyncReports(warehouse.id, [{ status: 'SUCCESS' }, { status: 'FAILED', notices: [{ message: 'Load failed' }] }]);
	const syncs = await data(api.selectiveSync.listSyncsFromWarehouse(warehouse.id, { count: 10 }));
	expect(syncs.reports.map((r) => [r.sourceId, r.status])).toEqual([[source.id, 'SUCCESS'], [source.id, 'FAILED']]);
	expect(syncs.reports[1]).toEqual(expect.objectContaining({ start: expect.any(String), duration: expect.any(Number), humanDuration: expect.any(String), count: 0, notices: [expect.objectContaining({ message: 'Load failed' })] }));

	// Destination
	const ga = await catalogEntry('destinations', 'google-analytics');
	const { destination } = await data(api.destinations.createDestination({ sourceId: source.id, metadataId: ga.id, name: 'GA', enabled: true, settings: { trackingId: 'UA-1' } }));
	expect(destination).toMatchObject({ name: 'GA', enabled: true, sourceId: source.id, metadata: { slug: 'google-analytics', categories: ['Analytics'], supportedPlatforms: { browser: true, server: true, mobile: true } } });
	expect((await data(api.destinations.updateDestination(destination.id, { enabled: false }))).destination.enabled).toBe(false);
	expect((await data(api.destinations.getDestination(destination.id))).destination.settings).toEqual({ trackingId: 'UA-1' });
	expect((await data(api.destinations.listDestinations({ count: 10 }))).destinations.map((d) => d.id)).toEqual([destination.id]);
	expect((await data(api.sources.listConnectedDestinationsFromSource(source.id, { count: 10 }))).destinations.map((d) => d.id)).toEqual([destination.id]);

	// Destination filters
	const filterInput = { sourceId: source.id, if: 'type = "track" and event = "Order Completed"', actions: [{ type: 'DROP' }], title: 'Drop orders', enabled: true };
	const { filter } = await data(api.destinationFilters.createFilterForDestination(destination.id, filterInput));
	expect(filter).toMatchObject({ ...filterInput, id: expect.any(String), destinationId: destination.id, createdAt: expect.any(String), updatedAt: expect.any(String) });
	const sample = await data(api.destinationFilters.updateFilterForDestination(destination.id, filter.id, { actions: [{ type: 'SAMPLE', percent: 0.5 }], description: 'Half' }));
	expect(sample.filter).toMatchObject({ actions: [{ type: 'SAMPLE', percent: 0.5 }], description: 'Half' });
	expect((await data(api.destinationFilters.getFilterInDestination(destination.id, filter.id))).filter.title).toBe('Drop orders');
	expect((await data(api.destinationFilters.listFiltersFromDestination(destination.id, { count: 10 }))).filters.map((f) => f.id)).toEqual([filter.id]);
	expect(await data(api.destinationFilters.removeFilterFromDestination(destination.id, filter.id))).toEqual({ status: 'SUCCESS' });

	// Deletes
	expect(await data(api.destinations.deleteDestination(destination.id))).toEqual({ status: 'SUCCESS' });
	expect(await data(api.sources.deleteSource(source.id))).toEqual({ status: 'SUCCESS' });
	expect(await data(api.warehouses.deleteWarehouse(warehouse.id))).toEqual({ status: 'SUCCESS' });

	// Every request carried the Paragon token and the raw-response header; none was refused.
	expect(sb.requests.every((r) => r.rawResponse && r.auth && r.auth.kind === 'static' && r.status === 200)).toBe(true);
	expect(sb.requests.length).toBeGreaterThanOrEqual(35);
});

test('destination mappings: the catalog entry with actions and presets, and the five subscription calls', async () => {
	const amplitude = await catalogEntry('destinations', 'actions-amplitude');
	const metadata = (await data(api.catalog.getDestinationMetadata(amplitude.id))).destinationMetadata;
	expect(metadata.presets).toHaveLength(7);
	const logEvent = metadata.actions.find((action) => action.slug === 'logEventV2');
	expect(logEvent.fields.find((field) => field.fieldKey === 'event_type')).toMatchObject({ label: 'Event Type', type: 'STRING', required: true, defaultValue: { '@path': '$.event' } });
	const { source } = await data(api.sources.createSource({ slug: 'app', enabled: true, metadataId: (await catalogEntry('sources', 'javascript')).id }));
	const { destination } = await data(api.destinations.createDestination({ sourceId: source.id, metadataId: amplitude.id, name: 'Amplitude', enabled: true, settings: {} }));
	expect((await data(api.destinations.getDestination(destination.id))).destination.metadata.actions.map((action) => action.id)).toEqual(metadata.actions.map((action) => action.id));

	const input = { name: 'Orders', actionId: logEvent.id, trigger: 'type = "track" and event = "Order Completed"', enabled: true, settings: { event_type: { '@template': 'Order {{properties.order_id}}' }, user_id: { '@path': '$.userId' } } };
	const made = (await data(api.destinations.createDestinationSubscription(destination.id, input))).destinationSubscription;
	expect(made).toEqual({ ...input, id: expect.any(String), actionSlug: 'logEventV2', destinationId: destination.id });
	expect((await data(api.destinations.getSubscriptionFromDestination(destination.id, made.id))).subscription).toEqual(made);
	const updated = (await data(api.destinations.updateSubscriptionForDestination(destination.id, made.id, { input: { enabled: false, trigger: 'type = "track"' } }))).subscription;
	expect(updated).toEqual({ ...made, enabled: false, trigger: 'type = "track"' });
	const listed = await data(api.destinations.listSubscriptionsFromDestination(destination.id, { count: 10 }));
	expect(listed.subscriptions).toEqual([updated]);
	expect(await data(api.destinations.removeSubscriptionFromDestination(destination.id, made.id))).toEqual({ status: 'SUCCESS' });

	// Segment's validation reaches the SDK as the 422 body.
	const refused = await api.destinations.createDestinationSubscription(destination.id, { ...input, settings: { eventType: 'x' } }).catch((error) => error);
	expect(refused.statusCode).toBe(422);
	expect(refused.body.errors.map((e) => e.field)).toEqual(['settings.eventType', 'settings.event_type']);
});

test('the SDK\'s errors are Segment\'s: a refused create rejects with the 422 body', async () => {
	const redshift = await catalogEntry('warehouses', 'redshift');
	const refused = await api.warehouses.createWarehouse({ metadataId: redshift.id, settings: { host: 'x' } }).catch((error) => error);
	expect(refused.statusCode).toBe(422);
	expect(refused.body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['settings.host', 'settings.hostname']));
});

// Monitoring (SPEC §4.12) with the SDK installed here (API 47): its argument orders are 47's
// (pagination first in listAuditEvents); Delivery Overview is built by hand (configureApis of 47
// does not list it) and given API 73's upper-case granularity, which the sandbox requires.
test('monitoring: workspace, audit trail, event volume, usage, delivery metrics and overview', async () => {
	const javascript = await catalogEntry('sources', 'javascript');
	const { source } = await data(api.sources.createSource({ slug: 'website', enabled: true, metadataId: javascript.id }));
	const ga = await catalogEntry('destinations', 'google-analytics');
	const { destination } = await data(api.destinations.createDestination({ sourceId: source.id, metadataId: ga.id, name: 'GA', enabled: true, settings: {} }));

	expect(await data(api.workspaces.getWorkspace())).toEqual({ workspace: { id: sb.workspaceId('us'), slug: 'sandbox-workspace-us', name: 'Sandbox Workspace US' } });

	const audit = await data(api.auditTrail.listAuditEvents({ count: 10 }, new Date(Date.now() - 3600e3).toISOString(), undefined, undefined, 'source'));
	expect(audit.events.map((e) => [e.type, e.resourceId])).toEqual([['Source Created', source.id]]);

	const end = Math.floor(Date.now() / 60000) * 60000;
	const [startTime, endTime] = [new Date(end - 3600e3).toISOString(), new Date(end).toISOString()];
	sb.setEventVolume({ sourceId: source.id, eventName: 'Page Viewed', eventType: 'page', from: end - 1800e3, to: end, perMinute: 3 });
	const volume = await data(api.events.getEventsVolumeFromWorkspace('HOUR', startTime, endTime, ['source', 'eventName'], [source.id], ['Page Viewed'], ['page']));
	expect(volume.result).toEqual([expect.objectContaining({ source: { id: source.id, slug: 'website' }, eventName: 'Page Viewed', total: 90 })]);
	expect(sb.requests[sb.requests.length - 1].query).toMatchObject({ 'groupBy[0]': 'source', 'groupBy[1]': 'eventName', 'sourceId[0]': source.id });

	const period = `${new Date().toISOString().slice(0, 7)}-01`;
	const mtu = await data(api.monthlyTrackedUsers.getDailyWorkspaceMTUUsage(period, { count: 31 }));
	expect(mtu.dailyWorkspaceMTUUsage[mtu.dailyWorkspaceMTUUsage.length - 1]).toMatchObject({ anonymous: '9', identified: '3' });
	expect((await data(api.monthlyTrackedUsers.getDailyPerSourceMTUUsage(period, { count: 31 }))).dailyPerSourceMTUUsage[0].sourceId).toBe(source.id);
	const calls = await data(api.apiCalls.getDailyWorkspaceAPICallsUsage(period, { count: 31 }));
	expect(calls.dailyWorkspaceAPICallsUsage[calls.dailyWorkspaceAPICallsUsage.length - 1].apiCalls).toBe('90');
	expect((await data(api.apiCalls.getDailyPerSourceAPICallsUsage(period, { count: 31 }))).dailyPerSourceAPICallsUsage[0]).toMatchObject({ sourceId: source.id });

	sb.setDeliveryCounts({ step: 'failed-delivery', destinationId: destination.id, eventName: 'Page Viewed', eventType: 'page', discardReason: 'Bad Request', from: end - 600e3, to: end, perMinute: 2 });
	const metrics = await data(api.destinations.listDeliveryMetricsSummaryFromDestination(destination.id, source.id, startTime, endTime, 'MINUTE'));
	expect(metrics.deliveryMetricsSummary).toMatchObject({ sourceId: source.id, destinationMetadataId: ga.id, metrics: expect.arrayContaining([{ metricName: 'failures', total: 20, breakdown: [{ metricName: 'Bad Request', value: 20 }] }]) });

	const overview = new PublicApi.DeliveryOverviewApi(proxyBase(sb));
	overview.accessToken = TOKEN;
	overview.defaultHeaders = { 'X-Paragon-Use-Raw-Response': '1' };
	const failed = await data(overview.getEgressFailedMetricsFromDeliveryOverview(source.id, destination.id, startTime, endTime, 'MINUTE', { count: 10 }, ['discardReason'], { eventName: ['Page Viewed'] }));
	expect(failed).toMatchObject({ total: 20, dataset: [{ discardReason: 'Bad Request', total: 20 }] });
	expect(sb.requests[sb.requests.length - 1].query).toMatchObject({ 'filter[eventName][0]': 'Page Viewed', 'pagination[count]': '10' });
	const received = await data(overview.getIngressSuccessMetricsFromDeliveryOverview(source.id, startTime, endTime, 'HOUR', { count: 10 }));
	expect(received.total).toBe(90);
});

test('regulations: the three creates, the lists with their filters, one regulation, suppressions; no cancel', async () => {
	const regulations = api.deletionAndSuppresion;
	const zendesk = await catalogEntry('sources', 'zendesk');
	const javascript = await catalogEntry('sources', 'javascript');
	const { source } = await data(api.sources.createSource({ slug: 'website', enabled: true, metadataId: javascript.id }));
	const cloud = (await data(api.sources.createSource({ slug: 'helpdesk', enabled: true, metadataId: zendesk.id }))).source;

	const workspaceScoped = await data(regulations.createWorkspaceRegulation({ regulationType: 'SUPPRESS_WITH_DELETE', subjectType: 'USER_ID', subjectIds: ['user-1', 'user-2'] }));
	expect(workspaceScoped.regulateId).toMatch(/^[0-9A-Za-z]{27}$/);
	const sourceScoped = await data(regulations.createSourceRegulation(source.id, { regulationType: 'DELETE_ARCHIVE_ONLY', subjectType: 'ANONYMOUS_ID', subjectIds: ['anon-1'] }));
	const cloudScoped = await data(regulations.createCloudSourceRegulation(cloud.id, { regulationType: 'DELETE_ONLY', subjectType: 'OBJECT_ID', subjectIds: ['ticket-9'], collection: 'tickets' }));
	await data(regulations.createWorkspaceRegulation({ regulationType: 'UNSUPPRESS', subjectType: 'USER_ID', subjectIds: ['user-2'] }));

	// The SDK sends pagination[count] and regulationTypes[0]=…
	const listed = await data(regulations.listWorkspaceRegulations({ count: 10 }, 'INITIALIZED', ['SUPPRESS_WITH_DELETE']));
	expect(listed.regulations).toEqual([expect.objectContaining({ id: workspaceScoped.regulateId, subjects: ['user-1', 'user-2'], status: 'INITIALIZED', regulationType: 'SUPPRESS_WITH_DELETE' })]);
	expect((await data(regulations.listRegulationsFromSource(source.id, { count: 10 }))).regulations.map((r) => r.id)).toEqual([sourceScoped.regulateId]);
	expect((await data(regulations.listRegulationsFromSource(cloud.id, { count: 10 }, undefined, ['DELETE_ONLY']))).regulations.map((r) => r.id)).toEqual([cloudScoped.regulateId]);
	const { regulation } = await data(regulations.getRegulation(workspaceScoped.regulateId));
	expect(regulation).toMatchObject({ id: workspaceScoped.regulateId, workspaceId: sb.workspaceId('us'), overallStatus: 'INITIALIZED', streamStatus: [{ id: source.id, destinationStatus: [] }, { id: cloud.id, destinationStatus: [] }] });
	expect((await data(regulations.listSuppressions({ count: 10 }))).suppressed).toEqual([{ subjectType: 'USER_ID', subjectIds: ['user-1'] }]);

	// Segment removed the cancel call: the SDK's deleteRegulation meets a 405 and the regulation stays.
	const cancel = await regulations.deleteRegulation(workspaceScoped.regulateId).catch((error) => error);
	expect(cancel.statusCode).toBe(405);
	const refused = await regulations.createWorkspaceRegulation({ regulationType: 'DELETE_ARCHIVE_ONLY', subjectType: 'USER_ID', subjectIds: ['x'] }).catch((error) => error);
	expect(refused.statusCode).toBe(422);
	expect(refused.body.errors.map((e) => e.field)).toEqual(['regulationType']);
	expect(sb.regulations()).toHaveLength(4);
});
