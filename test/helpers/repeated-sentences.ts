/**
 * The sentences a transcript prints more than once. Table cells are read as text: a row's check
 * name and mark (`actions.get_worker  ✓  `) are dropped and wrapped lines joined, so a detail
 * repeated in another row counts. A reference to an earlier row (`same as CHECK.`) is not a
 * sentence of its own. Short fragments (table headers, values) are ignored.
 */
export function repeatedSentences(transcript: string): string[] {
  const text = transcript
    .split('\n')
    .map((line) =>
      line.replace(/^\s*[\w.]+(?: [\w.]+)?\s+(?:[✓✗–]\s{2,}|(?:pass|fail|skip)\s+[\w. ]+:\s)/, ''),
    )
    .map((line) => line.trim())
    .join(' ');
  const counts = new Map<string, number>();
  for (const sentence of text.split(/(?<=\.)\s+/)) {
    const trimmed = sentence.trim();
    if (trimmed.length < 20 || /^same as [\w.]+\.$/.test(trimmed)) continue;
    counts.set(trimmed, (counts.get(trimmed) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count > 1).map(([sentence]) => sentence);
}
