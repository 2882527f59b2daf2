import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';

describe('readEnv', () => {
	it('serves one person on a laptop with nothing set', () => {
		const env = readEnv({ INIT_CWD: '/home/sam/debrief' });
		expect(env.port).toBe(3000);
		expect(env.databaseUrl).toBeNull();
		expect(env.dataDir).toBe('/home/sam/debrief/.data');
		expect(env.maxMessageBytes).toBe(1024 * 1024);
	});

	it('names every bad variable at once', () => {
		const attempt = () => readEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
		for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(attempt).toThrow(name);
	});

	it('keeps only the origin of PUBLIC_ORIGIN and keeps memory:// as it is', () => {
		const env = readEnv({
			PUBLIC_ORIGIN: 'https://debrief.example/some/path',
			DEBRIEF_DATA_DIR: 'memory://'
		});
		expect(env.publicOrigin).toBe('https://debrief.example');
		expect(env.dataDir).toBe('memory://');
	});

	it('gathers fan-out per event-loop turn unless told a tick in ms', () => {
		expect(readEnv({}).fanoutTick).toBe('turn');
		expect(readEnv({ DEBRIEF_FANOUT_TICK_MS: 'turn' }).fanoutTick).toBe('turn');
		expect(readEnv({ DEBRIEF_FANOUT_TICK_MS: '4' }).fanoutTick).toBe(4);
		expect(readEnv({ DEBRIEF_FANOUT_TICK_MS: '0' }).fanoutTick).toBe(0);
		expect(() => readEnv({ DEBRIEF_FANOUT_TICK_MS: 'soon' })).toThrow('DEBRIEF_FANOUT_TICK_MS');
	});
});
