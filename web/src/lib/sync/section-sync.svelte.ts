import * as Y from 'yjs';
import { WebsocketProvider, messageAuth } from 'y-websocket';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import { readAuthMessage } from 'y-protocols/auth';
import type { Awareness } from 'y-protocols/awareness';
import type { SectionId } from '@debrief/doc';
import { CloseCode, parseRefusal, withJitteredReconnect } from '@debrief/sync';
import { ConnectionStatus } from './connection-status.ts';
import { PendingEdits } from './pending-edits.svelte.ts';
import { wsBase } from './ws-base.ts';

/**
 * One section document of one board, live: a Y.Doc synced over `/sync/<boardId>/<section>` with
 * the stock y-websocket provider and kept in IndexedDB (`debrief:<boardId>:<section>`) so edits
 * made offline survive a reload and go out on reconnect.
 *
 * `doc` and `awareness` are replaced when the server refuses one of our writes (a locked section,
 * an observer): Yjs numbers each client's updates in sequence, so after one is dropped every later
 * one depends on it and can never be applied. The only way back is to throw away the local copy,
 * IndexedDB included, and load the section again from the server (DESIGN.md "Locks").
 */
/** The objects of one incarnation of the section: replaced together after a refusal. */
interface Live {
	doc: Y.Doc;
	provider: WebsocketProvider;
	persistence: IndexeddbPersistence;
	/** Stops counting this doc's edits as pending. */
	untrack: () => void;
}

export class SectionSync {
	readonly boardId: string;
	readonly section: SectionId;

	status: ConnectionStatus = $state(ConnectionStatus.connecting);
	/** True once the IndexedDB copy has been applied: the section can render before the socket. */
	localLoaded = $state(false);
	/** How many times the server refused our writes to this section since the page opened. */
	refusals = $state(0);
	/** Set when the server closed the socket for good (44xx: signed out, removed, no board). */
	closed: { code: number; reason: string } | null = $state(null);
	/** Bumped when the server says our role changed; the board reloads to learn the new one. */
	roleChanges = $state(0);
	/** Why the last write was refused (`read-only`, `locked`, ...), if one was. */
	lastRefusal: string | null = $state(null);
	/** Our edits the server has not confirmed yet (shown as "N edits waiting" while offline). */
	readonly pending: PendingEdits;

	#live: Live;
	#resetting = false;
	#destroyed = false;

	constructor(boardId: string, section: SectionId) {
		this.boardId = boardId;
		this.section = section;
		this.pending = new PendingEdits(`debrief:pending:${boardId}:${section}`);
		this.#live = $state.raw(this.#open(new Y.Doc()));
		window.addEventListener('offline', this.#onOffline);
		window.addEventListener('online', this.#onOnline);
	}

	/** The live document; replaced after a refusal, so wrappers derive from it. */
	get doc(): Y.Doc {
		return this.#live.doc;
	}

	/** Awareness of this section's socket (presence); replaced with `doc`. */
	get awareness(): Awareness {
		return this.#live.provider.awareness;
	}

	get #storeName(): string {
		return `debrief:${this.boardId}:${this.section}`;
	}

	#open(doc: Y.Doc): Live {
		this.localLoaded = false;
		const persistence = new IndexeddbPersistence(this.#storeName, doc);
		persistence.once('synced', () => {
			if (this.#live.persistence === persistence) this.localLoaded = true;
		});
		// The room name is appended as a path segment: wsBase/sync/<boardId>/<section>.
		const provider = new WebsocketProvider(
			`${wsBase()}/sync/${encodeURIComponent(this.boardId)}`,
			this.section,
			doc,
			{
				connect: navigator.onLine !== false,
				// 44xx closes are final (y-websocket's default), except a role change: that one asks
				// us to reconnect at once and pick up the new rights.
				shouldReconnect: (event) => {
					if (event.code === CloseCode.RoleChanged) {
						this.roleChanges++;
						return true;
					}
					return !(event.code >= 4400 && event.code < 4500);
				}
			}
		);
		// After a server restart everyone reconnects at once: wait a random share of the backoff.
		withJitteredReconnect(provider);
		provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
			readAuthMessage(decoder, doc, (_doc, reason) => this.#onRefused(reason));
		};
		provider.on('status', ({ status }) => {
			if (status === 'connected') this.status = provider.synced ? 'synced' : 'connected';
			else if (status === 'connecting') this.status = ConnectionStatus.connecting;
			else this.status = ConnectionStatus.offline;
		});
		provider.on('sync', (synced) => {
			if (provider.wsconnected) this.status = synced ? 'synced' : 'connected';
			if (synced && provider.wsconnected) this.pending.clear();
		});
		// A 44xx close means the server will not take us back (revoked, gone): stop saying "connecting".
		provider.on('closed', (event) => {
			this.status = ConnectionStatus.offline;
			this.closed = event;
		});
		provider.on('status', ({ status }) => {
			if (status === 'connected') this.closed = null;
		});
		// After a drop (a role change, a blip) both sides hold each other's presence as removed at
		// the clock they last saw, and would ignore it at that same clock until its 15 s renewal
		// (y-websocket#122): forget the others' clocks when the socket goes, tick ours when back.
		provider.on('status', ({ status }) => {
			const { awareness } = provider;
			if (status === 'disconnected') {
				for (const id of [...awareness.meta.keys()]) {
					if (id !== awareness.clientID) awareness.meta.delete(id);
				}
			} else if (status === 'connected') {
				const local = awareness.getLocalState();
				if (local !== null) awareness.setLocalState(local);
			}
		});
		this.status = provider.shouldConnect ? ConnectionStatus.connecting : ConnectionStatus.offline;
		const untrack = this.pending.track(doc, () => this.status === ConnectionStatus.synced);
		return { doc, provider, persistence, untrack };
	}

	async #close(live: Live): Promise<void> {
		// Tell the others we left now rather than after the 30 s awareness timeout.
		live.provider.awareness.setLocalState(null);
		live.untrack();
		live.provider.destroy();
		await live.persistence.destroy();
	}

	#onRefused(reason: string): void {
		this.refusals++;
		this.lastRefusal = parseRefusal(reason)?.reason ?? reason;
		console.warn(`debrief: the server refused a write to ${this.section}: ${reason}`);
		void this.#resetFromServer();
	}

	/** Drops the local copy (memory and IndexedDB) and loads the section again from the server. */
	async #resetFromServer(): Promise<void> {
		if (this.#resetting || this.#destroyed) return;
		this.#resetting = true;
		const old = this.#live;
		try {
			await this.#close(old);
			await clearDocument(this.#storeName);
			this.pending.clear();
			old.doc.destroy();
			if (!this.#destroyed) this.#live = this.#open(new Y.Doc());
		} finally {
			this.#resetting = false;
		}
	}

	#onOffline = (): void => {
		// Browsers know before the socket does (its watchdog waits 30 s); say so at once.
		this.status = ConnectionStatus.offline;
		this.#live.provider.disconnect();
	};

	#onOnline = (): void => {
		this.#live.provider.connect();
	};

	/** Closes the socket and IndexedDB handle; the local copy stays for next time. */
	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		window.removeEventListener('offline', this.#onOffline);
		window.removeEventListener('online', this.#onOnline);
		const live = this.#live;
		void this.#close(live).then(() => live.doc.destroy());
	}
}
