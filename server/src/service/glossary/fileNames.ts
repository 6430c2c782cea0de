// Imported by the server at start-up, before the language service is loaded: no dependencies.

/** Workspace glossary files: these names, in any folder of the workspace. */
export const GLOSSARY_FILE_NAMES: readonly string[] = ['.transcript-glossary.json', '.transcript-glossary.yaml', '.transcript-glossary.yml'];
/** The glob an editor watches for them. */
export const GLOSSARY_FILE_GLOB = '**/.transcript-glossary.{json,yaml,yml}';

/** Whether a URI or path names a workspace glossary file. */
export function isGlossaryFile(uriOrPath: string): boolean {
  const name = uriOrPath.replace(/[?#].*$/, '').split(/[/\\]/).pop() ?? '';
  return GLOSSARY_FILE_NAMES.includes(decodeURIComponent(name));
}
