// HOOK for the BullMQ-flow leg of `npm run bench -- subsidies` (to be written by the subsidy-claims
// branch; this branch only measures the plain loop). bench/subsidies.mjs calls
//
//   runSubsidiesFlow({ opts, shape, policy, agencyInputs, agencyInput, plain, require })
//
// after the plain loop, where `agencyInputs(opts)` yields the same deterministic AgencyPeriodInputs
// the plain loop evaluated (bench/subsidies-data.mjs), `plain` is the plain-loop summary including
// `outcome` (lines and fen per status) for checking the flow decides identically, and `require`
// resolves from backend/ (dist, bullmq). It must return null (leg not run) or
//   { seconds, agenciesPerSecond, placementsPerSecond, outcome, ...anything else to report }.
export async function runSubsidiesFlow() {
  return null;
}
