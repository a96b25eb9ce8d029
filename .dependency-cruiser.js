/**
 * The dependency rule of docs/ARCHITECTURE.md: no import circles among src/ files, and imports point down the stages.
 * Each folder of src/ has a rank; a file may import its own folder and folders of a LOWER rank, never a higher one
 * (folders of one rank are siblings and import neither each other). `npm run lint` runs this.
 */
const LAYERS = [
  ['text'], // text normalisation and display
  ['document', 'formats'], // the Document model; the format descriptions of templates/
  ['ingest'], // file bytes -> Document (ingest/pdf too)
  ['report'], // the Report model and pure operations on it (migrate, next year, findings)
  ['recognise'], // Document -> Report
  ['validate'], // Report -> Finding[]
  ['core'], // one file -> read, recognised, checked report (pipeline; core/edit.ts: a corrected cell re-read)
  ['roster'], // roster import and matching
  ['export'], // Report -> JSON, XLSX, DOCX (convert-one.ts: the exports of one report written)
  ['batch'], // worker pool
  ['workspace'], // the server's store on disk
  ['server'], // nianbao serve
  ['cli'], // the nianbao command
];

/** One rule per layer: its files may not import a folder of the same or a higher rank other than their own. */
function upwardRules() {
  return LAYERS.map((folders, rank) => {
    const notBelow = LAYERS.slice(rank).flat();
    return {
      name: `layer-${folders.join('-')}`,
      comment: `src/{${folders.join(',')}} may import only folders below it: ${LAYERS.slice(0, rank).flat().join(', ') || '(none)'}`,
      severity: 'error',
      from: { path: `^src/(${folders.join('|')})/` },
      to: { path: `^src/(${notBelow.join('|')})/`, pathNot: '^src/$1/' },
    };
  });
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle ties modules so that neither can be understood, tested or loaded alone.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-unknown-folder',
      comment: 'Every folder of src/ has a place in LAYERS (.dependency-cruiser.js), so the rule knows where it stands.',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(${LAYERS.flat().join('|')})/` },
      to: {},
    },
    ...upwardRules(),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/server/web/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
