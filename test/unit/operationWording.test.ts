/**
 * The words the editor and the AI Agent show for each operation. An action is what the actions
 * panel lists, what a node added from it is named, and (followed by " in Segment (via Paragon)")
 * the tool description a model reads: a short sentence-case sentence, starting with its verb and
 * ending on what it acts on, with no limits or asides (those are in the description, which the
 * Operation list shows under the operation).
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { SegmentParagon } from '../../nodes/SegmentParagon/SegmentParagon.node';
import { SegmentParagonTrigger } from '../../nodes/SegmentParagonTrigger/SegmentParagonTrigger.node';

const node = new SegmentParagon().description;
const resources = node.properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[];
const operations = resources.flatMap((resource) => {
	const property = node.properties.find((candidate) => candidate.name === 'operation' && candidate.displayOptions?.show?.resource?.includes(resource.value))!;
	return (property.options as INodePropertyOptions[]).map((option) => ({ resource: resource.name, ...option, action: String(option.action), description: String(option.description) }));
});

/** Words that keep their capitals inside a sentence. */
const PROPER = new Set(['Segment', 'FQL', 'ID', 'IDs', 'MTU', 'API', 'ETL']);
const MAX_ACTION = 75;

describe('operation wording', () => {
	it.each(operations.map((operation) => [`${operation.resource} > ${operation.name}: "${operation.action}"`, operation]))('%s reads as an action', (_, operation) => {
		const { action, name } = operation;
		expect(action.length).toBeLessThanOrEqual(MAX_ACTION);
		const [verb, ...rest] = action.split(' ');
		expect(verb).toMatch(/^[A-Z][a-z]+$/);
		// Sentence case: no capital inside but a proper name.
		expect(rest.filter((word) => /[A-Z]/.test(word) && !PROPER.has(word.replace(/[,]$/, '')))).toEqual([]);
		// No limits, asides or a final stop: those belong in the description.
		expect(action).not.toMatch(/[():;.!?"0-9]/);
		// n8n appends " in Segment (via Paragon)" for the AI Agent.
		expect(action).not.toMatch(/ in Segment$/);
		if (name === 'Get Many') expect(action).toMatch(/^Get many /);
		if (name === 'Create or Update') expect(action).toMatch(/^Create or update /);
	});

	it.each(operations.map((operation) => [`${operation.resource} > ${operation.name}`, operation]))('%s has a description', (_, { description }) => {
		expect(description).toMatch(/^[A-Z]/);
		expect(description).not.toMatch(/\.$/);
	});

	it('no two operations share an action (the model tells its tools apart by them)', () => {
		const actions = operations.map(({ action }) => action);
		expect(actions.filter((action, index) => actions.indexOf(action) !== index)).toEqual([]);
	});
});

/**
 * The trigger's events: the Event list shows each name with its description under it, and the
 * nodes panel lists each as "On <name>" under the trigger. A name is Title Case and says what
 * happened; a description says when the trigger fires, without a final stop.
 */
describe('trigger event wording', () => {
	const event = new SegmentParagonTrigger().description.properties.find((property) => property.name === 'event')!;
	const events = (event.options as INodePropertyOptions[]).map((option) => ({ ...option, description: String(option.description) }));

	it.each(events.map((option) => [`${option.name} (${String(option.value)})`, option]))('%s reads as an event', (_, { name, description }) => {
		expect(name.split(' ').filter((word) => !/^[A-Z][A-Za-z]*$/.test(word))).toEqual([]);
		expect(description).toMatch(/^Triggers (when|once when|on) /);
		expect(description).not.toMatch(/\.$/);
	});

	it('no two events share a name', () => {
		const names = events.map(({ name }) => name);
		expect(new Set(names).size).toBe(names.length);
		expect(names.length).toBeGreaterThanOrEqual(5);
	});
});
