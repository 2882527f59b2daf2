/**
 * Rows in Postgres's binary COPY format, for reading large bytea values as they are stored.
 *
 * Both drivers move results as text: a bytea crosses as hex (or as base64 when the query encodes
 * it), so the database encodes every byte and we decode it again. For a 5 MB document that was
 * most of a cold join (Postgres: ~25 ms to encode and send, ~6 ms to decode; in-process PGlite
 * far more). `COPY (select ...) TO ... (FORMAT binary)` sends the bytes themselves.
 *
 * Layout (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format"): an 11-byte
 * signature, int32 flags, int32 header-extension length and that many bytes; then per row an
 * int16 field count, and per field an int32 length (-1 for NULL) and the value's bytes; an int16
 * -1 ends the data. All integers are big-endian.
 */

/** One row: each field's value in Postgres's binary send format, or null. */
export type BinaryRow = Array<Uint8Array | null>;

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];

/** Splits binary COPY output into rows of fields. The fields are views on `data`, not copies. */
export function parseBinaryCopy(data: Uint8Array): BinaryRow[] {
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	const fail = (what: string): never => {
		throw new Error(`binary COPY output: ${what}`);
	};
	if (data.length < 19 || SIGNATURE.some((byte, i) => data[i] !== byte)) fail('bad signature');
	let at = 15;
	const extension = view.getInt32(at);
	at += 4 + extension;
	const rows: BinaryRow[] = [];
	for (;;) {
		if (at + 2 > data.length) fail('ends without its trailer');
		const fields = view.getInt16(at);
		at += 2;
		if (fields === -1) return rows;
		const row: BinaryRow = [];
		for (let i = 0; i < fields; i++) {
			if (at + 4 > data.length) fail('truncated field length');
			const length = view.getInt32(at);
			at += 4;
			if (length === -1) {
				row.push(null);
				continue;
			}
			if (length < 0 || at + length > data.length) fail('truncated field');
			row.push(data.subarray(at, at + length));
			at += length;
		}
		rows.push(row);
	}
}

/**
 * A one-dimensional bytea[] in binary send format: int32 dimensions, int32 has-nulls flag, int32
 * element type, per dimension int32 size and int32 lower bound, then each element as int32 length
 * (-1 for NULL) and bytes. NULL elements are skipped. Values are views on `field`.
 */
export function readByteaArray(field: Uint8Array): Uint8Array[] {
	const view = new DataView(field.buffer, field.byteOffset, field.byteLength);
	const fail = (what: string): never => {
		throw new Error(`binary bytea[]: ${what}`);
	};
	if (field.length < 12) fail('too short');
	const dimensions = view.getInt32(0);
	if (dimensions === 0) return [];
	if (dimensions !== 1) fail(`${dimensions} dimensions`);
	if (field.length < 20) fail('too short');
	const count = view.getInt32(12);
	let at = 20;
	const values: Uint8Array[] = [];
	for (let i = 0; i < count; i++) {
		if (at + 4 > field.length) fail('truncated element length');
		const length = view.getInt32(at);
		at += 4;
		if (length === -1) continue;
		if (length < 0 || at + length > field.length) fail('truncated element');
		values.push(field.subarray(at, at + length));
		at += length;
	}
	return values;
}
