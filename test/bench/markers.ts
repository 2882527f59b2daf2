/**
 * Send-time markers carried inside document and presence content.
 *
 * A writer puts `~u<writer>:<seq>:<sentAtMs>;` into the content of its update (a map value or
 * typed text); Yjs encodes strings as plain UTF-8, so the marker travels as the same ASCII bytes
 * through the reference server, through ours, and through any merging of updates a server does.
 * Readers find markers with a byte search instead of applying every update to a document, which
 * keeps one load process able to follow hundreds of thousands of deliveries per second.
 * Presence states carry `~a<client>:<seq>:<sentAtMs>;` the same way.
 */
export const MarkerKind = { update: 'u', presence: 'a' } as const;
export type MarkerKind = (typeof MarkerKind)[keyof typeof MarkerKind];

export interface Marker {
	/** Writer id (updates) or client id (presence), unique within one run. */
	source: number;
	seq: number;
	/** Wall-clock send time in milliseconds (`performance.timeOrigin + performance.now()`). */
	sentAt: number;
}

const TILDE = 0x7e;
const SEMICOLON = 0x3b;
/** Longest marker body we accept: ids, seq and a time with microseconds fit well inside. */
const MAX_BODY = 48;

/** The marker text for one send. */
export function formatMarker(kind: MarkerKind, source: number, seq: number, sentAt: number) {
	return `~${kind}${source}:${seq}:${sentAt.toFixed(3)};`;
}

/**
 * Calls `found` for every well-formed marker of `kind` in `bytes`, in order. Malformed or
 * truncated markers are skipped, never thrown on: a split marker is a measurement gap that the
 * lost-update count then shows, not a crash of the load process.
 */
export function scanMarkers(
	bytes: Uint8Array,
	kind: MarkerKind,
	found: (source: number, seq: number, sentAt: number) => void
): number {
	const letter = kind.charCodeAt(0);
	let count = 0;
	let at = bytes.indexOf(TILDE);
	while (at >= 0 && at + 1 < bytes.length) {
		if (bytes[at + 1] === letter) {
			const parsed = parseBody(bytes, at + 2);
			if (parsed) {
				found(parsed.source, parsed.seq, parsed.sentAt);
				count += 1;
				at = parsed.end;
			}
		}
		at = bytes.indexOf(TILDE, at + 1);
	}
	return count;
}

/** Reads `<int>:<int>:<decimal>;` from `start`; null unless exactly that shape. */
function parseBody(bytes: Uint8Array, start: number) {
	const fields = [0, 0, 0];
	let field = 0;
	let digits = 0;
	let scale = 0; // digits after the decimal point in the last field
	for (let i = start; i < bytes.length && i - start <= MAX_BODY; i++) {
		const c = bytes[i]!;
		if (c >= 0x30 && c <= 0x39) {
			fields[field] = fields[field]! * 10 + (c - 0x30);
			digits += 1;
			if (scale > 0) scale += 1;
		} else if (c === 0x3a && field < 2 && digits > 0) {
			field += 1;
			digits = 0;
		} else if (c === 0x2e && field === 2 && scale === 0 && digits > 0) {
			scale = 1;
		} else if (c === SEMICOLON && field === 2 && digits > 0) {
			const sentAt = scale > 1 ? fields[2]! / 10 ** (scale - 1) : fields[2]!;
			return { source: fields[0]!, seq: fields[1]!, sentAt, end: i };
		} else {
			return null;
		}
	}
	return null;
}

/**
 * Which (source, seq) pairs one receiver has seen: a bit per seq per source, so duplicates are
 * told apart from first deliveries without keeping a string per delivery.
 */
export class SeenSet {
	#bits = new Map<number, Uint8Array>();
	distinct = 0;
	duplicates = 0;

	/** Records a delivery; true when it is the first of this (source, seq). */
	add(source: number, seq: number): boolean {
		let bits = this.#bits.get(source);
		const byte = seq >> 3;
		if (!bits || byte >= bits.length) {
			const grown = new Uint8Array(Math.max(64, (byte + 1) * 2));
			if (bits) grown.set(bits);
			this.#bits.set(source, (bits = grown));
		}
		const mask = 1 << (seq & 7);
		if (bits[byte]! & mask) {
			this.duplicates += 1;
			return false;
		}
		bits[byte] = bits[byte]! | mask;
		this.distinct += 1;
		return true;
	}
}
