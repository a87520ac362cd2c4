// `status=` specs: exact codes, lists (`401,200`) and classes (`2xx`); the default is any 2xx.
import type {StatusSpec} from '../model.js'

// The spec used when none is written: any 2xx.
export const defaultStatus: StatusSpec = {codes: [], classes: [2]}

// True when a status code satisfies the spec.
export function statusAccepted(spec: StatusSpec, status: number): boolean {
  return spec.codes.includes(status) || spec.classes.includes(Math.floor(status / 100))
}

// `200`, `401 or 200`, `2xx`: the spec as a user wrote it, for messages.
export function describeStatus(spec: StatusSpec): string {
  const parts = [...spec.codes.map(String), ...spec.classes.map((c) => `${c}xx`)]
  return parts.length ? parts.join(' or ') : 'any status'
}
