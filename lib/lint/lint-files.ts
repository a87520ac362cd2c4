// Lint many files: cache lookups in this thread, the work spread over worker threads when there
// are enough files to pay for starting them, results in file order.
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {contentHash, openCache, type LintCache} from './cache.js'
import type {LintConfig} from './config.js'
import {lintFile, type FileResult} from './lint-file.js'
import {readSource} from './read-source.js'
import type {WorkItem} from './worker.js'

// Options of lintFiles.
export interface LintFilesOptions {
  cwd: string
  config: LintConfig
  fix?: boolean
  cache?: {location: string; key: string}
  workers?: number // 0: lint in this thread; default: by file count and cores
}

const workerUrl = new URL('./worker.js', import.meta.url)
const batchSize = 16

// Lint `files` (absolute paths); findings name files relative to `cwd`.
export async function lintFiles(files: readonly string[], options: LintFilesOptions): Promise<FileResult[]> {
  const cache = options.cache ? openCache(options.cache.location, options.cache.key) : undefined
  const results: Array<FileResult | undefined> = new Array(files.length)
  const todo: Array<WorkItem & {index: number; hash?: string}> = []
  files.forEach((absolute, index) => {
    const name = displayName(absolute, options.cwd)
    if (!cache) return todo.push({absolute, name, index})
    const read = readSource(absolute, name)
    if ('error' in read) return todo.push({absolute, name, index})
    const source = read.source
    const hash = contentHash(source)
    const hit = cache.get(name, hash)
    if (hit) results[index] = {file: name, messages: hit, fixed: 0, deps: {}}
    else todo.push({absolute, name, index, source, hash})
  })
  const fix = options.fix === true
  const count = options.workers ?? defaultWorkers(todo.length)
  const done = count > 0 && existsSync(fileURLToPath(workerUrl)) ? await inWorkers(todo, count, options.config, fix) : todo.map((item) => lintFile(item.absolute, item.name, {config: options.config, fix, ...(item.source !== undefined ? {source: item.source} : {})}))
  todo.forEach((item, i) => {
    const result = done[i]!
    results[item.index] = result
    if (cache && item.hash && !result.error && result.fixed === 0) cache.set(item.name, item.hash, result.messages, result.deps)
  })
  saveCache(cache)
  return results as FileResult[]
}

function saveCache(cache: LintCache | undefined): void {
  try {
    cache?.save()
  } catch {
    // a read-only folder: linting still worked, the next run is just slower
  }
}

// Worker threads pay off from a few dozen files; never more than the cores (or 4).
function defaultWorkers(files: number): number {
  if (files < 48) return 0
  return Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(files / 48)))
}

async function inWorkers(items: WorkItem[], count: number, config: LintConfig, fix: boolean): Promise<FileResult[]> {
  const results: FileResult[] = new Array(items.length)
  let next = 0
  const runOne = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerUrl, {workerData: {config, fix}})
      let batch: number[] = []
      const send = () => {
        if (next >= items.length) {
          void worker.terminate()
          return resolve()
        }
        batch = []
        for (let i = 0; i < batchSize && next < items.length; i++) batch.push(next++)
        worker.postMessage(batch.map((i) => items[i]))
      }
      worker.on('message', (answers: FileResult[]) => {
        answers.forEach((answer, k) => (results[batch[k]!] = answer))
        send()
      })
      worker.on('error', reject)
      worker.on('online', send)
    })
  await Promise.all(Array.from({length: count}, runOne))
  return results
}

// `docs/a.md` for files under `cwd`, the absolute path otherwise.
export function displayName(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute)
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/')
}
