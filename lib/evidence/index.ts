// Evidence (SPEC §9): manifest.json, complete step logs, results.json and report.md in one folder.
export {createEvidence, type EvidenceWriter} from './writer.js'
export {readLastRun} from './last-run.js'
export type {Manifest, ManifestStep} from './manifest.js'
