// `--shard I/N`: the I-th of N slices of the files, balanced by how many steps each file has.
import {UsageError} from '../errors.js'

// `2/3` → {index: 2, total: 3}; I counts from 1, as CI matrices do.
export function parseShard(text: string): {index: number; total: number} {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(match?.[1])
  const total = Number(match?.[2])
  if (!match || total < 1 || index < 1 || index > total) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N (e.g. 1/3), got \`${text}\``)
  return {index, total}
}

// The files of shard `index` of `total`. Every shard computes the same split from the same sorted list:
// files go, most steps first, each to the shard with the fewest steps so far (ties: the lower shard),
// so the shards are disjoint, together complete, and close in size by steps. Results keep `files`' order.
export function pickShard<T extends {file: string; steps: number}>(files: readonly T[], index: number, total: number): T[] {
  const load = new Array<number>(total).fill(0)
  const owner = new Map<string, number>()
  const bySize = [...files].sort((a, b) => b.steps - a.steps || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  for (const item of bySize) {
    let best = 0
    for (let shard = 1; shard < total; shard++) if (load[shard]! < load[best]!) best = shard
    load[best]! += Math.max(1, item.steps)
    owner.set(item.file, best)
  }
  return files.filter((item) => owner.get(item.file) === index - 1)
}
