import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { homeCountry } from '../../server/src/service/glossary/countries';
import { DerivedResults } from '../../server/src/service/derivedResults';
import { loadGlossaryFile } from '../../server/src/service/glossary/loadGlossaryFile';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { cursor, document, lines, parse } from '../util/fixtures';

/** The title of the card at the cursor (`|`), or undefined where no card is shown. */
function cardAt(marked: string): string | undefined {
  const { text, offset } = cursor(marked);
  const hover = createLanguageService().provideHover(document(text), new LineIndex(text).positionAt(offset));
  const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  return / has no card/.test(value) ? undefined : /^(?:\*[^*\n]+\*\n\n)?\*\*([^*]+)\*\*/.exec(value)?.[1];
}

const home = (text: string) => homeCountry(new DerivedResults(), parse(text));

describe('glossary: generic names, resolved by the transcript’s country', () => {
  it('takes the country most paragraphs name, by its names, its people’s and its places’, if it leads clearly', () => {
    assert.equal(home(lines('PM: Australians want jobs.', '', 'PM: We met in Canberra.', '', 'PM: Malaysia agreed.')), 'AU');
    assert.equal(home(lines('Q: The UK Government decided.', '', 'A: In Wales we did not.')), 'GB');
    // One paragraph is not enough; two countries named as often tell none.
    assert.equal(home('PM: Australia agreed.\n'), undefined);
    assert.equal(home(lines('A: Australia and Malaysia.', '', 'A: Malaysia and Australia.')), undefined);
    // `Latin America` and `New South Wales` name neither the United States nor Britain.
    assert.equal(home(lines('A: Latin America grows.', '', 'A: Latin American trade.', '', 'A: In New South Wales.', '', 'A: And Queensland.')), 'AU');
  });

  it('where another country comes close, takes the one whose people speak the transcript’s language', () => {
    const text = lines(
      '---', 'language: es', '---', 'PRESIDENTE: México crece, y el pueblo de México lo sabe.', '', 'PRESIDENTE: Los mexicanos trabajan en el campo.', '',
      'PRESIDENTE: Estados Unidos compra lo que vendemos.', '', 'PRESIDENTE: Es lo que hay en Estados Unidos.', '',
      'PRESIDENTE: Es lo que queremos para México y para Estados Unidos.', '', 'PRESIDENTE: Vamos a Oaxaca.',
    );
    assert.equal(home(text), 'MX');
  });

  it('gives the High Court of the transcript’s country, and none where its country is unknown', () => {
    const australian = lines('PM: Australians will decide.', '', 'PM: Here in Canberra the |High Court ruled on Mabo.');
    assert.equal(cardAt(australian), 'High Court of Australia');
    const newZealand = lines('Hon Member: New Zealanders expect better.', '', 'Hon Member: The case went to the |High Court in Auckland.');
    assert.equal(cardAt(newZealand), 'High Court of New Zealand');
    assert.equal(cardAt('Speaker: The |High Court ruled on Monday.\n'), undefined);
    assert.equal(cardAt(lines('A: Australia and Ireland.', '', 'A: Ireland and Australia.', '', 'A: The |High Court ruled.')), undefined);
  });

  it('gives the Federal Government, the Air Force, Parliament and the Treasury of each country', () => {
    const au = lines('PM: Australia', '', 'PM: Australian jobs', '', 'PM: Malaysia', '', 'PM: The |Federal Government will help.');
    assert.equal(cardAt(au), 'Australian Government');
    const de = lines('Abgeordneter: Deutschland', '', 'Abgeordneter: Berlin', '', 'Abgeordneter: Die |Bundesregierung schweigt.');
    assert.equal(cardAt(de), 'Federal Government of Germany');
    const mx = lines('PRESIDENTE: México', '', 'PRESIDENTE: Jalisco', '', 'PRESIDENTE: La |Guardia Nacional llegó.');
    assert.equal(cardAt(mx), 'National Guard of Mexico');
    const uk = lines('Witness: The UK', '', 'Witness: In London', '', 'Witness: The |Treasury said no.');
    assert.equal(cardAt(uk), "His Majesty's Treasury");
    assert.equal(cardAt(lines('Senator: Canadians', '', 'Senator: Ottawa', '', 'Senator: The |Air Force flew.')), 'Royal Canadian Air Force');
  });

  it('gives the body of the country a word before the generic name names, whatever the transcript’s', () => {
    const text = lines('PM: Australia', '', 'PM: Australians', '', 'PM: He led the US |Air Force and the Strategic Command.');
    assert.equal(cardAt(text), 'United States Air Force');
  });

  it('shows no generic name written in capitals: a heading’s or a dateline’s word', () => {
    assert.equal(cardAt(lines('PM: Australia', '', 'PM: Australians', '', 'Press conference, |PARLIAMENT HOUSE, Canberra.')), undefined);
  });

  it('reads a shared acronym (MFA, ABC) as the transcript’s country’s body, or as none', () => {
    const russian = lines('Q: Russia', '', 'Q: Moscow', '', 'Q: The |MFA replied.');
    assert.equal(cardAt(russian), 'Ministry of Foreign Affairs of the Russian Federation');
    assert.equal(cardAt(lines('P: México', '', 'P: Mexicanos', '', 'P: La empresa |MFA vendió.')), undefined);
    assert.equal(cardAt(lines('PM: Australia', '', 'PM: Australian', '', 'PM: It broke on the |ABC News on Saturday.')), 'Australian Broadcasting Corporation');
    const american = lines('MODERATOR: America', '', 'MODERATOR: Americans', '', 'MODERATOR: Welcome to the |ABC debate.');
    assert.equal(cardAt(american), 'American Broadcasting Company');
  });

  it('reads Cruz Roja in a Mexican transcript as the Mexican Red Cross', () => {
    assert.equal(cardAt(lines('PRESIDENTE: México', '', 'PRESIDENTE: Oaxaca', '', 'PRESIDENTE: La |Cruz Roja ayudó.')), 'Mexican Red Cross');
  });
});

