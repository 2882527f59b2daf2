/**
 * A soft two-note chime for "the timebox is over", made with WebAudio so there is no file to
 * load. Quiet and short on purpose: people are talking. Browsers only let a page play sound after
 * a user gesture; turning sound on is that gesture.
 */
let context: AudioContext | null = null;

/** Creates (or wakes) the audio context; call from the click that turns sound on. */
export function unlockAudio(): void {
	context ??= new AudioContext();
	void context.resume();
}

/** Plays the chime if audio was unlocked; silently does nothing otherwise. */
export function playChime(): void {
	if (!context || context.state !== 'running') return;
	const start = context.currentTime;
	for (const [i, frequency] of [659.25, 880].entries()) {
		const osc = context.createOscillator();
		const gain = context.createGain();
		osc.type = 'sine';
		osc.frequency.value = frequency;
		const at = start + i * 0.18;
		gain.gain.setValueAtTime(0, at);
		gain.gain.linearRampToValueAtTime(0.08, at + 0.02);
		gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.9);
		osc.connect(gain).connect(context.destination);
		osc.start(at);
		osc.stop(at + 1);
	}
}
