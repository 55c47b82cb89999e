// The JSON Schemas of the files that move meetings between machines (the meeting file, the package for the sites,
// the site report), derived from the zod schemas so the documentation cannot drift.
import { z } from 'zod';
import { MEETING_FILE_VERSION, meetingFileSchema } from './meeting-file.ts';
import { SITE_PACKAGE_VERSION, sitePackageSchema } from './site-package.ts';
import { SITE_REPORT_VERSION, siteReportSchema } from './site-report.ts';

function jsonSchema(schema: z.ZodType, name: string, version: number, title: string): string {
  return `${JSON.stringify(
    {
      ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }),
      $id: `https://bien-ban.invalid/schema/${name}-v${version}.json`,
      title: `${title}, version ${version}`,
    },
    null,
    2,
  )}\n`;
}

export const meetingFileJsonSchema = (): string => jsonSchema(meetingFileSchema, 'meeting-file', MEETING_FILE_VERSION, 'Biên Bản meeting file');
export const sitePackageJsonSchema = (): string =>
  jsonSchema(sitePackageSchema, 'meeting-package', SITE_PACKAGE_VERSION, 'Biên Bản meeting package for the sites');
export const siteReportJsonSchema = (): string => jsonSchema(siteReportSchema, 'site-report', SITE_REPORT_VERSION, 'Biên Bản site report');