describe('glossary: a national name never picks a foreign body when the transcript’s country has one', () => {
  it('reads the Republican Party of a US debate that names India as the American party', () => {
    const text = lines(
      'MODERATOR: America', '', 'CANDIDATE: Americans', '', 'CANDIDATE: India and China trade.', '', 'CANDIDATE: The |Republican Party will win.',
    );
    assert.equal(cardAt(text), 'Republican Party');
  });

  it('reads the Liberal Party of a Canadian debate that names Australia as Canada’s', () => {
    const text = lines(
      'Mr. Manning: Canada', '', 'Mr. Manning: Canadians', '', 'Mr. Manning: Australia too.', '', 'Mr. Manning: Donations to the |Liberal Party.',
    );
    assert.equal(cardAt(text), 'Liberal Party of Canada');
  });

  it('says a law or a treaty the transcript defines is not an organisation', () => {
    const { text, offset } = cursor(lines('Speaker: The Nuclear Non-Proliferation Treaty (NPT) was extended.', '', 'Speaker: The |NPT matters.'));
    const hover = createLanguageService().provideHover(document(text), new LineIndex(text).positionAt(offset));
    assert.match((hover?.contents as MarkupContent).value, /Law or treaty, not an organisation/);
  });
});

describe('glossary: generic names are the built-in data’s', () => {
  it('warns of `genericNames` in a workspace glossary file as an unknown key, and reads its organisations', () => {
    const text = lines('genericNames:', '  High Court: { AU: xcorp }', 'organisations:', '  - acronyms: [XCORP]', '    fullName: Example Corporation', '');
    const { layer, problems } = loadGlossaryFile('file:///w/.transcript-glossary.yaml', text);
    const reported = problems.map((p) => [text.slice(p.start, p.end), p.severity, p.message.split(':')[0]]);
    assert.deepEqual(reported, [['genericNames', 'warning', 'Unknown key `genericNames`']]);
    assert.deepEqual(layer.entries.map((e) => e.fullName), ['Example Corporation']);
  });
});
