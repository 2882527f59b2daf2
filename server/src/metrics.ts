/** A few Prometheus counters and gauges, rendered in the text exposition format. */
export class Metrics {
	#counters = new Map<string, { help: string; value: number }>();
	#gauges = new Map<string, { help: string; read: () => number }>();

	counter(name: string, help: string): { inc(by?: number): void; get(): number } {
		const entry = { help, value: 0 };
		this.#counters.set(name, entry);
		return {
			inc: (by = 1) => {
				entry.value += by;
			},
			get: () => entry.value
		};
	}

	gauge(name: string, help: string, read: () => number): void {
		this.#gauges.set(name, { help, read });
	}

	render(): string {
		const lines: string[] = [];
		for (const [name, { help, value }] of this.#counters) {
			lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${value}`);
		}
		for (const [name, { help, read }] of this.#gauges) {
			lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${read()}`);
		}
		return lines.join('\n') + '\n';
	}
}
