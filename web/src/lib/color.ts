/**
 * A stable color per display name, so a person keeps their color across tabs and sessions without
 * storing it. Hues come from a hash of the name; lightness and chroma are fixed in OKLCH so white
 * initials on any of them keep a contrast above 4.5:1 in both light and dark mode.
 */
export function colorForName(name: string): string {
	// FNV-1a: tiny, well spread for short strings.
	let h = 0x811c9dc5;
	for (let i = 0; i < name.length; i++) {
		h ^= name.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	const hue = ((h >>> 0) % 360) * (Math.PI / 180);
	return oklchToHex(0.5, 0.13, hue);
}

/** OKLCH (L 0–1, C, hue in radians) to `#rrggbb`, clamped to sRGB. */
function oklchToHex(l: number, c: number, hue: number): string {
	const a = c * Math.cos(hue);
	const b = c * Math.sin(hue);
	const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
	const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
	const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
	const linear = [
		4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
		-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
		-0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_
	];
	return (
		'#' +
		linear
			.map((v) => {
				const x = Math.min(1, Math.max(0, v));
				const srgb = x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
				return Math.round(srgb * 255)
					.toString(16)
					.padStart(2, '0');
			})
			.join('')
	);
}

/** Up to two initials for an avatar: "Ana Lima" -> "AL", "sre-bot" -> "SR". */
export function initialsOf(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return '?';
	if (words.length === 1) return [...(words[0] ?? '')].slice(0, 2).join('').toUpperCase();
	return (
		([...(words[0] ?? '')][0] ?? '').toUpperCase() +
		([...(words[words.length - 1] ?? '')][0] ?? '').toUpperCase()
	);
}
