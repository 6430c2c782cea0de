/** The part of markdown-it (CommonMark) the Markdown export test uses. */
declare module 'markdown-it' {
  export default class MarkdownIt {
    render(source: string): string;
  }
}
