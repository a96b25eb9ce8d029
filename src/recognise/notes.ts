/**
 * The reader's notes (hidden text left out, an embedded part that could not be read, a file
 * converted by LibreOffice…) as findings of the report: each note's code is its rule id in
 * templates/rules.json, so the note reaches report.issues, the JSON, the 问题 sheet and the page.
 */
import type { Document } from '../document/types';
import type { Finding } from '../report/types';

export function documentNotes(document: Pick<Document, 'messages'>): Finding[] {
  return document.messages.map((m) => ({ rule: m.code, severity: m.type, message: m.message, fields: [] }));
}
