/**
 * A small JSON Schema (2020-12) validator for the keywords our published schema uses, so tests
 * can check exports against the very file we publish without a validator dependency. A keyword it
 * does not know is an error, not silently passed: the check can only be as loose as it says.
 */

type Schema = boolean | { [keyword: string]: unknown };

/** One way the value fails the schema, at a JSON pointer into the value. */
export interface SchemaError {
	path: string;
	message: string;
}

const ANNOTATIONS = new Set(['$schema', '$id', '$defs', 'title', 'description']);
const KNOWN = new Set([
	'$ref',
	'type',
	'const',
	'enum',
	'anyOf',
	'properties',
	'required',
	'additionalProperties',
	'items',
	'pattern',
	'minimum'
]);

function typeOf(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
	return typeof v;
}

const hasType = (v: unknown, t: string): boolean =>
	t === 'number' ? typeof v === 'number' : typeOf(v) === t;

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Validates `value` against `root`; an empty list means it conforms. */
export function validateSchema(root: Schema, value: unknown): SchemaError[] {
	const errors: SchemaError[] = [];
	const resolve = (ref: string): Schema => {
		if (typeof root !== 'object' || !ref.startsWith('#/'))
			throw new Error(`unsupported $ref ${ref}`);
		let node: unknown = root;
		for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
		if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
		return node as Schema;
	};
	const check = (schema: Schema, v: unknown, path: string, out: SchemaError[]): void => {
		if (schema === true) return;
		if (schema === false) return void out.push({ path, message: 'no value is allowed here' });
		for (const keyword of Object.keys(schema)) {
			if (!KNOWN.has(keyword) && !ANNOTATIONS.has(keyword)) {
				throw new Error(`schema keyword not supported by this checker: ${keyword}`);
			}
		}
		const s = schema as Record<string, unknown>;
		if (typeof s.$ref === 'string') check(resolve(s.$ref), v, path, out);
		if (s.type !== undefined) {
			const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
			if (!types.some((t) => hasType(v, t))) {
				return void out.push({ path, message: `expected ${types.join(' or ')}, got ${typeOf(v)}` });
			}
		}
		if ('const' in s && !equal(s.const, v)) {
			out.push({ path, message: `expected ${JSON.stringify(s.const)}` });
		}
		if (Array.isArray(s.enum) && !s.enum.some((e) => equal(e, v))) {
			out.push({ path, message: `not one of ${JSON.stringify(s.enum)}` });
		}
		if (Array.isArray(s.anyOf)) {
			const passes = (s.anyOf as Schema[]).some((sub) => {
				const trial: SchemaError[] = [];
				check(sub, v, path, trial);
				return trial.length === 0;
			});
			if (!passes) out.push({ path, message: 'matches none of the allowed shapes' });
		}
		if (
			typeof v === 'string' &&
			typeof s.pattern === 'string' &&
			!new RegExp(s.pattern, 'u').test(v)
		) {
			out.push({ path, message: `does not match ${s.pattern}` });
		}
		if (typeof v === 'number' && typeof s.minimum === 'number' && v < s.minimum) {
			out.push({ path, message: `below the minimum ${s.minimum}` });
		}
		if (Array.isArray(v) && s.items !== undefined) {
			v.forEach((item, i) => check(s.items as Schema, item, `${path}/${i}`, out));
		}
		if (typeOf(v) === 'object') checkObject(s, v as Record<string, unknown>, path, out);
	};
	const checkObject = (
		s: Record<string, unknown>,
		v: Record<string, unknown>,
		path: string,
		out: SchemaError[]
	): void => {
		const props = (s.properties ?? {}) as Record<string, Schema>;
		for (const key of (s.required ?? []) as string[]) {
			if (!(key in v)) out.push({ path, message: `missing required member "${key}"` });
		}
		for (const [key, item] of Object.entries(v)) {
			const sub = props[key] ?? (s.additionalProperties as Schema | undefined);
			if (sub !== undefined) check(sub, item, `${path}/${key}`, out);
		}
	};
	check(root, value, '', errors);
	return errors;
}
