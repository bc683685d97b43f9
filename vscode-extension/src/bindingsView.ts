// What "witty: Show Bindings" shows, without VS Code: the languages to pick from (the last
// choice first), the virtual document's address, and the answer of `witty/bindings` as one text.

/** The languages of `wit bindgen --lang`, with the extension a document of each gets. */
export const LANGUAGES: { id: string; label: string; ext: string }[] = [
  { id: "rust", label: "Rust", ext: "rs" },
  { id: "c", label: "C", ext: "h" },
  { id: "cpp", label: "C++", ext: "hpp" },
  { id: "csharp", label: "C#", ext: "cs" },
  { id: "moonbit", label: "MoonBit", ext: "mbt" },
  { id: "markdown", label: "Markdown", ext: "md" },
];

/** The languages in the order to offer them: the one chosen last time first. */
export function languageChoices(last: string | undefined): { id: string; label: string; ext: string }[] {
  const found = LANGUAGES.find((l) => l.id === last);
  return found ? [found, ...LANGUAGES.filter((l) => l !== found)] : [...LANGUAGES];
}

/** What the virtual document asks the server for, kept in its address's query. */
export interface BindingsQuery {
  uri: string;
  lang: string;
  world?: string;
}

export function encodeQuery(q: BindingsQuery): string {
  return JSON.stringify(q);
}

export function decodeQuery(query: string): BindingsQuery {
  const q = JSON.parse(query) as BindingsQuery;
  if (typeof q.uri !== "string" || typeof q.lang !== "string") {
    throw new Error(`not a bindings query: ${query}`);
  }
  return q;
}

/** The answer of `witty/bindings`. */
export interface BindingsAnswer {
  world: string;
  lang: string;
  generator: string;
  files: { name: string; text: string | null; bytes?: number }[];
}

/** The files as one text, as `wit bindgen` prints them: one file as it is, several each after
 * a `==> name <==` line; a binary file by its name and size only. */
export function bindingsText(answer: BindingsAnswer): string {
  const several = answer.files.length > 1;
  const parts = answer.files.map((f) => {
    const body = f.text ?? `(binary, ${f.bytes ?? 0} bytes: \`wit bindgen --out-dir\` writes it)\n`;
    return several ? `==> ${f.name} <==\n${body}` : body;
  });
  return parts.join("\n");
}
