// A job that never started (the host could not be reached): a handle already settled with the reason.
import {OutputCapture} from '../capture.js'
import type {HostJobHandle} from './types.js'

// The handle of a job that failed before it started, with `message` (ssh's own) as its error.
export function failedHandle(message: string, options: {interrupted?: boolean} = {}): HostJobHandle {
  const captures = {stdout: new OutputCapture(), stderr: new OutputCapture()}
  if (!options.interrupted) captures.stderr.write(`${message}\n`)
  return {
    outcome: Promise.resolve({exitCode: null, timedOut: false, interrupted: options.interrupted === true, ...captures, all: '', ...(options.interrupted ? {} : {error: message})}),
    exited: () => true,
    captures,
    stop: async () => {},
  }
}
