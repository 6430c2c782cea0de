import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { cursor, document, lines } from '../util/fixtures';

/** The organisations a transcript names: each one's full name, country and the forms it is named by. */
function named(text: string): { name: string; country?: string; forms: string[] }[] {
  return createLanguageService().provideOrganisations(document(text))
    .map((c) => ({ name: c.entry.fullName, country: c.entry.country, forms: c.mentions.map((m) => m.form) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The hover's text at the cursor (`|`). */
function hoverAt(marked: string): string {
  const { text, offset } = cursor(marked);
  const hover = createLanguageService().provideHover(document(text), new LineIndex(text).positionAt(offset));
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

/** The title of the card at the cursor (`|`), or undefined where no card is shown. */
function cardAt(marked: string): string | undefined {
  const value = hoverAt(marked);
  return / has no card/.test(value) ? undefined : /^(?:\*[^*\n]+\*\n\n)?\*\*([^*]+)\*\*/.exec(value)?.[1];
}

describe('glossary: governments’ own bodies from open datasets (GOV.UK’s organisations, the Federal Register’s agencies)', () => {
  const british = (...paragraphs: string[]) => lines('Minister: Britain will act.', '', ...paragraphs);
  const american = (...paragraphs: string[]) => lines('Senator: America will act.', '', ...paragraphs);

  it('gives a British body its card, by its name and its acronym, where the transcript names Britain', () => {
    assert.deepEqual(named(british('Minister: In London the Competition and Markets Authority met; the CMA ruled, and Defra agreed.')), [
      { name: 'Competition and Markets Authority', country: 'GB', forms: ['Competition and Markets Authority', 'CMA'] },
      { name: 'Department for Environment, Food & Rural Affairs', country: 'GB', forms: ['Defra'] },
    ]);
    assert.match(hoverAt(british('Minister: The |Maritime and Coastguard Agency said so.')),
      /^\*\*Maritime and Coastguard Agency\*\* \(MCA\)\n\nAn executive agency of the United Kingdom's government\./);
    // Where no country is named, a dataset's national body stands for nothing.
    assert.deepEqual(named('Speaker: The Maritime and Coastguard Agency said so.'), []);
  });

  it('ranks an acronym a British body shares with another country’s by the transcript’s country', () => {
    assert.equal(cardAt(british('Minister: In London, the |CMA said so.')), 'Competition and Markets Authority');
    assert.equal(cardAt(lines('Reporter: China', '', 'Reporter: Beijing', '', 'Reporter: The |CMA warned of a typhoon in China.')),
      'China Meteorological Administration');
  });

  it('gives an American agency its card where the transcript names America, by the name its description spells out and the list’s', () => {
    assert.deepEqual(named(american('Senator: The Farm Service Agency and the Federal Energy Regulatory Commission disagree.')), [
      { name: 'Farm Service Agency', country: 'US', forms: ['Farm Service Agency'] },
      { name: 'Federal Energy Regulatory Commission', country: 'US', forms: ['Federal Energy Regulatory Commission'] },
    ]);
    assert.match(hoverAt(american('Senator: The |FERC ruled.')),
      /^\*\*Federal Energy Regulatory Commission\*\* \(FERC\)\n\nPart of the Department of Energy, in the United States federal government\./);
  });

  it('reads FSA as the Food Standards Agency in a British transcript, as the Farm Service Agency in an American one', () => {
    assert.equal(cardAt(british('Minister: In London, the |FSA warned about the eggs.')), 'Food Standards Agency');
    assert.equal(cardAt(american('Senator: In Iowa, the |FSA paid the farmers.')), 'Farm Service Agency');
    assert.equal(cardAt('Speaker: The |FSA said so.\n'), undefined);
  });

  it('leaves an international body its acronym: IPCC stays the climate panel in a British transcript', () => {
    assert.equal(cardAt(british('Minister: In London, the |IPCC report on climate change was published.')), 'Intergovernmental Panel on Climate Change');
  });

  it('gives a generic title (`Department for Education`) the British body only in a British transcript', () => {
    assert.equal(cardAt(british('Minister: In London, the |Department for Education said so.')), 'Department for Education');
    assert.equal(cardAt(lines('PM: Australia', '', 'PM: Australians', '', 'PM: The |Department for Education said so.')), undefined);
  });
});
