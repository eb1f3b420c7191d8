import { InboxBook } from '../../sandbox/inbox';
import { InboxTask } from '../../sandbox/inbox-task';

function task(id: string, assignedMs: number, assignee = 'w1'): InboxTask {
  return new InboxTask({
    id,
    tenant: 't',
    assigneeWorkerId: assignee,
    descriptor: 'Approval by Manager',
    stepType: 'Approval',
    status: 'Awaiting Action',
    assignedMs,
    dueDay: 0,
    processKind: 'Expense Report',
    processId: undefined,
    subjectWorkerId: 's',
    subjectName: 'Ashton Burns',
    initiatorWorkerId: 's',
  });
}

describe('InboxBook', () => {
  it('pages newest first with ties by ascending id, whatever the insertion order', () => {
    const book = new InboxBook();
    book.add([task('b', 10), task('a', 30)]);
    book.add([task('d', 20), task('c', 30), task('e', 5)]);
    book.add([task('f', 40)]);
    expect(book.page('w1', 0, 10).items.map((t) => t.id)).toEqual(['f', 'a', 'c', 'd', 'b', 'e']);
    expect(book.page('w1', 4, 10)).toEqual({
      total: 6,
      items: [expect.objectContaining({ id: 'b' }), expect.objectContaining({ id: 'e' })],
    });
    expect(book.page('w1', 6, 10)).toEqual({ total: 6, items: [] });
    expect(book.page('nobody', 0, 10)).toEqual({ total: 0, items: [] });
  });

  it('counts statuses and refuses duplicate ids', () => {
    const book = new InboxBook();
    const first = task('a', 1);
    book.add([first, task('b', 2, 'w2')]);
    book.setStatus(first, 'Denied');
    expect(book.countByStatus()).toEqual({ 'Awaiting Action': 1, Denied: 1 });
    expect(() => book.add([task('a', 3)])).toThrow("Inbox task id 'a' is not unique.");
  });

  it('derives the ISO strings and the overall process on access', () => {
    const one = task('aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb', Date.UTC(2026, 2, 31, 8, 15, 0, 7));
    expect(one.assigned).toBe('2026-03-31T08:15:00.007Z');
    expect(one.due).toBe('1970-01-01');
    expect(one.overallProcess).toEqual({
      // Bulk tasks derive a distinct process WID from their own id.
      id: 'bbbbbbbbbbbbbbbbaaaaaaaaaaaaaaaa',
      kind: 'Expense Report',
      descriptor: 'Expense Report: Ashton Burns',
    });
    expect(JSON.parse(JSON.stringify(one))).toMatchObject({
      assigned: '2026-03-31T08:15:00.007Z',
      status: 'Awaiting Action',
    });
  });
});
