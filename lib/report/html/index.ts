// The `html` reporter: one self-contained page (SPEC §16), for one file's run or many files' runs.
import path from 'node:path'
import type {Writable} from 'node:stream'
import type {RunEvent} from '../../events.js'
import type {Reporter} from '../types.js'
import {writeAndFlush} from '../write.js'
import type {ManyReporter, ManyReporterOptions} from '../many/types.js'
import {applyHtmlEvent, createHtmlFile, type HtmlFile} from './model.js'
import {evidenceHref, renderHtmlReport} from './render.js'

// Where the page is written and where the evidence went, so the page can link to it.
export interface HtmlOptions {
  reportDir?: string | undefined // the folder of the report file (undefined: stdout, no links)
  evidenceDir?: string | undefined // a single run's evidence folder
  redact?: ((text: string) => string) | undefined
}

// One file's run as an HTML page, written when the reporter closes.
export function createHtmlReporter(out: Writable, options: HtmlOptions = {}): Reporter {
  let part: HtmlFile | undefined
  const get = () => (part ??= createHtmlFile(''))
  return {
    setRedactor(redact) {
      get().redact = redact
    },
    onEvent(event: RunEvent) {
      const current = get()
      if (event.type === 'run:start') current.file = event.runbook
      applyHtmlEvent(current, event)
    },
    async close() {
      const current = get()
      current.evidence = evidenceHref(options.evidenceDir, options.reportDir, path.relative)
      await writeAndFlush(out, renderHtmlReport([current]))
    },
  }
}

// Many files' runs as one page, one section per file, written at the end.
export function createManyHtml(out: Writable, options: ManyReporterOptions & HtmlOptions): ManyReporter {
  const parts = new Map<string, HtmlFile>()
  const part = (file: string) => {
    let found = parts.get(file)
    if (!found) parts.set(file, (found = createHtmlFile(file)))
    return found
  }
  return {
    start(file) {
      const current = part(file)
      return {
        onEvent: (event: RunEvent) => applyHtmlEvent(current, event),
        setRedactor: (redact) => (current.redact = redact),
        close: async () => {},
      }
    },
    end(file, outcome) {
      const current = part(file)
      if (!outcome.result && outcome.error) current.error = outcome.error
      current.evidence = evidenceHref(outcome.evidence, options.reportDir, path.relative)
    },
    skip(file, why) {
      part(file).skipped = why
    },
    async close() {
      const ordered = options.files.filter((file) => parts.has(file)).map((file) => parts.get(file)!)
      await writeAndFlush(out, renderHtmlReport(ordered))
    },
  }
}
