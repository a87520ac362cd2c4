// Rolling batches (SPEC §13): `serial` hosts at a time, a number or a percentage, and `max-fail`
// failed hosts tolerated, as Ansible's `serial` and `max_fail_percentage` read them.

// How many of `total` a number or a `25%` string means; percentages round down but never below `floor`.
export function countOf(value: number | string | undefined, total: number, fallback: number, floor = 1): number {
  if (value === undefined) return fallback
  if (typeof value === 'number') return value
  const percent = /^([0-9.]+)%$/.exec(value.trim())
  if (percent) return Math.max(floor, Math.floor((total * Number(percent[1])) / 100))
  const number = Number(value)
  return Number.isFinite(number) ? number : fallback
}

// Split hosts into batches of `serial`.
export function batchesOf<T>(hosts: T[], serial: number): T[][] {
  const size = Math.max(1, serial)
  const batches: T[][] = []
  for (let at = 0; at < hosts.length; at += size) batches.push(hosts.slice(at, at + size))
  return batches
}
