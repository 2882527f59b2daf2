import { titleOf, type SnapshotContent } from './content.ts';
import { renderCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';

/** The formats a snapshot exports to. */
export const ExportFormat = { md: 'md', html: 'html', json: 'json', csv: 'csv' } as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];
/** Every format, in the order the UI offers them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = Object.freeze(Object.values(ExportFormat));

/** True when `s` names an export format. */
export function isExportFormat(s: string): s is ExportFormat {
	return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** A rendered export: the bytes (as text), their media type, and a file name to save them as. */
export interface RenderedExport {
	body: string;
	contentType: string;
	filename: string;
}

const TYPES: Record<ExportFormat, string> = {
	md: 'text/markdown; charset=utf-8',
	html: 'text/html; charset=utf-8',
	json: 'application/json; charset=utf-8',
	csv: 'text/csv; charset=utf-8'
};

/** `postmortem-checkout-outage-r2.md`: ASCII only, so every browser saves it under that name. */
export function exportFilename(content: SnapshotContent, format: ExportFormat): string {
	const slug =
		titleOf(content)
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/, '') || 'board';
	const suffix = format === 'csv' ? '-actions' : '';
	return `postmortem-${slug}-r${content.revision}${content.draft ? '-draft' : ''}${suffix}.${format}`;
}

/** Renders `content` in `format`. Pure: the same content and digest give the same bytes. */
export function renderExport(
	format: ExportFormat,
	content: SnapshotContent,
	digest: string | null
): RenderedExport {
	const body =
		format === 'md'
			? renderMarkdown(content, digest)
			: format === 'html'
				? renderHtml(content, digest)
				: format === 'json'
					? renderJson(content, digest)
					: renderCsv(content);
	return { body, contentType: TYPES[format], filename: exportFilename(content, format) };
}
