import { proxyUrl, readProxySettings, segmentPath } from '../../nodes/shared/transport/proxyUrl';

describe('proxyUrl', () => {
	it('defaults to Paragon cloud and the US workspace', () => {
		expect(proxyUrl(readProxySettings({ projectId: 'p-1' }))).toBe('https://proxy.useparagon.com/projects/p-1/sdk/proxy/segment');
	});

	it('sends EU workspaces to Segment\'s EU host as a full-URL override', () => {
		expect(proxyUrl(readProxySettings({ projectId: 'p-1', region: 'eu', proxyBaseUrl: 'https://worker-proxy.example.com/' }))).toBe(
			'https://worker-proxy.example.com/projects/p-1/sdk/proxy/segment/https://eu1.api.segmentapis.com',
		);
	});

	it.each([
		[{ projectId: '' }, /no Project ID/],
		[{ projectId: 'a/b' }, /may only contain/],
		[{ projectId: '../x' }, /may only contain/],
		[{ projectId: 'p', proxyBaseUrl: 'ftp://proxy.example.com' }, /must start with https/],
		[{ projectId: 'p', proxyBaseUrl: 'not a url' }, /not a URL/],
		[{ projectId: 'p', proxyBaseUrl: 'https://proxy.example.com/?x=1' }, /must not contain a query/],
		[{ projectId: 'p', region: 'apac' }, /"us" or "eu"/],
	])('refuses %j', (credentials, message) => {
		expect(() => readProxySettings(credentials)).toThrow(message);
	});
});

describe('segmentPath', () => {
	it('keeps every id one encoded segment', () => {
		expect(segmentPath('warehouses', '../workspaces')).toBe('/warehouses/..%2Fworkspaces');
		expect(segmentPath('sources', 'a/b?x=1#y', 'labels')).toBe('/sources/a%2Fb%3Fx%3D1%23y/labels');
		expect(segmentPath('destinations', '%41é')).toBe('/destinations/%2541%C3%A9');
	});
});
