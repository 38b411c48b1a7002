#!/usr/bin/env node
// `npm run readme:operations`: writes README.md's table of every operation of the node — resource,
// operation, value, action (what the actions panel lists and the AI Agent's tool description starts
// with) and the section that tells more — between the markers below, from the node as built
// (it runs `tsc` first). `-- --check` changes nothing and exits 1 when the table is out of date.
// test/unit/readmeOperations.test.ts checks the same table against the node's description in `npm test`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const README = path.join(root, 'README.md');
export const BEGIN = '<!-- operations:begin -->';
export const END = '<!-- operations:end -->';

// Where README tells more: the resource's own section, or the operation's where it has one.
const PIPELINES = ['Pipelines', '#pipelines-connections-connection-tests-syncs'];
const MONITORING = ['Monitoring', '#monitoring-audit-trail-event-volume-usage-delivery'];
const UPSERT = ['Create or Update', '#create-or-update-upsert'];
const SECTIONS = {
	warehouse: { default: ['Warehouse', '#warehouse'], upsert: UPSERT, connectSource: PIPELINES, disconnectSource: PIPELINES, listConnectedSources: PIPELINES, listSyncs: PIPELINES, testConnection: PIPELINES },
	source: { default: ['Source', '#source'], upsert: UPSERT, listConnectedDestinations: PIPELINES, listConnectedWarehouses: PIPELINES, getDeliveryOverview: MONITORING },
	destination: { default: ['Destination', '#destination'], upsert: UPSERT, getDeliveryMetrics: MONITORING },
	destinationFilter: { default: ['Destination filters', '#destination-filters-routing'] },
	destinationMapping: { default: ['Destination mappings', '#destination-mappings-actions-destinations'] },
	trackingPlan: { default: ['Tracking plans', '#tracking-plans-segment-protocols'] },
	regulation: { default: ['User deletion and suppression', '#user-deletion-and-suppression-gdpr-ccpa'] },
	workspace: { default: MONITORING },
	reverseEtl: { default: ['Reverse ETL', '#reverse-etl-models-and-syncs-after-dbt'] },
};

/** The node's operations, in the order the editor lists them: [{resource, name, value, action}]. */
export function operationsOf(description) {
	const resources = description.properties.find((property) => property.name === 'resource').options;
	return resources.flatMap((resource) => {
		const operation = description.properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value));
		return operation.options.map((option) => ({ resource: resource.value, resourceName: resource.name, name: option.name, value: option.value, action: option.action }));
	});
}

export function renderTable(description) {
	const rows = operationsOf(description).map(({ resource, resourceName, name, value, action }) => {
		const [title, anchor] = SECTIONS[resource]?.[value] ?? SECTIONS[resource]?.default ?? ['Operations', '#operations'];
		return `| ${resourceName} | ${name} | \`${value}\` | ${action} | [${title}](${anchor}) |`;
	});
	const resources = new Set(operationsOf(description).map(({ resource }) => resource));
	const count = `**${resources.size} resources, ${rows.length} operations:**`;
	return [BEGIN, count, '', '| resource | operation | value | action | more |', '|---|---|---|---|---|', ...rows, END].join('\n');
}

function replaceBlock(text, block) {
	const start = text.indexOf(BEGIN);
	const end = text.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md has no block between\n  ${BEGIN}\nand\n  ${END}`);
	return text.slice(0, start) + block + text.slice(end + END.length);
}

async function main() {
	const check = process.argv.includes('--check');
	execFileSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
	const { SegmentParagon } = await import(path.join(root, 'dist/nodes/SegmentParagon/SegmentParagon.node.js'));
	const text = fs.readFileSync(README, 'utf8');
	const updated = replaceBlock(text, renderTable(new SegmentParagon().description));
	if (updated === text) return console.log('README.md: the operations table is up to date');
	if (check) {
		console.error('README.md: the operations table differs from the node; run npm run readme:operations');
		process.exit(1);
	}
	fs.writeFileSync(README, updated);
	console.log('README.md: the operations table rewritten');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	main().catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
}
