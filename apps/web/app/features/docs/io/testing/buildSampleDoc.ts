import type { JSONContent } from '@tiptap/core';
import { nodes as n } from './nodes.ts';

/** A document using every feature the exports claim to keep, plus `extra` blocks at the end. */
export function buildSampleDoc(overrides: { extra?: JSONContent[] } = {}): JSONContent {
  return n.doc(
    n.h(1, 'Quarterly plan'),
    n.p('Plain, ', n.text('bold', 'bold'), ', ', n.text('italic', 'italic'), ', ', n.text('struck', 'strike'), ', ', n.text('x = 1', 'code'), ' and ', n.text('a link', n.link('https://example.com/page')), '.'),
    n.h(2, 'Lists'),
    n.ul([n.p('first bullet'), n.ul([n.p('nested bullet')])], [n.p('second bullet')]),
    n.ol([n.p('step one')], [n.p('step two')]),
    n.tasks([false, n.p('open task')], [true, n.p('done task')]),
    n.quote(n.p('A quoted line')),
    n.code('const answer = 42;\nconsole.log(answer);', 'ts'),
    n.hr(),
    n.table(['Name', 'Role'], ['Ada', 'Engineer'], ['Grace', 'Admiral']),
    ...(overrides.extra ?? []),
  );
}
