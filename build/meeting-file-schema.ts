// Writes docs/meeting-file.schema.json from the zod schema: npm run docs:schema
import { writeFileSync } from 'node:fs';
import { meetingFileJsonSchema } from '../shared/model/meeting-file-json-schema.ts';

writeFileSync(new URL('../docs/meeting-file.schema.json', import.meta.url), meetingFileJsonSchema());
