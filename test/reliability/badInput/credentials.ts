/** Bad input: credential fields, refused (the error names the field of the Paragon Proxy API credential). */
import { generateKeyPairSync } from 'node:crypto';

import { keys, signingKeyCredentials, userTokenCredentials } from '../../helpers/world';
import { list, type BadInputRows } from './rows';

const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

export const rows: BadInputRows = {
	refused: [
		['a malformed PEM signing key', list(), /^Paragon credential: The Signing Key in the Paragon credential is not a readable PEM private key/, (sb) => signingKeyCredentials(sb, { signingKey: keys.privatePem.slice(0, 300) })],
		['a signing key that is not RSA (EC P-256)', list(), /^Paragon credential: The Signing Key in the Paragon credential is an EC key; Paragon signs user tokens with RS256/, (sb) => signingKeyCredentials(sb, { signingKey: ecKey })],
		['a signing key that is a public key', list(), /^Paragon credential: The Signing Key in the Paragon credential is not a readable PEM private key/, (sb) => signingKeyCredentials(sb, { signingKey: keys.publicPem })],
		['a signing-key credential without a User ID', list(), /^Paragon credential: The Paragon credential signs its own tokens but has no User ID/, (sb) => signingKeyCredentials(sb, { userId: ' ' })],
		['a token lifetime of 10 s', list(), /^Paragon credential: The Token Lifetime in the Paragon credential must be a whole number of seconds between 60 and/, (sb) => signingKeyCredentials(sb, { tokenTtl: 10 })],
		['an empty user token', list(), /^Paragon credential: The Paragon credential has no User Token/, (sb) => userTokenCredentials(sb, { userToken: '  ' })],
		['a project id with "/"', list(), /^Paragon credential: The Project ID in the Paragon credential may only contain letters, digits, "-" and "_"/, (sb) => userTokenCredentials(sb, { projectId: 'a/b' })],
		['a project id "../other"', list(), /^Paragon credential: The Project ID in the Paragon credential may only contain/, (sb) => userTokenCredentials(sb, { projectId: '../other' })],
		['a proxy base URL with ftp://', list(), /^Paragon credential: The Proxy Base URL in the Paragon credential must start with https:\/\/ \(or http:\/\/ for a local sandbox\), not ftp:\/\//, (sb) => userTokenCredentials(sb, { proxyBaseUrl: 'ftp://proxy.example.com' })],
		['a proxy base URL with file://', list(), /^Paragon credential: The Proxy Base URL in the Paragon credential must start with https:\/\//, (sb) => userTokenCredentials(sb, { proxyBaseUrl: 'file:///etc/passwd' })],
		['a proxy base URL with javascript:', list(), /^Paragon credential: The Proxy Base URL in the Paragon credential must start with https:\/\//, (sb) => userTokenCredentials(sb, { proxyBaseUrl: 'javascript:alert(1)' })],
		['a proxy base URL that is not a URL', list(), /^Paragon credential: The Proxy Base URL in the Paragon credential is not a URL/, (sb) => userTokenCredentials(sb, { proxyBaseUrl: 'proxy dot example' })],
		['a proxy base URL with a query', list(), /^Paragon credential: The Proxy Base URL in the Paragon credential must not contain a query/, (sb) => userTokenCredentials(sb, { proxyBaseUrl: `${sb.url}?token=x` })],
	],
};
