import type { LogLevel } from './env.ts';

export type LogFields = Record<string, unknown>;

/** Structured logs: one JSON object a line. Fields carry board, section, peer; never secrets. */
export interface Logger {
	debug(message: string, fields?: LogFields): void;
	info(message: string, fields?: LogFields): void;
	warn(message: string, fields?: LogFields): void;
	error(message: string, fields?: LogFields): void;
	child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(
	level: LogLevel,
	base: LogFields = {},
	write: (line: string) => void = (line) => process.stdout.write(line + '\n')
): Logger {
	const emit = (at: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields) => {
		if (RANK[at] < RANK[level]) return;
		const entry: LogFields = { time: new Date().toISOString(), level: at, msg: message, ...base };
		for (const [key, value] of Object.entries(fields ?? {})) {
			entry[key] = value instanceof Error ? serializeError(value) : value;
		}
		write(JSON.stringify(entry));
	};
	return {
		debug: (m, f) => emit('debug', m, f),
		info: (m, f) => emit('info', m, f),
		warn: (m, f) => emit('warn', m, f),
		error: (m, f) => emit('error', m, f),
		child: (fields) => createLogger(level, { ...base, ...fields }, write)
	};
}

/**
 * An error as a log field. Database errors quote the statement's parameters (password hashes,
 * token hashes, emails): those lines are cut, and the driver's own cause is kept instead.
 */
export function serializeError(error: Error): LogFields {
	const scrub = (text: string | undefined) =>
		text?.replace(/\nparams:.*$/gm, '\nparams: [redacted]');
	const cause = error.cause instanceof Error ? error.cause : null;
	return {
		message: scrub(error.message),
		...(cause ? { cause: scrub(cause.message) } : {}),
		stack: scrub(error.stack)
	};
}
