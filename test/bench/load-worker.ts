/**
 * One load process: holds protocol clients and answers the orchestrator's commands over IPC.
 * It runs pinned to the client cores, apart from the servers under test, and reports its own CPU
 * and event-loop delay with every run so the report can show the clients were not the limit.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { addTimelineEntry, readTimeline } from '@debrief/doc';
import { MarkerKind, SeenSet, scanMarkers } from './markers.ts';
import { Samples } from './stats.ts';
import { SyncClient, now } from './sync-client.ts';
import type { ClientSpec } from './sync-client.ts';
import type {
	Command,
	ConnectResult,
	JoinResult,
	RunResult,
	VerifyResult
} from './worker-protocol.ts';

let clients: SyncClient[] = [];
/** No update for this long after the last send: the rest is lost, not late. */
const QUIET_MS = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Instance of every client id in the run (writers may live in another load process). */
let instanceOf: number[] = [];

async function connectAll(specs: ClientSpec[], concurrency: number): Promise<ConnectResult> {
	const failed: string[] = [];
	const queue = [...specs];
	const connected: SyncClient[] = [];
	await Promise.all(
		Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
			for (let spec = queue.shift(); spec; spec = queue.shift()) {
				const client = new SyncClient(spec);
				try {
					await client.connect();
					connected.push(client);
				} catch (error) {
					failed.push((error as Error).message);
					client.close();
				}
			}
		})
	);
	clients.push(...connected);
	return {
		connectMs: connected.map((c) => c.connectMs),
		firstSyncMs: connected.map((c) => c.firstSyncMs),
		failed
	};
}

/** Schedules `fn` every `interval` ms from `first` until `end`, correcting for timer drift. */
function every(first: number, interval: number, end: number, fn: () => void): Promise<void> {
	return new Promise((resolve) => {
		let k = 0;
		const tick = () => {
			if (now() >= end) return resolve();
			fn();
			k += 1;
			setTimeout(tick, Math.max(0, first + k * interval - now()));
		};
		setTimeout(tick, Math.max(0, first - now()));
	});
}

async function run(command: Extract<Command, { cmd: 'run' }>): Promise<RunResult> {
	const { startAt, seconds, rate, presence, settleMs } = command;
	const end = startAt + seconds * 1000;
	const latency = new Samples();
	const cross = new Samples();
	const presenceLatency = new Samples();
	const rooms = new Map<number, { sent: number; delivered: number; readers: number }>();
	const roomOf = (room: number) => {
		let entry = rooms.get(room);
		if (!entry) rooms.set(room, (entry = { sent: 0, delivered: 0, readers: 0 }));
		return entry;
	};
	const seen: SeenSet[] = [];
	let lastArrival = 0;
	for (const client of clients) {
		roomOf(client.spec.room);
		if (client.spec.role === 'writer' || !client.open) continue;
		roomOf(client.spec.room).readers += 1;
		const set = new SeenSet();
		seen.push(set);
		client.onMarker = (kind, source, seq, sentAt) => {
			const at = now();
			if (kind === MarkerKind.presence) return presenceLatency.push(at - sentAt);
			lastArrival = at;
			if (!set.add(source, seq)) return;
			roomOf(client.spec.room).delivered += 1;
			(instanceOf[source] === client.spec.instance ? latency : cross).push(at - sentAt);
		};
	}
	const eld = monitorEventLoopDelay({ resolution: 5 });
	eld.enable();
	const cpuBefore = process.cpuUsage();
	const wallBefore = now();
	const timers: Array<Promise<void>> = [];
	for (const client of clients) {
		if (client.spec.role === 'writer' && rate > 0) {
			const interval = 1000 / rate;
			timers.push(
				every(startAt + client.spec.phase * interval, interval, end, () => {
					if (!client.open) return;
					client.write();
					roomOf(client.spec.room).sent += 1;
				})
			);
		}
		if (presence) {
			timers.push(
				every(startAt + client.spec.phase * 1000, 1000, end, () => client.sendPresence())
			);
		}
	}
	await Promise.all(timers);
	// Late is not lost: wait until everything arrived, or nothing did for QUIET_MS (then count
	// the rest lost), up to maxSettleMs.
	const settleUntil = now() + command.maxSettleMs;
	await sleep(settleMs);
	const complete = () =>
		command.allWritersHere && [...rooms.values()].every((r) => r.delivered >= r.sent * r.readers);
	while (now() < settleUntil && now() - lastArrival < QUIET_MS && !complete()) await sleep(50);
	eld.disable();
	const cpu = process.cpuUsage(cpuBefore);
	const wall = now() - wallBefore;
	const closes: Record<string, number> = {};
	for (const client of clients) {
		if (client.closedCode !== null)
			closes[client.closedCode] = (closes[client.closedCode] ?? 0) + 1;
	}
	return {
		rooms: [...rooms].map(([room, r]) => ({ room, ...r })),
		lastSeq: clients
			.filter((c) => c.spec.role === 'writer')
			.map((c) => [c.spec.id, c.seq] as [number, number]),
		latency: latency.values(),
		crossLatency: cross.values(),
		presenceLatency: presenceLatency.values(),
		duplicates: seen.reduce((n, s) => n + s.duplicates, 0),
		refusals: clients.reduce((n, c) => n + c.refusals, 0),
		closes,
		cpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100,
		eventLoopDelayMs: { p99: eld.percentile(99) / 1e6, max: eld.max / 1e6 },
		rssMiB: process.memoryUsage().rss / 2 ** 20
	};
}

