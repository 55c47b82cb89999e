// Writes the JSON Schemas of docs/ from the zod schemas: npm run docs:schema
import { writeFileSync } from 'node:fs';
import { meetingFileJsonSchema, sitePackageJsonSchema, siteReportJsonSchema } from '../shared/model/meeting-file-json-schema.ts';

writeFileSync(new URL('../docs/meeting-file.schema.json', import.meta.url), meetingFileJsonSchema());
writeFileSync(new URL('../docs/meeting-package.schema.json', import.meta.url), sitePackageJsonSchema());
writeFileSync(new URL('../docs/site-report.schema.json', import.meta.url), siteReportJsonSchema());
