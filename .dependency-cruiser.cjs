/**
 * Import layering for the station (issue 11): `npm run lint` runs this after eslint.
 *
 * Dependencies point one way. A folder cycle (till → payments → till) means neither folder can be
 * read, tested or moved without the other; the cure is to move the shared piece down a layer
 * (ledger/, sales/, logging/), not to re-export it. The files at the root of electron/core are the
 * composition root: they import every folder, so a folder that imports one of them closes a cycle
 * through the root even when no two modules form one.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment:
        'Folders depend on each other one way only. Move the piece both sides need down a layer ' +
        '(a lower folder such as ledger/ or sales/, or shared/domain for pure rules).',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-root-is-the-top',
      severity: 'error',
      comment:
        'The files at the root of electron/core wire the station together and import every folder, ' +
        'so a folder below that imports one of them is a folder cycle through the root. Hand the ' +
        'folder what it needs (an interface it owns, or a piece moved down a layer) instead.',
      from: { path: '^electron/core/[^/]+/' },
      to: { path: '^electron/core/[^/]+\\.ts$' },
    },
  ],
  options: {
    // Type-only imports tie folders together just as much as value imports do.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
