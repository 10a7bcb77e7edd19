/**
 * Warnings for a person to read, not a log: after a few of one kind, the rest are counted in
 * one line, so a file with 5,000 empty headings gives a readable list.
 */
const PER_KIND = 20;

export class Warnings {
  private readonly messages: string[] = [];
  private readonly counts = new Map<string, number>();

  add(kind: string, message: string): void {
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    if (count <= PER_KIND) this.messages.push(message);
  }

  list(): string[] {
    const more = [...this.counts].filter(([, count]) => count > PER_KIND).map(([kind, count]) => `…and ${count - PER_KIND} more warnings like these (${kind}).`);
    return [...this.messages, ...more];
  }
}
