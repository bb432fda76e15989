const OPENERS = ['ok', 'so', 'hey', 'quick one:', 'fyi', 'morning!', 'sure,', 'hmm,', 'right,', 'thanks,', 'agreed,', 'honestly'];
const WORDS = (
  'the a we I you it this that and but or so if then when just still already maybe probably really ' +
  'build deploy release review merge branch test tests fix bug crash patch draft plan meeting call notes ' +
  'tomorrow today tonight later soon friday monday week sprint roadmap budget invoice client design mockup ' +
  'server client sync snapshot key folder sheet calendar doc upload link file screenshot issue ticket ' +
  'looks works fails broke ship wait check think need want try move push pull read send share open ' +
  'good great fine weird slow fast small big new old first last next again done ready blocked'
).split(' ');
const ENDINGS = ['.', '.', '.', '!', '?', ' :)', '', ' 👍', '…'];

/**
 * A chat line of 20 to `maxChars` (200) characters, most short and a few
 * long, made of everyday words so its size and shape are those of real
 * messages.
 */
export function chatMessageText(rnd: () => number, maxChars = 200): string {
  // Most messages are short; about one in six runs long.
  const target = Math.min(maxChars - 3, rnd() < 0.84 ? 20 + Math.floor(rnd() * 70) : 90 + Math.floor(rnd() * 111));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  let s = rnd() < 0.3 ? pick(OPENERS) : pick(WORDS);
  s = s[0]!.toUpperCase() + s.slice(1);
  while (s.length < target) s += (rnd() < 0.08 ? ', ' : ' ') + pick(WORDS);
  // Room for the longest ending, so an emoji is never cut in half.
  return s.slice(0, maxChars - 3).trimEnd() + pick(ENDINGS);
}
