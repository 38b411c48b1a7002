'use strict';
// The module API itself: defaults, options, closing.
const net = require('net');
const { startSandbox, DEFAULTS } = require('../../sandbox');
const { client, PARAGON } = require('./helpers');

test('defaults', async () => {
	expect(DEFAULTS).toEqual({
		host: '127.0.0.1', port: 0, projectId: 'sandbox-project', tokens: { 'sandbox-user-token': 'sandbox-user' },
		publicKey: undefined, connectedUsers: ['sandbox-user'], seed: false, latencyMs: 0, syncsPerMinute: null, syncsWindowMs: 60000,
		syncsPerMinuteByUser: {}, eventVolumePerMinute: 60, eventVolumeWindowMs: 60000, mappingWritesPerMinute: 5, mappingWritesWindowMs: 60000, clock: null, ruleReadsPerMinute: 200, ruleReadsWindowMs: 60000, maxUrlLength: 8192,
	});
	const sb = await startSandbox();
	try {
		expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
		expect(sb.port).toBeGreaterThan(0);
		expect(sb.projectId).toBe('sandbox-project');
		expect(sb.requests).toEqual([]);
		expect((await client(sb)('GET', '/labels')).status).toBe(200);
	} finally {
		await sb.close();
	}
});

test('custom project, tokens and connected users', async () => {
	const sb = await startSandbox({ projectId: 'p-1', tokens: { t1: 'u1', t2: 'u2' }, connectedUsers: ['u2'] });
	try {
		expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect((await client(sb, { token: 't2' })('GET', '/labels')).status).toBe(200);
		expect((await client(sb, { token: 't1' })('GET', '/labels')).body).toEqual(PARAGON.notEnabled);
		expect((await client(sb, { token: 'sandbox-user-token' })('GET', '/labels')).body).toEqual(PARAGON.invalidToken);
	} finally {
		await sb.close();
	}
});

test('close ends open keep-alive connections and can be called twice', async () => {
	const sb = await startSandbox();
	await client(sb)('GET', '/labels');
	sb.addFault({ delayMs: 10000 });
	const pending = client(sb)('GET', '/labels').catch((error) => error);
	await new Promise((resolve) => setTimeout(resolve, 50));
	await Promise.all([sb.close(), sb.close()]);
	expect((await pending).message).toBe('fetch failed');
});

test('a port in use is an error', async () => {
	const blocker = net.createServer();
	await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
	try {
		await expect(startSandbox({ port: blocker.address().port })).rejects.toThrow(/EADDRINUSE/);
	} finally {
		blocker.close();
	}
});

test.each([
	[{ projectId: '' }, /projectId/],
	[{ tokens: null }, /tokens/],
	[{ connectedUsers: 'sandbox-user' }, /connectedUsers/],
	[{ latencyMs: -5 }, /latencyMs/],
	[{ syncsPerMinute: 0 }, /syncsPerMinute/],
	[{ syncsPerMinute: 1.5 }, /syncsPerMinute/],
	[{ syncsWindowMs: 0 }, /syncsWindowMs/],
	[{ publicKey: 'not a pem' }, /./],
])('bad options %j are refused', async (options, message) => {
	await expect(startSandbox(options)).rejects.toThrow(message);
});
