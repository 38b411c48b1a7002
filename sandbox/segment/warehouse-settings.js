'use strict';
// A warehouse's settings checked against its catalog entry's options, as Segment does:
// no undeclared key, every required option on create, each value of its option's type.
// Answers never carry a secret in clear: masked, with ciphertext/encrypted beside them.
const crypto = require('crypto');
const { validationError } = require('./answers');
const { isSecretName, MASK } = require('../secrets');

// Option types and what a value of each must be ('password' is text).
const TYPES = {
	string: ['a string', (v) => typeof v === 'string'],
	password: ['a string', (v) => typeof v === 'string'],
	number: ['a number', (v) => typeof v === 'number' && Number.isFinite(v)],
	boolean: ['a boolean', (v) => typeof v === 'boolean'],
};
// Segment's own keys: accepted when declared, never stored from a client.
const INTERNAL = new Set(['ciphertext', 'encrypted']);

function optionNames(meta) {
	return meta.options.map((o) => o.name).join(', ');
}

function undeclared(meta, key) {
	const field = `settings.${key}`;
	if (key === 'name') return validationError(`Unknown field: ${field} (a warehouse's name is the top-level name)`, field);
	return validationError(`Unknown field: ${field} (the ${meta.slug} settings are ${optionNames(meta)})`, field);
}

// Returns the validation errors; create: required options must be present.
function checkSettings(meta, settings, { create }) {
	const errors = [];
	const options = new Map(meta.options.map((o) => [o.name, o]));
	for (const [key, value] of Object.entries(settings)) {
		const option = options.get(key);
		if (!option) {
			errors.push(undeclared(meta, key));
			continue;
		}
		const type = TYPES[option.type];
		if (type && !type[1](value)) errors.push(validationError(`settings.${key} must be ${type[0]}`, `settings.${key}`));
		else if (option.required && value === '') errors.push(validationError(`settings.${key} must not be empty`, `settings.${key}`));
	}
	if (create) {
		for (const option of meta.options) {
			if (option.required && settings[option.name] === undefined) {
				errors.push(validationError(`settings.${option.name} is required`, `settings.${option.name}`));
			}
		}
	}
	return errors;
}

// What is kept of valid settings (a deep copy, without Segment's own keys).
function storable(settings) {
	const out = structuredClone(settings);
	for (const key of INTERNAL) delete out[key];
	return out;
}

function isSecretSetting(meta, key) {
	const option = meta.options.find((o) => o.name === key);
	return (option && option.type === 'password') || isSecretName(key);
}

// Opaque stand-in for Segment's encrypted secrets: random, so it reveals nothing.
function newCiphertext() {
	return crypto.randomBytes(48).toString('base64');
}

// The settings as an answer shows them.
function settingsForApi(meta, stored, ciphertext) {
	const out = {};
	let secrets = false;
	for (const [key, value] of Object.entries(stored)) {
		const secret = key !== 'name' && isSecretSetting(meta, key);
		secrets = secrets || secret;
		out[key] = secret ? MASK : structuredClone(value);
	}
	if (secrets) {
		out.ciphertext = ciphertext;
		out.encrypted = true;
	}
	return out;
}

function hasSecret(meta, settings) {
	return Object.keys(settings).some((key) => key !== 'name' && isSecretSetting(meta, key));
}

// Connection state: a setting value containing "unreachable" fails (tests and demos use it).
function isReachable(stored) {
	return !Object.entries(stored).some(([key, value]) => key !== 'name' && JSON.stringify(value).includes('unreachable'));
}

module.exports = { checkSettings, storable, settingsForApi, newCiphertext, hasSecret, isReachable };
