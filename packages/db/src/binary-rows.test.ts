import { describe, expect, it } from 'vitest';
import { parseBinaryCopy, readByteaArray } from './binary-rows.ts';

/** Builds binary COPY output by hand, as Postgres lays it out. */
function copyOutput(rows: Array<Array<number[] | null>>, extension: number[] = []): Uint8Array {
	const bytes: number[] = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];
	const int = (value: number, size: 2 | 4) => {
		const b = Buffer.alloc(size);
		if (size === 2) b.writeInt16BE(value);
		else b.writeInt32BE(value);
		bytes.push(...b);
	};
	int(0, 4);
	int(extension.length, 4);
	bytes.push(...extension);
	for (const row of rows) {
		int(row.length, 2);
		for (const field of row) {
			if (field === null) int(-1, 4);
			else {
				int(field.length, 4);
				bytes.push(...field);
			}
		}
	}
	int(-1, 2);
	return new Uint8Array(bytes);
}

describe('parseBinaryCopy', () => {
	it('splits rows into fields, with NULLs, empty values and a header extension', () => {
		const data = copyOutput(
			[
				[[1, 2, 3], null, []],
				[[9], [8, 7], null]
			],
			[0xaa, 0xbb]
		);
		const rows = parseBinaryCopy(data).map((row) => row.map((f) => (f ? Array.from(f) : null)));
		expect(rows).toEqual([
			[[1, 2, 3], null, []],
			[[9], [8, 7], null]
		]);
	});

	it('reads from a view into a larger buffer', () => {
		const inner = copyOutput([[[5, 6]]]);
		const outer = new Uint8Array(inner.length + 8);
		outer.set(inner, 4);
		const [row] = parseBinaryCopy(outer.subarray(4, 4 + inner.length));
		expect(Array.from(row![0]!)).toEqual([5, 6]);
	});

	it('refuses output that is not binary COPY, or is cut short', () => {
		expect(() => parseBinaryCopy(new TextEncoder().encode('id\tname\n1\tAda\n'))).toThrow(
			/signature/
		);
		const whole = copyOutput([[[1, 2, 3, 4]]]);
		expect(() => parseBinaryCopy(whole.subarray(0, whole.length - 2))).toThrow(/trailer/);
		expect(() => parseBinaryCopy(whole.subarray(0, whole.length - 4))).toThrow(/truncated/);
	});
});

describe('readByteaArray', () => {
	const array = (elements: Array<number[] | null>): Uint8Array => {
		const parts: number[] = [];
		const int = (value: number) => {
			const b = Buffer.alloc(4);
			b.writeInt32BE(value);
			parts.push(...b);
		};
		int(1);
		int(elements.includes(null) ? 1 : 0);
		int(17); // bytea
		int(elements.length);
		int(1);
		for (const element of elements) {
			if (element === null) int(-1);
			else {
				int(element.length);
				parts.push(...element);
			}
		}
		return new Uint8Array(parts);
	};

	it('reads the elements in order and skips NULLs', () => {
		const values = readByteaArray(array([[1], null, [], [2, 3]])).map((v) => Array.from(v));
		expect(values).toEqual([[1], [], [2, 3]]);
	});

	it('reads an empty array (no dimensions) as no elements', () => {
		expect(readByteaArray(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 17]))).toEqual([]);
	});

	it('refuses arrays of more than one dimension, and truncated ones', () => {
		const two = array([[1]]);
		two[3] = 2;
		expect(() => readByteaArray(two)).toThrow(/2 dimensions/);
		const whole = array([[1, 2, 3]]);
		expect(() => readByteaArray(whole.subarray(0, whole.length - 1))).toThrow(/truncated/);
	});
});
