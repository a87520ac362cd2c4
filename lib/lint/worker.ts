// A lint worker thread: receives batches of files, answers with their results.
import {parentPort, workerData} from 'node:worker_threads'
import type {LintConfig} from './config.js'
import {lintFile, type FileResult} from './lint-file.js'

// One file of a batch sent to a worker.
export interface WorkItem {
  absolute: string
  name: string
  source?: string
}

const {config, fix} = workerData as {config: LintConfig; fix: boolean}

parentPort?.on('message', (batch: WorkItem[]) => {
  const results: FileResult[] = batch.map((item) => lintFile(item.absolute, item.name, {config, fix, ...(item.source !== undefined ? {source: item.source} : {})}))
  parentPort!.postMessage(results)
})
