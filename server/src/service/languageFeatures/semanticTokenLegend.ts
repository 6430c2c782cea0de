import type { SemanticTokensLegend } from 'vscode-languageserver-types';

// A module of its own: the server declares the legend in its initialize result, before the
// language service is loaded.

/**
 * What only the parser knows, for themes to colour: a label that really is a speaker (`class`),
 * a question, answer or remark marker (`keyword`), a known organisation (`enumMember`), a topic
 * tag (`decorator`), an annotation (`comment`) and a timestamp (`number`). A speaker's name or
 * alias in the front matter has the `declaration` modifier.
 */
export const SEMANTIC_TOKEN_TYPES = ['class', 'keyword', 'enumMember', 'decorator', 'comment', 'number'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration'] as const;
export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] };

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
