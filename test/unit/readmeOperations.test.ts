/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: reads README.md (fs, __dirname) in Node.js, never runs inside n8n */
/**
 * README.md against the node's description. The convention README follows (and
 * `npm run readme:operations` writes): one table between `<!-- operations:begin -->` and
 * `<!-- operations:end -->` with a row `| resource | operation | value | action | more |` for every
 * operation, in the editor's order. Elsewhere, an operation is named as `Name (`value`)` (bold or
 * not), and a table row that starts with a resource's name and names an operation that way says the
 * resource has it. Every `(#anchor)` link goes to a heading.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { SegmentParagon } from '../../nodes/SegmentParagon/SegmentParagon.node';
import { SegmentParagonTrigger } from '../../nodes/SegmentParagonTrigger/SegmentParagonTrigger.node';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const BEGIN = '<!-- operations:begin -->';
const END = '<!-- operations:end -->';

interface Operation {
	resource: string;
	name: string;
	value: string;
	action: string;
}

function operationsOf(description: INodeTypeDescription): Operation[] {
	const resources = description.properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[];
	return resources.flatMap((resource) => {
		const property = description.properties.find((candidate) => candidate.name === 'operation' && candidate.displayOptions?.show?.resource?.includes(resource.value))!;
		return (property.options as INodePropertyOptions[]).map((option) => ({ resource: resource.name, name: option.name, value: String(option.value), action: String(option.action) }));
	});
}

const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
const withoutCode = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');

const node = new SegmentParagon().description;
const operations = operationsOf(node);
const events = (new SegmentParagonTrigger().description.properties.find((property) => property.name === 'event')!.options as INodePropertyOptions[]).map((option) => ({ name: option.name, value: String(option.value) }));
const resources = (node.properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[]).map((option) => ({ name: option.name, value: String(option.value) }));

describe('README.md: the operations table', () => {
	const start = README.indexOf(BEGIN);
	const end = README.indexOf(END);
	const block = README.slice(start + BEGIN.length, end);
	const rows = block.split('\n').filter((line) => line.startsWith('|')).slice(2).map(cells);

	it('is there, between its markers', () => {
		expect(start).toBeGreaterThan(0);
		expect(end).toBeGreaterThan(start);
	});

	it('has one row per operation of the node, in the editor\'s order: resource, operation, value, action', () => {
		const listed = rows.map(([resource, name, value, action]) => ({ resource, name, value: value.replace(/`/g, ''), action }));
		expect(listed).toEqual(operations);
	});

	it('counts them right', () => {
		expect(block).toContain(`**${resources.length} resources, ${operations.length} operations:**`);
	});

	it('each row links to a section of README', () => {
		for (const row of rows) expect(row[4]).toMatch(/^\[[^\]]+\]\(#[a-z0-9-]+\)$/);
	});
});

describe('README.md: the trigger\'s events table', () => {
	// The table of Trigger whose header starts "| Event (`event`)": a row per event, "**Name** (`value`)" first.
	const lines = README.split('\n');
	const header = lines.findIndex((line) => line.startsWith('| Event (`event`)'));
	const rows: string[] = [];
	for (let index = header + 2; header >= 0 && lines[index]?.startsWith('|'); index++) rows.push(lines[index]);
	const listed = rows.map((row) => cells(row)[0].match(/^\*\*([^*]+)\*\* \(`([A-Za-z]+)`\)$/)).map((match) => (match ? { name: match[1], value: match[2] } : undefined));

	it('has one row per event of the trigger, named as the Event list shows it', () => {
		const byValue = (a?: { value: string }, b?: { value: string }) => String(a?.value).localeCompare(String(b?.value));
		expect(listed.sort(byValue)).toEqual([...events].sort(byValue));
	});
});

describe('README.md: operations named elsewhere', () => {
	const text = withoutCode(README.slice(0, README.indexOf(BEGIN)) + README.slice(README.indexOf(END)));
	const pairs = new Set([...operations, ...resources, ...events].map(({ name, value }) => `${name}|${value}`));
	const values = new Set([...operations, ...resources, ...events].map(({ value }) => value));
	const names = new Set([...operations, ...resources, ...events].map(({ name }) => name));

	it('every "Name (`value`)" of an operation, resource or trigger event is one the nodes have', () => {
		const wrong: string[] = [];
		let seen = 0;
		for (const match of text.matchAll(/(?:\*\*([^*\n]+)\*\*|([A-Z][A-Za-z]*(?: [A-Za-z]+)*)) \(`([A-Za-z]+)`\)/g)) {
			const value = match[3];
			// Unbolded, the name is the words just before: the longest run of them that is a known name.
			const words = (match[1] ?? match[2]).split(' ');
			const candidates = words.map((_, index) => words.slice(index).join(' '));
			const name = candidates.find((candidate) => names.has(candidate));
			if (!name && !values.has(value)) continue; // neither an operation nor a resource: a parameter, a field
			seen++;
			if (!name || !pairs.has(`${name}|${value}`)) wrong.push(match[0]);
		}
		expect(wrong).toEqual([]);
		expect(seen).toBeGreaterThan(10);
	});

	it('a table row starting with a resource names only operations that resource has', () => {
		const wrong: string[] = [];
		for (const line of text.split('\n').filter((candidate) => candidate.startsWith('|'))) {
			const [first, second] = cells(line);
			const resource = resources.find(({ name }) => name === first);
			const named = second?.match(/^\*\*([^*]+)\*\* \(`([A-Za-z]+)`\)/);
			if (!resource || !named) continue;
			if (!operations.some((operation) => operation.resource === resource.name && operation.name === named[1] && operation.value === named[2])) wrong.push(line.slice(0, 80));
		}
		expect(wrong).toEqual([]);
	});
});

describe('README.md: links inside it', () => {
	/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
	const anchors = new Set<string>();
	for (const line of withoutCode(README).split('\n')) {
		const heading = line.match(/^#{1,6} (.+)$/);
		if (!heading) continue;
		const slug = heading[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/ /g, '-');
		let unique = slug;
		for (let n = 1; anchors.has(unique); n++) unique = `${slug}-${n}`;
		anchors.add(unique);
	}

	it('every "(#anchor)" goes to a heading', () => {
		const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
		expect(links.length).toBeGreaterThan(20);
		expect(links.filter((link) => !anchors.has(link))).toEqual([]);
	});
});
