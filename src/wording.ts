// Wording shared by the command line and the HTML report.

/** "1 warning", "3 warnings": a count with its noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
