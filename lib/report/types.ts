// The reporter contract: a function of events writing to an injected stream.
import type {EventListener} from '../events.js'

// The reporters `--reporter` can name.
export type ReporterName = 'tty' | 'plain' | 'json' | 'tap' | 'junit'

// A reporter: fed every event in order, then closed once (flushes and ends its view).
export interface Reporter {
  onEvent: EventListener
  close(): Promise<void>
}

// Options every reporter receives; `columns` is the terminal width when there is one.
export interface ReporterOptions {
  color: boolean
  columns?: number
}
