// Summarise a V8 .cpuprofile: where the time goes, by function (self and inclusive) and by file/package.
import {readFileSync} from 'node:fs'

// Short place of a call frame: package name for node_modules, path from dist/ for ours, node: internals.
export function placeOf(frame, root) {
  const url = frame.url || ''
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)'
  if (url.startsWith('node:')) return url
  const file = url.replace(/^file:\/\//, '')
  const nm = file.lastIndexOf('/node_modules/')
  if (nm >= 0) {
    const rest = file.slice(nm + 14).split('/')
    return `npm:${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`
  }
  return root && file.startsWith(root) ? file.slice(root.length + 1) : file
}

// Read a profile and return {totalMs, byPlace, topSelf, topInclusive} with times in ms.
export function summarise(file, {root, top = 15} = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${placeOf(n.callFrame, root)}:${n.callFrame.lineNumber + 1}`
  const self = new Map()
  const inclusive = new Map()
  const placeSelf = new Map()
  const ancestry = new Map() // node id → Set of keys on its stack
  const stackKeys = (id) => {
    if (ancestry.has(id)) return ancestry.get(id)
    const n = nodes.get(id)
    const up = parent.has(id) ? stackKeys(parent.get(id)) : new Set()
    const set = new Set(up)
    set.add(key(n))
    ancestry.set(id, set)
    return set
  }
  let totalMs = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    totalMs += ms
    const n = nodes.get(id)
    const k = key(n)
    self.set(k, (self.get(k) ?? 0) + ms)
    const place = placeOf(n.callFrame, root)
    placeSelf.set(place, (placeSelf.get(place) ?? 0) + ms)
    for (const s of stackKeys(id)) inclusive.set(s, (inclusive.get(s) ?? 0) + ms)
  })
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => ({what: k, ms: Math.round(v * 10) / 10}))
  const interesting = new Map([...inclusive].filter(([k]) => !/^\((root|program|idle|garbage collector)\)|^\(anonymous\) \(native\)/.test(k)))
  return {totalMs: Math.round(totalMs), byPlace: sorted(placeSelf), topSelf: sorted(self), topInclusive: sorted(interesting)}
}
