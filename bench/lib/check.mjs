// One line of a figure: our number, the peer's beside it, the ratio and whether the target holds.

// Build a check. `target` is {on: 'ratio' | 'value', max}: the ratio or the value must stay at or under max.
export function check({label, unit, ours, peer, peerName, target, targetText, note}) {
  const ratio = ours != null && peer != null && peer > 0 ? ours / peer : null
  let met = null
  if (target) {
    const x = target.on === 'ratio' ? ratio : ours
    met = x == null ? null : x <= target.max
  }
  return {label, unit, ours: ours ?? null, peer: peer ?? null, peerName: peerName ?? null, ratio, target: target ?? null, targetText: targetText ?? '', met, note: note ?? ''}
}

// Round to a few significant places for printing and JSON.
export function round(x, digits = 3) {
  if (x == null || !Number.isFinite(x)) return x
  const p = 10 ** digits
  return Math.round(x * p) / p
}
