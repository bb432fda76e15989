import { chatMessageText } from './chatMessageText.ts';
import { seededRandom } from '../seededRandom.ts';

/** One write to the room, in the order it happens; messages are named by their posting index. */
export type ChatAction =
  | { kind: 'post'; author: number; ts: number; text: string; replyTo: number | null; mentions: string[] }
  | { kind: 'edit'; author: number; ts: number; message: number; text: string }
  | { kind: 'react'; author: number; ts: number; message: number; emoji: string; on: boolean };

/** What each message shows once every action is in: its author and its text after the last edit. */
export type ChatScript = {
  actions: ChatAction[];
  final: { author: number; ts: number; text: string }[];
  counts: { replies: number; mentions: number; edits: number; reactions: number; unreactions: number };
};

const EMOJI = ['👍', '❤️', '😂', '🎉', '👀', '🙏'];
/** 2026-11-02 08:00 UTC: the room's first message. */
const START_TS = Date.UTC(2026, 10, 2, 8);

/**
 * A deterministic room history: `messages` posts by `authors.length` people
 * (a few write most of it, and often several lines in a row), about 4% replies
 * to a recent message, 5% with a mention, 3% edited by their author shortly
 * after (some twice), and reactions by others on about one message in six,
 * a few of them taken back. Gaps between messages run from seconds to hours.
 */
export function buildChatScript(o: { messages: number; authors: readonly string[]; seed: number }): ChatScript {
  const rnd = seededRandom(o.seed);
  const n = o.authors.length;
  const weights = o.authors.map((_, i) => 1 / (i + 1.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickAuthor = () => {
    let r = rnd() * total;
    for (let i = 0; i < n; i++) if ((r -= weights[i]!) < 0) return i;
    return n - 1;
  };
  const actions: ChatAction[] = [];
  const final: ChatScript['final'] = [];
  const counts = { replies: 0, mentions: 0, edits: 0, reactions: 0, unreactions: 0 };
  const reacted: { author: number; message: number; emoji: string }[] = [];
  let ts = START_TS;
  let author = 0;
  const tick = (minS: number, maxS: number) => (ts += Math.floor((minS + rnd() * (maxS - minS)) * 1000));

  for (let i = 0; i < o.messages; i++) {
    const g = rnd();
    if (g < 0.7) tick(3, 60);
    else if (g < 0.95) tick(60, 600);
    else tick(3600, 8 * 3600);
    if (i === 0 || rnd() > 0.4) author = pickAuthor();
    const mentions: string[] = [];
    if (rnd() < 0.05) {
      mentions.push(o.authors[(author + 1 + Math.floor(rnd() * (n - 1))) % n]!);
      counts.mentions++;
    }
    const text = mentions.length > 0 ? `@${mentions[0]} ${chatMessageText(rnd, 198 - mentions[0]!.length)}` : chatMessageText(rnd);
    const replyTo = i > 0 && rnd() < 0.04 ? Math.max(0, i - 1 - Math.floor(rnd() * 40)) : null;
    if (replyTo !== null) counts.replies++;
    actions.push({ kind: 'post', author, ts, text, replyTo, mentions });
    final.push({ author, ts, text });

    if (rnd() < 0.03) {
      for (let k = rnd() < 0.15 ? 2 : 1; k > 0; k--) {
        tick(5, 90);
        const edited = chatMessageText(rnd);
        actions.push({ kind: 'edit', author, ts, message: i, text: edited });
        final[i]!.text = edited;
        counts.edits++;
      }
    }
    if (rnd() < 0.16) {
      const message = Math.max(0, i - Math.floor(rnd() * 10));
      const by = final[message]!.author;
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const who = (by + 1 + Math.floor(rnd() * (n - 1))) % n;
        const emoji = EMOJI[Math.floor(rnd() * EMOJI.length)]!;
        tick(1, 30);
        actions.push({ kind: 'react', author: who, ts, message, emoji, on: true });
        reacted.push({ author: who, message, emoji });
        counts.reactions++;
      }
    }
    if (reacted.length > 0 && rnd() < 0.01) {
      const r = reacted.splice(Math.floor(rnd() * reacted.length), 1)[0]!;
      tick(1, 30);
      actions.push({ kind: 'react', author: r.author, ts, message: r.message, emoji: r.emoji, on: false });
      counts.unreactions++;
    }
  }
  return { actions, final, counts };
}
