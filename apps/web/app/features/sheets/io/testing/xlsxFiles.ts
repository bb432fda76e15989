/** Test-only: the parts a hand-made zip needs to pass `inspectXlsxZip`, with `sheet` as its first worksheet. */
export function xlsxFiles(sheet = '<worksheet/>'): Record<string, string> {
  return { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': sheet };
}
