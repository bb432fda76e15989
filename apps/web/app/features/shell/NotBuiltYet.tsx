/** An honest placeholder for a section that does not exist yet. */
export function NotBuiltYet({ title, text }: { title: string; text: string }) {
  return (
    <section className="not-built">
      <h1>{title}</h1>
      <p className="badge">Not built yet</p>
      <p className="muted">{text} Your account and keys are already set up for it.</p>
    </section>
  );
}
