// The meeting file's JSON Schema, derived from the zod schema so the documentation cannot drift.
import { z } from 'zod';
import { MEETING_FILE_VERSION, meetingFileSchema } from './meeting-file.ts';

export function meetingFileJsonSchema(): string {
  const schema = z.toJSONSchema(meetingFileSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({
    ...schema,
    $id: `https://bien-ban.invalid/schema/meeting-file-v${MEETING_FILE_VERSION}.json`,
    title: `Biên Bản meeting file, version ${MEETING_FILE_VERSION}`,
  }, null, 2)}\n`;
}
