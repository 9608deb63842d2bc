'use strict';
// Stands in for semver/functions/parse and semver/functions/satisfies (about 5 KB compressed). Their one user,
// vscode-languageclient, checks at start-up that VS Code's version (prerelease tag cleared) satisfies its
// REQUIRED_VSCODE_VERSION, which it keeps in the form '^X.Y.Z'. Other range forms throw, so a client update
// that changes the form fails loudly instead of passing a wrong check.

const VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function parse(version) {
  if (typeof version === 'object' && version !== null) return version;
  const m = typeof version === 'string' ? VERSION.exec(version.trim()) : null;
  if (!m) return null;
  return { version, major: +m[1], minor: +m[2], patch: +m[3], prerelease: m[4] ? m[4].split('.') : [] };
}

const compare = (a, b) => a.major - b.major || a.minor - b.minor || a.patch - b.patch;

function satisfies(version, range) {
  const v = parse(version);
  const caret = /^\^(.*)$/.exec(range);
  const min = caret && parse(caret[1]);
  if (!min || min.prerelease.length > 0) throw new Error(`semver shim: unsupported range ${range}`);
  if (!v || v.prerelease.length > 0) return false;
  // ^1.2.3 is >=1.2.3 <2.0.0; ^0.2.3 is >=0.2.3 <0.3.0; ^0.0.3 is exactly 0.0.3
  const sameLeading = min.major > 0 ? v.major === min.major : min.minor > 0 ? v.major === 0 && v.minor === min.minor : compare(v, min) === 0;
  return sameLeading && compare(v, min) >= 0;
}

module.exports = { parse, satisfies };
