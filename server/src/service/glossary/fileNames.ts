// Imported by the server at start-up, before the language service is loaded: no dependencies.

/** Workspace glossary files: these names, in any folder of the workspace. */
export const GLOSSARY_FILE_NAMES: readonly string[] = ['.transcript-glossary.json', '.transcript-glossary.yaml', '.transcript-glossary.yml'];
/** The file a quick fix adds entries to, at the root of a workspace folder. */
export const WORKSPACE_GLOSSARY_NAME = '.transcript-glossary.yaml';
/** The command of that quick fix, run after its edit: the client shows the file with the cursor where the entry is to be completed. */
export const SHOW_GLOSSARY_ENTRY = 'transcript.server.showGlossaryEntry';
/** The glob an editor watches for them. */
export const GLOSSARY_FILE_GLOB = '**/.transcript-glossary.{json,yaml,yml}';

/** Whether a URI or path names a workspace glossary file. */
export function isGlossaryFile(uriOrPath: string): boolean {
  const name = uriOrPath.replace(/[?#].*$/, '').split(/[/\\]/).pop() ?? '';
  return GLOSSARY_FILE_NAMES.includes(decodeURIComponent(name));
}
