/** The formats a snapshot exports to (the renderers arrive with the export issue). */
export const ExportFormat = { md: 'md', html: 'html', json: 'json', csv: 'csv' } as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];
