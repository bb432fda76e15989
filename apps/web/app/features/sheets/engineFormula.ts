/**
 * A formula as HyperFormula reads it. HyperFormula has no boolean literals
 * (`FALSE` is a function to it, and bare `FALSE` a missing name), so bare
 * TRUE/FALSE outside strings and quoted sheet names become `TRUE()`/`FALSE()`.
 * What the person typed is what the model keeps and shows.
 */
export function engineFormula(formula: string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^(TRUE|FALSE)(?![\p{L}\p{N}_.(!])/iu.exec(formula.slice(i));
    const before = out[out.length - 1];
    if (m && !(before && /[\p{L}\p{N}_.$]/u.test(before))) {
      out += `${m[1]!.toUpperCase()}()`;
      i += m[1]!.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
