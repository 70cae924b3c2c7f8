// `npm run lint`: gen's own modules depend one way, so no import cycle between them (type-only imports count too).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Stages depend on earlier ones only: a cycle means a piece belongs in an earlier stage (or in a module of its own).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // The `.js` specifiers resolve to the `.ts` sources as tsc resolves them.
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