/** The (writer, seq) markers each full reader's document holds now. */
function verify(): VerifyResult {
	return clients
		.filter((c) => c.spec.role === 'full' && c.doc)
		.map((c) => {
			const markers: Array<[number, number]> = [];
			const collect = (text: string) =>
				scanMarkers(Buffer.from(text, 'latin1'), MarkerKind.update, (source, seq) =>
					markers.push([source, seq])
				);
			if (c.spec.mode === 'map') {
				for (const value of c.doc!.getMap('bench').values()) collect(String(value));
			} else collect(c.doc!.getText('notes').toString());
			return { room: c.spec.room, open: c.open, markers };
		});
}

const TEXTS = [
	'Checkout p99 latency above 2 s after deploy of payments-api',
	'On-call paged by the error-rate alert on the edge proxies',
	'Rolled back the config change; error rate falling',
	'Status page updated: degraded performance for EU customers',
	'Database failover finished, replicas caught up'
];
const KINDS = ['alert', 'detection', 'action', 'communication', 'mitigation', 'note'];

/** The preloading writer's Yjs client id: fixed, so S4's state has one size on every server. */
const PRELOAD_CLIENT_ID = 3_000_000_000;

/** Writes `entries` timeline entries in chunks (one update each), then waits for the server. */
async function preload(url: string, entries: number, perChunk: number) {
	const client = new SyncClient({
		id: -1,
		url,
		role: 'full',
		room: 0,
		instance: 0,
		mode: 'map',
		phase: 0
	});
	// Every server gets the same bytes: Yjs writes the client id as a varint next to every item,
	// so a random id below 2^28 makes a 5,000-entry state ~30 KiB (3%) smaller than one above.
	client.doc!.clientID = PRELOAD_CLIENT_ID;
	await client.connect();
	const started = now();
	const doc = client.doc!;
	const base = Date.parse('2026-11-20T08:00:00Z');
	for (let i = 0; i < entries; i += perChunk) {
		doc.transact(() => {
			for (let j = i; j < Math.min(entries, i + perChunk); j++) {
				const at = new Date(base + j * 7_000).toISOString().replace('Z', '+00:00');
				const text = `${TEXTS[j % TEXTS.length]} (#${j})`;
				const kind = KINDS[j % KINDS.length]!;
				const added = addTimelineEntry(doc, { at, kind, text, author: `Responder ${j % 17}` });
				if (!added.ok) throw new Error(`could not add entry ${j}: ${added.reason}`);
			}
		});
		// Let the socket drain between chunks instead of queueing megabytes at once.
		await client.roundTrip();
	}
	const ms = now() - started;
	client.close();
	return { ms, entries: readTimeline(doc).length };
}

async function join(url: string): Promise<JoinResult> {
	const client = new SyncClient({
		id: -2,
		url,
		role: 'full',
		room: 0,
		instance: 0,
		mode: 'map',
		phase: 0
	});
	await client.connect();
	const result = {
		connectMs: client.connectMs,
		stateReceivedMs: client.stateReceivedMs,
		firstSyncMs: client.firstSyncMs,
		stateBytes: client.stateBytes,
		entries: readTimeline(client.doc!).length
	};
	client.close();
	return result;
}

async function handle(command: Command): Promise<unknown> {
	switch (command.cmd) {
		case 'connect':
			instanceOf = command.instanceOf;
			return connectAll(command.clients, command.concurrency);
		case 'run':
			return run(command);
		case 'verify':
			return verify();
		case 'close': {
			for (const client of clients) client.close();
			clients = [];
			// Closing handshakes finish in the background; give them a moment.
			await new Promise((resolve) => setTimeout(resolve, 200));
			return { rssMiB: process.memoryUsage().rss / 2 ** 20 };
		}
		case 'preload':
			return preload(command.url, command.entries, command.perChunk);
		case 'join':
			return join(command.url);
	}
}

process.on('message', (message: { id: number; command: Command }) => {
	handle(message.command).then(
		(result) => process.send?.({ id: message.id, result }),
		(error: unknown) =>
			process.send?.({ id: message.id, error: String((error as Error).stack ?? error) })
	);
});
process.on('disconnect', () => process.exit(0));
