import { describe, expect, it } from 'vitest';
import { recogniseOrigin, recognisePlanStatus } from './status.ts';

describe('plan status from provincial codes and labels (SPEC §2 "Plan status"; issue 13 part 1)', () => {
  it.each([
    ['1A Onherroepelijk', 'onherroepelijk'],
    ['1B onhr + uitwerkingsplicht', 'vastgesteld'],
    ['1C Onherroepelijk, wijzigingsbevoegdheid', 'vastgesteld'],
    ['2A Vastgesteld plan/besluit', 'vastgesteld'],
    ['2B vastgesteld + Uitwerkingsplicht', 'vastgesteld'],
    ['2C Vastgesteld, wijzigingsbevoegdheid', 'vastgesteld'],
    ['3 plan/besluit in voorbereiding', 'in_voorbereiding'],
    ['4A potentiele locatie in visie', 'visie'],
    ['4B Optie', 'visie'],
    ['Status onbekend', 'onbekend'],
    ['1', 'onherroepelijk'],
    ['2', 'vastgesteld'],
    ['5', 'onbekend'],
    ['Visie / potentie', 'visie'],
    ['In voorbereiding', 'in_voorbereiding'],
    ['ONHERROEPELIJK', 'onherroepelijk'],
  ])('%s → %s', (label, status) => {
    expect(recognisePlanStatus(label)).toBe(status);
  });

  it('lets the per-source value list decide first, and recognises nothing it does not know', () => {
    expect(recognisePlanStatus('1B Onherroepelijk, uitwerkingsplicht', { '1B Onherroepelijk, uitwerkingsplicht': 'onherroepelijk' })).toBe(
      'onherroepelijk',
    );
    expect(recognisePlanStatus('harde plannen?')).toBeNull();
    expect(recognisePlanStatus('6')).toBeNull();
  });

  it('reads plan types as origin', () => {
    expect(recogniseOrigin('Functieverandering Kantoren')).toBe('transformatie');
    expect(recogniseOrigin('Uitleggebied voor woningbouw')).toBe('nieuwbouw');
    expect(recogniseOrigin('Flexwoning')).toBe('flex');
    expect(recogniseOrigin('Woontoren')).toBeNull();
  });
});
