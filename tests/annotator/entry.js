// What the browser test needs of Apache Annotator, bundled by `make test-tools` (esbuild) into
// .cache/annotator/annotator.js, a plain script that sets window.Annotator: a matcher for any
// selector the dossier writes, refinements (a CssSelector refinedBy a TextQuoteSelector)
// included, and the highlighter.
import {
  createCssSelectorMatcher,
  createTextQuoteSelectorMatcher,
  highlightText,
} from "@apache-annotator/dom";
import { makeRefinable } from "@apache-annotator/selector";

const createMatcher = makeRefinable((selector) => {
  const creators = {
    CssSelector: createCssSelectorMatcher,
    TextQuoteSelector: createTextQuoteSelectorMatcher,
  };
  const create = creators[selector.type];
  if (!create) throw new Error(`no matcher for a ${selector.type}`);
  return create(selector);
});

window.Annotator = { createMatcher, highlightText };
