import { describe, expect, it } from 'vitest';
import { validateSchema } from './schema-check.ts';

describe('the small schema checker', () => {
	const schema = {
		$defs: { n: { type: 'integer', minimum: 0 } },
		type: 'object',
		required: ['a'],
		additionalProperties: false,
		properties: {
			a: { $ref: '#/$defs/n' },
			b: { anyOf: [{ type: 'string', pattern: '^x' }, { type: 'null' }] },
			c: { type: 'array', items: { enum: ['p', 'q'] } }
		}
	};

	it('accepts a conforming value', () => {
		expect(validateSchema(schema, { a: 1, b: 'xy', c: ['p'] })).toEqual([]);
		expect(validateSchema(schema, { a: 0, b: null })).toEqual([]);
	});

	it('reports each way a value fails, at its path', () => {
		expect(validateSchema(schema, { a: -1, b: 'y', c: ['r'], d: 1 })).toEqual([
			{ path: '/a', message: 'below the minimum 0' },
			{ path: '/b', message: 'matches none of the allowed shapes' },
			{ path: '/c/0', message: 'not one of ["p","q"]' },
			{ path: '/d', message: 'no value is allowed here' }
		]);
		expect(validateSchema(schema, { a: 1.5 })).toEqual([
			{ path: '/a', message: 'expected integer, got number' }
		]);
	});

	it('refuses a keyword it does not implement rather than passing it silently', () => {
		expect(() => validateSchema({ type: 'string', maxLength: 3 }, 'abcd')).toThrow(/maxLength/);
	});
});
