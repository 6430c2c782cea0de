import * as assert from 'node:assert/strict';
import { isPageFurniture } from '../../server/src/service/text/pageFurniture';

describe('text: a page’s furniture', () => {
  it('reads numbers, codes, page marks and short lines of capitals as furniture', () => {
    for (const line of ['25', '-27-', '305-371-6677', '5ed93085-0554-447f-bcdd-ca2d8fe941df', 'Page', 'Page 9', 'PAGE 12', '3 (Pages 6 to 9)',
      'ROUGH DRAFT ONLY', 'FRIEDMAN, LOMBARDI & OLSON']) {
      assert.ok(isPageFurniture(line), line);
    }
  });

  it('reads words, sentences, long lines of capitals and scripts without capitals as no furniture', () => {
    for (const line of ['', 'with distributions.', 'Page nine of the report', 'WE WENT TO THE STORE AND THEN WE WENT HOME AGAIN', 'NO.', 'שלום עולם',
      'THE PRESIDENT:  שלום עולם', '中文記者', 'Mr Keating']) {
      assert.ok(!isPageFurniture(line), line);
    }
  });
});
