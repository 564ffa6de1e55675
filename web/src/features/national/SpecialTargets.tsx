/** Landelijk overzicht: each special target with its progress, or why it cannot be measured yet. */
import type { SpecialTarget } from '../../api/types.ts';
import { formatNumber, formatPercent } from '../../labels.ts';
import { formatTargetValue } from './attainment.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { TextLink } from '../../components/TextLink.tsx';

const TARGET_STATUS: Record<SpecialTarget['status'], { text: string; icon: string }> = {
  op_koers: { text: 'Op koers', icon: '✓' },
  achter: { text: 'Achter op het doel', icon: '!' },
  onbekend: { text: 'Nog niet meetbaar', icon: '?' },
  ter_vergelijking: { text: 'Ter vergelijking, geen doel', icon: 'i' },
};

function SpecialTargets({ targets }: { targets: SpecialTarget[] }) {
  if (targets.length === 0) return <Paragraph>Er zijn nog geen bijzondere doelen vastgelegd.</Paragraph>;
  // Two targets with the same name (e.g. "Nieuwe woningen" for 2022–2030 and per year 2025–2029) get their period in the heading.
  const sameLabel = (label: string) => targets.filter((x) => x.label === label).length > 1;
  return (
    <ul className="wbm-special-targets" data-testid="special-targets">
      {targets.map((t) => {
        const status = TARGET_STATUS[t.status];
        const period = t.target.periodStart === t.target.periodEnd ? String(t.target.periodStart) : `${t.target.periodStart}–${t.target.periodEnd}`;
        return (
          <li key={t.targetId} className={`wbm-special-target wbm-special-target--${t.status}`} data-testid="special-target">
            <Heading level={3}>
              {t.label}
              {sameLabel(t.label) && ` (${period})`}
            </Heading>
            <Paragraph>
              <span className={`wbm-target-status wbm-target-status--${t.status}`}>
                <span aria-hidden="true" className="wbm-target-status__icon">
                  {status.icon}
                </span>{' '}
                {status.text}
              </span>
            </Paragraph>
            <dl className="wbm-data-list">
              <div className="utrecht-data-list__item">
                <dt>{t.status === 'ter_vergelijking' ? 'Opbrengst nu' : 'Doel'}</dt>
                <dd>
                  {formatTargetValue(t.target.value, t.target.unit)} ({period})
                </dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt>Stand</dt>
                <dd>
                  {t.measurable && t.measured !== null ? (
                    <>
                      {formatTargetValue(t.measured, t.target.unit === 'woningen_per_jaar' ? 'woningen' : t.target.unit)}
                      {t.measuredOver
                        ? ` (${t.measuredOver.from === t.measuredOver.to ? t.measuredOver.from : `${t.measuredOver.from}–${t.measuredOver.to}`})`
                        : ''}
                      {t.progress !== null && <>, {formatPercent(t.progress)} van het doel</>}
                    </>
                  ) : (
                    'nog niet meetbaar'
                  )}
                </dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt>{t.measurable ? 'Hoe gemeten' : 'Waarom niet meetbaar'}</dt>
                <dd>{t.explanation}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt>Bron</dt>
                <dd>
                  {t.target.sourceUrl ? (
                    <TextLink href={t.target.sourceUrl} rel="noreferrer">
                      {t.target.sourceRef ?? t.target.sourceUrl}
                    </TextLink>
                  ) : (
                    (t.target.sourceRef ?? 'onbekend')
                  )}
                </dd>
              </div>
              {t.target.note && (
                <div className="utrecht-data-list__item">
                  <dt>Toelichting</dt>
                  <dd>{t.target.note}</dd>
                </div>
              )}
            </dl>
            {t.progress !== null && (
              <span className="wbm-share-bar wbm-share-bar--wide" aria-hidden="true">
                <span className="wbm-share-bar__fill" style={{ inlineSize: `${Math.min(1, Math.max(0, t.progress)) * 100}%` }} />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function SpecialTargetsSection({ targets, homesPerYear }: { targets: SpecialTarget[]; homesPerYear: number }) {
  return (
    <Section id="nl-doelen" title="Bijzondere doelen">
      <Paragraph>
        De afspraken naast de {formatNumber(homesPerYear)} woningen per jaar, elk met de bron en hoe ver we zijn. Sommige doelen kunnen nog niet
        worden gemeten: dan staat erbij waarom.
      </Paragraph>
      <SpecialTargets targets={targets} />
    </Section>
  );
}
