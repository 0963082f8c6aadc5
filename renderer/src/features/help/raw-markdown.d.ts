/** A guide's Markdown, bundled as text by Vite (`?raw`): shipped with the app, never fetched. */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
