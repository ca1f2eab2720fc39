// Checks each statement in the JSON array files given with Learning
// Locker's own validator (xapi-validation); prints the count and every
// problem, exits 1 when a statement is invalid.
'use strict';
const fs = require('fs');
const validate = require('xapi-validation').default;
let total = 0;
let bad = 0;
for (const file of process.argv.slice(2)) {
  const statements = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(statements) || statements.length === 0) {
    console.error(`${file}: geen JSON-lijst met berichten`);
    process.exit(1);
  }
  for (const s of statements) {
    total++;
    // validate returns every problem it finds as a list of warnings.
    const warnings = validate(s);
    if (warnings.length > 0) {
      bad++;
      const what = warnings.map((w) => `${w.path.join('.')}: ${w.constructor.name}`);
      console.error(`${file}: bericht ${s.id}: ${what.join('; ')}`);
    }
  }
}
console.log(`xapi-validation: ${total - bad} van ${total} berichten geldig`);
process.exit(bad === 0 ? 0 : 1);
