/**
 * Module boundaries, checked by `npm run lint` (dependency-cruiser). See docs/ARCHITECTURE.md,
 * "Modules and their boundaries". `scripts/boundaries.test.ts` proves each rule fails on a
 * deliberate violation.
 *
 * A server module is a folder under apps/server/src/modules/ (a business service:
 * modules/services/<code>/). Others use it only through its index.ts; it owns its tables.
 */
const MODULE = '^apps/server/src/modules/(services/[^/]+|[^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-internals',
      comment:
        "A module uses another only through that module's index.ts (its public face). The composition root (app.ts, main.ts, cli/) may also load a module's routes.",
      severity: 'error',
      from: { path: MODULE },
      to: {
        path: '^apps/server/src/modules/',
        pathNot: [
          '^apps/server/src/modules/$1/',
          '^apps/server/src/modules/(services/[^/]+|[^/]+)/index\\.ts$',
        ],
      },
    },
    {
      name: 'no-foreign-tables',
      comment:
        "A module reads and writes only its own tables: it imports its own schema file (db/schema/<module>.ts, or schema.ts in a service's folder), never the schema index or another module's.",
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/', pathNot: '^apps/server/src/modules/services/' },
      to: {
        path: '^apps/server/src/(db/schema/|modules/services/[^/]+/schema\\.ts$)',
        pathNot: '^apps/server/src/db/schema/$1\\.ts$',
      },
    },
    {
      name: 'no-foreign-tables-in-services',
      comment:
        'A business service owns the tables in its schema.ts; other tables are reached through their modules.',
      severity: 'error',
      from: { path: '^apps/server/src/modules/services/([^/]+)/' },
      to: {
        path: '^apps/server/src/(db/schema/|modules/services/[^/]+/schema\\.ts$)',
        pathNot: '^apps/server/src/modules/services/$1/schema\\.ts$',
      },
    },
    {
      name: 'kernel-stays-below-modules',
      comment:
        'The shared kernel (db, http, lib, integrations, context) is importable by all, so it imports no module (types excepted).',
      severity: 'error',
      from: { path: '^apps/server/src/(db|http|lib|integrations)/|^apps/server/src/context\\.ts$' },
      to: { path: '^apps/server/src/modules/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'No cycles: a cycle through module indexes breaks initialisation order and hides layering.',
      severity: 'error',
      from: { path: '^apps/|^packages/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-web-feature-to-feature',
      comment:
        'Web features do not import each other; shared pieces go to components/, hooks/, lib/ or packages/contracts.',
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'no-web-service-to-service',
      comment: "A service's web folder imports no other service's folder (the kit is shared).",
      severity: 'error',
      from: { path: '^apps/web/src/services/([^/]+)/' },
      to: {
        path: '^apps/web/src/services/',
        pathNot: [
          '^apps/web/src/services/$1/',
          '^apps/web/src/services/kit/',
          '^apps/web/src/services/[^/]+\\.tsx?$',
        ],
      },
    },
    {
      name: 'web-reaches-server-only-for-service-contracts',
      comment:
        "The web app may import from the server only a service's contract.ts (zod form and field metadata, no server code).",
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/', pathNot: '^apps/server/src/modules/services/[^/]+/contract\\.ts$' },
    },
    {
      name: 'contracts-are-a-leaf',
      comment: 'packages/contracts is shared by server and web: it imports neither.',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: ['node_modules', '\\.test\\.ts$', 'apps/web/dist', '^apps/server/test/', '^apps/server/cluster/'],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
