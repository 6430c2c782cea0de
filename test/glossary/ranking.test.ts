import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { document, lines } from '../util/fixtures';

/**
 * The likeliest sense of each mention of `form`, in document order, as `orgs` counts them and as
 * the hover puts them first: the two must agree.
 */
function likeliestSenses(text: string, form: string): string[] {
  const service = createLanguageService();
  const doc = document(text);
  const counted = new Map<number, string>();
  for (const organisation of service.provideOrganisations(doc)) {
    for (const mention of organisation.mentions) if (mention.form === form) counted.set(mention.start, organisation.entry.fullName);
  }
  const lineIndex = new LineIndex(text);
  return [...counted.keys()].sort((a, b) => a - b).map((start) => {
    const hover = service.provideHover(doc, lineIndex.positionAt(start + 1));
    const first = /\*\*([^*]+)\*\* \(/.exec((hover?.contents as MarkupContent).value)?.[1];
    assert.equal(first, counted.get(start), `the hover at ${start} puts first what orgs counts`);
    return counted.get(start)!;
  });
}

describe('glossary: the senses of an ambiguous acronym, ranked by the words around each mention', () => {
  it('reads FSB in a Russian security context as the Federal Security Service, next to the G20 and Basel as the Financial Stability Board', () => {
    const text = lines(
      'Vladimir Putin: As a former FSB director, I know for sure that there was massive support for separatism in our North Caucasus.',
      '',
      'Vladimir Putin: At the G20 we spoke about the world economy, and the FSB, the body in Basel that watches over financial stability, reported to the leaders.',
    );
    assert.deepEqual(likeliestSenses(text, 'FSB'), ['Federal Security Service of the Russian Federation', 'Financial Stability Board']);
    // Either alone: the words around it decide, not what else the document names.
    assert.deepEqual(likeliestSenses(lines(text.split('\n\n')[0], '', 'Vladimir Putin: The G20 met in Osaka.'), 'FSB'), ['Federal Security Service of the Russian Federation']);
  });

  it('reads EEC beside the Treaty of Rome as the European Economic Community, beside the customs union of Eurasia as the Eurasian Economic Commission', () => {
    const text = lines(
      'Sergey Lavrov: Britain joined the EEC in 1973, long after the Treaty of Rome.',
      '',
      'Sergey Lavrov: Today the EEC sets the customs rules of Russia, Belarus and Kazakhstan in the Eurasian Economic Union.',
    );
    assert.deepEqual(likeliestSenses(text, 'EEC'), ['European Economic Community', 'Eurasian Economic Commission']);
  });

  it('reads ICC beside war crimes as the court, beside a tournament as the cricket council', () => {
    const text = lines(
      'Speaker: The ICC prosecutor asked for a warrant over war crimes.',
      '',
      'Speaker: The ICC moved the tournament, and the players flew to Dubai.',
    );
    assert.deepEqual(likeliestSenses(text, 'ICC'), ['International Criminal Court', 'International Cricket Council']);
  });

  it('takes a dataset party only where the transcript names its country, and ranks a shared name by the country named', () => {
    const senses = (text: string, form: string) => createLanguageService().provideOrganisations(document(text))
      .filter((c) => c.entry.kind === 'party' && c.mentions.some((m) => m.form === form)).map((c) => c.entry.id);
    // CPI: India's communists in an Indian debate, nothing beside an inflation figure in an Australian one.
    assert.deepEqual(senses('Speaker: The CPI won two seats in Kerala, India.', 'CPI'), ['party-in-communist-party-of-india']);
    assert.deepEqual(senses('Speaker: The CPI rose by 3 per cent in Australia.', 'CPI'), []);
    // `Labour Party`: the British one where the United Kingdom is named, no other country's.
    assert.deepEqual(senses('Speaker: The Labour Party won the election in the United Kingdom.', 'Labour Party'), ['party-gb-labour-party']);
    assert.deepEqual(senses('Speaker: The Labour Party won the election.', 'Labour Party'), []);
  });
});
