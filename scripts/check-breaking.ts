/**
 * `npm run check:breaking` (CI, after check:contract): fails when schema.graphql or asyncapi.yaml
 * breaks a client of the last released contract (contract/released/) without CHANGELOG.md
 * declaring it, or removes a field or enum value no release deprecated. Prints every change it
 * finds. docs/api-conventions.md, "Versions and breaking changes"; the comparison itself is
 * scripts/support/breaking-changes.ts. `--schema=…`, `--events=…`, `--releasedSchema=…`,
 * `--releasedEvents=…` and `--changelog=…` compare other files (test/breaking-changes.test.ts).
 */
import { compareContracts, describeVerdict } from './support/breaking-changes';
import { contractFilesFrom, contractTexts } from './support/contract-files';

async function main(): Promise<void> {
  const files = contractFilesFrom(process.argv.slice(2));
  const verdict = await compareContracts(contractTexts(files));
  console.log(describeVerdict(verdict));
  if (verdict.refused.length > 0) {
    console.error(
      `\ncheck:breaking FAILED: ${verdict.refused.length} breaking change(s) for existing clients. Keep what they use, ` +
        'or deprecate it in a release first and declare its removal in CHANGELOG.md (## Unreleased, ### Breaking, ' +
        'the key in backticks): docs/api-conventions.md, "Versions and breaking changes".',
    );
    process.exit(1);
  }
  console.log('\ncheck:breaking passed: nothing breaks a client of the released contract without being declared');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
