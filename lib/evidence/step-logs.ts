// A step's evidence folder: cmd.txt and complete stdout/stderr logs, streamed straight to disk.
import {closeSync, existsSync, renameSync} from 'node:fs'
import type {Redactor} from '../redact/index.js'
import {ensureFolder, inside, openNoFollow, writeAll, writeWhole} from './paths.js'

type Stream = 'stdout' | 'stderr'

// Open logs of one step; every chunk is written synchronously, so memory never grows with output.
export class StepLogs {
  readonly dir: string
  private fds: Partial<Record<Stream, number>> = {}
  private masks: Partial<Record<Stream, ReturnType<Redactor['stream']>>> = {}
  private attempt = 0
  private touched = new Set<Stream>()

  constructor(stepsDir: string, name: string, private readonly redactor: Redactor) {
    this.dir = inside(stepsDir, name)
    ensureFolder(this.dir)
  }

  // A new attempt: earlier logs are kept as `stdout.N.log`; the plain names hold the latest attempt.
  start(attempt: number, command: string | undefined): void {
    this.close()
    if (this.attempt > 0) {
      for (const stream of ['stdout', 'stderr'] as const) {
        const log = inside(this.dir, `${stream}.log`)
        if (existsSync(log)) renameSync(log, inside(this.dir, `${stream}.${this.attempt}.log`))
      }
    }
    this.attempt = attempt
    this.touched.clear()
    if (command !== undefined) writeWhole(inside(this.dir, 'cmd.txt'), this.redactor.redact(command.endsWith('\n') ? command : `${command}\n`))
    for (const stream of ['stdout', 'stderr'] as const) this.open(stream)
  }

  // Append a chunk of output (masked through a streaming redactor, ANSI kept).
  write(stream: Stream, chunk: string): void {
    const fd = this.fds[stream] ?? this.open(stream)
    const mask = (this.masks[stream] ??= this.redactor.stream())
    const text = mask.write(chunk)
    if (text !== '') writeAll(fd, text)
  }

  // Flush held-back text and close the files.
  close(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const fd = this.fds[stream]
      if (fd === undefined) continue
      const rest = this.masks[stream]?.end() ?? ''
      if (rest !== '') writeAll(fd, rest)
      closeSync(fd)
    }
    this.fds = {}
    this.masks = {}
  }

  private open(stream: Stream): number {
    const fd = openNoFollow(inside(this.dir, `${stream}.log`), this.touched.has(stream) ? 'a' : 'w')
    this.touched.add(stream)
    this.fds[stream] = fd
    return fd
  }
}
