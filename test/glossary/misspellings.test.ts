import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { builtinGlossary, createLanguageService, organisationSpelling } from '../../server/src/service';
import { ALL_CAPS_WORD } from '../../server/src/service/languageFeatures/diagnostics/misspellings';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { document, lines } from '../util/fixtures';

describe('glossary: misspelt acronyms, one definition for the hover and the diagnostic', () => {
  it('takes two neighbouring letters swapped, or one letter changed in an acronym of six letters or more, for a slip', () => {
    const spelling = organisationSpelling(builtinGlossary());
    const meant = (word: string) => spelling.suggest(word)?.acronym;
    assert.equal(meant('OCSE'), 'OSCE');
    assert.equal(meant('NTAO'), 'NATO');
    assert.equal(meant('CTSO'), 'CSTO');
    assert.equal(meant('UNWRA'), 'UNRWA');
    assert.equal(meant('UNISEF'), 'UNICEF');
    assert.equal(spelling.suggest('OCSE')?.fullName, 'Organization for Security and Co-operation in Europe');
    // A changed letter in a short acronym, a letter left out or added, a swap in three letters:
    // on the shared corpus, such words were all acronyms of their own (APAC, NARA, CNBC, AFT).
    for (const word of ['OSCA', 'NATU', 'APAC', 'NARA', 'ASEN', 'CAPS', 'CNBC', 'AFT', 'SNA']) assert.equal(meant(word), undefined, word);
    for (const word of ['OSCE', 'USA', 'GDP', 'CEO', 'THE', 'XIV', 'Ocse', 'OC']) assert.equal(meant(word), undefined, word);
    // A national dataset's acronym is no target: CNAS (a think tank) is no slip of China's CNSA, nor MBDA of Australia's MDBA.
    assert.ok(builtinGlossary().sensesOf('CNSA').length && builtinGlossary().sensesOf('MDBA').length);
    for (const word of ['CNAS', 'MBDA', 'NCAS', 'RECA']) assert.equal(meant(word), undefined, word);
  });

  it('has the hover explain exactly the words the diagnostic flags', () => {
    const text = lines(
      'Sergey Lavrov: We met the NTAO envoy, the UNWRA chief and UNISEF staff.',
      '',
      'Sergey Lavrov: Not the OSCA, the NATU, the ASEN or the APAC people, and not the OSCE.',
      '',
      'Sergey Lavrov: The NSTB said so. The NSTB did. The NSTB went.',
    );
    const service = createLanguageService();
    const doc = document(text);
    const flagged = service.provideDiagnostics(doc).filter((d) => d.code === 'misspelt-organisation');
    const lineIndex = new LineIndex(text);
    const flaggedAt = new Map(flagged.map((d) => [lineIndex.offsetAt(d.range.start), (d.data as { replacement: string }).replacement]));
    for (const m of text.matchAll(ALL_CAPS_WORD)) {
      const hover = service.provideHover(doc, lineIndex.positionAt(m.index + 1));
      const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
      const explained = /^\*\*\w+\*\* is not a known acronym: it probably means \*\*(\w+)\*\*/.exec(value)?.[1];
      assert.equal(explained, flaggedAt.get(m.index), `${m[0]}: the hover says ${explained ?? 'nothing of a misspelling'}`);
    }
    assert.deepEqual([...flaggedAt.values()], ['NATO', 'UNRWA', 'UNICEF']);
  });
});
