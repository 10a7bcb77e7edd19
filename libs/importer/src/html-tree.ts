/** A small element tree built with htmlparser2's streaming parser, so walkers can look ahead. */
import { Parser } from 'htmlparser2';

export interface HtmlElement {
  name: string;
  attribs: Record<string, string>;
  children: HtmlNode[];
}

export type HtmlNode = HtmlElement | string;

export function parseHtml(html: string, options: { xmlMode?: boolean } = {}): HtmlElement {
  const root: HtmlElement = { name: '#root', attribs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element: HtmlElement = { name, attribs, children: [] };
        stack[stack.length - 1].children.push(element);
        stack.push(element);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        stack[stack.length - 1].children.push(text);
      },
    },
    { decodeEntities: true, xmlMode: options.xmlMode ?? false },
  );
  parser.write(html);
  parser.end();
  return root;
}

export function isElement(node: HtmlNode): node is HtmlElement {
  return typeof node !== 'string';
}
