// Read the NUL-ended records a bash job (bash-job.ts) and the session server write on their
// reply channel: `P id pid`, `S id pwd`, `V|F|A|O id\n<text>` and `X id status`; and those a
// session job's trap writes to the state file, up to `E id`.
import type {StateParts} from './shell-state.js'

// One record: its kind letter, its job id and the rest.
export interface JobRecord {
  kind: string
  id: string
  body: string
}

// Split a stream of text into records; call `onRecord` for each whole one.
export class RecordReader {
  private buffer = ''
  constructor(private readonly onRecord: (record: JobRecord) => void) {}

  // Add text as it arrives (already decoded as UTF-8).
  write(text: string): void {
    this.buffer += text
    let start = 0
    for (let at = this.buffer.indexOf('\0'); at !== -1; at = this.buffer.indexOf('\0', start)) {
      const record = this.buffer.slice(start, at)
      start = at + 1
      const cut = record.slice(2).search(/[ \n]/)
      const end = cut === -1 ? record.length : cut + 2
      this.onRecord({kind: record[0] ?? '', id: record.slice(2, end), body: record.slice(end + 1)})
    }
    this.buffer = this.buffer.slice(start)
  }
}

// Add a record to a job's state parts; true when it was one (S, V, F, A, O or B).
export function addStatePart(parts: StateParts, record: JobRecord): boolean {
  if (!'SVFAOB'.includes(record.kind) || record.kind === '') return false
  parts[record.kind as keyof StateParts] = record.body
  return true
}

// Add the state records of job `id` from a state file's text: those before its `E id` record. Text
// without that record (the trap could not open the file) adds nothing, so no stale state is taken.
export function readStateFile(text: string, id: string, parts: StateParts): void {
  const end = text.indexOf(`\0E ${id}\0`)
  if (end === -1) return
  new RecordReader((record) => {
    if (record.id === id) addStatePart(parts, record)
  }).write(text.slice(0, end + 1))
}
