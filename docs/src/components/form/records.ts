/** Pure helpers of the record-list editor. */

/** Where an error path points inside the list: the record's index and the path inside it. */
export function locateError(listPath: string, path: string): { index: number; inner: string } | undefined {
  const m = new RegExp(`^${listPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[(\\d+)\\]\\.?(.*)$`).exec(path);
  return m ? { index: Number(m[1]), inner: m[2] ?? '' } : undefined;
}
