// The reporter contract: a function of events writing to an injected stream.
import type {EventListener} from '../events.js'

// The reporters `--reporter` can name.
export type ReporterName = 'tty' | 'plain' | 'json' | 'tap' | 'junit' | 'html'

// A reporter: fed every event in order, then closed once (flushes and ends its view).
export interface Reporter {
  onEvent: EventListener
  close(): Promise<void>
  // Reporters that quote text outside the events (the HTML report) mask it with the run's redactor.
  setRedactor?(redact: (text: string) => string): void
}

// Options every reporter receives; `columns` is the terminal width when there is one.
export interface ReporterOptions {
  color: boolean
  columns?: number
  reportDir?: string | undefined // the folder of the report file, for relative links (html)
  evidenceDir?: string | undefined // a single run's evidence folder (html links to it)
}
