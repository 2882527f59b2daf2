export {
	CONTENT_VERSION,
	readBoardContent,
	storable,
	titleOf,
	servicesOf,
	severityOf
} from './content.ts';
export type {
	Attendee,
	BoardInfo,
	CloseInfo,
	FrozenFactor,
	PersonRef,
	SectionDocs,
	SnapshotContent
} from './content.ts';
export { canonicalJson, contentDigest, verifyDigest } from './canonical.ts';
export {
	ExportFormat,
	EXPORT_FORMATS,
	isExportFormat,
	exportFilename,
	renderExport
} from './render.ts';
export type { RenderedExport } from './render.ts';
export { renderMarkdown } from './markdown.ts';
export { renderHtml } from './html.ts';
export { renderJson, JSON_FORMAT, JSON_SCHEMA_ID } from './json.ts';
export { renderCsv, CSV_COLUMNS } from './csv.ts';
export { diffSnapshots } from './diff.ts';
export type { ChangeKind, FieldChange, ItemChange, SectionChanges, SnapshotDiff } from './diff.ts';
export { ReadinessCheck, checkReadiness } from './readiness.ts';
export type { ReadinessWarning } from './readiness.ts';
export { searchContent } from './search.ts';
export type { SearchMatch, SearchQuery, SearchSnippet } from './search.ts';
export { validateSchema } from './schema-check.ts';
export type { SchemaError } from './schema-check.ts';
