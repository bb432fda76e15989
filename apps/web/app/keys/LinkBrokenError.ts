/** A share link's fragment does not decode, or its payload does not open or parse: never shown as content. */
export class LinkBrokenError extends Error {
  constructor() {
    super('This link is incomplete or damaged. Ask for the link again, and copy all of it.');
    this.name = 'LinkBrokenError';
  }
}
