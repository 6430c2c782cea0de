import { lines } from '../util/fixtures';

/** A declared speaker with aliases, a tag in two spellings, and an undeclared speaker. */
export const DECLARED = lines(
  '---',
  'speakers:',
  '  - name: Sergey Lavrov',
  '    aliases: [Lavrov, Foreign Minister Sergey Lavrov]',
  '  - Murat Nurtleu',
  '---',
  'Foreign Minister Sergey Lavrov: Good afternoon. We discussed #energy.',
  '',
  'Question: What about #Energy prices?',
  '',
  'Lavrov: They are stable. #energy #trade',
  '',
  'Murat Nurtleu: I agree.',
  '',
  'Question: And trade?',
  '',
  'Sergey Lavrov: Growing. #trade',
);
