import { strict as assert } from 'assert';
import { DE_CHAZAL_2004, PUBLISHED_INTER_PATIENT, PUBLISHED_PATIENT_SPECIFIC } from '../../lib/evaluation';

describe('evaluation/published-results', () => {
  it('keeps de Chazal et al. 2004 as the first published inter-patient row with its figures', () => {
    const d = PUBLISHED_INTER_PATIENT[0];
    assert.deepEqual([d.year, d.sSe, d.sPpv, d.vSe, d.vPpv], [2004, 75.9, 38.5, 77.7, 81.9]);
  });

  it('agrees with the de Chazal baseline the AAMI report compares against', () => {
    const d = PUBLISHED_INTER_PATIENT[0];
    assert.deepEqual(
      [d.sSe, d.sPpv, d.vSe, d.vPpv],
      [DE_CHAZAL_2004.S.se, DE_CHAZAL_2004.S.ppv, DE_CHAZAL_2004.V.se, DE_CHAZAL_2004.V.ppv],
    );
  });

  it('lists each table in year order with percentages in 0..100 and a named source', () => {
    for (const [name, table] of [
      ['inter-patient', PUBLISHED_INTER_PATIENT],
      ['patient-specific', PUBLISHED_PATIENT_SPECIFIC],
    ] as const) {
      for (let i = 1; i < table.length; i++)
        assert.ok(table[i].year >= table[i - 1].year, `${name} row ${i} (${table[i].method}) is out of year order`);
      for (const r of table) {
        for (const v of [r.sSe, r.sPpv, r.vSe, r.vPpv])
          assert.ok(v === null || (v > 0 && v <= 100), `${name} ${r.method}: ${v} is not a percentage`);
        assert.ok(r.source.trim() !== '' && r.selection.trim() !== '', `${name} ${r.method}: no source or selection`);
      }
    }
  });

  it('marks every patient-specific row as trained on the first 5 minutes of the test records', () => {
    assert.ok(PUBLISHED_PATIENT_SPECIFIC.length > 0);
    for (const r of PUBLISHED_PATIENT_SPECIFIC) assert.match(r.selection, /first 5 min/, r.method);
  });
});
