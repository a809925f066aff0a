import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

// The boundary rules of `npm run lint` (.dependency-cruiser.cjs), each shown to fail on a deliberate
// violation in a throwaway tree shaped like the project — and to pass the allowed form beside it.
const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as IConfiguration;
const root = mkdtempSync(path.join(tmpdir(), 'sw-boundaries-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let case_ = 0;
/** Writes the files of one case under its own folder and returns the rules they break. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const base = path.join(root, String(++case_));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
    writeFileSync(path.join(base, file), text);
  }
  const result = await cruise(
    ['apps', 'packages'].filter((d) => Object.keys(files).some((f) => f.startsWith(d))),
    {
      validate: true,
      ruleSet: { forbidden: config.forbidden ?? [] },
      baseDir: base,
      tsPreCompilationDeps: true,
      enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    },
  );
  const output = result.output as { summary: { violations: { rule: { name: string } }[] } };
  return [...new Set(output.summary.violations.map((v) => v.rule.name))].sort();
}

const S = 'apps/server/src';

describe('module boundaries (dependency-cruiser)', () => {
  it('refuses a module reaching into another module, and allows its index.ts', async () => {
    expect(
      await violations({
        [`${S}/modules/casework/a.ts`]:
          "import { x } from '../identity/identity.repo.ts';\nexport const a = x;\n",
        [`${S}/modules/identity/identity.repo.ts`]: 'export const x = 1;\n',
      }),
    ).toEqual(['no-module-internals']);
    expect(
      await violations({
        [`${S}/modules/casework/a.ts`]: "import { x } from '../identity/index.ts';\nexport const a = x;\n",
        [`${S}/modules/identity/index.ts`]: "export { x } from './identity.repo.ts';\n",
        [`${S}/modules/identity/identity.repo.ts`]: 'export const x = 1;\n',
      }),
    ).toEqual([]);
  });

  it('refuses another module’s tables, and a service reaching into another service', async () => {
    expect(
      await violations({
        [`${S}/modules/casework/a.repo.ts`]:
          "import { accounts } from '../../db/schema/identity.ts';\nexport const a = accounts;\n",
        [`${S}/db/schema/identity.ts`]: 'export const accounts = 1;\n',
      }),
    ).toEqual(['no-foreign-tables']);
    expect(
      await violations({
        [`${S}/modules/services/cert-review/a.ts`]:
          "import { t } from '../enterprise-registration/schema.ts';\nexport const a = t;\n",
        [`${S}/modules/services/enterprise-registration/schema.ts`]: 'export const t = 1;\n',
      }),
    ).toEqual(['no-foreign-tables-in-services', 'no-module-internals']);
    expect(
      await violations({
        [`${S}/modules/services/cert-review/a.ts`]: "import { t } from './schema.ts';\nexport const a = t;\n",
        [`${S}/modules/services/cert-review/schema.ts`]: 'export const t = 1;\n',
      }),
    ).toEqual([]);
  });

  it('refuses cycles, and the kernel importing a module', async () => {
    expect(
      await violations({
        [`${S}/modules/a/index.ts`]: "import { b } from '../b/index.ts';\nexport const a = () => b;\n",
        [`${S}/modules/b/index.ts`]: "import { a } from '../a/index.ts';\nexport const b = () => a;\n",
      }),
    ).toEqual(['no-circular']);
    expect(
      await violations({
        [`${S}/lib/x.ts`]: "import { a } from '../modules/a/index.ts';\nexport const x = a;\n",
        [`${S}/modules/a/index.ts`]: 'export const a = 1;\n',
      }),
    ).toEqual(['kernel-stays-below-modules']);
  });

  it('refuses a web feature importing another, and the web reaching the server beyond a service contract', async () => {
    expect(
      await violations({
        'apps/web/src/features/account/a.ts':
          "import { r } from '../registration/rules.ts';\nexport const a = r;\n",
        'apps/web/src/features/registration/rules.ts': 'export const r = 1;\n',
      }),
    ).toEqual(['no-web-feature-to-feature']);
    expect(
      await violations({
        'apps/web/src/services/cert-review/a.ts':
          "import { c } from '../../../../server/src/modules/services/cert-review/contract.ts';\nimport { d } from '../../../../server/src/modules/services/cert-review/definition.ts';\nexport const a = [c, d];\n",
        [`${S}/modules/services/cert-review/contract.ts`]: 'export const c = 1;\n',
        [`${S}/modules/services/cert-review/definition.ts`]: 'export const d = 1;\n',
      }),
    ).toEqual(['web-reaches-server-only-for-service-contracts']);
  });

  it('refuses a web service importing another service, and allows the shared kit', async () => {
    expect(
      await violations({
        'apps/web/src/services/cert-review/a.ts':
          "import { f } from '../enterprise-registration/form.ts';\nexport const a = f;\n",
        'apps/web/src/services/enterprise-registration/form.ts': 'export const f = 1;\n',
      }),
    ).toEqual(['no-web-service-to-service']);
    expect(
      await violations({
        'apps/web/src/services/cert-review/a.ts': "import { k } from '../kit/api.ts';\nexport const a = k;\n",
        'apps/web/src/services/kit/api.ts': 'export const k = 1;\n',
      }),
    ).toEqual([]);
  });

  it('refuses the shared contracts package importing an app', async () => {
    expect(
      await violations({
        'packages/contracts/src/a.ts':
          "import { w } from '../../../apps/web/src/w.ts';\nexport const a = w;\n",
        'apps/web/src/w.ts': 'export const w = 1;\n',
      }),
    ).toEqual(['contracts-are-a-leaf']);
  });
});
