// Replaces @stdlib/assert-has-generator-support (see astro.config.mjs): the original probes with
// eval('"use strict"; (function* () {})'), which the site's Content-Security-Policy blocks and
// reports as a violation. Every browser and Node the site supports has generators, which is
// also what the probe answers when eval is allowed, so the same code path is taken.
'use strict';

module.exports = function hasGeneratorSupport() {
  return true;
};
