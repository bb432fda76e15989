import { describe, expect, it } from 'vitest';
import { tasksFromCheckboxParagraphs } from './tasksFromCheckboxParagraphs.ts';
import { nodes as n } from './testing/nodes.ts';
import { toSchemaDoc } from './toSchemaDoc.ts';

describe('tasksFromCheckboxParagraphs', () => {
  it('groups consecutive checkbox paragraphs into one task list', () => {
    const doc = n.doc(n.p('☐ open'), n.p('☑ ', n.text('done', 'bold')), n.p('☒crossed'), n.p('plain'), n.p('☐ again'));
    expect(tasksFromCheckboxParagraphs(doc)).toEqual(
      n.doc(n.tasks([false, n.p('open')], [true, n.p(n.text('done', 'bold'))], [true, n.p('crossed')]), n.p('plain'), n.tasks([false, n.p('again')])),
    );
  });

  it('converts inside quotes and table cells but not as the first child of a list item', () => {
    const doc = n.doc(n.quote(n.p('☐ q')), n.table(['☑ h']), n.ul([n.p('☐ stays')]));
    const out = tasksFromCheckboxParagraphs(doc);
    expect(out.content![0]).toEqual(n.quote(n.tasks([false, n.p('q')])));
    expect(out.content![1]!.content![0]!.content![0]!.content).toEqual([n.tasks([true, n.p('h')])]);
    expect(out.content![2]).toEqual(n.ul([n.p('☐ stays')]));
    expect(() => toSchemaDoc(out)).not.toThrow();
  });
});
