/*
 * The one part of jsdom (a dev dependency, the unit tests' DOM) that integration tests use to read an
 * XML file back: @types/jsdom has no release for jsdom 29, and this is all they need of it.
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(markup: string, options?: { contentType?: string });
    readonly window: { document: Document };
  }
}
