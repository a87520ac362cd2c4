// The exit code of many runs: the worst of them (SPEC §12).
import {exitCodes} from './io.js'

const rank: Record<number, number> = {
  [exitCodes.ok]: 0,
  [exitCodes.failed]: 1,
  [exitCodes.usage]: 2,
  [exitCodes.internal]: 3,
  [exitCodes.sigterm]: 4,
  [exitCodes.sigint]: 5,
}

// The worst code: an interruption over a bug over an invalid file over a failure over success.
export function worstExitCode(codes: readonly number[]): number {
  let worst: number = exitCodes.ok
  for (const code of codes) if ((rank[code] ?? 3) > (rank[worst] ?? 3)) worst = code
  return worst
}
