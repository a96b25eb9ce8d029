/**
 * The roster (名单) of bodies that must report, and who did in a year. Sits above report/validate and
 * below export/cli/server:
 *
 *   const roster = await readRosterFile('名单.xlsx');             // or rosterFromReports(lastYear, '2023年度报送单位')
 *   const refs = reports.map((r, i) => rosterReport(ids[i], r));    // light records
 *   const year = rosterYear(roster, refs, { assign, counted });      // lines (status per body), unmatched, counts
 *
 * Errors reading a roster are RosterErrors (zh/en, naming the file).
 */
export { RosterError, ROSTER_ERRORS, type RosterErrorCode } from './errors';
export { bodyKey, NameIndex } from './names';
export { readRoster, readRosterFile } from './read';
export { correctionCount, rosterFromReports, rosterReport } from './from-reports';
export { countedReport, mainYear, reportStatus, rosterYear } from './status';
export * from './types';
