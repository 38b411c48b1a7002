import { describeHttpFailure } from '../../nodes/shared/transport/errors';
import { destination, inCategories, normaliseSlug, seedCategories, supportedPlatforms } from '../../nodes/SegmentParagon/resources/destination/destination';
import { source } from '../../nodes/SegmentParagon/resources/source/source';
import { warehouse } from '../../nodes/SegmentParagon/resources/warehouse/warehouse';
import { redact, secretValues } from '../../nodes/shared/transport/redact';

describe('warehouse.simplify', () => {
	it('gives the seed\'s shape, name from settings, secrets left out', () => {
		const entity = {
			id: 'wh_1',
			workspaceId: 'ws_1',
			enabled: true,
			metadata: { id: 'meta_rs', slug: 'redshift', name: 'Redshift' },
			settings: { name: 'My Data Warehouse', host: 'example.redshift.amazonaws.com', port: 5439, username: 'user', password: 'hunter22' },
		};
		expect(warehouse.simplify({ entity })).toEqual({
			id: 'wh_1',
			name: 'My Data Warehouse',
			type: 'redshift',
			connection: { host: 'example.redshift.amazonaws.com', port: 5439, username: 'user' },
			status: 'active',
			workspaceId: 'ws_1',
		});
	});

	it('falls back to a top-level name and reports disabled as inactive', () => {
		const simple = warehouse.simplify({ entity: { id: 'w', name: 'Top', enabled: false, metadata: { slug: 'bigquery' }, settings: { credentials: '{...}', dataset: 'd' } } });
		expect(simple).toMatchObject({ name: 'Top', status: 'inactive', type: 'bigquery', connection: { dataset: 'd' } });
	});
});

describe('source.simplify', () => {
	const entity = {
		id: 'src_1',
		slug: 'website_analytics',
		name: 'Website Analytics',
		enabled: true,
		writeKeys: ['wk'],
		metadata: { id: 'IqDTy1TpoU', slug: 'javascript', name: 'Javascript', categories: ['Website'] },
		labels: [
			{ key: 'platform', value: 'web' },
			{ key: 'category', value: 'analytics' },
			{ key: 'team', value: 'growth' },
			{ key: 'category', value: 'crm' },
		],
	};

	it('reads platform and categories from the labels', () => {
		expect(source.simplify({ entity })).toEqual({
			id: 'src_1',
			name: 'Website Analytics',
			slug: 'website_analytics',
			metadata: { platform: 'web', categories: ['analytics', 'crm'] },
			status: 'active',
			writeKeys: ['wk'],
			catalog: { id: 'IqDTy1TpoU', slug: 'javascript', name: 'Javascript' },
		});
	});

	it('gives null platform and no categories without labels', () => {
		expect(source.simplify({ entity: { ...entity, labels: [] } }).metadata).toEqual({ platform: null, categories: [] });
	});
});

describe('destination mapping', () => {
	const ga = { id: 'meta_ga', slug: 'google-analytics', name: 'Google Analytics', categories: ['Analytics'], supportedPlatforms: { browser: true, server: true, mobile: true } };
	const pixel = { id: 'meta_fb', slug: 'facebook-pixel', name: 'Facebook Pixel', categories: ['Advertising'], supportedPlatforms: { browser: true, server: false, mobile: false } };
	const email = { id: 'meta_cio', slug: 'customer-io', name: 'Customer.io', categories: ['Email Marketing'], supportedPlatforms: { browser: false, server: true, mobile: true } };

	it('compares slugs with _ and - alike', () => {
		expect(normaliseSlug('Google_Analytics')).toBe(normaliseSlug('google-analytics'));
	});

	it('writes categories in the seed\'s words', () => {
		expect(seedCategories(pixel)).toEqual(['ads']);
		expect(seedCategories(email)).toEqual(['email marketing']);
		expect(inCategories(email, ['marketing'])).toBe(true);
		expect(inCategories(ga, ['ads', 'crm'])).toBe(false);
	});

	it('orders supported platforms web, server, mobile', () => {
		expect(supportedPlatforms(email)).toEqual(['server', 'mobile']);
		expect(supportedPlatforms(pixel)).toEqual(['web']);
	});

	it('simplifies with the platform chosen at create, else the first supported', () => {
		const entity = { id: 'd1', name: 'GA', enabled: false, sourceId: 'src_1', metadata: email };
		expect(destination.simplify({ entity, platform: 'mobile' })).toEqual({
			id: 'd1',
			name: 'GA',
			slug: 'customer-io',
			metadata: { platform: 'mobile', categories: ['email marketing'] },
			status: 'inactive',
			sourceId: 'src_1',
		});
		expect(destination.simplify({ entity }).metadata).toEqual({ platform: 'server', categories: ['email marketing'] });
	});
});

describe('redaction', () => {
	it('finds secrets in settings and masks them in text', () => {
		const body = { settings: { host: 'h', password: 'hunter22', nested: { apiKey: 'k-123456' } }, name: 'x' };
		const secrets = secretValues(body);
		expect(secrets.sort()).toEqual(['hunter22', 'k-123456']);
		expect(redact('bad password "hunter22" for k-123456', secrets)).toBe('bad password "[redacted]" for [redacted]');
	});
});

describe('describeHttpFailure on 404', () => {
	const context = { notFound: 'Warehouse wh_1', tokenExpired: false, signedByNode: false, retries: 0 };

	it('names the entity whatever the body (Segment\'s errors, empty, or a bare message)', () => {
		expect(describeHttpFailure(404, { errors: [{ type: 'resource-not-found', message: 'Resource not found' }] }, context).message).toBe('Warehouse wh_1 was not found');
		expect(describeHttpFailure(404, '', context).message).toBe('Warehouse wh_1 was not found');
		expect(describeHttpFailure(404, { message: 'Not Found' }, context).message).toBe('Warehouse wh_1 was not found');
	});

	it('blames the project when Paragon says the project or integration is missing', () => {
		expect(describeHttpFailure(404, { message: 'Project not found.', status: 404 }, context).message).toBe('Paragon could not find this project or integration');
		expect(describeHttpFailure(404, { message: 'Not found.' }, { ...context, notFound: undefined }).message).toBe('Paragon could not find this project or integration');
	});
});
